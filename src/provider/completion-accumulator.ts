import type { ChatUsage } from '../messages/chat-message.js';
import type { FinishReason } from '../messages/finish-reason.js';
import type { ProviderEvent, ProviderStepResult } from './chat-api.js';
import { ToolCallAccumulator } from './tool-call-accumulator.js';
import { parseWireUsage } from './wire-usage.js';

type Json = Record<string, unknown>;

function asObject(value: unknown): Json | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Json)
    : undefined;
}

/** What one parsed chunk told us beyond its deltas: the chunk itself when it carries an error. */
export type ChunkOutcome = { readonly errorPayload: Json } | undefined;

/** True when a delta carries something of the answer: text, reasoning, a refusal or a tool call. */
function carriesContent(delta: Json): boolean {
  const content = delta['content'];
  if (
    (typeof content === 'string' && content !== '') ||
    (Array.isArray(content) && content.length > 0)
  )
    return true;
  for (const field of ['reasoning_content', 'reasoning', 'refusal'] as const) {
    const value = delta[field];
    if (typeof value === 'string' && value !== '') return true;
  }
  const toolCalls = delta['tool_calls'];
  return (
    (Array.isArray(toolCalls) && toolCalls.length > 0) ||
    asObject(delta['function_call']) !== undefined
  );
}

/**
 * Folds parsed chat-completion chunks into provider events and, at the end, one step result.
 * One choice is followed: the first whose delta carries content, reasoning or a tool call (a
 * delta naming only the role does not count), so choice 0 of an `n > 1` stream, or the only
 * choice of a stream that numbers it 1. Other choices are ignored.
 */
export class CompletionAccumulator {
  readonly #toolCalls = new ToolCallAccumulator();
  // Arrays, joined on demand: two long `+=` strings per stream cost more in GC than the parsing.
  readonly #textParts: string[] = [];
  readonly #reasoningParts: string[] = [];
  #finishReason: FinishReason | undefined;
  #usage: ChatUsage | undefined;
  #choiceIndex: number | undefined;
  #responseId: string | undefined;
  #model: string | undefined;

  /** The answer text so far. */
  get text(): string {
    return this.#textParts.join('');
  }

  /** The reasoning text so far. */
  get reasoning(): string {
    return this.#reasoningParts.join('');
  }

  /** True when the provider ended the response with `finish_reason: "error"` (OpenRouter). */
  get finishReasonIsError(): boolean {
    return this.#finishReason === 'error';
  }

  /** True once the provider sent a finish reason. */
  get hasFinishReason(): boolean {
    return this.#finishReason !== undefined;
  }

  /** Applies one parsed chunk, pushing its events; returns a provider error if the chunk carries one. */
  apply(chunk: unknown, events: ProviderEvent[]): ChunkOutcome {
    const body = asObject(chunk);
    if (!body) return undefined;
    if (body['error'] !== undefined && body['error'] !== null) return { errorPayload: body };

    if (this.#responseId === undefined && typeof body['id'] === 'string' && body['id'] !== '')
      this.#responseId = body['id'];
    if (this.#model === undefined && typeof body['model'] === 'string' && body['model'] !== '')
      this.#model = body['model'];
    // The last usage anywhere wins: some send it cumulatively on every chunk, some after the finish.
    const usage = parseWireUsage(body['usage']);
    if (usage) this.#usage = usage;
    if (typeof body['finish_reason'] === 'string') this.#setFinish(body['finish_reason']);

    const choices = body['choices'];
    if (!Array.isArray(choices)) return undefined;
    for (const raw of choices) {
      const choice = asObject(raw);
      if (!choice) continue;
      const index = typeof choice['index'] === 'number' ? choice['index'] : 0;
      const delta = asObject(choice['delta']) ?? asObject(choice['message']);
      // A choice is adopted by its first content; until then, finish reasons of any choice count.
      if (this.#choiceIndex === undefined && delta && carriesContent(delta))
        this.#choiceIndex = index;
      if (this.#choiceIndex !== undefined && index !== this.#choiceIndex) continue;
      if (delta && this.#choiceIndex !== undefined) this.#applyDelta(delta, events);
      if (typeof choice['finish_reason'] === 'string') this.#setFinish(choice['finish_reason']);
    }
    return undefined;
  }

  /** The step's result. */
  finish(): ProviderStepResult {
    const toolCalls = this.#toolCalls.finish();
    let finishReason = this.#finishReason ?? 'unknown';
    // Some providers say `stop` (or nothing) for a tool turn: the calls decide.
    if (
      toolCalls.length > 0 &&
      (finishReason === 'stop' || finishReason === 'unknown' || finishReason === 'function_call')
    )
      finishReason = 'tool_calls';
    if (toolCalls.length === 0 && finishReason === 'unknown') finishReason = 'stop';
    const metadata: Json = {};
    if (this.#responseId !== undefined) metadata['responseId'] = this.#responseId;
    if (this.#model !== undefined) metadata['model'] = this.#model;
    return {
      text: this.text,
      reasoning: this.reasoning,
      toolCalls,
      finishReason,
      usage: this.#usage,
      metadata,
    };
  }

  #setFinish(reason: string): void {
    // Keep the first non-null value: later chunks (OpenRouter's usage chunk) may say null.
    if (this.#finishReason === undefined && reason !== '') this.#finishReason = reason;
  }

  #applyDelta(delta: Json, events: ProviderEvent[]): void {
    const reasoning =
      typeof delta['reasoning_content'] === 'string' && delta['reasoning_content'] !== ''
        ? delta['reasoning_content']
        : delta['reasoning'];
    if (typeof reasoning === 'string' && reasoning !== '') this.#addReasoning(reasoning, events);

    const content = delta['content'];
    if (typeof content === 'string') {
      if (content !== '') this.#addText(content, events);
    } else if (Array.isArray(content)) {
      for (const part of content) this.#applyContentPart(part, events);
    }
    if (typeof delta['refusal'] === 'string' && delta['refusal'] !== '')
      this.#addText(delta['refusal'], events);

    const toolCalls = delta['tool_calls'];
    if (Array.isArray(toolCalls)) {
      for (const call of toolCalls) {
        const wire = asObject(call);
        if (wire) this.#toolCalls.apply(wire, events);
      }
    }
    const legacy = asObject(delta['function_call']);
    if (legacy) this.#toolCalls.apply({ index: -1, function: legacy }, events);
  }

  #applyContentPart(raw: unknown, events: ProviderEvent[]): void {
    const part = asObject(raw);
    if (!part) return;
    if (part['type'] === 'text' && typeof part['text'] === 'string' && part['text'] !== '')
      this.#addText(part['text'], events);
    if (part['type'] === 'thinking') {
      const thinking = part['thinking'];
      if (typeof thinking === 'string' && thinking !== '') this.#addReasoning(thinking, events);
      if (Array.isArray(thinking)) {
        for (const inner of thinking) {
          const text = asObject(inner)?.['text'];
          if (typeof text === 'string' && text !== '') this.#addReasoning(text, events);
        }
      }
    }
  }

  #addText(text: string, events: ProviderEvent[]): void {
    this.#textParts.push(text);
    events.push({ type: 'text-delta', text });
  }

  #addReasoning(text: string, events: ProviderEvent[]): void {
    this.#reasoningParts.push(text);
    events.push({ type: 'reasoning-delta', text });
  }
}
