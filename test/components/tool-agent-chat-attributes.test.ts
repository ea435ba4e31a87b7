import { expect } from 'chai';
import * as z from 'zod';
import { FunctionTool, type ChatResponse } from '../../src/index.js';
import { createScriptedFetch, textReply, toolCallReply } from '../../src/testing/index.js';
import type { ToolAgentChat, ToolAgentErrorEvent } from '../../components/index.js';
import {
  captureWarningsThenRemoveChats,
  createChat,
  recordEvents,
  waitFor,
} from './chat-test-utils.js';

const noop = new FunctionTool({
  name: 'noop',
  description: 'Does nothing',
  parameters: z.object({}),
  execute: () => ({ ok: true }),
});

/** A model that calls a tool every time: only `max-iterations` ends its turn. */
function endlessToolCalls(): ReturnType<typeof createScriptedFetch> {
  return createScriptedFetch(() => toolCallReply([{ name: 'noop', arguments: {} }]));
}

/** A fetch that never answers (until aborted). */
const silentFetch: typeof fetch = (_input, init) =>
  new Promise((_resolve, reject) => {
    const signal = init?.signal;
    signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
  });

/** A fetch whose response starts streaming, then falls silent. */
const stallingFetch: typeof fetch = async () => {
  const first =
    'data: {"id":"c1","object":"chat.completion.chunk","created":0,"model":"m","choices":[{"index":0,"delta":{"content":"Hel"},"finish_reason":null}]}\n\n';
  const body = new ReadableStream<Uint8Array>({
    start: (controller) => controller.enqueue(new TextEncoder().encode(first)),
  });
  return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
};

