import type {
  ChatResponse,
  ChatResponseChunk,
  ContextTrimmed,
  ContextTrimmedChunk,
  FinishChunk,
  ReasoningDeltaChunk,
  TextDeltaChunk,
  ToolCallDelta,
  ToolCallDeltaChunk,
  ToolCallReady,
  ToolCallReadyChunk,
  ToolCallResult,
  ToolCallResultChunk,
  ToolCallStart,
  ToolCallStartChunk,
} from './chat-response.js';

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
    case 'context-trimmed':
      return contextTrimmedChunk(event.step, {
        droppedMessages: event.droppedMessages,
        droppedMessageIds: event.droppedMessageIds,
        estimatedTokens: event.estimatedTokens,
        budget: event.budget,
      });
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

type Json = Record<string, unknown>;

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const count = (value: unknown): number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : 0;
const json = (value: unknown): Json =>
  value !== null && typeof value === 'object' ? (value as Json) : {};

/**
 * The turn event a chunk stands for, read field by field from parsed JSON (a relayed chunk comes
 * from another party: nothing in it is trusted to have the shape of a chunk); `null` for the final
 * chunk, which carries the whole response instead; `undefined` for an unknown chunk type. The
 * inverse of {@link chunkOf}.
 */
export function eventOfChunk(raw: Json, at: string): TurnEvent | null | undefined {
  const step = count(raw['step']);
  switch (raw['type']) {
    case 'text-delta':
      return { type: 'text', step, text: text(raw['chunk']) };
    case 'reasoning-delta':
      return { type: 'reasoning', step, text: text(raw['reasoningChunk']) };
    case 'tool-call-start': {
      const start = json(raw['toolCallStart']);
      const index = count(start['index']);
      return { type: 'call-start', step, index, id: text(start['id']), name: text(start['name']) };
    }
    case 'tool-call-delta': {
      const delta = json(raw['toolCallDelta']);
      return {
        type: 'call-arguments',
        step,
        index: count(delta['index']),
        id: text(delta['id']),
        name: text(delta['name']),
        delta: text(delta['argumentsDelta']),
        // Older relays sent everything so far with each delta; this one rebuilds it from the deltas.
        text: typeof delta['argumentsText'] === 'string' ? delta['argumentsText'] : undefined,
      };
    }
    case 'tool-call-ready': {
      const ready = json(raw['toolCallReady']);
      return {
        type: 'call-ready',
        step,
        index: count(ready['index']),
        id: text(ready['id']),
        name: text(ready['name']),
        argumentsText: text(ready['argumentsText']),
        arguments: ready['arguments'],
        requiresApproval: ready['requiresApproval'] === true,
      };
    }
    case 'tool-call-result': {
      const result = json(raw['toolCallResult']);
      return {
        type: 'call-result',
        step,
        at,
        result: {
          id: text(result['id']),
          index: count(result['index']),
          name: text(result['name']),
          arguments: result['arguments'],
          result: result['result'],
          resultText: text(result['resultText']),
          isError: result['isError'] === true,
          denied: result['denied'] === true,
        },
      };
    }
    case 'context-trimmed': {
      const trimmed = json(raw['contextTrimmed']);
      const ids = trimmed['droppedMessageIds'];
      return {
        type: 'context-trimmed',
        step,
        droppedMessages: count(trimmed['droppedMessages']),
        droppedMessageIds: Array.isArray(ids) ? ids.filter((id) => typeof id === 'string') : [],
        estimatedTokens: count(trimmed['estimatedTokens']),
        budget: count(trimmed['budget']),
      };
    }
    case 'finish':
      return null;
    default:
      return undefined;
  }
}

// Every chunk starts from these fields, in this order: one object shape for every kind keeps the hot path cheap.
const empty = {
  chunk: '',
  reasoningChunk: '',
  finished: false,
  finishedResponse: undefined,
  toolCallStart: undefined,
  toolCallResult: undefined,
  toolCallDelta: undefined,
  toolCallReady: undefined,
  contextTrimmed: undefined,
} as const;

export function textDeltaChunk(step: number, text: string): TextDeltaChunk {
  return { type: 'text-delta', step, ...empty, chunk: text };
}

function reasoningDeltaChunk(step: number, text: string): ReasoningDeltaChunk {
  return { type: 'reasoning-delta', step, ...empty, reasoningChunk: text };
}

function toolCallStartChunk(step: number, toolCallStart: ToolCallStart): ToolCallStartChunk {
  return { type: 'tool-call-start', step, ...empty, toolCallStart };
}

function toolCallDeltaChunk(step: number, toolCallDelta: ToolCallDelta): ToolCallDeltaChunk {
  return { type: 'tool-call-delta', step, ...empty, toolCallDelta };
}

function toolCallReadyChunk(step: number, toolCallReady: ToolCallReady): ToolCallReadyChunk {
  return { type: 'tool-call-ready', step, ...empty, toolCallReady };
}

function toolCallResultChunk(step: number, toolCallResult: ToolCallResult): ToolCallResultChunk {
  return { type: 'tool-call-result', step, ...empty, toolCallResult };
}

function contextTrimmedChunk(step: number, contextTrimmed: ContextTrimmed): ContextTrimmedChunk {
  return { type: 'context-trimmed', step, ...empty, contextTrimmed };
}

export function finishChunk(step: number, finishedResponse: ChatResponse): FinishChunk {
  return { type: 'finish', step, ...empty, finished: true, finishedResponse };
}
