import { ChatMessage, type ChatMessagePart, type ToolResultPart } from '../src/index.js';

interface RoundCall {
  readonly id: string;
  readonly name: string;
  readonly argumentsText: string;
}

interface RoundResult {
  readonly resultText: string;
  readonly isError: boolean;
  readonly denied: boolean;
}

/** What one model request of a turn produced, as seen through its chunks; calls by position. */
interface Round {
  reasoning: string;
  text: string;
  readonly calls: Map<number, RoundCall>;
  readonly results: Map<number, RoundResult>;
}

/**
 * Records each model request ("round") of a turn from its chunks, so a stopped turn can keep
 * what it finished: the agent rejects an abort with `signal.reason` alone, carrying no partial.
 * Calls are addressed by round and position, never by the provider's id.
 */
export class TurnRounds {
  readonly #rounds = new Map<number, Round>();

  #round(index: number): Round {
    let round = this.#rounds.get(index);
    if (!round) {
      round = { reasoning: '', text: '', calls: new Map(), results: new Map() };
      this.#rounds.set(index, round);
    }
    return round;
  }

  addText(index: number, text: string): void {
    this.#round(index).text += text;
  }

  addReasoning(index: number, text: string): void {
    this.#round(index).reasoning += text;
  }

  /** Records the call at `position` of round `index` (complete, about to run). */
  addCall(index: number, position: number, call: RoundCall): void {
    this.#round(index).calls.set(position, call);
  }

  /** Records the outcome of the call at `position` of round `index`. */
  addResult(index: number, position: number, result: RoundResult): void {
    this.#round(index).results.set(position, result);
  }

  /** The highest round seen, or -1. */
  get lastRound(): number {
    let last = -1;
    for (const index of this.#rounds.keys()) if (index > last) last = index;
    return last;
  }

  /** True when the round called tools and every call has its result. */
  isFinished(index: number): boolean {
    const round = this.#rounds.get(index);
    if (round === undefined || round.calls.size === 0) return false;
    for (const position of round.calls.keys()) if (!round.results.has(position)) return false;
    return true;
  }

  /** Forgets rounds from `index` on (a retry re-runs them). */
  dropFrom(index: number): void {
    for (const key of [...this.#rounds.keys()]) if (key >= index) this.#rounds.delete(key);
  }

  /**
   * The messages a stopped turn keeps, for rounds from `from` on: every finished tool round
   * whole, then the unfinished round's text (its unanswered calls dropped, as the API needs
   * an answer for each call).
   */
  stoppedMessages(from: number): ChatMessage[] {
    const messages: ChatMessage[] = [];
    const indexes = [...this.#rounds.keys()].filter((index) => index >= from).sort((a, b) => a - b);
    for (const index of indexes) {
      const round = this.#rounds.get(index);
      if (!round) continue;
      const parts: ChatMessagePart[] = [];
      if (round.reasoning) parts.push({ type: 'reasoning', text: round.reasoning });
      if (round.text) parts.push({ type: 'text', text: round.text });
      if (this.isFinished(index)) {
        const calls = [...round.calls.entries()].sort(([a], [b]) => a - b);
        for (const [, call] of calls)
          parts.push({
            type: 'tool_call',
            id: call.id,
            name: call.name,
            arguments: call.argumentsText,
          });
        messages.push(
          ChatMessage.createAssistantMessage(parts, { metadata: { finishReason: 'tool_calls' } }),
        );
        messages.push(
          ChatMessage.createToolMessage(
            calls.map(([position, call]) => toolResult(call, round.results.get(position))),
          ),
        );
        continue;
      }
      if (round.text)
        messages.push(
          ChatMessage.createAssistantMessage(parts, { metadata: { finishReason: 'stopped' } }),
        );
      break;
    }
    return messages;
  }
}

function toolResult(call: RoundCall, result: RoundResult | undefined): ToolResultPart {
  const part: ToolResultPart = {
    type: 'tool_result',
    toolCallId: call.id,
    toolName: call.name,
    result: result?.resultText ?? '',
  };
  if (result?.denied) return { ...part, isError: true, metadata: { denied: true } };
  return result?.isError ? { ...part, isError: true } : part;
}
