import type { ChatUsage } from '../messages/chat-message.js';
import type { FinishReason } from '../messages/finish-reason.js';
import { addUsage, zeroUsage } from '../messages/usage.js';
import type { ContextTrimmed, ToolCallResult } from './chat-response.js';
import type { StepCall, TurnEvent } from './turn-event.js';

/** Where a tool call stands. */
export type ToolCallStatus =
  'streaming' | 'awaiting-approval' | 'running' | 'done' | 'failed' | 'denied' | 'stopped';

/** Where a turn stands: `stopped` is a caller's abort, `failed` an error. */
export type TurnStatus = 'running' | 'finished' | 'failed' | 'stopped';

/** One tool call of a step. */
export interface TurnToolCall {
  /** Position of the call within its step (0-based): with the step, the call's address. */
  readonly index: number;
  /** The id sent back to the provider (unique in the conversation). */
  readonly id: string;
  readonly name: string;
  /** The argument text received so far (complete once the call is ready). */
  readonly argumentsText: string;
  /**
   * The arguments: parsed once the call is ready, then the validated ones that run (what an
   * approval shows); `undefined` while streaming or when they are not JSON.
   */
  readonly arguments: unknown;
  /** True when the tool waits for an approval before it runs. */
  readonly requiresApproval: boolean;
  readonly status: ToolCallStatus;
  /** The outcome, once there is one (a stopped call that was ready gets a "not finished" result). */
  readonly result: ToolCallResult | undefined;
  /** When the result arrived (ISO 8601). */
  readonly resultAt: string | undefined;
  /** The provider's own id, when it was rewritten to be unique. */
  readonly providerId: string | undefined;
  /** Wire fields to send back verbatim with the call. */
  readonly wire: Readonly<Record<string, unknown>> | undefined;
}

/** How a model request ended. */
export interface StepEnd {
  readonly at: string;
  readonly finishReason: FinishReason;
  readonly usage: ChatUsage | undefined;
  readonly metadata: Readonly<Record<string, unknown>>;
}

/** One model request of the turn and the tool calls it made. */
export interface TurnStep {
  /** Which model request of the turn (0-based). */
  readonly step: number;
  readonly reasoning: string;
  readonly text: string;
  /** In order of first appearance. */
  readonly calls: readonly TurnToolCall[];
  /** True once the model request finished (its end arrived, or its calls became ready). */
  readonly complete: boolean;
  /** Finish reason, usage and provider metadata, when the request's end was seen. */
  readonly end: StepEnd | undefined;
  /** What was left out of this request to fit the context budget; `undefined` when nothing was. */
  readonly contextTrimmed: ContextTrimmed | undefined;
}

/** Everything a turn has produced so far; never mutated, each event gives a new state. */
export interface TurnState {
  /** Identifies the turn; the turn's message ids derive from it. */
  readonly id: string;
  readonly status: TurnStatus;
  /** Model requests in order. */
  readonly steps: readonly TurnStep[];
  /** Summed over the steps that reported it. */
  readonly usage: ChatUsage;
  /** Why the turn finished (`status: 'finished'` only). */
  readonly finishReason: FinishReason | undefined;
  /** The error of a failed turn, or the reason a stopped turn was stopped. */
  readonly error: unknown;
  /** When the turn finished, failed or stopped (ISO 8601). */
  readonly endedAt: string | undefined;
}

/** The state of a turn before anything happened. */
export function initialTurnState(id: string): TurnState {
  return {
    id,
    status: 'running',
    steps: [],
    usage: zeroUsage,
    finishReason: undefined,
    error: undefined,
    endedAt: undefined,
  };
}

const terminalCallStatus = new Set<ToolCallStatus>(['done', 'failed', 'denied', 'stopped']);

/** True when a call has its outcome. */
function isCallSettled(call: TurnToolCall): boolean {
  return terminalCallStatus.has(call.status);
}

/** The call at `index` of `step`, if the turn has seen it. */
export function callAt(state: TurnState, step: number, index: number): TurnToolCall | undefined {
  return stepAt(state, step)?.calls.find((call) => call.index === index);
}

/** The step numbered `step`, if the turn has seen it. */
export function stepAt(state: TurnState, step: number): TurnStep | undefined {
  const last = state.steps.at(-1);
  if (last?.step === step) return last;
  return state.steps.find((candidate) => candidate.step === step);
}

