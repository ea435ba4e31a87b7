import type { AnyFunctionTool } from '../tools/tool-registry.js';

/** A tool call waiting for a decision. */
export interface ToolApprovalRequest {
  /** Which model request of the turn made the call (0-based). */
  readonly step: number;
  /** Position of the call within its step: with `step`, the call's address in the turn. */
  readonly index: number;
  readonly id: string;
  readonly name: string;
  /** The validated arguments: exactly what the tool runs with if approved. */
  readonly arguments: unknown;
  readonly tool: AnyFunctionTool;
}

/** A decision: `true` runs the call; `false` or `{ approved: false, reason }` denies it. */
export type ToolApprovalDecision =
  boolean | { readonly approved: boolean; readonly reason?: string };

/**
 * Decides whether a tool marked `requiresApproval` may run. Without a handler such calls are
 * denied, so a sensitive tool never runs unasked.
 */
export type ToolApprovalHandler = (
  request: ToolApprovalRequest,
  context: { readonly signal: AbortSignal },
) => ToolApprovalDecision | Promise<ToolApprovalDecision>;

/** True when a decision approves the call; anything else (a malformed value too) denies it. */
export function isApproved(decision: unknown): boolean {
  return (
    decision === true ||
    (typeof decision === 'object' &&
      decision !== null &&
      (decision as { approved?: unknown }).approved === true)
  );
}
