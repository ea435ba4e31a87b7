import type { ScriptedChunk, ScriptedReply } from './scripted-reply.js';
import type { StreamReplyOptions } from './reply-options.js';
import { sseEvent } from './sse-events.js';
import { splitBody } from './split-body.js';

let replyCount = 0;

/** The wire fields of one streamed choice. */
export interface ChoiceDelta {
  readonly delta: Readonly<Record<string, unknown>>;
  readonly finish_reason?: string | null;
}

/** Builds OpenAI `chat.completion.chunk` events sharing one id, timestamp and model. */
export class CompletionStream {
  readonly #events: unknown[] = [];
  readonly #envelope: Readonly<Record<string, unknown>>;
  readonly #options: StreamReplyOptions;

  constructor(options: StreamReplyOptions) {
    this.#options = options;
    replyCount += 1;
    this.#envelope = {
      id: options.id ?? `chatcmpl-scripted-${replyCount}`,
      object: 'chat.completion.chunk',
      created: Math.floor(Date.now() / 1000),
      model: options.model ?? 'gpt-4o-mini',
    };
  }

  /** Adds a chunk with one choice (index 0). */
  choice(fields: ChoiceDelta): this {
    const choice = {
      index: 0,
      delta: fields.delta,
      logprobs: null,
      finish_reason: fields.finish_reason ?? null,
    };
    // With include_usage OpenAI puts usage:null on every chunk but the last.
    this.#events.push({
      ...this.#envelope,
      choices: [choice],
      ...(this.#options.usage ? { usage: null } : {}),
    });
    return this;
  }

  /** Adds any event as it is (an error object, a raw string). */
  raw(event: unknown): this {
    this.#events.push(event);
    return this;
  }

  /** Adds the finish chunk (unless `finishReason` is `null`) and the usage chunk, when asked for. */
  finish(defaultReason: string): this {
    const reason =
      this.#options.finishReason === undefined ? defaultReason : this.#options.finishReason;
    if (reason !== null) this.choice({ delta: {}, finish_reason: reason });
    const usage = this.#options.usage;
    if (usage) {
      const total = usage.total_tokens ?? usage.prompt_tokens + usage.completion_tokens;
      this.#events.push({
        ...this.#envelope,
        choices: [],
        usage: { ...usage, total_tokens: total },
      });
    }
    return this;
  }

  /** The finished reply, cut as the options say. */
  toReply(): ScriptedReply {
    const { split, delayMs, headers, dropAfterChunks } = this.#options;
    const events = this.#events.map(sseEvent);
    if (this.#options.done !== false) events.push(sseEvent('[DONE]'));
    const chunks: ScriptedChunk[] =
      split === undefined
        ? events.map((text) => (delayMs ? { text, delayMs } : { text }))
        : splitBody(events.join(''), split, delayMs ? { delayMs } : {});
    return {
      status: 200,
      ...(headers ? { headers } : {}),
      chunks,
      ...(dropAfterChunks ? { dropAfterChunks } : {}),
    };
  }
}

/** Cuts reply text into deltas: an array is taken as given, a string is cut before each word. */
export function textPieces(text: string | readonly string[]): readonly string[] {
  if (typeof text !== 'string') return text;
  return text.match(/\s*\S+|\s+/gu) ?? [];
}