/**
 * The turn's reducer: the state after `event`. Pure (times come with the events); events after
 * the turn ended are ignored, so a late tool result cannot change a stopped turn.
 */
export function applyEvent(state: TurnState, event: TurnEvent): TurnState {
  if (state.status !== 'running') return state;
  switch (event.type) {
    case 'text':
      if (!event.text) return state;
      return updateStep(state, event.step, (step) => ({ ...step, text: step.text + event.text }));
    case 'reasoning':
      if (!event.text) return state;
      return updateStep(state, event.step, (step) => ({
        ...step,
        reasoning: step.reasoning + event.text,
      }));
    case 'call-start':
      return updateCall(state, event.step, event.index, event, (call) => call);
    case 'call-arguments':
      return updateCall(state, event.step, event.index, event, (call) => ({
        ...call,
        // A V8 string `+` is a rope: no copy, however long the arguments grow.
        argumentsText: event.text ?? call.argumentsText + event.delta,
      }));
    case 'step-end': {
      const ended = updateStep(state, event.step, (step) => ({
        ...step,
        text: event.text,
        reasoning: event.reasoning,
        complete: true,
        end: {
          at: event.at,
          finishReason: event.finishReason,
          usage: event.usage,
          metadata: event.metadata,
        },
        calls: mergeStepCalls(step.calls, event.calls),
      }));
      return { ...ended, usage: addUsage(ended.usage, event.usage) };
    }
    case 'call-ready': {
      const ready = updateCall(state, event.step, event.index, event, (call) => ({
        ...call,
        argumentsText: event.argumentsText,
        arguments: event.arguments,
        requiresApproval: event.requiresApproval,
        status: event.requiresApproval ? 'awaiting-approval' : 'running',
      }));
      return updateStep(ready, event.step, (step) =>
        step.complete ? step : { ...step, complete: true },
      );
    }
    case 'approval-requested':
      return updateExistingCall(state, event.step, event.index, (call) => ({
        ...call,
        arguments: event.arguments,
        status: 'awaiting-approval',
      }));
    case 'approval-decided':
      return updateExistingCall(state, event.step, event.index, (call) =>
        call.status === 'awaiting-approval'
          ? { ...call, status: event.approved ? 'running' : 'denied' }
          : call,
      );
    case 'call-result': {
      const { result } = event;
      return updateCall(state, event.step, result.index, result, (call) => ({
        ...call,
        arguments: result.arguments === undefined ? call.arguments : result.arguments,
        result,
        resultAt: event.at,
        status: result.denied ? 'denied' : result.isError ? 'failed' : 'done',
      }));
    }
    case 'context-trimmed':
      return updateStep(state, event.step, (step) => ({
        ...step,
        contextTrimmed: {
          droppedMessages: event.droppedMessages,
          droppedMessageIds: event.droppedMessageIds,
          estimatedTokens: event.estimatedTokens,
          budget: event.budget,
        },
      }));
    case 'turn-finished':
      return {
        ...state,
        status: 'finished',
        finishReason: event.finishReason,
        endedAt: event.at,
      };
    case 'turn-failed':
      return {
        ...settleCalls(state, 'failed', event.at),
        status: 'failed',
        error: event.error,
        endedAt: event.at,
      };
    case 'turn-stopped':
      return {
        ...settleCalls(state, 'stopped', event.at),
        status: 'stopped',
        error: event.reason,
        endedAt: event.at,
      };
  }
}

function updateStep(
  state: TurnState,
  number: number,
  change: (step: TurnStep) => TurnStep,
): TurnState {
  const steps = state.steps;
  const lastIndex = steps.length - 1;
  const at =
    steps[lastIndex]?.step === number ? lastIndex : steps.findIndex((s) => s.step === number);
  if (at === -1) {
    const created = change(emptyStep(number));
    // Steps stay in order, whatever order a relayed stream delivers them in.
    const before = steps.filter((s) => s.step < number);
    const after = steps.filter((s) => s.step > number);
    return { ...state, steps: [...before, created, ...after] };
  }
  const next = steps.slice();
  next[at] = change(steps[at]!);
  return { ...state, steps: next };
}

