import type { ChatResponseChunk } from './chat-response.js';
import {
  finishChunk,
  reasoningDeltaChunk,
  textDeltaChunk,
  toolCallDeltaChunk,
  toolCallReadyChunk,
  toolCallResultChunk,
  toolCallStartChunk,
} from './chunk-factory.js';
import type { TurnEvent } from './turn-event.js';
import { turnResponse } from './turn-messages.js';
import { callAt, type TurnState } from './turn-state.js';

/**
 * The public chunk for an event, read against the state after it; `undefined` for events the
 * chunk stream does not carry (a step's end, approvals, failures and stops).
 */
export function chunkOf(event: TurnEvent, state: TurnState): ChatResponseChunk | undefined {
  switch (event.type) {
    case 'text':
      return textDeltaChunk(event.step, event.text);
    case 'reasoning':
      return reasoningDeltaChunk(event.step, event.text);
    case 'call-start':
      return toolCallStartChunk(event.step, {
        id: event.id,
        name: event.name,
        index: event.index,
      });
    case 'call-arguments':
      return toolCallDeltaChunk(event.step, {
        id: event.id,
        index: event.index,
        name: event.name,
        argumentsDelta: event.delta,
        argumentsText:
          callAt(state, event.step, event.index)?.argumentsText ?? event.text ?? event.delta,
      });
    case 'call-ready':
      return toolCallReadyChunk(event.step, {
        id: event.id,
        index: event.index,
        name: event.name,
        argumentsText: event.argumentsText,
        arguments: event.arguments,
        requiresApproval: event.requiresApproval,
      });
    case 'call-result':
      return toolCallResultChunk(event.step, event.result);
    case 'turn-finished':
      return finishChunk(state.steps.at(-1)?.step ?? 0, turnResponse(state));
    case 'step-end':
    case 'approval-requested':
    case 'approval-decided':
    case 'turn-failed':
    case 'turn-stopped':
      return undefined;
  }
}
