import type { ScriptedReply } from './scripted-reply.js';
import type { StreamReplyOptions } from './reply-options.js';
import { CompletionStream, textPieces } from './completion-stream.js';

/** Options of {@link streamErrorReply}. */
export interface StreamErrorReplyOptions extends Omit<
  StreamReplyOptions,
  'finishReason' | 'usage'
> {
  /** Answer text streamed before the error. */
  readonly text?: string | readonly string[];
  /** `error.type`. Default `'server_error'`. */
  readonly type?: string;
  /** `error.code`. Omitted by default. */
  readonly code?: string | number;
}

/**
 * A stream that starts (HTTP 200), may send some text, then reports an error inside the
 * stream as OpenAI does: `data: {"error":{...}}` and, by default, no `[DONE]`.
 *
 * @example streamErrorReply('The server had an error', { text: 'Partial answer' })
 */
export function streamErrorReply(
  message: string,
  options: StreamErrorReplyOptions = {},
): ScriptedReply {
  const stream = new CompletionStream({ ...options, done: options.done ?? false });
  stream.choice({ delta: { role: 'assistant', content: '' } });
  for (const piece of options.text === undefined ? [] : textPieces(options.text))
    stream.choice({ delta: { content: piece } });
  const error = {
    message,
    type: options.type ?? 'server_error',
    ...(options.code === undefined ? {} : { code: options.code }),
  };
  return stream.raw({ error }).toReply();
}
