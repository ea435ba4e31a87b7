import { createScriptedFetch, type ScriptedFetch } from './create-scripted-fetch.js';
import { readDemoModelContext, type DemoModelContext } from './demo-model-context.js';
import { demoTurnReply, type DemoPacing, type DemoTurn } from './demo-model-reply.js';
import { errorReply } from './error-reply.js';
import type { RecordedRequest, ScriptedReply } from './scripted-reply.js';

/**
 * One thing the demo model knows how to do: when `pattern` matches the last user message,
 * `reply` decides the answer. It is called once per request of the turn, so it reads
 * `context.toolResults` to tell the first request (call a tool) from the next (use its result).
 */
export interface DemoIntent {
  /** A name for logs and tests. */
  readonly name: string;
  /** Tested against the last user message. */
  readonly pattern: RegExp;
  /** The answer to this request. */
  readonly reply: (context: DemoModelContext, match: RegExpExecArray) => DemoTurn;
}

/**
 * One thing the demo model knows how to do, decided by code rather than a pattern: `answer`
 * reads the whole request (the conversation, tool results) and returns the turn, or `undefined`
 * when the message is not for it. For grammars, follow-ups and anything a regular expression
 * cannot say.
 */
export interface DemoSkill {
  /** A name for logs and tests. */
  readonly name: string;
  /** The answer to this request, or `undefined` to let the next intent or skill try. */
  readonly answer: (context: DemoModelContext) => DemoTurn | undefined;
}

/** Options of {@link createDemoModel}. */
export interface DemoModelOptions {
  /** Tried in order; the first whose pattern matches (or skill answers) answers. Default: none (every message gets the fallback). */
  readonly intents?: readonly (DemoIntent | DemoSkill)[];
  /** The answer when no intent matches. Default: a short note on what this model is. */
  readonly fallback?: (context: DemoModelContext) => DemoTurn;
  /** How fast it streams; `false` sends each reply at once (tests). Default: a human-like pace. */
  readonly pacing?: DemoPacing | false;
  /** `model` reported in every chunk. Default: the model the request asked for, or `'demo-model'`. */
  readonly model?: string;
  /** Seed of the pacing's random variation (each request adds its index). Default `1`. */
  readonly seed?: number;
}

const defaultFallback = (context: DemoModelContext): DemoTurn => ({
  text: `I am a scripted demo model: I run in this page and only know a few patterns, so I cannot really answer "${context.userText.slice(0, 80)}".`,
});

function firstAnswer(
  intents: readonly (DemoIntent | DemoSkill)[],
  context: DemoModelContext,
): DemoTurn | undefined {
  for (const intent of intents) {
    if ('answer' in intent) {
      const turn = intent.answer(context);
      if (turn) return turn;
      continue;
    }
    // A global or sticky pattern keeps state between calls; start every test from the beginning.
    intent.pattern.lastIndex = 0;
    const match = intent.pattern.exec(context.userText);
    if (match) return intent.reply(context, match);
  }
  return undefined;
}

// A real model cannot call a tool it was not offered; say so instead of sending a call that would fail.
function withOfferedTools(turn: DemoTurn, context: DemoModelContext): DemoTurn {
  const missing = (turn.toolCalls ?? []).filter((call) => !context.toolNames.includes(call.name));
  if (missing.length === 0) return turn;
  const names = missing.map((call) => `\`${call.name}\``).join(', ');
  return {
    text: `I would use ${names} for this, but this request offers no tool by that name, so I cannot work it out reliably.`,
  };
}

/**
 * Creates an offline model that speaks the OpenAI chat-completions streaming wire format: pass
 * its `fetch` to `OpenAIChatAPI` (or `<tool-agent-chat>`) and every byte goes through the real
 * parser. It reads each request (messages, tools, tool results), picks the first matching
 * {@link DemoIntent} (or the first {@link DemoSkill} that answers) and streams its reasoning, markdown text and tool calls at a human pace.
 * Stateless: each answer depends only on the request, so reloads and retries behave.
 *
 * It answers like a server, too: HTTP 404 for a path other than `.../chat/completions`, 405 for
 * a method other than POST and 400 for a body without messages.
 *
 * @example
 * const model = createDemoModel({ intents: [{ name: 'hi', pattern: /^hi\b/i, reply: () => ({ text: 'Hello!' }) }] });
 * const api = new OpenAIChatAPI({ model: 'demo', fetch: model.fetch });
 */
export function createDemoModel(options: DemoModelOptions = {}): ScriptedFetch {
  const intents = options.intents ?? [];
  const fallback = options.fallback ?? defaultFallback;
  const pacing = options.pacing ?? {};

  const answer = (request: RecordedRequest, index: number): ScriptedReply => {
    if (!request.path.endsWith('/chat/completions'))
      return errorReply(
        404,
        `Unknown path ${request.path}: the demo model only answers POST .../chat/completions.`,
        { code: 'unknown_url' },
      );
    if (request.method !== 'POST')
      return errorReply(405, `Method ${request.method} not allowed: use POST.`);
    const context = readDemoModelContext(request.body);
    if (typeof context === 'string') return errorReply(400, context, { param: 'messages' });
    const turn = firstAnswer(intents, context) ?? fallback(context);
    return demoTurnReply(withOfferedTools(turn, context), {
      model: options.model ?? (context.model || 'demo-model'),
      includeUsage: context.includeUsage,
      pacing,
      seed: (options.seed ?? 1) + index,
      promptChars: JSON.stringify(request.body).length,
    });
  };

  return createScriptedFetch(answer);
}
