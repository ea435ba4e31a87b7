import * as z from 'zod';
import type { ProviderToolCall } from '../provider/chat-api.js';
import type { ToolRegistry } from '../tools/tool-registry.js';
import { raceAbort } from '../internal/race-abort.js';
import type { ToolCallResult } from './chat-response.js';
import type { ToolApprovalDecision, ToolApprovalHandler } from './tool-approval.js';

/** Parses argument text; `undefined` plus a reason when it is not JSON. */
export function parseToolArguments(text: string): { ok: true; value: unknown } | { ok: false; reason: string } {
  try {
    return { ok: true, value: JSON.parse(text.trim() === '' ? '{}' : text) };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

function failure(call: ProviderToolCall, args: unknown, message: string, denied = false): ToolCallResult {
  const result = { error: message };
  return { id: call.id, name: call.name, arguments: args, result, resultText: JSON.stringify(result), isError: true, denied };
}

function describeError(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  try {
    return typeof error === 'string' ? error : JSON.stringify(error);
  } catch {
    return String(error);
  }
}

/**
 * Runs one tool call and always returns its result: an unknown tool, bad arguments, a denial, a
 * thrown error or an unserialisable value become an error result the model can read. Only an
 * abort rejects.
 */
export async function runToolCall(call: ProviderToolCall, registry: ToolRegistry | undefined, approve: ToolApprovalHandler | undefined, signal: AbortSignal): Promise<ToolCallResult> {
  const tool = registry?.getTool(call.name);
  if (!tool) {
    const names = registry?.getTools().map((t) => t.name) ?? [];
    return failure(call, undefined, `Unknown tool "${call.name}". Available tools: ${names.length > 0 ? names.join(', ') : 'none'}.`);
  }
  const parsed = parseToolArguments(call.argumentsText);
  if (!parsed.ok) return failure(call, undefined, `The arguments are not valid JSON (${parsed.reason}). Send a JSON object that matches the tool's schema.`);
  let validated: Awaited<ReturnType<typeof tool.parseArguments>>;
  try {
    validated = await tool.parseArguments(parsed.value);
  } catch (error) {
    // A refinement that throws is the tool's bug, not the model's: still one error result.
    return failure(call, parsed.value, `The arguments could not be validated: ${describeError(error)}`);
  }
  if (!validated.success) return failure(call, parsed.value, `The arguments do not match the tool's schema:\n${z.prettifyError(validated.error)}`);

  // Arguments are evaluated before raceAbort looks at the signal: check first, or a stopped turn still asks and runs.
  signal.throwIfAborted();
  if (tool.requiresApproval) {
    let decision: ToolApprovalDecision = false;
    if (approve) {
      try {
        decision = await raceAbort(Promise.resolve().then(() => approve({ id: call.id, name: call.name, arguments: validated.data, tool }, { signal })), signal);
      } catch (error) {
        if (signal.aborted) throw signal.reason;
        // A failing approval handler never lets the call run.
        return failure(call, validated.data, `The approval step failed, so the tool was not run: ${describeError(error)}`);
      }
    }
    const approved = typeof decision === 'boolean' ? decision : decision.approved;
    if (!approved) {
      const reason = typeof decision === 'object' && decision.reason ? ` Reason: ${decision.reason}` : '';
      return failure(call, validated.data, approve ? `The user denied this tool call.${reason}` : 'This tool requires approval and no approval handler is configured, so it was not run.', true);
    }
  }

  let value: unknown;
  try {
    signal.throwIfAborted();
    value = await raceAbort(tool.execute(validated.data, { signal, toolCallId: call.id }), signal);
  } catch (error) {
    if (signal.aborted) throw signal.reason;
    return failure(call, validated.data, `The tool failed: ${describeError(error)}`);
  }
  let resultText: string | undefined;
  try {
    resultText = JSON.stringify(value === undefined ? null : value);
  } catch (error) {
    return failure(call, validated.data, `The tool's result could not be converted to JSON: ${describeError(error)}`);
  }
  return { id: call.id, name: call.name, arguments: validated.data, result: value, resultText: resultText ?? 'null', isError: false, denied: false };
}