/** A step with nothing in it yet; every other constructor of a step starts from this one. */
export function emptyStep(step: number): TurnStep {
  return {
    step,
    reasoning: '',
    text: '',
    calls: [],
    complete: false,
    end: undefined,
    contextTrimmed: undefined,
  };
}

interface CallIdentity {
  readonly id: string;
  readonly name: string;
}

function updateCall(
  state: TurnState,
  step: number,
  index: number,
  identity: CallIdentity,
  change: (call: TurnToolCall) => TurnToolCall,
): TurnState {
  return updateStep(state, step, (current) => {
    const at = current.calls.findIndex((call) => call.index === index);
    const calls = current.calls.slice();
    if (at === -1) calls.push(change(newCall(index, identity)));
    else calls[at] = change(calls[at]!);
    return { ...current, calls };
  });
}

function updateExistingCall(
  state: TurnState,
  step: number,
  index: number,
  change: (call: TurnToolCall) => TurnToolCall,
): TurnState {
  return callAt(state, step, index)
    ? updateCall(state, step, index, { id: '', name: '' }, change)
    : state;
}

function newCall(index: number, { id, name }: CallIdentity): TurnToolCall {
  return {
    index,
    id,
    name,
    argumentsText: '',
    arguments: undefined,
    requiresApproval: false,
    status: 'streaming',
    result: undefined,
    resultAt: undefined,
    providerId: undefined,
    wire: undefined,
  };
}

/** The step's calls with the model request's final word on each: ids, names, text, wire extras. */
function mergeStepCalls(
  calls: readonly TurnToolCall[],
  finals: readonly StepCall[],
): readonly TurnToolCall[] {
  const merged = calls.slice();
  for (const final of finals) {
    const at = merged.findIndex((call) => call.index === final.index);
    const base = at === -1 ? newCall(final.index, final) : merged[at]!;
    const call: TurnToolCall = {
      ...base,
      id: final.id,
      name: final.name,
      argumentsText: final.argumentsText,
      providerId: final.providerId,
      wire: final.wire,
    };
    if (at === -1) merged.push(call);
    else merged[at] = call;
  }
  // Calls the final word does not list were never delivered whole: they cannot run.
  return merged.filter((call) => finals.some((final) => final.index === call.index));
}

/** Ends every unsettled call of the turn as `status`; a stopped call that was ready gets a result saying so. */
function settleCalls(state: TurnState, status: 'failed' | 'stopped', at: string): TurnState {
  let changed = false;
  const steps = state.steps.map((step) => {
    if (step.calls.every(isCallSettled)) return step;
    changed = true;
    return {
      ...step,
      calls: step.calls.map((call): TurnToolCall => {
        if (isCallSettled(call)) return call;
        const result = step.complete && status === 'stopped' ? stoppedResult(call) : undefined;
        return { ...call, status, result, resultAt: result ? at : undefined };
      }),
    };
  });
  return changed ? { ...state, steps } : state;
}

/** What the model reads for a call the caller stopped: whether it ran is said plainly. */
function stoppedResult(call: TurnToolCall): ToolCallResult {
  const error =
    call.status === 'running'
      ? 'Stopped: the user stopped the turn while this call ran, so its outcome is unknown.'
      : 'Not run: the user stopped the turn before this call ran.';
  const result = { error };
  return {
    id: call.id,
    index: call.index,
    name: call.name,
    arguments: call.arguments,
    result,
    resultText: JSON.stringify(result),
    isError: true,
    denied: false,
  };
}

/**
 * Freezes the state's own structure (steps, calls, ends) so a snapshot cannot be changed, leaving
 * the values inside it (a tool's arguments and result, an error) as their owners made them.
 */
export function freezeTurnState(state: TurnState): TurnState {
  if (Object.isFrozen(state)) return state;
  for (const step of state.steps) {
    for (const call of step.calls) Object.freeze(call);
    Object.freeze(step.calls);
    if (step.end) Object.freeze(step.end);
    if (step.contextTrimmed) {
      Object.freeze(step.contextTrimmed.droppedMessageIds);
      Object.freeze(step.contextTrimmed);
    }
    Object.freeze(step);
  }
  Object.freeze(state.steps);
  return Object.freeze(state);
}
