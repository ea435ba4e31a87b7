/**
 * Why a turn (or one model request of it) ended. The provider's own values pass through;
 * `max_iterations` means the agent's loop cap stopped a run of tool rounds; `stopped` means the
 * caller stopped the turn (an abort), kept on the messages that turn left behind.
 */
export type FinishReason =
  | 'stop'
  | 'length'
  | 'tool_calls'
  | 'content_filter'
  | 'max_iterations'
  | 'stopped'
  | 'unknown'
  | (string & {});