describe('<tool-agent-chat> numeric attributes', () => {
  const warnings = captureWarningsThenRemoveChats();

  it('has the library defaults', async () => {
    const chat = await createChat();
    expect([
      chat.maxIterations,
      chat.maxRetries,
      chat.timeout,
      chat.idleTimeout,
      chat.temperature,
      chat.maxTokens,
    ]).to.deep.equal([10, 2, 120_000, 120_000, undefined, undefined]);
    expect(warnings).to.deep.equal([]);
  });

  it('an invalid attribute falls back to its default with one warning naming it, however often the element renders', async () => {
    const chat = await createChat((c) => {
      c.fetch = createScriptedFetch([textReply('ok')]).fetch;
      c.setAttribute('max-iterations', 'ten');
      c.setAttribute('max-retries', '-1');
      c.setAttribute('timeout', 'NaN');
      c.setAttribute('idle-timeout', '-5');
      c.setAttribute('temperature', 'warm');
      c.setAttribute('max-tokens', '12.5');
    });
    expect([
      chat.maxIterations,
      chat.maxRetries,
      chat.timeout,
      chat.idleTimeout,
      chat.temperature,
      chat.maxTokens,
    ]).to.deep.equal([10, 2, 120_000, 120_000, undefined, undefined]);
    expect(warnings).to.deep.equal([
      '<tool-agent-chat>: ignoring max-iterations="ten": expected a whole number of at least 1; using the default 10.',
      '<tool-agent-chat>: ignoring max-retries="-1": expected a whole number of at least 0; using the default 2.',
      '<tool-agent-chat>: ignoring timeout="NaN": expected a positive number of milliseconds (or Infinity for no limit); using the default 120000.',
      '<tool-agent-chat>: ignoring idle-timeout="-5": expected a positive number of milliseconds (or Infinity for no limit); using the default 120000.',
      '<tool-agent-chat>: ignoring temperature="warm": expected a number of at least 0; leaving it unset.',
      '<tool-agent-chat>: ignoring max-tokens="12.5": expected a whole number of at least 1; leaving it unset.',
    ]);
    for (let i = 0; i < 3; i++) {
      chat.requestUpdate();
      await chat.updateComplete;
    }
    await chat.send('Hi');
    expect(warnings).to.have.length(6, 'one warning per bad value, not one per render or turn');
  });

  it('max-iterations="ten" still bounds a model that never stops calling tools (10 requests, not endless)', async () => {
    const scripted = endlessToolCalls();
    const chat = await createChat((c) => {
      c.fetch = scripted.fetch;
      c.tools = [noop];
      c.setAttribute('max-iterations', 'ten');
    });
    const response = await chat.send('Loop');
    expect(scripted.requests).to.have.length(10);
    expect(response?.finishReason).to.equal('max_iterations');
    expect(warnings).to.have.length(1);
  });

  it('max-iterations="0" falls back to 10 too; a valid value is used', async () => {
    const zero = await createChat((c) => c.setAttribute('max-iterations', '0'));
    expect(zero.maxIterations).to.equal(10);
    expect(warnings).to.deep.equal([
      '<tool-agent-chat>: ignoring max-iterations="0": expected a whole number of at least 1; using the default 10.',
    ]);

    const scripted = endlessToolCalls();
    const two = await createChat((c) => {
      c.fetch = scripted.fetch;
      c.tools = [noop];
      c.setAttribute('max-iterations', '2');
    });
    const response: ChatResponse | undefined = await two.send('Loop');
    expect(two.maxIterations).to.equal(2);
    expect(scripted.requests).to.have.length(2);
    expect(response?.finishReason).to.equal('max_iterations');
    expect(warnings).to.have.length(1);
  });

  it('valid values reach the request: temperature, max-tokens, max-retries="0", timeout="Infinity"', async () => {
    const scripted = createScriptedFetch([textReply('ok')]);
    const chat = await createChat((c) => {
      c.fetch = scripted.fetch;
      c.setAttribute('temperature', '0');
      c.setAttribute('max-tokens', '32');
      c.setAttribute('max-retries', '0');
      c.setAttribute('timeout', 'Infinity');
      c.setAttribute('idle-timeout', '90000');
    });
    expect([chat.maxRetries, chat.timeout, chat.idleTimeout]).to.deep.equal([0, Infinity, 90_000]);
    await chat.send('Hi');
    expect(scripted.requests[0]?.body).to.deep.include({ temperature: 0, max_tokens: 32 });
    expect(warnings).to.deep.equal([]);
  });

  it('timeout: the built-in API gives up waiting for headers after that many ms', async () => {
    const chat = await createChat((c) => {
      c.fetch = silentFetch;
      c.setAttribute('timeout', '60');
      c.setAttribute('max-retries', '0');
    });
    const errors = recordEvents(chat, ['tool-agent-error']);
    const started = performance.now();
    await chat.send('Anyone there?');
    const error = (errors[0] as ToolAgentErrorEvent | undefined)?.detail.error as
      { name?: string; phase?: string; timeoutMs?: number } | undefined;
    expect(error).to.deep.include({ name: 'TimeoutError', phase: 'response', timeoutMs: 60 });
    expect(performance.now() - started).to.be.lessThan(5_000);
  });

  it('idle-timeout: a response that falls silent ends after that many ms, its text kept', async () => {
    const chat = await createChat((c) => {
      c.fetch = stallingFetch;
      c.setAttribute('idle-timeout', '60');
    });
    const errors = recordEvents(chat, ['tool-agent-error']);
    await chat.send('Talk');
    const error = (errors[0] as ToolAgentErrorEvent | undefined)?.detail.error as
      { name?: string; phase?: string; timeoutMs?: number } | undefined;
    expect(error).to.deep.include({ name: 'TimeoutError', phase: 'idle', timeoutMs: 60 });
  });

  it('bad values set from script fall back the same way, with one warning naming the property', async () => {
    const scripted = createScriptedFetch([textReply('ok')]);
    const chat: ToolAgentChat = await createChat((c) => (c.fetch = scripted.fetch));
    chat.maxIterations = Number.NaN;
    chat.maxRetries = 1.5;
    chat.timeout = 0;
    chat.idleTimeout = Number.NaN;
    chat.temperature = -1;
    chat.maxTokens = 0;
    (chat as unknown as { maxIterations: unknown }).maxIterations = '7';
    expect([
      chat.maxIterations,
      chat.maxRetries,
      chat.timeout,
      chat.idleTimeout,
      chat.temperature,
      chat.maxTokens,
    ]).to.deep.equal([10, 2, 120_000, 120_000, undefined, undefined]);
    expect(
      warnings.map((warning) => warning.replace(/:.*?ignoring /, ': ').replace(/: expected.*/, '')),
    ).to.deep.equal([
      '<tool-agent-chat>: maxIterations = NaN',
      '<tool-agent-chat>: maxRetries = 1.5',
      '<tool-agent-chat>: timeout = 0',
      '<tool-agent-chat>: idleTimeout = NaN',
      '<tool-agent-chat>: temperature = -1',
      '<tool-agent-chat>: maxTokens = 0',
      '<tool-agent-chat>: maxIterations = "7"',
    ]);
    await chat.updateComplete;
    await chat.send('Hi');
    expect(scripted.requests[0]?.body).not.to.have.property('temperature');
    expect(warnings).to.have.length(7);

    chat.maxIterations = 3;
    chat.temperature = 0.5;
    chat.timeout = Infinity;
    expect([chat.maxIterations, chat.temperature, chat.timeout]).to.deep.equal([3, 0.5, Infinity]);
    chat.temperature = undefined;
    expect(chat.temperature).to.equal(undefined);
    expect(warnings).to.have.length(7);
    await waitFor(() => !chat.running, 'idle');
  });
});
