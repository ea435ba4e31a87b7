import type { ChatMessage } from '../messages/chat-message.js';

/**
 * Hands out the tool-call ids a turn sends back to the provider. Providers repeat ids within a
 * step, leave them empty and reuse them every round (`call_0`), but a follow-up request must pair
 * each result with exactly one call: the provider's id is kept when it is new to the
 * conversation, and otherwise rewritten deterministically from the step and position.
 */
export class ToolCallIds {
  readonly #used = new Set<string>();
  // Assigned ids by step, then by position within the step.
  readonly #assigned = new Map<number, Map<number, string>>();

  /** Seeds the ids the conversation already holds, so none is handed out twice. */
  constructor(conversation: readonly ChatMessage[]) {
    for (const message of conversation) {
      for (const part of message.content) if (part.type === 'tool_call') this.#used.add(part.id);
    }
  }

  /** The id of the call at `index` of `step`, assigning it on first sight. */
  idFor(step: number, index: number, providerId: string): string {
    let byIndex = this.#assigned.get(step);
    if (!byIndex) {
      byIndex = new Map();
      this.#assigned.set(step, byIndex);
    }
    const existing = byIndex.get(index);
    if (existing !== undefined) return existing;
    let id = providerId;
    if (id === '' || this.#used.has(id)) {
      const base = `${providerId || 'call'}_${step}_${index}`;
      id = base;
      for (let n = 2; this.#used.has(id); n++) id = `${base}_${n}`;
    }
    this.#used.add(id);
    byIndex.set(index, id);
    return id;
  }
}
