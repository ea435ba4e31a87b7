import { expect } from 'chai';
import type { ProviderEvent } from '../../src/provider/chat-api.js';
import { MalformedStreamError, OpenAIChatAPI } from '../../src/index.js';
import { createScriptedFetch, toolCallReply } from '../../src/testing/index.js';
import {
  ToolCallAccumulator,
  maxToolCallsPerResponse,
  type WireToolCallDelta,
} from '../../src/provider/tool-call-accumulator.js';

function run(deltas: WireToolCallDelta[]): {
  calls: ReturnType<ToolCallAccumulator['finish']>;
  events: ProviderEvent[];
} {
  const accumulator = new ToolCallAccumulator();
  const events: ProviderEvent[] = [];
  for (const delta of deltas) accumulator.apply(delta, events);
  return { calls: accumulator.finish(), events };
}

describe('ToolCallAccumulator', () => {
  it('assembles OpenAI incremental deltas keyed by index', () => {
    const { calls } = run([
      { index: 0, id: 'call_1', function: { name: 'add', arguments: '' } },
      { index: 0, function: { arguments: '{"a":' } },
      { index: 0, function: { arguments: '1}' } },
    ]);
    expect(calls).to.deep.equal([
      { index: 0, id: 'call_1', name: 'add', argumentsText: '{"a":1}' },
    ]);
  });

  it('keeps parallel calls apart and in order', () => {
    const { calls } = run([
      { index: 0, id: 'a', function: { name: 'x', arguments: '{"n":' } },
      { index: 1, id: 'b', function: { name: 'y', arguments: '{"m":' } },
      { index: 0, function: { arguments: '1}' } },
      { index: 1, function: { arguments: '2}' } },
    ]);
    expect(calls.map((c) => [c.id, c.name, c.argumentsText])).to.deep.equal([
      ['a', 'x', '{"n":1}'],
      ['b', 'y', '{"m":2}'],
    ]);
  });

  it('treats an index that starts at 1 like any other key', () => {
    const { calls } = run([
      { index: 1, id: 't', function: { name: 'read', arguments: '' } },
      { index: 1, function: { arguments: '{}' } },
    ]);
    expect(calls).to.deep.equal([{ index: 0, id: 't', name: 'read', argumentsText: '{}' }]);
  });

  it('never lets an empty id or name overwrite or append', () => {
    const { calls } = run([
      { index: 0, id: 'real', function: { name: 'search', arguments: '' } },
      { index: 0, id: '', function: { name: '', arguments: '{"q":' } },
      { index: 0, id: '', function: { name: '', arguments: '"x"}' } },
    ]);
    expect(calls).to.deep.equal([
      { index: 0, id: 'real', name: 'search', argumentsText: '{"q":"x"}' },
    ]);
  });

  it('does not double a repeated whole call (name and arguments sent twice)', () => {
    const { calls, events } = run([
      { index: 0, id: '0', function: { name: 'llm_version', arguments: '' } },
      { index: 0, id: '0', function: { name: 'llm_version', arguments: '{}' } },
      { index: 0, id: '0', function: { name: 'llm_version', arguments: '{}' } },
    ]);
    expect(calls).to.deep.equal([{ index: 0, id: '0', name: 'llm_version', argumentsText: '{}' }]);
    expect(events.filter((e) => e.type === 'tool-call-start')).to.have.length(1);
  });

  it('keys calls without an index by id, then by position', () => {
    const byId = run([
      { id: 'a', function: { name: 'x', arguments: '{"v":1}' } },
      { id: 'b', function: { name: 'y', arguments: '{"v":2}' } },
    ]);
    expect(byId.calls.map((c) => c.id)).to.deep.equal(['a', 'b']);
    const byPosition = run([
      { function: { name: 'x', arguments: '{"v":' } },
      { function: { arguments: '1}' } },
      { function: { name: 'y', arguments: '{}' } },
    ]);
    expect(byPosition.calls.map((c) => [c.name, c.argumentsText])).to.deep.equal([
      ['x', '{"v":1}'],
      ['y', '{}'],
    ]);
    expect(byPosition.calls.map((c) => [c.index, c.id])).to.deep.equal([
      [0, ''],
      [1, ''],
    ]);
  });

  it('starts a new call when index 0 brings a different id', () => {
    const { calls } = run([
      { index: 0, id: 'first', function: { name: 'a', arguments: '{}' } },
      { index: 0, id: 'second', function: { name: 'b', arguments: '{}' } },
    ]);
    expect(calls.map((c) => c.id)).to.deep.equal(['first', 'second']);
  });

  it('stringifies arguments sent as an object instead of concatenating', () => {
    const { calls } = run([
      { index: 0, id: 'o', function: { name: 'f', arguments: { city: 'Oslo' } } },
    ]);
    expect(calls[0]!.argumentsText).to.equal('{"city":"Oslo"}');
  });

  it('reads empty or missing arguments as {}', () => {
    expect(
      run([{ index: 0, id: 'e', function: { name: 'f', arguments: '' } }]).calls[0]!.argumentsText,
    ).to.equal('{}');
    expect(run([{ index: 0, id: 'n', function: { name: 'f' } }]).calls[0]!.argumentsText).to.equal(
      '{}',
    );
    expect(
      run([{ index: 0, id: 'z', function: { name: 'f', arguments: null } }]).calls[0]!
        .argumentsText,
    ).to.equal('{}');
  });

  it('announces a call once its name is known and reports argument deltas with the text so far', () => {
    const { events } = run([
      { index: 0, id: 'c' },
      { index: 0, function: { name: 'late_name', arguments: '{"a"' } },
      { index: 0, function: { arguments: ':1}' } },
    ]);
    expect(events).to.deep.equal([
      { type: 'tool-call-start', index: 0, id: 'c', name: 'late_name' },
      {
        type: 'tool-call-delta',
        index: 0,
        id: 'c',
        name: 'late_name',
        argumentsDelta: '{"a"',
        argumentsText: '{"a"',
      },
      {
        type: 'tool-call-delta',
        index: 0,
        id: 'c',
        name: 'late_name',
        argumentsDelta: ':1}',
        argumentsText: '{"a":1}',
      },
    ]);
  });

  it('drops a call that never got a name', () => {
    expect(run([{ index: 0, id: 'x', function: { arguments: '{}' } }]).calls).to.deep.equal([]);
  });

  it('reports an empty id, never an invented one, when the provider sent none', () => {
    const { calls, events } = run([{ index: 0, function: { name: 'f', arguments: '{}' } }]);
    expect(calls).to.deep.equal([{ index: 0, id: '', name: 'f', argumentsText: '{}' }]);
    expect(events[0]).to.deep.equal({ type: 'tool-call-start', index: 0, id: '', name: 'f' });
  });

  describe('provider extras', () => {
    const signature = { google: { thought_signature: 'c2lnbmF0dXJl' } };

    it("keeps unknown wire fields of a call (Gemini's extra_content) in extra", () => {
      const { calls } = run([
        {
          index: 0,
          id: 'g1',
          type: 'function',
          function: { name: 'lookup', arguments: '{"q":1}' },
          extra_content: signature,
        },
      ]);
      expect(calls).to.deep.equal([
        {
          index: 0,
          id: 'g1',
          name: 'lookup',
          argumentsText: '{"q":1}',
          extra: { extra_content: signature },
        },
      ]);
    });

    it('merges extras arriving on later deltas of the same call, the latest value winning', () => {
      const { calls } = run([
        { index: 0, id: 'g1', function: { name: 'lookup', arguments: '' }, first: 1 },
        { index: 0, function: { arguments: '{}' }, second: 'two', first: 3 },
      ]);
      expect(calls[0]!.extra).to.deep.equal({ first: 3, second: 'two' });
    });

    it('keeps extras apart per call', () => {
      const { calls } = run([
        { index: 0, id: 'a', function: { name: 'x', arguments: '{}' }, extra_content: signature },
        { index: 1, id: 'b', function: { name: 'y', arguments: '{}' } },
      ]);
      expect(calls[0]!.extra).to.deep.equal({ extra_content: signature });
      expect(calls[1]).not.to.have.property('extra');
    });

    it('leaves out known fields, null and undefined values, so a plain call has no extra', () => {
      const { calls } = run([
        {
          index: 0,
          id: 'a',
          type: 'function',
          function: { name: 'x', arguments: '{}' },
          extra_content: null,
          other: undefined,
        },
      ]);
      expect(calls[0]).not.to.have.property('extra');
    });

    it('drops an extra nested more than 64 levels deep, keeping the call and its other extras', () => {
      let deep: unknown = 'bottom';
      for (let level = 0; level < 100; level++) deep = { level: deep };
      const { calls } = run([
        { index: 0, id: 'a', function: { name: 'x', arguments: '{}' }, deep, kept: { ok: true } },
      ]);
      expect(calls[0]!.extra).to.deep.equal({ kept: { ok: true } });
      expect(calls[0]!.argumentsText).to.equal('{}');
    });
  });

  describe('arguments nested too deeply', () => {
    function nested(depth: number): Record<string, unknown> {
      let value: Record<string, unknown> = {};
      for (let level = 0; level < depth; level++) value = { a: value };
      return value;
    }

    it('keeps a call whose object arguments are nested 100 000 deep, with text that does not parse', () => {
      const accumulator = new ToolCallAccumulator();
      const events: ProviderEvent[] = [];
      expect(() =>
        accumulator.apply(
          { index: 0, id: 'd', function: { name: 'deep', arguments: nested(100_000) } },
          events,
        ),
      ).not.to.throw();
      const [call] = accumulator.finish();
      expect(call).to.include({ id: 'd', name: 'deep' });
      expect(() => {
        JSON.parse(call!.argumentsText);
      }).to.throw(SyntaxError);
    });

    it('still serialises object arguments of ordinary depth exactly', () => {
      const { calls } = run([
        { index: 0, id: 'o', function: { name: 'f', arguments: nested(40) } },
      ]);
      expect(JSON.parse(calls[0]!.argumentsText)).to.deep.equal(nested(40));
    });
  });

  it(`stops a response with more than ${maxToolCallsPerResponse} tool calls with a MalformedStreamError, keeping the text so far`, async () => {
    const calls = Array.from({ length: maxToolCallsPerResponse + 1 }, (_, n) => ({
      name: 'f',
      arguments: { n },
    }));
    const { fetch } = createScriptedFetch([toolCallReply(calls, { text: 'Calling many.' })]);
    const api = new OpenAIChatAPI({ model: 'm', fetch, maxRetries: 0 });
    let error: unknown;
    try {
      for await (const _event of api.streamChat({ messages: [], settings: {}, tools: [] }));
    } catch (thrown) {
      error = thrown;
    }
    expect(error).to.be.instanceOf(MalformedStreamError);
    expect((error as MalformedStreamError).message).to.contain(
      `more than ${maxToolCallsPerResponse} tool calls in one response`,
    );
    expect((error as MalformedStreamError).partial.text).to.equal('Calling many.');
  });

  it(`takes exactly ${maxToolCallsPerResponse} calls`, () => {
    const deltas = Array.from({ length: maxToolCallsPerResponse }, (_, index) => ({
      index,
      id: `c${index}`,
      function: { name: 'f', arguments: '{}' },
    }));
    expect(run(deltas).calls).to.have.length(maxToolCallsPerResponse);
  });
});
