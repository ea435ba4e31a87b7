import { expect } from 'chai';
import {
  ChatHistory,
  ChatMessage,
  fromPythonChatHistory,
  toPythonChatHistoryJSON,
  ImageTooLargeError,
  ImageURLError,
  OpenAIChatAPI,
  type ChatMessagePart,
} from '../../src/index.js';
import { textReply } from '../../src/testing/index.js';
import { mockServer } from '../helpers/index.js';

/** A base64 data URL of exactly `bytes` decoded bytes. */
function pngOf(bytes: number): string {
  const data = new Uint8Array(bytes).fill(7);
  let binary = '';
  for (const byte of data) binary += String.fromCharCode(byte);
  return `data:image/png;base64,${btoa(binary)}`;
}

async function send(api: OpenAIChatAPI, content: readonly ChatMessagePart[]): Promise<unknown> {
  const messages = [
    ChatMessage.createSystemMessage('You see images.'),
    ChatMessage.createUserMessage(content, { id: 'u1' }),
  ];
  try {
    for await (const event of api.streamChat({
      messages,
      settings: api.getDefaultSettings(),
      tools: [],
    }))
      void event;
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('OpenAIChatAPI images', () => {
  it('sends text and images in the vision wire form, over HTTP', async () => {
    const script = await mockServer.script([textReply('A cat.')]);
    const api = new OpenAIChatAPI({ model: 'gpt-4o', baseURL: script.baseURL, maxRetries: 0 });
    const data = pngOf(30);
    expect(
      await send(api, [
        { type: 'text', text: 'What is this?' },
        { type: 'image', url: data, mimeType: 'image/png', detail: 'high' },
        { type: 'image', url: 'https://example.com/cat.jpg' },
      ]),
    ).to.equal(undefined);
    const [request] = await script.requests();
    expect((request!.body as { messages: unknown[] }).messages[1]).to.deep.equal({
      role: 'user',
      content: [
        { type: 'text', text: 'What is this?' },
        { type: 'image_url', image_url: { url: data, detail: 'high' } },
        { type: 'image_url', image_url: { url: 'https://example.com/cat.jpg' } },
      ],
    });
  });

  it('refuses a data URL over maxImageBytes by its decoded size, naming the part and the limit, before sending', async () => {
    const script = await mockServer.script([textReply('unused')]);
    const api = new OpenAIChatAPI({ model: 'm', baseURL: script.baseURL, maxImageBytes: 100 });
    // 100 decoded bytes are 136 base64 characters: the decoded size is what counts.
    expect(await send(api, [{ type: 'image', url: pngOf(100) }])).to.equal(undefined);
    const error = await send(api, [
      { type: 'text', text: 'Look:' },
      { type: 'image', url: pngOf(101) },
    ]);
    expect(error).to.be.instanceOf(ImageTooLargeError);
    const tooLarge = error as ImageTooLargeError;
    expect(tooLarge.name).to.equal('ImageTooLargeError');
    expect([tooLarge.messageIndex, tooLarge.messageId, tooLarge.partIndex]).to.deep.equal([
      1,
      'u1',
      1,
    ]);
    expect([tooLarge.bytes, tooLarge.limit]).to.deep.equal([101, 100]);
    expect(tooLarge.message).to.include('101 bytes').and.include('limit of 100 bytes');
    expect(await script.requests()).to.have.length(1);
  });

  it('defaults maxImageBytes to 20 000 000 and checks options', () => {
    expect(new OpenAIChatAPI({ model: 'm' }).maxImageBytes).to.equal(20_000_000);
    expect(new OpenAIChatAPI({ model: 'm', maxImageBytes: Infinity }).maxImageBytes).to.equal(
      Infinity,
    );
    expect(() => new OpenAIChatAPI({ model: 'm', maxImageBytes: 0 })).to.throw(
      TypeError,
      /maxImageBytes/,
    );
  });

  it('measures percent-encoded data URLs by their decoded bytes', async () => {
    const api = new OpenAIChatAPI({
      model: 'm',
      maxImageBytes: 4,
      fetch: () => Promise.reject(new Error('never sent')),
    });
    const error = await send(api, [{ type: 'image', url: 'data:image/svg+xml,%3Csvg%3E' }]);
    expect(error).to.be.instanceOf(ImageTooLargeError);
    expect((error as ImageTooLargeError).bytes).to.equal(5);
  });

  for (const [url, words] of [
    ['http://example.com/cat.png', '"http:"'],
    ['file:///home/me/cat.png', '"file:"'],
    ['blob:https://example.com/1234', '"blob:"'],
    ['cat.png', 'not absolute'],
    ['data:text/plain;base64,AAAA', 'not an image type'],
  ] as const)
    it(`refuses an image URL that cannot be sent (${url.slice(0, 12)}...) with an ImageURLError`, async () => {
      const script = await mockServer.script([textReply('unused')]);
      const api = new OpenAIChatAPI({ model: 'm', baseURL: script.baseURL });
      const error = await send(api, [{ type: 'image', url }]);
      expect(error).to.be.instanceOf(ImageURLError);
      const refused = error as ImageURLError;
      expect([refused.messageIndex, refused.partIndex]).to.deep.equal([1, 0]);
      expect(refused.message).to.include(words).and.include('https: URL');
      expect(await script.requests()).to.have.length(0);
    });

  it('keeps images intact through storage (our JSON and Python ToolAgents JSON) and sends them the same', async () => {
    const history = new ChatHistory();
    history.addSystemMessage('You see images.', { id: 's', createdAt: '2026-01-01T00:00:00.000Z' });
    history.addUserMessage(
      [
        { type: 'text', text: 'Compare these.' },
        { type: 'image', url: pngOf(12), mimeType: 'image/png', detail: 'low' },
        // Python requires a MIME type: an image without one comes back with the guessed one.
        {
          type: 'image',
          url: 'https://example.com/b.webp',
          mimeType: 'image/webp',
          detail: 'high',
        },
      ],
      { id: 'u', createdAt: '2026-01-01T00:00:01.000Z' },
    );
    const key = 'tool-agents-test-images';
    localStorage.setItem(key, history.saveToJSON());
    const ours = ChatHistory.loadFromJSON(localStorage.getItem(key)!);
    localStorage.setItem(key, toPythonChatHistoryJSON(history));
    const python = fromPythonChatHistory(localStorage.getItem(key)!);
    localStorage.removeItem(key);
    expect(ours.getMessages()).to.deep.equal(history.getMessages());
    expect(python.getMessages()[1]!.content).to.deep.equal(history.getMessages()[1]!.content);

    const script = await mockServer.script([textReply('a'), textReply('b'), textReply('c')]);
    const api = new OpenAIChatAPI({ model: 'gpt-4o', baseURL: script.baseURL });
    for (const source of [history, ours, python])
      for await (const event of api.streamChat({
        messages: source.getMessages(),
        settings: api.getDefaultSettings(),
        tools: [],
      }))
        void event;
    const bodies = (await script.requests()).map((request) => request.body);
    expect(bodies).to.have.length(3);
    expect(bodies[1]).to.deep.equal(bodies[0]);
    expect(bodies[2]).to.deep.equal(bodies[0]);
    expect((bodies[0] as { messages: { content: unknown }[] }).messages[1]!.content).to.deep.equal([
      { type: 'text', text: 'Compare these.' },
      { type: 'image_url', image_url: { url: pngOf(12), detail: 'low' } },
      { type: 'image_url', image_url: { url: 'https://example.com/b.webp', detail: 'high' } },
    ]);
  });
});
