// Type tests (npm run test:types): checked by tsc, never run.
import { expectTypeOf } from 'expect-type';
import type {
  ChatResponse,
  ChatResponseChunk,
  ChatResponseChunkType,
  ContextTrimmed,
  ToolCallResult,
  ToolCallStart,
} from '../../src/index.js';

declare const chunk: ChatResponseChunk;

expectTypeOf<ChatResponseChunkType>().toEqualTypeOf<
  | 'text-delta'
  | 'reasoning-delta'
  | 'tool-call-start'
  | 'tool-call-delta'
  | 'tool-call-ready'
  | 'tool-call-result'
  | 'context-trimmed'
  | 'finish'
>();

// Narrowing on `type` gives each chunk's own fields.
switch (chunk.type) {
  case 'text-delta':
    expectTypeOf(chunk.chunk).toEqualTypeOf<string>();
    expectTypeOf(chunk.finished).toEqualTypeOf<false>();
    break;
  case 'tool-call-start':
    expectTypeOf(chunk.toolCallStart).toEqualTypeOf<ToolCallStart>();
    expectTypeOf(chunk.chunk).toEqualTypeOf<''>();
    break;
  case 'tool-call-result':
    expectTypeOf(chunk.toolCallResult).toEqualTypeOf<ToolCallResult>();
    break;
  case 'context-trimmed':
    expectTypeOf(chunk.contextTrimmed).toEqualTypeOf<ContextTrimmed>();
    expectTypeOf(chunk.chunk).toEqualTypeOf<''>();
    break;
  case 'finish':
    expectTypeOf(chunk.finishedResponse).toEqualTypeOf<ChatResponse>();
    expectTypeOf(chunk.finished).toEqualTypeOf<true>();
    break;
  default:
    expectTypeOf(chunk.finishedResponse).toEqualTypeOf<undefined>();
}

// The seed's flags narrow too: `finished` means a response is there.
if (chunk.finished) expectTypeOf(chunk.finishedResponse).toEqualTypeOf<ChatResponse>();
else expectTypeOf(chunk.finishedResponse).toEqualTypeOf<undefined>();

// Without narrowing, the response may be missing.
expectTypeOf(chunk.finishedResponse).toEqualTypeOf<ChatResponse | undefined>();

if (chunk.type === 'text-delta') {
  // @ts-expect-error -- a text chunk has no tool call.
  expectTypeOf(chunk.toolCallStart).toEqualTypeOf<ToolCallStart>();
}

// @ts-expect-error -- not a chunk type.
expectTypeOf<'done'>().toMatchTypeOf<ChatResponseChunkType>();
