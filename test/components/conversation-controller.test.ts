import { expect } from 'chai';
import { sendKeys } from '@web/test-runner-commands';
import * as z from 'zod';
import {
  FunctionTool,
  HTTPError,
  IncompleteStreamError,
  NetworkError,
  StreamError,
  ChatMessage,
} from '../../src/index.js';
import {
  createScriptedFetch,
  errorReply,
  streamErrorReply,
  textReply,
  toolCallReply,
} from '../../src/testing/index.js';
import { mockServer } from '../helpers/index.js';
import { ToolAgentErrorEvent, type ToolAgentChat } from '../../components/index.js';
import {
  assistantText,
  axeViolations,
  createChat,
  find,
  findAll,
  recordEvents,
  checkAxeThenRemoveChats,
  waitFor,
  waitForPart,
  waitIdle,
} from './chat-test-utils.js';

interface WireMessage {
  readonly role: string;
}

function wireRoles(body: unknown): string[] {
  return (body as { messages: WireMessage[] }).messages.map((m) => m.role);
}

const slowWords = Array.from({ length: 60 }, (_, i) => `word${i} `);

function stateNote(chat: ToolAgentChat): string | undefined {
  return find(chat, '[part~="state-note"]')?.textContent?.trim();
}

describe('ConversationController: running, stopping and failing turns', () => {
  afterEach(checkAxeThenRemoveChats);

  describe('stop', () => {
    it('Stop aborts the request; the partial answer stays, marked stopped, with no error event', async () => {
      const mock = await mockServer.script([textReply(slowWords, { delayMs: 150 })]);
      const chat = await createChat((c) => (c.baseURL = mock.baseURL));
      const errors = recordEvents(chat, ['tool-agent-error']);
      const done = chat.send('Talk slowly');
      await waitFor(() => assistantText(chat).includes('word2'), 'some streamed text');
      const stop = await waitForPart<HTMLButtonElement>(chat, '[part~="stop-button"]');
      expect(stop.getAttribute('aria-label')).to.equal('Stop');
      expect(await axeViolations(chat)).to.deep.equal([]);
      stop.click();
      expect(await done).to.equal(undefined);
      await chat.updateComplete;
      const [request] = await mock.waitForRequests(
        (requests) => requests[0]?.aborted === true,
        10_000,
      );
      expect(request?.aborted).to.equal(true);
      expect(assistantText(chat)).to.contain('word1');
      expect(assistantText(chat)).not.to.contain('word59');
      expect(stateNote(chat)).to.equal('Stopped');
      expect(find(chat, '[role="status"]')?.textContent?.trim()).to.equal('Stopped.');
      expect(errors).to.have.length(0);
      expect(find(chat, '[part~="send-button"]')).not.to.equal(null);
      const [user, assistant] = chat.messages;
      expect(user?.role).to.equal('user');
      expect(assistant?.metadata?.['finishReason']).to.equal('stopped');
      expect(ChatMessage.getText(assistant!)).to.contain('word1');
      expect(await axeViolations(chat)).to.deep.equal([]);
    });

    it('Escape stops the turn and the running tools get the abort', async () => {
      let toolSignal: AbortSignal | undefined;
      const slow = new FunctionTool({
        name: 'slow_task',
        description: 'Takes forever',
        parameters: z.object({}),
        execute: (_args, { signal }) => {
          toolSignal = signal;
          return new Promise((_resolve, reject) =>
            signal.addEventListener('abort', () => reject(signal.reason)),
          );
        },
      });
      const scripted = createScriptedFetch([
        toolCallReply([{ name: 'slow_task', arguments: {} }]),
        textReply('never'),
      ]);
      const chat = await createChat((c) => {
        c.fetch = scripted.fetch;
        c.tools = [slow];
      });
      const input = await waitForPart<HTMLTextAreaElement>(chat, '[part~="input"]');
      input.focus();
      const done = chat.send('Start it');
      await waitFor(
        () => find(chat, '[part~="tool-card"]')?.dataset['status'] === 'running',
        'the tool to run',
      );
      await sendKeys({ press: 'Escape' });
      await done;
      expect(toolSignal?.aborted).to.equal(true);
      expect(find(chat, '[part~="tool-card"]')?.dataset['status']).to.equal('stopped');
      expect(scripted.requests).to.have.length(1);
      // The call cut short stays, answered as stopped: the model reads that it may not have finished.
      expect(chat.messages.map((m) => m.role)).to.deep.equal(['user', 'assistant', 'tool']);
      const result = chat.messages[2]?.content[0];
      expect(result).to.deep.include({ isError: true, metadata: { stopped: true } });
      expect(result?.type === 'tool_result' && result.result).to.match(/outcome is unknown/u);
    });

    it('keeps finished tool rounds of a stopped turn in the conversation', async () => {
      const echo = new FunctionTool({
        name: 'echo',
        description: 'Echo',
        parameters: z.object({ text: z.string() }),
        execute: ({ text }) => text,
      });
      const scripted = createScriptedFetch([
        toolCallReply([{ id: 'call_echo', name: 'echo', arguments: { text: 'hi' } }]),
        textReply(slowWords, { delayMs: 100 }),
        textReply('Next answer.'),
      ]);
      const chat = await createChat((c) => {
        c.fetch = scripted.fetch;
        c.tools = [echo];
      });
      const done = chat.send('Echo then talk');
      await waitFor(() => assistantText(chat).includes('word1'), 'the second step to stream');
      chat.stop();
      await done;
      expect(chat.messages.map((m) => m.role)).to.deep.equal([
        'user',
        'assistant',
        'tool',
        'assistant',
      ]);
      const toolCall = chat.messages[1]?.content.find((part) => part.type === 'tool_call');
      expect(toolCall).to.deep.include({ id: 'call_echo', name: 'echo' });
      // The kept conversation is valid for the next request: each call has its result.
      await chat.send('Go on');
      expect(wireRoles(scripted.requests[2]?.body)).to.deep.equal([
        'user',
        'assistant',
        'tool',
        'assistant',
        'user',
      ]);
      expect(ChatMessage.getText(chat.messages.at(-1)!)).to.equal('Next answer.');
    });
  });

  describe('errors', () => {
    it('shows an HTTP error with its status and the provider message, and fires tool-agent-error', async () => {
      const mock = await mockServer.script([errorReply(400, 'This model does not exist: nope-1')]);
      const chat = await createChat((c) => (c.baseURL = mock.baseURL));
      const events = recordEvents(document.body, ['tool-agent-error']);
      expect(await chat.send('Hi')).to.equal(undefined);
      await chat.updateComplete;
      expect(find(chat, '[part~="error-title"]')?.textContent).to.equal(
        'HTTP 400: the request was rejected',
      );
      expect(find(chat, '[part~="error-detail"]')?.textContent).to.equal(
        'This model does not exist: nope-1',
      );
      expect(find(chat, '[part~="retry-button"]')).not.to.equal(null);
      expect(events).to.have.length(1);
      const event = events[0] as ToolAgentErrorEvent;
      expect(event).to.be.instanceOf(ToolAgentErrorEvent);
      expect(event.detail.error).to.be.instanceOf(HTTPError);
      expect(find(chat, '[role="status"]')?.textContent).to.contain('HTTP 400');
      expect(await axeViolations(chat)).to.deep.equal([]);
    });

    it('explains a network failure with a hint', async () => {
      const { fetch } = createScriptedFetch([{ networkError: true }]);
      const chat = await createChat((c) => {
        c.fetch = fetch;
        c.maxRetries = 0;
      });
      const events = recordEvents(chat, ['tool-agent-error']);
      await chat.send('Hi');
      await chat.updateComplete;
      expect(find(chat, '[part~="error-title"]')?.textContent).to.equal(
        'Could not reach the server',
      );
      // The built-in API's default endpoint is OpenAI's: the hint names what usually goes wrong there.
      expect(find(chat, '[part~="error-detail"]')?.textContent).to.match(
        /OpenAI accepts browser requests.*blocker/u,
      );
      expect((events[0] as ToolAgentErrorEvent).detail.error).to.be.instanceOf(NetworkError);
    });

    it('keeps the partial text of a stream cut short, marked interrupted', async () => {
      const mock = await mockServer.script([
        textReply(['Partial ', 'answer'], {
          finishReason: null,
          done: false,
          dropAfterChunks: true,
        }),
      ]);
      const chat = await createChat((c) => (c.baseURL = mock.baseURL));
      const events = recordEvents(chat, ['tool-agent-error']);
      await chat.send('Hi');
      await chat.updateComplete;
      expect((events[0] as ToolAgentErrorEvent).detail.error).to.be.instanceOf(
        IncompleteStreamError,
      );
      expect(find(chat, '[part~="error-title"]')?.textContent).to.equal('The answer was cut short');
      expect(assistantText(chat)).to.contain('Partial answer');
      expect(stateNote(chat)).to.equal('Interrupted');
      expect(chat.messages.map((m) => m.role)).to.deep.equal(['user']);
    });

    it('shows a mid-stream provider error', async () => {
      const { fetch } = createScriptedFetch([
        streamErrorReply('The server had an error processing your request.', { text: 'Half ' }),
      ]);
      const chat = await createChat((c) => (c.fetch = fetch));
      const events = recordEvents(chat, ['tool-agent-error']);
      await chat.send('Hi');
      await chat.updateComplete;
      expect((events[0] as ToolAgentErrorEvent).detail.error).to.be.instanceOf(StreamError);
      expect(find(chat, '[part~="error-title"]')?.textContent).to.equal(
        'The provider reported an error mid-answer',
      );
      expect(find(chat, '[part~="error-detail"]')?.textContent).to.equal(
        'The server had an error processing your request.',
      );
      expect(assistantText(chat)).to.contain('Half');
    });
  });

  describe('retry', () => {
    it('re-runs the last user turn without duplicating the user message', async () => {
      const scripted = createScriptedFetch([
        textReply(['Broken ', 'ans'], { finishReason: null, done: false, dropAfterChunks: true }),
        textReply('A whole answer.'),
      ]);
      const chat = await createChat((c) => (c.fetch = scripted.fetch));
      await chat.send('Question');
      const retry = await waitForPart<HTMLButtonElement>(chat, '[part~="retry-button"]');
      retry.focus();
      await sendKeys({ press: 'Enter' });
      await waitFor(() => scripted.requests.length === 2 && !chat.running, 'the retried turn');
      await chat.updateComplete;
      expect(wireRoles(scripted.requests[1]?.body)).to.deep.equal(['user']);
      expect(chat.messages.map((m) => m.role)).to.deep.equal(['user', 'assistant']);
      expect(findAll(chat, '[part~="user-message"]')).to.have.length(1);
      expect(assistantText(chat)).to.equal('Assistant said: A whole answer.');
      expect(find(chat, '[part~="error"]')).to.equal(null);
      expect(stateNote(chat)).to.equal(undefined);
    });

    it('keeps finished tool rounds from error.partial and continues after them', async () => {
      const calls: string[] = [];
      const lookup = new FunctionTool({
        name: 'lookup',
        description: 'Looks something up',
        parameters: z.object({ q: z.string() }),
        execute: ({ q }) => {
          calls.push(q);
          return { found: q.toUpperCase() };
        },
      });
      const scripted = createScriptedFetch([
        toolCallReply([{ id: 'call_lookup', name: 'lookup', arguments: { q: 'abc' } }]),
        streamErrorReply('overloaded', { text: 'The answer is ' }),
        textReply('The answer is ABC.'),
      ]);
      const chat = await createChat((c) => {
        c.fetch = scripted.fetch;
        c.tools = [lookup];
      });
      await chat.send('Look up abc');
      await chat.updateComplete;
      expect(chat.messages.map((m) => m.role)).to.deep.equal(['user', 'assistant', 'tool']);
      expect(find(chat, '[part~="tool-card"]')?.dataset['status']).to.equal('done');
      (await waitForPart<HTMLButtonElement>(chat, '[part~="retry-button"]')).click();
      await waitFor(() => scripted.requests.length === 3 && !chat.running, 'the retried turn');
      await waitIdle(chat);
      expect(wireRoles(scripted.requests[2]?.body)).to.deep.equal(['user', 'assistant', 'tool']);
      expect(calls).to.deep.equal(['abc'], 'the finished tool round is not run again');
      expect(chat.messages.map((m) => m.role)).to.deep.equal([
        'user',
        'assistant',
        'tool',
        'assistant',
      ]);
      expect(findAll(chat, '[part~="tool-card"]')).to.have.length(1);
      expect(assistantText(chat)).to.contain('The answer is ABC.');
      expect(assistantText(chat).split('The answer is').length).to.equal(
        2,
        'the interrupted text was replaced',
      );
    });

    it('offers no retry once a newer message was sent', async () => {
      const { fetch } = createScriptedFetch([errorReply(400, 'bad'), textReply('fine')]);
      const chat = await createChat((c) => (c.fetch = fetch));
      await chat.send('one');
      await chat.updateComplete;
      expect(find(chat, '[part~="retry-button"]')).not.to.equal(null);
      await chat.send('two');
      await chat.updateComplete;
      expect(find(chat, '[part~="retry-button"]')).to.equal(null);
      expect(find(chat, '[part~="error"]')).not.to.equal(null, 'the old error stays visible');
    });
  });

  it('rejects send() while a turn runs, and clear() stops it', async () => {
    const { fetch } = createScriptedFetch([
      textReply(slowWords, { delayMs: 100 }),
      textReply('after clear'),
    ]);
    const chat = await createChat((c) => (c.fetch = fetch));
    const first = chat.send('one');
    await waitFor(() => chat.running, 'the run');
    let failure: unknown;
    await chat.send('two').catch((error: unknown) => (failure = error));
    expect(failure).to.be.instanceOf(Error);
    chat.clear();
    await first;
    await chat.updateComplete;
    expect(chat.messages).to.deep.equal([]);
    expect(findAll(chat, '[part~="message"]')).to.have.length(0);
    await chat.send('three');
    expect(chat.messages.map((m) => ChatMessage.getText(m))).to.deep.equal([
      'three',
      'after clear',
    ]);
  });
});
