import type { ChatMessage, ChatUsage } from '../messages/chat-message.js';
import { zeroUsage } from '../messages/usage.js';

/** What a turn had produced when it failed: nothing received is lost. */
export interface PartialResponse {
  /** Answer text of the step that was interrupted. */
  readonly text: string;
  /** Reasoning text of the step that was interrupted. */
  readonly reasoning: string;
  /** Finished tool rounds of this turn (assistant tool-call messages and their results). */
  readonly messages: readonly ChatMessage[];
  /** Usage summed over the steps that reported it. */
  readonly usage: ChatUsage;
}

/** An empty {@link PartialResponse}. */
export const emptyPartialResponse: PartialResponse = Object.freeze({
  text: '',
  reasoning: '',
  messages: Object.freeze([]),
  usage: zeroUsage,
});
