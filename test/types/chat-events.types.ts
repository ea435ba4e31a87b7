// Type tests (npm run test:types): checked by tsc, never run.
import { expectTypeOf } from 'expect-type';
import type {
  ChatMessagePart,
  ChatResponse,
  ChatResponseChunk,
  ToolApprovalDecision,
} from '../../src/index.js';
import type {
  BranchAction,
  SendSource,
  StorageErrorKind,
  ToolAgentBranchEvent,
  ToolAgentChat,
  ToolAgentNewConversationEvent,
  ToolAgentSendEvent,
  ToolAgentStopEvent,
  ToolAgentChunkEvent,
  ToolAgentErrorEvent,
  ToolAgentResponseEvent,
  ToolAgentStorageErrorEvent,
  ToolAgentSubmitEvent,
  ToolAgentToolCallEvent,
} from '../../components/index.js';

declare const element: ToolAgentChat;

// Listeners on the element (and on any element) get the event's own type from the event map.
element.addEventListener('tool-agent-submit', (event) => {
  expectTypeOf(event).toEqualTypeOf<ToolAgentSubmitEvent>();
  expectTypeOf(event.detail.text).toEqualTypeOf<string>();
  expectTypeOf(event.detail.attachments).toEqualTypeOf<readonly ChatMessagePart[]>();
});
element.addEventListener('tool-agent-send', (event) => {
  expectTypeOf(event).toEqualTypeOf<ToolAgentSendEvent>();
  // The page may rewrite the text; where it came from is read-only.
  expectTypeOf(event.detail).toHaveProperty('text').toEqualTypeOf<string>();
  expectTypeOf(event.detail.source).toEqualTypeOf<SendSource>();
  // @ts-expect-error the source cannot be changed
  event.detail.source = 'edit';
  event.detail.text = 'changed';
});
element.addEventListener('tool-agent-stop', (event) => {
  expectTypeOf(event).toEqualTypeOf<ToolAgentStopEvent>();
});
element.addEventListener('tool-agent-branch', (event) => {
  expectTypeOf(event).toEqualTypeOf<ToolAgentBranchEvent>();
  expectTypeOf(event.detail.action).toEqualTypeOf<BranchAction>();
  expectTypeOf(event.detail.side).toEqualTypeOf<'message' | 'answer'>();
  expectTypeOf(event.detail.index).toEqualTypeOf<number>();
});
element.addEventListener('tool-agent-new-conversation', (event) => {
  expectTypeOf(event).toEqualTypeOf<ToolAgentNewConversationEvent>();
  expectTypeOf(event.detail.action).toEqualTypeOf<'clear' | 'undo'>();
});
element.addEventListener('tool-agent-chunk', (event) => {
  expectTypeOf(event).toEqualTypeOf<ToolAgentChunkEvent>();
  expectTypeOf(event.detail.chunk).toEqualTypeOf<ChatResponseChunk>();
});
element.addEventListener('tool-agent-tool-call', (event) => {
  expectTypeOf(event).toEqualTypeOf<ToolAgentToolCallEvent>();
  expectTypeOf(event.detail.arguments).toBeUnknown();
  expectTypeOf(event.respondWith)
    .parameter(0)
    .toEqualTypeOf<ToolApprovalDecision | Promise<ToolApprovalDecision>>();
});
element.addEventListener('tool-agent-response', (event) => {
  expectTypeOf(event).toEqualTypeOf<ToolAgentResponseEvent>();
  expectTypeOf(event.detail.response).toEqualTypeOf<ChatResponse>();
});
element.addEventListener('tool-agent-error', (event) => {
  expectTypeOf(event).toEqualTypeOf<ToolAgentErrorEvent>();
  expectTypeOf(event.detail.error).toBeUnknown();
});
document.addEventListener('tool-agent-storage-error', (event) => {
  expectTypeOf(event).toEqualTypeOf<ToolAgentStorageErrorEvent>();
  expectTypeOf(event.detail.kind).toEqualTypeOf<StorageErrorKind>();
});

// The tag name gives the element's class.
expectTypeOf(document.createElement('tool-agent-chat')).toEqualTypeOf<ToolAgentChat>();

// The event names are literal types.
expectTypeOf<typeof ToolAgentChunkEvent.eventName>().toEqualTypeOf<'tool-agent-chunk'>();

element.addEventListener('tool-agent-chunk', (event) => {
  // @ts-expect-error -- a chunk event's detail has no response.
  expectTypeOf(event.detail.response).toEqualTypeOf<ChatResponse>();
});

element.addEventListener('tool-agent-submit', (event) => {
  // @ts-expect-error -- the submitted text is a string.
  expectTypeOf(event.detail.text).toEqualTypeOf<number>();
});
