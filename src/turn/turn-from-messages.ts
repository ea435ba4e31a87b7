import type { ChatMessage, ToolResultPart } from '../messages/chat-message.js';
import { zeroUsage, addUsage } from '../messages/usage.js';
import { toolResultStatus } from './turn-messages.js';
import { emptyStep, type TurnState, type TurnStep, type TurnToolCall } from './turn-state.js';

/**
 * The state of a saved turn: its assistant and tool messages (everything after one user
 * message) read back into steps, so a restored conversation is shown by the same view as a live
 * one. Results pair with calls by id and, where ids repeat (imported histories), in order.
 */
export function turnFromMessages(id: string, messages: readonly ChatMessage[]): TurnState {
  const steps: TurnStep[] = [];
  let usage = zeroUsage;
  let stopped = false;
  for (const [at, message] of messages.entries()) {
    if (message.role !== 'assistant') continue;
    const results = resultsAnswering(messages, at);
    const { finishReason, ...metadata } = message.metadata ?? {};
    const reason = typeof finishReason === 'string' ? finishReason : 'stop';
    const calls: TurnToolCall[] = [];
    let text = '';
    let reasoning = '';
    for (const part of message.content) {
      if (part.type === 'text') text += part.text;
      else if (part.type === 'reasoning') reasoning += part.text;
      else if (part.type === 'tool_call') {
        const result = takeResult(results, part.id);
        const status = toolResultStatus(result);
        if (status === 'stopped') stopped = true;
        calls.push({
          index: calls.length,
          id: part.id,
          name: part.name,
          argumentsText: part.arguments,
          arguments: undefined,
          requiresApproval: false,
          status,
          result: result && {
            id: part.id,
            index: calls.length,
            name: part.name,
            arguments: undefined,
            result: undefined,
            resultText: result.result,
            isError: result.isError === true,
            denied: status === 'denied',
          },
          resultAt: undefined,
          providerId: stringOr(part.metadata?.['providerId']),
          wire: objectOr(part.metadata?.['wire']),
        });
      }
    }
    if (reason === 'stopped') stopped = true;
    usage = addUsage(usage, message.usage);
    steps.push({
      // Fields a saved message cannot tell (what a request left out) keep their empty values.
      ...emptyStep(steps.length),
      text,
      reasoning,
      calls,
      // The interrupted step of a stopped turn is the one that did not finish.
      complete: reason !== 'stopped',
      end: { at: message.createdAt, finishReason: reason, usage: message.usage, metadata },
    });
  }
  const last = messages.at(-1);
  return {
    id,
    status: stopped ? 'stopped' : 'finished',
    steps,
    usage,
    finishReason: stopped ? undefined : (steps.at(-1)?.end?.finishReason ?? 'stop'),
    error: undefined,
    endedAt: last?.createdAt,
  };
}

/** The results in the tool messages right after the assistant message at `at`, in order. */
function resultsAnswering(messages: readonly ChatMessage[], at: number): ToolResultPart[] {
  const results: ToolResultPart[] = [];
  for (let next = at + 1; next < messages.length && messages[next]?.role === 'tool'; next++)
    for (const part of messages[next]!.content) if (part.type === 'tool_result') results.push(part);
  return results;
}

/** Takes the first unclaimed result answering `id`, so calls sharing an id each get their own. */
function takeResult(results: ToolResultPart[], id: string): ToolResultPart | undefined {
  const at = results.findIndex((result) => result.toolCallId === id);
  return at === -1 ? undefined : results.splice(at, 1)[0];
}

function stringOr(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function objectOr(value: unknown): Readonly<Record<string, unknown>> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}
