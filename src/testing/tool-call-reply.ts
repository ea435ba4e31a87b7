import type { ScriptedReply } from './scripted-reply.js';
import type { StreamReplyOptions } from './reply-options.js';
import { CompletionStream, textPieces } from './completion-stream.js';

/** One tool call for {@link toolCallReply}. */
export interface ScriptedToolCall {
  /** The call id. Default `'call_scripted_<n>'`, counting up. */
  readonly id?: string;
  /** The tool's name. */
  readonly name: string;
  /** The arguments: JSON text sent as is (valid or not), or a value sent as JSON. */
  readonly arguments: string | object;
}

/** Options of {@link toolCallReply}. */
export interface ToolCallReplyOptions extends StreamReplyOptions {
  /** Answer text streamed before the calls (some models explain first). */
  readonly text?: string | readonly string[];
  /** Characters per argument delta. Default `5`. */
  readonly argumentsChunkSize?: number;
}

let callCount = 0;

function argumentPieces(text: string, size: number): string[] {
  if (!Number.isInteger(size) || size < 1)
    throw new RangeError(`argumentsChunkSize must be a positive integer, got ${size}.`);
  // Cut by code point so no delta holds half a surrogate pair.
  const points = Array.from(text);
  const pieces: string[] = [];
  for (let i = 0; i < points.length; i += size) pieces.push(points.slice(i, i + size).join(''));
  return pieces;
}

/**
 * A streamed OpenAI-style tool-call answer. Each call opens with a chunk holding its `index`,
 * `id`, `type` and `name` with empty `arguments`, then its arguments arrive over several
 * deltas; a finish chunk (`'tool_calls'`), an optional usage chunk and `[DONE]` follow.
 *
 * @example toolCallReply([{ name: 'multiply', arguments: { a: 6, b: 7 } }])
 */
export function toolCallReply(
  calls: readonly ScriptedToolCall[],
  options: ToolCallReplyOptions = {},
): ScriptedReply {
  const stream = new CompletionStream(options);
  const size = options.argumentsChunkSize ?? 5;
  const text = options.text === undefined ? [] : textPieces(options.text);
  // OpenAI: content '' before text, null when the reply opens with a tool call.
  stream.choice({ delta: { role: 'assistant', content: text.length > 0 ? '' : null } });
  for (const piece of text) stream.choice({ delta: { content: piece } });
  calls.forEach((call, index) => {
    callCount += 1;
    const id = call.id ?? `call_scripted_${callCount}`;
    const args =
      typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments);
    stream.choice({
      delta: {
        tool_calls: [{ index, id, type: 'function', function: { name: call.name, arguments: '' } }],
      },
    });
    for (const piece of argumentPieces(args, size)) {
      stream.choice({ delta: { tool_calls: [{ index, function: { arguments: piece } }] } });
    }
  });
  return stream.finish('tool_calls').toReply();
}
