import type { ScriptedReply } from './scripted-reply.js';
import type { StreamReplyOptions } from './reply-options.js';
import { CompletionStream, textPieces } from './completion-stream.js';

/** Options of {@link textReply}. */
export interface TextReplyOptions extends StreamReplyOptions {
  /** Reasoning ("thinking") streamed before the answer: a string cut per word, or the deltas. */
  readonly reasoning?: string | readonly string[];
  /** Which delta field carries the reasoning. Default `'reasoning_content'` (DeepSeek, Qwen, xAI). */
  readonly reasoningField?: 'reasoning_content' | 'reasoning';
}

/**
 * A streamed OpenAI-style text answer: a role chunk, one content delta per piece, a finish
 * chunk (`'stop'`), an optional usage chunk, then `[DONE]`.
 *
 * @param text The answer: a string (cut before each word) or the exact deltas.
 * @example textReply('Hello there!', { usage: { prompt_tokens: 5, completion_tokens: 3 } })
 */
export function textReply(
  text: string | readonly string[],
  options: TextReplyOptions = {},
): ScriptedReply {
  const stream = new CompletionStream(options);
  stream.choice({ delta: { role: 'assistant', content: '' } });
  const field = options.reasoningField ?? 'reasoning_content';
  for (const piece of options.reasoning === undefined ? [] : textPieces(options.reasoning)) {
    stream.choice({ delta: { [field]: piece } });
  }
  for (const piece of textPieces(text)) stream.choice({ delta: { content: piece } });
  return stream.finish('stop').toReply();
}
