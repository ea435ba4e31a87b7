import { expect } from 'chai';
import type { ToolCallResult } from '../../src/index.js';
import type { TurnEvent } from '../../src/turn/turn-event.js';
import {
  applyEvent,
  callAt,
  freezeTurnState,
  initialTurnState,
  type TurnState,
} from '../../src/turn/turn-state.js';

const at = '2026-11-30T10:00:00.000Z';

function run(events: readonly TurnEvent[], from: TurnState = initialTurnState('t')): TurnState {
  return events.reduce(applyEvent, from);
}

function result(index: number, overrides: Partial<ToolCallResult> = {}): ToolCallResult {
  return {
    id: `c${index}`,
    index,
    name: 'lookup',
    arguments: { q: index },
    result: { ok: index },
    resultText: JSON.stringify({ ok: index }),
    isError: false,
    denied: false,
    ...overrides,
  };
}

const streamedCall: TurnEvent[] = [
  { type: 'call-start', step: 0, index: 0, id: 'c0', name: 'lookup' },
  { type: 'call-arguments', step: 0, index: 0, id: 'c0', name: 'lookup', delta: '{"q":' },
  { type: 'call-arguments', step: 0, index: 0, id: 'c0', name: 'lookup', delta: '0}' },
];

const stepEnd = (step: number, calls: number): TurnEvent => ({
  type: 'step-end',
  step,
  at,
  text: step === 0 ? 'Looking.' : 'Done.',
  reasoning: '',
  calls: Array.from({ length: calls }, (_, index) => ({
    index,
    id: `c${index}`,
    name: 'lookup',
    argumentsText: `{"q":${index}}`,
  })),
  finishReason: calls > 0 ? 'tool_calls' : 'stop',
  usage: { inputTokens: 10, outputTokens: 5, totalTokens: 15 },
  metadata: { model: 'm' },
});

const ready = (index: number, requiresApproval = false): TurnEvent => ({
  type: 'call-ready',
  step: 0,
  index,
  id: `c${index}`,
  name: 'lookup',
  argumentsText: `{"q":${index}}`,
  arguments: { q: index },
  requiresApproval,
});

