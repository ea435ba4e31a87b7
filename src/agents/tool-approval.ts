import type { AnyFunctionTool } from '../tools/tool-registry.js';

/** A tool call waiting for a decision. */
export interface ToolApprovalRequest {
  readonly id: string;
  readonly name: string;
  /** The validated arguments. */
  readonly arguments: unknown;
  readonly tool: AnyFunctionTool;
}

/** A decision: `true` runs the call; `false` or `{ approved: false, reason }` denies it. */
export type ToolApprovalDecision = boolean | { readonly approved: boolean; readonly reason?: string };

/**
 * Decides whether a tool marked `requiresApproval` may run. Without a handler such calls are
 * denied, so a sensitive tool never runs unasked.
 */
export type ToolApprovalHandler = (request: ToolApprovalRequest, context: { readonly signal: AbortSignal }) => ToolApprovalDecision | Promise<ToolApprovalDecision>;
