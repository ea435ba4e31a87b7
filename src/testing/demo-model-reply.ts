import { CompletionStream, textPieces } from './completion-stream.js';
import type { ScriptedChunk, ScriptedReply } from './scripted-reply.js';
import { seededRandom } from './seeded-random.js';

/** A tool call the demo model makes. */
export interface DemoToolCall {
  /** The tool's name; it must be one the request offers. */
  readonly name: string;
  /** The arguments, sent as JSON. */
  readonly arguments: Readonly<Record<string, unknown>>;
}

/** What the demo model answers to one request: reasoning, then text, then tool calls (each optional). */
export interface DemoTurn {
  /** Reasoning streamed first, as `reasoning_content` deltas. */
  readonly reasoning?: string;
  /** Answer text (markdown), streamed word by word. */
  readonly text?: string;
  /** Tool calls after the text; the turn then ends with `finish_reason: 'tool_calls'`. */
  readonly toolCalls?: readonly DemoToolCall[];
}

/**
 * How fast the demo model "types". Every delay is in milliseconds and varies randomly by up to
 * ±`jitter` (a fraction), from a seeded generator.
 */
export interface DemoPacing {
  /** Before the response headers (time to first byte). Default `350`. */
  readonly firstTokenMs?: number;
  /** Before each answer word. Default `32`. */
  readonly wordMs?: number;
  /** Before each reasoning word. Default `18`. */
  readonly reasoningWordMs?: number;
  /** Extra pause after a sentence or a line. Default `90`. */
  readonly pauseMs?: number;
  /** Before each piece of tool-call arguments. Default `25`. */
  readonly argumentsMs?: number;
  /** Random variation of every delay, as a fraction. Default `0.6`. */
  readonly jitter?: number;
}

/** Options of {@link demoTurnReply}. */
export interface DemoTurnReplyOptions {
  /** `model` of every chunk. */
  readonly model: string;
  /** Add a final usage chunk, as `stream_options.include_usage` asks. */
  readonly includeUsage: boolean;
  /** The pace; `false` sends everything at once (for tests). */
  readonly pacing: DemoPacing | false;
  /** Seed of the pacing's random variation. */
  readonly seed: number;
  /** Characters of the request, to estimate `prompt_tokens`. */
  readonly promptChars: number;
}

const argumentsPieceSize = 8;
let callCount = 0;

// Roughly four characters per token, as tokenizers average on English text.
const estimateTokens = (chars: number): number => Math.max(1, Math.ceil(chars / 4));

function argumentPieces(text: string): string[] {
  const points = Array.from(text);
  const pieces: string[] = [];
  for (let i = 0; i < points.length; i += argumentsPieceSize)
    pieces.push(points.slice(i, i + argumentsPieceSize).join(''));
  return pieces;
}

/**
 * Turns a {@link DemoTurn} into a scripted OpenAI chat-completions stream: a role chunk,
 * `reasoning_content` deltas, `content` deltas, `tool_calls` deltas, the finish chunk, an
 * optional usage chunk and `[DONE]`, each event one network read with a human-like delay.
 */
export function demoTurnReply(turn: DemoTurn, options: DemoTurnReplyOptions): ScriptedReply {
  const pacing = options.pacing === false ? undefined : options.pacing;
  const random = seededRandom(options.seed);
  const vary = (ms: number): number => {
    const jitter = pacing?.jitter ?? 0.6;
    return Math.max(0, Math.round(ms * (1 - jitter + 2 * jitter * random())));
  };
  const calls = turn.toolCalls ?? [];
  const text = turn.text ?? '';
  const reasoning = turn.reasoning ?? '';
  const callTexts = calls.map((call) => JSON.stringify(call.arguments));
  const outputChars =
    reasoning.length + text.length + callTexts.reduce((sum, args) => sum + args.length, 0);
  const usage = {
    prompt_tokens: estimateTokens(options.promptChars),
    completion_tokens: estimateTokens(outputChars),
  };
  const stream = new CompletionStream({
    model: options.model,
    ...(options.includeUsage ? { usage } : {}),
  });
  const delays: number[] = [];
  const add = (delta: Record<string, unknown>, ms: number): void => {
    stream.choice({ delta });
    delays.push(pacing ? vary(ms) : 0);
  };
  const wordDelay = (piece: string, base: number): number =>
    base + (/[.!?:]\s*$|\n/u.test(piece) ? (pacing?.pauseMs ?? 90) : 0);
  const argumentsMs = pacing?.argumentsMs ?? 25;

  // OpenAI sends content null when a reply opens straight with tool calls.
  add({ role: 'assistant', content: text === '' && calls.length > 0 ? null : '' }, 0);
  for (const piece of textPieces(reasoning))
    add({ reasoning_content: piece }, wordDelay(piece, pacing?.reasoningWordMs ?? 18));
  for (const piece of textPieces(text))
    add({ content: piece }, wordDelay(piece, pacing?.wordMs ?? 32));
  calls.forEach((call, index) => {
    callCount += 1;
    add(
      {
        tool_calls: [
          {
            index,
            id: `call_demo_${callCount}`,
            type: 'function',
            function: { name: call.name, arguments: '' },
          },
        ],
      },
      argumentsMs,
    );
    for (const piece of argumentPieces(callTexts[index] ?? '{}'))
      add({ tool_calls: [{ index, function: { arguments: piece } }] }, argumentsMs);
  });
  // The finish, usage and [DONE] events follow at once, as servers flush them together.
  const chunks = (
    stream.finish(calls.length > 0 ? 'tool_calls' : 'stop').toReply().chunks ?? []
  ).map((chunk, index) => withDelay(chunk, delays[index] ?? 0));
  return { status: 200, delayMs: pacing ? vary(pacing.firstTokenMs ?? 350) : 0, chunks };
}

function withDelay(chunk: ScriptedChunk, delayMs: number): ScriptedChunk {
  return delayMs > 0 && typeof chunk.text === 'string' ? { text: chunk.text, delayMs } : chunk;
}
