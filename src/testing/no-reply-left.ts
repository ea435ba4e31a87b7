import type { RecordedRequest, ScriptedReply } from './scripted-reply.js';
import { errorReply } from './error-reply.js';

/** `error.code` of the HTTP 500 a scripted endpoint answers once its replies run out. */
export const noScriptedReplyCode = 'no_scripted_reply';

/** The HTTP 500 answered when a request arrives after the last scripted reply was used. */
export function noReplyLeft(
  request: RecordedRequest,
  index: number,
  replyCount: number,
): ScriptedReply {
  const message = `No scripted reply left: request ${index + 1} (${request.method} ${request.path}) arrived, but the script has ${replyCount} ${replyCount === 1 ? 'reply' : 'replies'}.`;
  return errorReply(500, message, { type: 'scripted_endpoint_error', code: noScriptedReplyCode });
}
