import { expect } from 'chai';
import { ChatMessage, ChatToolAgent, OpenAIChatAPI } from '../../src/index.js';
import { createDemoModel, type DemoIntent } from '../../src/testing/index.js';
import { parseSSE } from '../helpers/index.js';

const echo: DemoIntent = {
  name: 'echo',
  pattern: /^echo (.+)$/u,
  reply: (_context, match) => ({
    reasoning: 'Echoing it back.',
    text: `You said: ${match[1] ?? ''}`,
  }),
};
const lookup: DemoIntent = {
  name: 'lookup',
  pattern: /^look up (\w+)$/u,
  reply: (context, match) => {
    const [result] = context.toolResults;
    return result
      ? { text: `Found: ${result.content}` }
      : { toolCalls: [{ name: 'lookup', arguments: { key: match[1] ?? '' } }] };
  },
};

async function post(
  fetchFn: typeof fetch,
  body: unknown,
  path = '/v1/chat/completions',
): Promise<Response> {
  return fetchFn(`http://demo.invalid${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

async function events(response: Response): Promise<string[]> {
  return parseSSE([new Uint8Array(await response.arrayBuffer())]);
}

describe('createDemoModel', () => {
  it('streams reasoning_content, then content, a stop chunk, usage and [DONE] in the OpenAI wire format', async () => {
    const { fetch } = createDemoModel({ intents: [echo], pacing: false });
    const response = await post(fetch, {
      model: 'm1',
      stream: true,
      stream_options: { include_usage: true },
      messages: [{ role: 'user', content: 'echo hi there' }],
    });
    expect(response.status).to.equal(200);
    expect(response.headers.get('content-type')).to.equal('text/event-stream');
    const data = await events(response);
    expect(data.at(-1)).to.equal('[DONE]');
    const chunks = data.slice(0, -1).map(
      (text) =>
        JSON.parse(text) as {
          id: string;
          object: string;
          model: string;
          choices: { delta: Record<string, string | undefined>; finish_reason: string | null }[];
          usage?: Record<string, number> | null;
        },
    );
    expect(new Set(chunks.map((chunk) => chunk.id)).size).to.equal(1);
    expect(
      chunks.every((chunk) => chunk.object === 'chat.completion.chunk' && chunk.model === 'm1'),
    ).to.equal(true);
    expect(chunks[0]!.choices[0]!.delta).to.deep.equal({ role: 'assistant', content: '' });
    const reasoning = chunks
      .map((chunk) => chunk.choices[0]?.delta['reasoning_content'] ?? '')
      .join('');
    const content = chunks.map((chunk) => chunk.choices[0]?.delta['content'] ?? '').join('');
    expect(reasoning).to.equal('Echoing it back.');
    expect(content).to.equal('You said: hi there');
    const firstContent = chunks.findIndex((chunk) => chunk.choices[0]?.delta['content']);
    const lastReasoning = chunks.findLastIndex(
      (chunk) => chunk.choices[0]?.delta['reasoning_content'],
    );
    expect(lastReasoning).to.be.lessThan(firstContent);
    expect(chunks.at(-2)!.choices[0]!.finish_reason).to.equal('stop');
    expect(chunks.at(-1)!.choices).to.deep.equal([]);
    expect(chunks.at(-1)!.usage).to.include.keys(
      'prompt_tokens',
      'completion_tokens',
      'total_tokens',
    );
  });

  it('sends no usage chunk when the request does not ask for one', async () => {
    const { fetch } = createDemoModel({ intents: [echo], pacing: false });
    const data = await events(
      await post(fetch, {
        model: 'm',
        stream: true,
        messages: [{ role: 'user', content: 'echo x' }],
      }),
    );
    expect(data.filter((text) => text.includes('"usage"'))).to.deep.equal([]);
  });

  it('answers with the fallback when no intent matches', async () => {
    const { fetch } = createDemoModel({
      intents: [echo],
      pacing: false,
      fallback: () => ({ text: 'No idea.' }),
    });
    const api = new OpenAIChatAPI({ model: 'm', fetch });
    const agent = new ChatToolAgent({ chatApi: api });
    const response = await agent.getResponse({
      messages: [ChatMessage.createUserMessage('what?')],
    });
    expect(response.response).to.equal('No idea.');
  });

  it('calls an offered tool, then answers from the result in the next request', async () => {
    const model = createDemoModel({ intents: [lookup], pacing: false });
    const api = new OpenAIChatAPI({ model: 'm', fetch: model.fetch });
    const { FunctionTool, ToolRegistry } = await import('../../src/index.js');
    const z = await import('zod');
    const tool = new FunctionTool({
      name: 'lookup',
      description: 'Looks up a key.',
      parameters: z.object({ key: z.string() }),
      execute: ({ key }) => ({ value: key.toUpperCase() }),
    });
    const agent = new ChatToolAgent({ chatApi: api });
    const response = await agent.getResponse({
      messages: [ChatMessage.createUserMessage('look up abc')],
      toolRegistry: new ToolRegistry([tool]),
    });
    expect(response.response).to.equal('Found: {"value":"ABC"}');
    expect(model.requests).to.have.length(2);
  });

  it('does not call a tool the request does not offer', async () => {
    const { fetch } = createDemoModel({ intents: [lookup], pacing: false });
    const agent = new ChatToolAgent({ chatApi: new OpenAIChatAPI({ model: 'm', fetch }) });
    const response = await agent.getResponse({
      messages: [ChatMessage.createUserMessage('look up abc')],
    });
    expect(response.finishReason).to.equal('stop');
    expect(response.response).to.match(/offers no tool by that name/);
  });

  it('answers like a server to a wrong path, method or body', async () => {
    const { fetch } = createDemoModel({ pacing: false });
    expect(
      (await post(fetch, { messages: [{ role: 'user', content: 'x' }] }, '/v1/models')).status,
    ).to.equal(404);
    expect((await post(fetch, { model: 'm' })).status).to.equal(400);
    const get = await fetch('http://demo.invalid/v1/chat/completions');
    expect(get.status).to.equal(405);
    const error = (await get.json()) as { error: { message: string } };
    expect(error.error.message).to.match(/use POST/);
  });

  it('paces its stream and stops when the request is aborted', async () => {
    const long: DemoIntent = {
      name: 'long',
      pattern: /long/u,
      reply: () => ({ text: 'word '.repeat(400) }),
    };
    const model = createDemoModel({ intents: [long], pacing: { firstTokenMs: 10, wordMs: 20 } });
    const controller = new AbortController();
    const agent = new ChatToolAgent({
      chatApi: new OpenAIChatAPI({ model: 'm', fetch: model.fetch }),
    });
    let text = '';
    let failure: unknown;
    const started = performance.now();
    try {
      for await (const chunk of agent.getStreamingResponse({
        messages: [ChatMessage.createUserMessage('long')],
        signal: controller.signal,
      })) {
        text += chunk.chunk;
        if (text.length >= 50) controller.abort(new DOMException('Stopped', 'AbortError'));
      }
    } catch (caught) {
      failure = caught;
    }
    expect((failure as DOMException).name).to.equal('AbortError');
    expect(text.length).to.be.within(50, 60);
    // Ten words at ~20 ms each: paced, not delivered at once.
    expect(performance.now() - started).to.be.greaterThan(100);
    expect(model.requests[0]!.aborted).to.equal(true);
  });
});
