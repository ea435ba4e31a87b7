import { expect } from 'chai';
import { toolCallReply } from '../../src/testing/index.js';
import { replyEvents } from '../helpers/index.js';

interface WireToolCall {
  index: number;
  id?: string;
  type?: string;
  function: { name?: string; arguments: string };
}
interface Chunk {
  choices: {
    delta: { role?: string; content?: string | null; tool_calls?: WireToolCall[] };
    finish_reason: string | null;
  }[];
}
const chunks = (reply: ReturnType<typeof toolCallReply>): Chunk[] =>
  replyEvents(reply) as unknown as Chunk[];
const deltasOf = (events: Chunk[]): WireToolCall[] =>
  events.flatMap((event) => event.choices[0]?.delta.tool_calls ?? []);

/** Joins tool-call deltas the way a client accumulator does, keyed by index. */
function accumulate(events: Chunk[]): { id: string; name: string; arguments: string }[] {
  const calls: { id: string; name: string; arguments: string }[] = [];
  for (const delta of deltasOf(events)) {
    const call = (calls[delta.index] ??= { id: '', name: '', arguments: '' });
    if (delta.id) call.id = delta.id;
    if (delta.function.name) call.name = delta.function.name;
    call.arguments += delta.function.arguments;
  }
  return calls;
}

describe('toolCallReply', () => {
  it('opens with role and content null, then a header chunk per call with empty arguments', () => {
    const events = chunks(
      toolCallReply([{ id: 'call_1', name: 'multiply', arguments: { a: 6, b: 7 } }]),
    );
    expect(events[0]!.choices[0]!.delta).to.deep.equal({ role: 'assistant', content: null });
    expect(events[1]!.choices[0]!.delta.tool_calls).to.deep.equal([
      { index: 0, id: 'call_1', type: 'function', function: { name: 'multiply', arguments: '' } },
    ]);
  });

  it('splits the arguments over several deltas that join to the JSON text', () => {
    const events = chunks(
      toolCallReply([{ id: 'call_1', name: 'multiply', arguments: { a: 6, b: 7 } }]),
    );
    const argumentDeltas = deltasOf(events).slice(1);
    expect(argumentDeltas.length).to.be.greaterThan(1);
    expect(
      argumentDeltas.every((delta) => delta.id === undefined && delta.function.name === undefined),
    ).to.equal(true);
    expect(accumulate(events)).to.deep.equal([
      { id: 'call_1', name: 'multiply', arguments: '{"a":6,"b":7}' },
    ]);
  });

  it('streams parallel calls with indexes 0 and 1 and finishes with tool_calls', () => {
    const events = chunks(
      toolCallReply([
        { id: 'call_a', name: 'weather', arguments: { city: 'Zürich' } },
        { id: 'call_b', name: 'time', arguments: '{}' },
      ]),
    );
    expect(accumulate(events)).to.deep.equal([
      { id: 'call_a', name: 'weather', arguments: '{"city":"Zürich"}' },
      { id: 'call_b', name: 'time', arguments: '{}' },
    ]);
    expect(events.at(-1)!.choices[0]!.finish_reason).to.equal('tool_calls');
  });

  it('sends string arguments exactly as given, even when they are not valid JSON', () => {
    expect(
      accumulate(chunks(toolCallReply([{ name: 'f', arguments: '{"a":' }])))[0]!.arguments,
    ).to.equal('{"a":');
  });

  it('gives each call a distinct id when none is set', () => {
    const calls = accumulate(
      chunks(
        toolCallReply([
          { name: 'f', arguments: {} },
          { name: 'g', arguments: {} },
        ]),
      ),
    );
    const again = accumulate(chunks(toolCallReply([{ name: 'f', arguments: {} }])));
    const ids = [...calls, ...again].map((call) => call.id);
    expect(new Set(ids).size).to.equal(3);
    expect(ids.every((id) => id.startsWith('call_'))).to.equal(true);
  });

  it('streams text before the calls when asked, opening with content ""', () => {
    const events = chunks(toolCallReply([{ name: 'f', arguments: {} }], { text: 'Let me check.' }));
    expect(events[0]!.choices[0]!.delta).to.deep.equal({ role: 'assistant', content: '' });
    expect(events.slice(1, 3).map((event) => event.choices[0]!.delta.content)).to.deep.equal([
      'Let',
      ' me',
    ]);
  });

  it('uses the argument chunk size asked for, never cutting a surrogate pair', () => {
    const events = chunks(
      toolCallReply([{ name: 'f', arguments: '😀😀😀' }], { argumentsChunkSize: 1 }),
    );
    expect(
      deltasOf(events)
        .slice(1)
        .map((delta) => delta.function.arguments),
    ).to.deep.equal(['😀', '😀', '😀']);
    expect(() =>
      toolCallReply([{ name: 'f', arguments: '{}' }], { argumentsChunkSize: 0 }),
    ).to.throw(RangeError);
  });
});
