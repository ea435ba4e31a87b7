/** Browser-side test helpers: the HTTP mock endpoint and the recorded SSE fixtures. */
export type { MockScript, MockScriptOptions } from './mock-server.js';
export { mockServer } from './mock-server.js';
export type { FixtureName } from './fixture-names.js';
export { fixtureNames } from './fixture-names.js';
export { loadFixture, loadJsonFixture } from './load-fixture.js';
export type { FixtureSplit } from './fixture-as-reply.js';
export { fixtureAsReply } from './fixture-as-reply.js';
export type { BodyRead } from './read-body.js';
export { decodeReads, readBody, readBodySettled } from './read-body.js';
export { parseReplySSE, parseSSE, replyEvents } from './parse-sse.js';
export {
  answerText,
  bodyThatStaysOpen,
  everythingIn,
  finishedStep,
  rejectionOf,
  secretForms,
  streamEvents,
} from './provider-stream.js';
