import { expect } from 'chai';
import * as z from 'zod';
import { parseToolArguments, runToolCall } from '../../src/agents/run-tool-call.js';
import { FunctionTool, ToolRegistry, type ToolExecutionContext } from '../../src/index.js';
import { deferred, rejection, whenAborted } from './agent-kit.js';

const live = (): AbortSignal => new AbortController().signal;

describe('parseToolArguments', () => {
  it('reads empty or blank argument text as an empty object', () => {
    expect(parseToolArguments('')).to.deep.equal({ ok: true, value: {} });
    expect(parseToolArguments('  \n')).to.deep.equal({ ok: true, value: {} });
  });

  it('parses JSON argument text', () => {
    expect(parseToolArguments('{"a":[1,{"b":null}]}')).to.deep.equal({
      ok: true,
      value: { a: [1, { b: null }] },
    });
  });

  it('reports why argument text is not JSON', () => {
    const parsed = parseToolArguments('{"a":');
    expect(parsed.ok).to.equal(false);
    if (!parsed.ok) expect(parsed.reason).to.be.a('string').and.not.equal('');
  });
});

describe('runToolCall', () => {
  it("runs the tool with the schema's output (coerced, defaults filled) and its context", async () => {
    const contexts: ToolExecutionContext[] = [];
    const tool = new FunctionTool({
      name: 'measure',
      description: 'Echoes a measure.',
      parameters: z.object({ n: z.coerce.number(), unit: z.string().default('m') }),
      execute: (args, context) => {
        contexts.push(context);
        return args;
      },
    });
    const signal = live();
    const result = await runToolCall(
      { id: 'call_1', name: 'measure', argumentsText: '{"n":"5"}' },
      new ToolRegistry([tool]),
      undefined,
      signal,
    );
    expect(result).to.deep.equal({
      id: 'call_1',
      index: 0,
      name: 'measure',
      arguments: { n: 5, unit: 'm' },
      result: { n: 5, unit: 'm' },
      resultText: '{"n":5,"unit":"m"}',
      isError: false,
      denied: false,
    });
    expect(contexts).to.have.length(1);
    expect(contexts[0]!.toolCallId).to.equal('call_1');
    // The tool's signal follows the turn's (and its own time limit).
    expect(contexts[0]!.signal.aborted).to.equal(false);
  });

  it("aborts the tool's signal when the turn aborts", async () => {
    const controller = new AbortController();
    let seen: AbortSignal | undefined;
    const tool = new FunctionTool({
      name: 'wait',
      description: 'Waits.',
      parameters: z.object({}),
      execute: (_args, context) => {
        seen = context.signal;
        controller.abort(new DOMException('stop', 'AbortError'));
        return new Promise(() => undefined);
      },
    });
    const run = runToolCall(
      { id: 'c', name: 'wait', argumentsText: '{}' },
      new ToolRegistry([tool]),
      undefined,
      controller.signal,
    );
    await run.then(
      () => expect.fail('an aborted turn rejects'),
      (error: unknown) => expect((error as DOMException).message).to.equal('stop'),
    );
    expect(seen?.aborted).to.equal(true);
  });

  it('uses toJSON and sends null for a value JSON cannot hold', async () => {
    const date = new FunctionTool({
      name: 'date',
      description: 'A date.',
      parameters: z.object({}),
      execute: () => new Date(Date.UTC(2025, 0, 2)),
    });
    const fn = new FunctionTool({
      name: 'fn',
      description: 'A function.',
      parameters: z.object({}),
      execute: () => () => 1,
    });
    const registry = new ToolRegistry([date, fn]);
    expect(
      (
        await runToolCall(
          { id: 'c1', name: 'date', argumentsText: '{}' },
          registry,
          undefined,
          live(),
        )
      ).resultText,
    ).to.equal('"2025-01-02T00:00:00.000Z"');
    const fnResult = await runToolCall(
      { id: 'c2', name: 'fn', argumentsText: '{}' },
      registry,
      undefined,
      live(),
    );
    expect(fnResult.resultText).to.equal('null');
    expect(fnResult.isError).to.equal(false);
  });

  it('turns a failing approval handler into an error result and never runs the tool', async () => {
    let ran = false;
    const tool = new FunctionTool({
      name: 'wipe',
      description: 'Wipes.',
      parameters: z.object({}),
      requiresApproval: true,
      execute: () => {
        ran = true;
      },
    });
    const result = await runToolCall(
      { id: 'w', name: 'wipe', argumentsText: '{}' },
      new ToolRegistry([tool]),
      () => {
        throw new Error('dialog crashed');
      },
      live(),
    );
    expect(ran).to.equal(false);
    expect(result.isError).to.equal(true);
    expect(result.denied).to.equal(false);
    expect(result.resultText).to.include('dialog crashed');
  });

  it('turns a schema refinement that throws into an error result', async () => {
    const tool = new FunctionTool({
      name: 'picky',
      description: 'Has a broken refinement.',
      parameters: z.object({ n: z.number() }).refine(() => {
        throw new Error('refinement bug');
      }),
      execute: () => 'never',
    });
    const result = await runToolCall(
      { id: 'p', name: 'picky', argumentsText: '{"n":1}' },
      new ToolRegistry([tool]),
      undefined,
      live(),
    );
    expect(result.isError).to.equal(true);
    expect(result.resultText).to.include('refinement bug');
  });

  it('names tools an unknown call could have used, or says there are none', async () => {
    const tool = new FunctionTool({
      name: 'a_tool',
      description: 'x',
      parameters: z.object({}),
      execute: () => 1,
    });
    const withRegistry = await runToolCall(
      { id: 'c1', name: 'nope', argumentsText: '{}' },
      new ToolRegistry([tool]),
      undefined,
      live(),
    );
    expect(withRegistry.result).to.deep.equal({
      error: 'Unknown tool "nope". Available tools: a_tool.',
    });
    const withoutRegistry = await runToolCall(
      { id: 'c2', name: 'nope', argumentsText: '{}' },
      undefined,
      undefined,
      live(),
    );
    expect(withoutRegistry.result).to.deep.equal({
      error: 'Unknown tool "nope". Available tools: none.',
    });
    expect(withoutRegistry).to.include({ isError: true, denied: false });
  });

  it('describes thrown values of every kind', async () => {
    const thrown: unknown[] = [new TypeError(''), { code: 42 }, 'plain text'];
    const tool = new FunctionTool({
      name: 'thrower',
      description: 'Throws what it is told.',
      parameters: z.object({ index: z.number() }),
      execute: ({ index }) => {
        throw thrown[index];
      },
    });
    const registry = new ToolRegistry([tool]);
    const errors = await Promise.all(
      thrown.map(async (_value, index) => {
        const result = await runToolCall(
          { id: `c${index}`, name: 'thrower', argumentsText: JSON.stringify({ index }) },
          registry,
          undefined,
          live(),
        );
        expect(result.isError).to.equal(true);
        return (result.result as { error: string }).error;
      }),
    );
    expect(errors).to.deep.equal([
      'The tool failed: TypeError',
      'The tool failed: {"code":42}',
      'The tool failed: plain text',
    ]);
  });

  describe('abort', () => {
    it('rejects with signal.reason when aborted while a tool ignores its signal', async () => {
      const started = deferred();
      const tool = new FunctionTool({
        name: 'stuck',
        description: 'Never finishes.',
        parameters: z.object({}),
        execute: () => {
          started.resolve();
          return new Promise(() => undefined);
        },
      });
      const controller = new AbortController();
      const running = runToolCall(
        { id: 'c1', name: 'stuck', argumentsText: '{}' },
        new ToolRegistry([tool]),
        undefined,
        controller.signal,
      );
      await started.promise;
      const reason = new Error('stop now');
      controller.abort(reason);
      expect(await rejection(running)).to.equal(reason);
    });

    it("rejects with signal.reason, not the tool's own error, when the tool fails because of the abort", async () => {
      const started = deferred();
      const tool = new FunctionTool({
        name: 'polite',
        description: 'Stops on abort.',
        parameters: z.object({}),
        execute: async (_args, { signal }) => {
          started.resolve();
          await whenAborted(signal);
          throw new Error('tool noticed the abort');
        },
      });
      const controller = new AbortController();
      const running = runToolCall(
        { id: 'c1', name: 'polite', argumentsText: '{}' },
        new ToolRegistry([tool]),
        undefined,
        controller.signal,
      );
      await started.promise;
      controller.abort('custom reason');
      expect(await rejection(running)).to.equal('custom reason');
    });

    it('neither asks for approval nor runs the tool once the signal has aborted', async () => {
      let runs = 0;
      let asked = 0;
      const tool = new FunctionTool({
        name: 'guarded',
        description: 'x',
        parameters: z.object({}),
        requiresApproval: true,
        execute: () => ++runs,
      });
      const plain = new FunctionTool({
        name: 'plain',
        description: 'x',
        parameters: z.object({}),
        execute: () => ++runs,
      });
      const registry = new ToolRegistry([tool, plain]);
      const reason = new Error('already stopped');
      const signal = AbortSignal.abort(reason);
      const approve = (): boolean => {
        asked += 1;
        return true;
      };
      expect(
        await rejection(
          runToolCall(
            { id: 'c1', name: 'guarded', argumentsText: '{}' },
            registry,
            approve,
            signal,
          ),
        ),
      ).to.equal(reason);
      expect(
        await rejection(
          runToolCall({ id: 'c2', name: 'plain', argumentsText: '{}' }, registry, approve, signal),
        ),
      ).to.equal(reason);
      expect({ runs, asked }).to.deep.equal({ runs: 0, asked: 0 });
    });

    it('rejects with signal.reason while waiting for approval, and the handler sees the abort', async () => {
      let runs = 0;
      const tool = new FunctionTool({
        name: 'guarded',
        description: 'x',
        parameters: z.object({}),
        requiresApproval: true,
        execute: () => ++runs,
      });
      const asked = deferred<AbortSignal>();
      const controller = new AbortController();
      const running = runToolCall(
        { id: 'c1', name: 'guarded', argumentsText: '{}' },
        new ToolRegistry([tool]),
        (_request, { signal }) => {
          asked.resolve(signal);
          return new Promise<boolean>(() => undefined);
        },
        controller.signal,
      );
      const handlerSignal = await asked.promise;
      const reason = new Error('user closed the page');
      controller.abort(reason);
      expect(await rejection(running)).to.equal(reason);
      expect(handlerSignal.aborted).to.equal(true);
      expect(runs).to.equal(0);
    });
  });
});