describe('applyEvent (the turn reducer)', () => {
  it('collects text and reasoning per step, and starts running with no steps', () => {
    const state = run([
      { type: 'reasoning', step: 0, text: 'Think ' },
      { type: 'text', step: 0, text: 'Hel' },
      { type: 'reasoning', step: 0, text: 'more.' },
      { type: 'text', step: 0, text: 'lo' },
      { type: 'text', step: 1, text: 'Again' },
    ]);
    expect(initialTurnState('x')).to.include({ status: 'running', id: 'x' });
    expect(state.steps.map((s) => [s.step, s.text, s.reasoning])).to.deep.equal([
      [0, 'Hello', 'Think more.'],
      [1, 'Again', ''],
    ]);
  });

  it('keeps steps in order when a relayed stream delivers them out of order', () => {
    const state = run([
      { type: 'text', step: 2, text: 'c' },
      { type: 'text', step: 0, text: 'a' },
      { type: 'text', step: 1, text: 'b' },
    ]);
    expect(state.steps.map((s) => s.step)).to.deep.equal([0, 1, 2]);
  });

  it('takes a call from streaming to running to done, appending argument deltas', () => {
    let state = run(streamedCall);
    expect(callAt(state, 0, 0)).to.include({ status: 'streaming', argumentsText: '{"q":0}' });
    state = run([stepEnd(0, 1), ready(0)], state);
    expect(callAt(state, 0, 0)).to.include({ status: 'running' });
    expect(callAt(state, 0, 0)?.arguments).to.deep.equal({ q: 0 });
    state = applyEvent(state, { type: 'call-result', step: 0, at, result: result(0) });
    expect(callAt(state, 0, 0)).to.include({ status: 'done', resultAt: at });
  });

  it('uses the whole text of a delta when the sender knows it (a provider that resent everything)', () => {
    const state = run([
      ...streamedCall,
      {
        type: 'call-arguments',
        step: 0,
        index: 0,
        id: 'c0',
        name: 'lookup',
        delta: '',
        text: '{}',
      },
    ]);
    expect(callAt(state, 0, 0)?.argumentsText).to.equal('{}');
  });

  it('records approvals: waiting with the validated arguments, then running or denied', () => {
    let state = run([stepEnd(0, 2), ready(0, true), ready(1, true)]);
    expect(callAt(state, 0, 0)?.status).to.equal('awaiting-approval');
    state = run(
      [
        { type: 'approval-requested', step: 0, index: 0, arguments: { q: 'validated' } },
        { type: 'approval-decided', step: 0, index: 0, approved: true },
        { type: 'approval-decided', step: 0, index: 1, approved: false },
      ],
      state,
    );
    expect(callAt(state, 0, 0)).to.include({ status: 'running' });
    expect(callAt(state, 0, 0)?.arguments).to.deep.equal({ q: 'validated' });
    expect(callAt(state, 0, 1)?.status).to.equal('denied');
  });

  it('marks results as failed or denied from the outcome', () => {
    const state = run([
      stepEnd(0, 2),
      ready(0),
      ready(1, true),
      { type: 'call-result', step: 0, at, result: result(0, { isError: true }) },
      { type: 'call-result', step: 0, at, result: result(1, { isError: true, denied: true }) },
    ]);
    expect(state.steps[0]?.calls.map((call) => call.status)).to.deep.equal(['failed', 'denied']);
  });

  it('takes ids, text and wire extras from the step end, and drops calls it does not list', () => {
    const state = run([
      ...streamedCall,
      { type: 'call-start', step: 0, index: 1, id: 'c1', name: 'half' },
      {
        type: 'step-end',
        step: 0,
        at,
        text: '',
        reasoning: '',
        calls: [
          {
            index: 0,
            id: 'call_0_0_0',
            name: 'lookup',
            argumentsText: '{"q":0}',
            providerId: 'c0',
            wire: { extra_content: { google: { thought_signature: 's' } } },
          },
        ],
        finishReason: 'tool_calls',
        usage: undefined,
        metadata: {},
      },
    ]);
    expect(state.steps[0]?.calls).to.have.length(1);
    expect(callAt(state, 0, 0)).to.include({ id: 'call_0_0_0', providerId: 'c0' });
    expect(callAt(state, 0, 0)?.wire).to.deep.equal({
      extra_content: { google: { thought_signature: 's' } },
    });
    expect(state.steps[0]?.complete).to.equal(true);
  });

  it('sums usage over step ends', () => {
    const state = run([stepEnd(0, 1), ready(0), stepEnd(1, 0)]);
    expect(state.usage).to.deep.equal({ inputTokens: 20, outputTokens: 10, totalTokens: 30 });
  });

  it('finishes with the finish reason and time', () => {
    const state = run([stepEnd(0, 0), { type: 'turn-finished', at, finishReason: 'stop' }]);
    expect(state).to.include({ status: 'finished', finishReason: 'stop', endedAt: at });
  });

  it('stops: ready calls get a result saying whether they ran; streaming calls are only stopped', () => {
    const reason = new DOMException('Stopped by the user.', 'AbortError');
    const state = run([
      stepEnd(0, 3),
      ready(0),
      ready(1, true),
      ready(2),
      { type: 'call-result', step: 0, at, result: result(2) },
      { type: 'call-start', step: 1, index: 0, id: 'late', name: 'lookup' },
      { type: 'turn-stopped', at, reason },
    ]);
    expect(state).to.include({ status: 'stopped', error: reason });
    const [running, waiting, done] = state.steps[0]!.calls;
    expect(running).to.include({ status: 'stopped' });
    expect(running?.result?.resultText).to.match(/while this call ran.*outcome is unknown/u);
    expect(waiting?.result?.resultText).to.match(/Not run: the user stopped the turn before/u);
    expect(running?.result).to.include({ isError: true, denied: false });
    expect(done).to.include({ status: 'done' });
    expect(callAt(state, 1, 0)).to.include({ status: 'stopped', result: undefined });
  });

  it('fails: unsettled calls are failed, without a made-up result', () => {
    const error = new Error('boom');
    const state = run([...streamedCall, { type: 'turn-failed', at, error }]);
    expect(state).to.include({ status: 'failed', error });
    expect(callAt(state, 0, 0)).to.include({ status: 'failed', result: undefined });
  });

  it('ignores every event once the turn has ended', () => {
    const ended = run([{ type: 'turn-stopped', at, reason: 'x' }]);
    expect(run([{ type: 'text', step: 0, text: 'late' }, stepEnd(0, 0)], ended)).to.equal(ended);
  });

  it('never changes the state it is given (each event gives a new state)', () => {
    const before = freezeTurnState(run([...streamedCall, stepEnd(0, 1), ready(0)]));
    const after = run(
      [
        { type: 'text', step: 0, text: 'more' },
        { type: 'call-result', step: 0, at, result: result(0) },
        { type: 'turn-stopped', at, reason: 'x' },
      ],
      before,
    );
    expect(after).to.not.equal(before);
    expect(before.status).to.equal('running');
    expect(callAt(before, 0, 0)?.status).to.equal('running');
  });

  it('returns the same state for an event that changes nothing (empty text)', () => {
    const state = run(streamedCall);
    expect(applyEvent(state, { type: 'text', step: 0, text: '' })).to.equal(state);
  });
});
