import * as z from 'zod';
import type { ToolRegistry } from '../tools/tool-registry.js';
import { describeThrown } from '../internal/describe-thrown.js';
import { isNestedDeeperThan } from '../internal/json-depth.js';
import { raceAbort } from '../internal/race-abort.js';
import type { ToolCallResult } from '../turn/chat-response.js';
import {
  isApproved,
  type ToolApprovalDecision,
  type ToolApprovalHandler,
} from './tool-approval.js';

/** Deepest nesting of objects and arrays accepted in a call's arguments. */
const maxArgumentDepth = 64;

/** The outcome of reading a call's argument text. */
export type ParsedArguments =
  { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly reason: string };

/** Parses argument text; `ok: false` with a sentence saying why when it is not JSON or nests absurdly deep. */
export function parseToolArguments(text: string): ParsedArguments {
  let value: unknown;
  try {
    value = JSON.parse(text.trim() === '' ? '{}' : text);
  } catch (error) {
    // A RangeError here means nesting too deep for the parser itself.
    return {
      ok: false,
      reason:
        error instanceof SyntaxError
          ? `The arguments are not valid JSON (${error.message}).`
          : 'The arguments nest too deeply to read.',
    };
  }
  if (isNestedDeeperThan(value, maxArgumentDepth))
    return { ok: false, reason: `The arguments nest deeper than ${maxArgumentDepth} levels.` };
  return { ok: true, value };
}

/** One call to run, addressed by its step and position; `id` is what the provider gets back. */
export interface ToolCallToRun {
  readonly step?: number;
  readonly index?: number;
  readonly id: string;
  readonly name: string;
  readonly argumentsText: string;
  /** The argument text already parsed (the agent parses once for its `tool-call-ready` chunk). */
  readonly parsedArguments?: ParsedArguments;
}

function failure(
  call: ToolCallToRun,
  args: unknown,
  message: string,
  denied = false,
): ToolCallResult {
  const result = { error: message };
  return {
    id: call.id,
    index: call.index ?? 0,
    name: call.name,
    arguments: args,
    result,
    resultText: JSON.stringify(result),
    isError: true,
    denied,
  };
}

/** A result for a call that is not run at all (say, beyond the per-step limit). */
export function refusedToolCall(call: ToolCallToRun, message: string): ToolCallResult {
  return failure(call, call.parsedArguments?.ok ? call.parsedArguments.value : undefined, message);
}

/**
 * Runs one tool call and always returns its result: an unknown tool, bad arguments, a denial, a
 * thrown value of any kind, a time-out or an unserialisable value become an error result the
 * model can read. Only an abort of `signal` rejects.
 */
export async function runToolCall(
  call: ToolCallToRun,
  registry: ToolRegistry | undefined,
  approve: ToolApprovalHandler | undefined,
  signal: AbortSignal,
): Promise<ToolCallResult> {
  const tool = registry?.getTool(call.name);
  if (!tool) {
    const names = registry?.getTools().map((t) => t.name) ?? [];
    return failure(
      call,
      undefined,
      `Unknown tool "${call.name}". Available tools: ${names.length > 0 ? names.join(', ') : 'none'}.`,
    );
  }
  const parsed = call.parsedArguments ?? parseToolArguments(call.argumentsText);
  if (!parsed.ok)
    return failure(
      call,
      undefined,
      `${parsed.reason} Send a JSON object that matches the tool's schema.`,
    );
  // The registry holds tools of any schema: what comes back is only known to be the validated value.
  let validated: z.ZodSafeParseResult<unknown>;
  try {
    validated = await tool.parseArguments(parsed.value);
  } catch (error) {
    // A refinement that throws is the tool's bug, not the model's: still one error result.
    return failure(
      call,
      parsed.value,
      `The arguments could not be validated: ${describeThrown(error)}`,
    );
  }
  if (!validated.success)
    return failure(
      call,
      parsed.value,
      `The arguments do not match the tool's schema:\n${z.prettifyError(validated.error)}`,
    );

  // Arguments are evaluated before raceAbort looks at the signal: check first, or a stopped turn still asks and runs.
  signal.throwIfAborted();
  if (tool.requiresApproval) {
    let decision: ToolApprovalDecision = false;
    if (approve) {
      try {
        const request = {
          step: call.step ?? 0,
          index: call.index ?? 0,
          id: call.id,
          name: call.name,
          arguments: validated.data,
          tool,
        };
        decision = await raceAbort(
          Promise.resolve().then(() => approve(request, { signal })),
          signal,
        );
      } catch (error) {
        if (signal.aborted) throw signal.reason;
        // A failing approval handler never lets the call run.
        return failure(
          call,
          validated.data,
          `The approval step failed, so the tool was not run: ${describeThrown(error)}`,
        );
      }
    }
    if (!isApproved(decision)) {
      const reason =
        typeof decision === 'object' &&
        decision !== null &&
        typeof decision.reason === 'string' &&
        decision.reason
          ? ` Reason: ${decision.reason}`
          : '';
      return failure(
        call,
        validated.data,
        approve
          ? `The user denied this tool call.${reason}`
          : 'This tool requires approval and no approval handler is configured, so it was not run.',
        true,
      );
    }
  }

  const limit = new AbortController();
  const timer = Number.isFinite(tool.timeout)
    ? setTimeout(
        () =>
          limit.abort(
            new DOMException(`The tool did not finish within ${tool.timeout} ms.`, 'TimeoutError'),
          ),
        tool.timeout,
      )
    : undefined;
  const toolSignal = timer === undefined ? signal : AbortSignal.any([signal, limit.signal]);
  let value: unknown;
  try {
    signal.throwIfAborted();
    value = await raceAbort(
      Promise.resolve().then(() =>
        tool.execute(validated.data, { signal: toolSignal, toolCallId: call.id }),
      ),
      toolSignal,
    );
  } catch (error) {
    if (signal.aborted) throw signal.reason;
    if (limit.signal.aborted)
      return failure(
        call,
        validated.data,
        `The tool did not finish within ${tool.timeout} ms, so it was stopped.`,
      );
    return failure(call, validated.data, `The tool failed: ${describeThrown(error)}`);
  } finally {
    clearTimeout(timer);
  }
  let resultText: string | undefined;
  try {
    resultText = JSON.stringify(value === undefined ? null : value);
  } catch (error) {
    return failure(
      call,
      validated.data,
      `The tool's result could not be converted to JSON: ${describeThrown(error)}`,
    );
  }
  return {
    id: call.id,
    index: call.index ?? 0,
    name: call.name,
    arguments: validated.data,
    result: value,
    resultText: resultText ?? 'null',
    isError: false,
    denied: false,
  };
}
