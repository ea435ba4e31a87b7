import {
  ChatMessage,
  type ChatMessagePart,
  type ToolResultPart,
} from '../messages/chat-message.js';
import type { FinishReason } from '../messages/finish-reason.js';
import type { ChatResponse } from './chat-response.js';
import type { PartialResponse } from './partial-response.js';
import type { ToolCallStatus, TurnState, TurnStep, TurnToolCall } from './turn-state.js';

/**
 * The messages a turn leaves in the conversation, decided in one place for every way a turn
 * ends. Every finished tool round is kept whole (calls and results). A finished turn keeps its
 * answer. A stopped turn keeps the text of the step it interrupted (`finishReason: 'stopped'`),
 * and its ready calls that never finished answered with a result saying so (`metadata.stopped`).
 * A failed or still running turn keeps only finished rounds: the interrupted step is what a
 * retry asks for again. Message ids derive from the turn's id, so repeated calls agree.
 */
export function turnMessages(state: TurnState): ChatMessage[] {
  const messages: ChatMessage[] = [];
  for (const step of state.steps) {
    if (!step.complete && state.status !== 'finished') {
      if (state.status === 'stopped' && step.text)
        messages.push(assistantMessage(state, step, 'stopped', false));
      break;
    }
    const withCalls = step.calls.length > 0;
    if (withCalls && !step.calls.every((call) => call.result !== undefined)) break;
    messages.push(assistantMessage(state, step, finishReasonOf(state, step), withCalls));
    if (withCalls) messages.push(toolMessage(state, step));
  }
  return messages;
}

/** The {@link ChatResponse} of a finished turn. */
export function turnResponse(state: TurnState): ChatResponse {
  const finishReason = state.finishReason ?? 'unknown';
  return {
    messages: turnMessages(state),
    response: finishReason === 'max_iterations' ? '' : (state.steps.at(-1)?.text ?? ''),
    finishReason,
    usage: state.usage,
  };
}

/** What a failed turn produced: the interrupted step's text and reasoning, and the finished rounds. */
export function partialResponse(state: TurnState): PartialResponse {
  const last = state.steps.at(-1);
  const interrupted = last && !last.complete ? last : undefined;
  return {
    text: interrupted?.text ?? '',
    reasoning: interrupted?.reasoning ?? '',
    messages: turnMessages({
      ...state,
      status: state.status === 'finished' ? 'finished' : 'failed',
    }),
    usage: state.usage,
  };
}

/** The result part a call sends back, marked `denied` or `stopped` in its metadata so a restored conversation shows it so. */
function toolResultPart(call: TurnToolCall): ToolResultPart {
  const result = call.result;
  const part: ToolResultPart = {
    type: 'tool_result',
    toolCallId: call.id,
    toolName: call.name,
    result: result?.resultText ?? '',
  };
  if (call.status === 'denied') return { ...part, isError: true, metadata: { denied: true } };
  if (call.status === 'stopped') return { ...part, isError: true, metadata: { stopped: true } };
  return result?.isError ? { ...part, isError: true } : part;
}

/** Where a saved call stands, read from its result part (none: it never finished). */
export function toolResultStatus(part: ToolResultPart | undefined): ToolCallStatus {
  if (!part) return 'stopped';
  if (part.metadata?.['denied'] === true) return 'denied';
  if (part.metadata?.['stopped'] === true) return 'stopped';
  return part.isError ? 'failed' : 'done';
}

function finishReasonOf(state: TurnState, step: TurnStep): FinishReason {
  if (step.end) return step.end.finishReason;
  if (step.calls.length > 0) return 'tool_calls';
  return state.finishReason ?? 'stop';
}

function assistantMessage(
  state: TurnState,
  step: TurnStep,
  finishReason: FinishReason,
  withCalls: boolean,
): ChatMessage {
  const parts: ChatMessagePart[] = [];
  if (step.reasoning) parts.push({ type: 'reasoning', text: step.reasoning });
  if (step.text) parts.push({ type: 'text', text: step.text });
  if (withCalls) for (const call of step.calls) parts.push(toolCallPart(call));
  const message = ChatMessage.createAssistantMessage(parts, {
    id: `${state.id}:${step.step}:assistant`,
    createdAt: step.end?.at ?? state.endedAt ?? new Date(0).toISOString(),
    metadata: { ...step.end?.metadata, finishReason },
  });
  return step.end?.usage ? { ...message, usage: step.end.usage } : message;
}

function toolCallPart(call: TurnToolCall): ChatMessagePart {
  const part = {
    type: 'tool_call',
    id: call.id,
    name: call.name,
    arguments: call.argumentsText,
  } as const;
  const metadata: Record<string, unknown> = {};
  // The provider's own id, when it was rewritten to be unique; its extra wire fields, to send back verbatim.
  if (call.providerId !== undefined && call.providerId !== '' && call.providerId !== call.id)
    metadata['providerId'] = call.providerId;
  if (call.wire) metadata['wire'] = call.wire;
  return Object.keys(metadata).length > 0 ? { ...part, metadata } : part;
}

function toolMessage(state: TurnState, step: TurnStep): ChatMessage {
  let latest = step.end?.at ?? '';
  for (const call of step.calls)
    if (call.resultAt && call.resultAt > latest) latest = call.resultAt;
  return ChatMessage.createToolMessage(step.calls.map(toolResultPart), {
    id: `${state.id}:${step.step}:tool`,
    createdAt: latest || (state.endedAt ?? new Date(0).toISOString()),
  });
}
