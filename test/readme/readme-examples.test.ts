import { expect } from 'chai';
import {
  ChatMessage,
  ChatToolAgent,
  OpenAIChatAPI,
  ToolRegistry,
  toEventStreamResponse,
} from '../../src/index.js';
import { createScriptedFetch, textReply, toolCallReply } from '../../src/testing/index.js';
import { mcpOrigin } from '../mcp/mcp-servers.js';
import { readmeExamples } from '../../scripts/readme-example-blocks.mjs';

/** One README example, as scripts/readme-examples.mjs generates it. */
interface ReadmeExample {
  readonly heading: string;
  readonly line: number;
  run(env: Record<string, unknown>): Promise<unknown>;
}

// Generated when the test runner starts; imported by path, so type-checking a clean clone needs no generated file.
const generated = '../.cache/readme-examples.ts';
const { examples } = (await import(generated)) as { examples: readonly ReadmeExample[] };

const answer = 'Qubits hold superpositions.';

/** Everything the README's examples use without declaring it, wired to a scripted endpoint. */
async function environment(): Promise<Record<string, unknown>> {
  const scripted = createScriptedFetch(() => textReply(answer));
  const agent = new ChatToolAgent({
    chatApi: new OpenAIChatAPI({ model: 'm', fetch: scripted.fetch }),
  });
  const messages = [ChatMessage.createUserMessage('Tell me about quantum computing.')];
  const host = document.createElement('div');
  host.innerHTML =
    '<div id="answer"></div><div id="old"></div><tool-agent-chat no-key></tool-agent-chat>';
  document.body.append(host);
  const returned: unknown[] = [];
  return {
    ChatMessage,
    agent,
    answerText: answer,
    approveToolCall: () => true,
    body: JSON.stringify({ messages }),
    confirmInMyOwnDialog: () => Promise.resolve(true),
    deleteNote: () => 'deleted',
    history: [] as ChatMessage[],
    messages,
    notes: { search: (query: string) => [`a note about ${query}`] },
    output: document.createElement('output'),
    render: () => undefined,
    savedText: '# Saved\n\nText with `code`.',
    settings: agent.chatApi.getDefaultSettings(),
    signal: new AbortController().signal,
    stopButton: document.createElement('button'),
    stream: agent.getStreamingResponse({ messages }),
    toolRegistry: new ToolRegistry(),
    userKey: 'sk-readme-example',
    userToken: 'token',
    returned: (value: unknown) => returned.push(value),
    returnedValues: returned,
    host,
    mcp: await mcpOrigin(),
    scripted,
  };
}

/** Routes the page's fetches for the examples: the relay, the MCP test server, and a model for everything else. */
function routeFetch(env: Record<string, unknown>): () => void {
  const original = globalThis.fetch;
  const model = createScriptedFetch(() => toolCallReply([]) && textReply(answer));
  globalThis.fetch = (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    if (url.endsWith('/chat'))
      return Promise.resolve(
        toEventStreamResponse(
          (env['agent'] as ChatToolAgent).getStreamingResponse({
            messages: env['messages'] as ChatMessage[],
          }),
        ),
      );
    if (url.startsWith('https://docs.example.com/mcp'))
      return original(url.replace('https://docs.example.com', `${String(env['mcp'])}/open`), init);
    if (url.startsWith('https://mcp.example.com/'))
      return Promise.reject(new TypeError('Failed to fetch'));
    if (url.startsWith('https://api.openai.com/') || url.startsWith('https://example.test/'))
      return model.fetch(input, init);
    return original(input, init);
  };
  return () => (globalThis.fetch = original);
}

describe('the README’s examples', () => {
  it('are all here, one runnable function per ```ts block', async () => {
    const readme = await (await fetch('/README.md')).text();
    expect(examples.map((example) => example.line)).to.deep.equal(
      readmeExamples(readme).map((example) => example.line),
    );
    expect(examples.length).to.be.greaterThan(10);
  });

  for (const example of examples) {
    it(`runs the example under “${example.heading}” (README line ${example.line})`, async function () {
      this.timeout(30_000);
      const env = await environment();
      const restore = routeFetch(env);
      try {
        await example.run(env);
        if (example.heading.includes('markdown renderer'))
          expect((env['host'] as HTMLElement).querySelector('#answer')?.textContent).to.contain(
            'Qubits',
          );
        if (example.heading.startsWith('Relaying')) expect(env['returnedValues']).to.have.length(1);
      } finally {
        restore();
        (env['host'] as HTMLElement).remove();
      }
      const output = env['output'] as HTMLElement;
      // The examples that stream into `output` show the scripted answer there.
      if (
        ['Basic streaming', 'Tools', 'The state of a turn', 'Recorded turns'].includes(
          example.heading,
        )
      )
        expect(output.textContent).to.contain('Qubits');
      if (example.heading.includes('markdown renderer'))
        expect(document.querySelector('#answer')).to.equal(null, 'the host was removed');
      for (const value of env['returnedValues'] as unknown[])
        expect(value).to.be.instanceOf(Response);
    });
  }
});
