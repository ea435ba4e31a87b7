import { ChatMessage, type ChatMessagePart, type ToolResultPart } from '../src/index.js';

interface RoundCall {
  readonly id: string;
  readonly name: string;
  readonly argumentsText: string;
}

interface RoundResult {
  readonly resultText: string;
  readonly isError: boolean;
}

/** What one model request of a turn produced, as seen through its chunks. */
interface Round {
  reasoning: string;
  text: string;
  readonly calls: RoundCall[];
  readonly results: Map<string, RoundResult>;
}

/**
 * Records each model request ("round") of a turn from its chunks, so a stopped turn can keep
 * what it finished: the agent rejects an abort with `signal.reason` alone, carrying no partial.
 */
export class TurnRounds {
  readonly #rounds = new Map<number, Round>();

  #round(index: number): Round {
    let round = this.#rounds.get(index);
    if (!round) {
      round = { reasoning: '', text: '', calls: [], results: new Map() };
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

  addCall(index: number, call: RoundCall): void {
    this.#round(index).calls.push(call);
  }

  addResult(index: number, id: string, result: RoundResult): void {
    this.#round(index).results.set(id, result);
  }

  /** The highest round seen, or -1. */
  get lastRound(): number {
    return Math.max(-1, ...this.#rounds.keys());
  }

  /** True when the round called tools and every call has its result. */
  isFinished(index: number): boolean {
    const round = this.#rounds.get(index);
    return round !== undefined && round.calls.length > 0 && round.calls.every((call) => round.results.has(call.id));
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
        for (const call of round.calls) parts.push({ type: 'tool_call', id: call.id, name: call.name, arguments: call.argumentsText });
        messages.push(ChatMessage.createAssistantMessage(parts, { metadata: { finishReason: 'tool_calls' } }));
        messages.push(ChatMessage.createToolMessage(round.calls.map((call) => toolResult(call, round.results.get(call.id)))));
        continue;
      }
      if (round.text) messages.push(ChatMessage.createAssistantMessage(parts, { metadata: { finishReason: 'stopped' } }));
      break;
    }
    return messages;
  }
}

function toolResult(call: RoundCall, result: RoundResult | undefined): ToolResultPart {
  const part: ToolResultPart = { type: 'tool_result', toolCallId: call.id, toolName: call.name, result: result?.resultText ?? '' };
  return result?.isError ? { ...part, isError: true } : part;
}
