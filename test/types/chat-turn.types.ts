// Type tests (npm run test:types): checked by tsc, never run.
import { expectTypeOf } from 'expect-type';
import {
  applyEvent,
  type ChatResponse,
  type ChatResponseChunk,
  type ChatToolAgent,
  type ChatTurn,
  type ToolCallStatus,
  type TurnEvent,
  type TurnState,
  type TurnStatus,
  type ToolAgentsError,
} from '../../src/index.js';

declare const agent: ChatToolAgent;
declare const turn: ChatTurn;
declare const state: TurnState;
declare const event: TurnEvent;

expectTypeOf(agent.startTurn).returns.toEqualTypeOf<ChatTurn>();
// A turn iterates the same chunks as getStreamingResponse.
expectTypeOf<ChatTurn>().toMatchTypeOf<AsyncIterable<ChatResponseChunk>>();
expectTypeOf(turn.status).toEqualTypeOf<TurnStatus>();
expectTypeOf(turn.response).toEqualTypeOf<ChatResponse | undefined>();
expectTypeOf<TurnStatus>().toEqualTypeOf<'running' | 'finished' | 'failed' | 'stopped'>();
expectTypeOf<ToolCallStatus>().toEqualTypeOf<
  'streaming' | 'awaiting-approval' | 'running' | 'done' | 'failed' | 'denied' | 'stopped'
>();

// The reducer is pure and total: a state and any event give a state.
expectTypeOf(applyEvent(state, event)).toEqualTypeOf<TurnState>();
// The state is read-only all the way down.
// @ts-expect-error steps cannot be replaced
state.steps = [];
// @ts-expect-error a call's status cannot be rewritten
state.steps[0]!.calls[0]!.status = 'done';

// Events narrow on `type`.
if (event.type === 'call-result') expectTypeOf(event.result.isError).toEqualTypeOf<boolean>();
// @ts-expect-error not an event of a turn
expectTypeOf<TurnEvent>().toMatchTypeOf<{ type: 'tool-call-start' }>();

// Errors carry the snapshot.
declare const error: ToolAgentsError;
expectTypeOf(error.turn).toEqualTypeOf<TurnState | undefined>();
// @ts-expect-error the snapshot is read-only
error.turn = undefined;
