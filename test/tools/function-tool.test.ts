import { expect } from 'chai';
import * as z from 'zod';
import { FunctionTool, type ToolExecutionContext } from '../../src/tools/function-tool.js';

const weatherParameters = z.object({
  location: z.string().describe('City name, e.g. "Zürich"'),
  unit: z.enum(['celsius', 'fahrenheit']).optional().describe('Temperature unit'),
  days: z.number().int().min(1).max(7).default(1),
});

function weatherTool(
  execute: (
    args: z.output<typeof weatherParameters>,
    context: ToolExecutionContext,
  ) => unknown = () => 'sunny',
): FunctionTool<typeof weatherParameters> {
  return new FunctionTool({
    name: 'get_weather',
    description: 'Current weather for a city.',
    parameters: weatherParameters,
    execute,
  });
}

function context(toolCallId = 'call_1'): ToolExecutionContext {
  return { signal: new AbortController().signal, toolCallId };
}

describe('FunctionTool', () => {
  it('converts the zod parameters to JSON Schema with descriptions, optional fields, enums and defaults', () => {
    expect(weatherTool().jsonSchema).to.deep.equal({
      type: 'object',
      properties: {
        location: { type: 'string', description: 'City name, e.g. "Zürich"' },
        unit: { description: 'Temperature unit', type: 'string', enum: ['celsius', 'fahrenheit'] },
        days: { default: 1, type: 'integer', minimum: 1, maximum: 7 },
      },
      required: ['location'],
    });
  });

  it('leaves out the $schema key and turns what JSON Schema cannot express into "any"', () => {
    const tool = new FunctionTool({
      name: 'at',
      description: 'd',
      parameters: z.object({ when: z.date() }),
      execute: () => null,
    });
    expect(tool.jsonSchema).not.to.have.property('$schema');
    expect(tool.jsonSchema).to.deep.equal({
      type: 'object',
      properties: { when: {} },
      required: ['when'],
    });
  });

  it('gives the OpenAI wire form', () => {
    const tool = weatherTool();
    expect(tool.toOpenAITool()).to.deep.equal({
      type: 'function',
      function: {
        name: 'get_weather',
        description: 'Current weather for a city.',
        parameters: tool.jsonSchema,
      },
    });
  });

  it('hands out copies of the schema: changing one never changes later requests', () => {
    const tool = weatherTool();
    const first = tool.toOpenAITool();
    first.function.parameters['additionalProperties'] = false;
    (tool.jsonSchema['properties'] as Record<string, unknown>)['location'] = 'broken';
    expect(tool.toOpenAITool().function.parameters).to.not.have.property('additionalProperties');
    expect((tool.jsonSchema['properties'] as Record<string, unknown>)['location']).to.deep.equal({
      type: 'string',
      description: 'City name, e.g. "Zürich"',
    });
  });

  it('accepts names of 1-64 letters, digits, "_" and "-"', () => {
    for (const name of ['a', 'get_weather', 'search-web', 'Tool2', 'x'.repeat(64)]) {
      expect(
        new FunctionTool({ name, description: '', parameters: z.object({}), execute: () => null })
          .name,
      ).to.equal(name);
    }
  });

  it('rejects other names with a TypeError that quotes the name', () => {
    for (const name of ['', 'has space', 'dot.ted', 'ümlaut', 'x'.repeat(65), 'semi;colon']) {
      expect(
        () =>
          new FunctionTool({
            name,
            description: '',
            parameters: z.object({}),
            execute: () => null,
          }),
        name,
      ).to.throw(TypeError, `Invalid tool name ${JSON.stringify(name)}`);
    }
  });

  it('does not require approval unless asked', () => {
    expect(weatherTool().requiresApproval).to.equal(false);
    const guarded = new FunctionTool({
      name: 'delete_file',
      description: 'd',
      parameters: z.object({ path: z.string() }),
      execute: () => null,
      requiresApproval: true,
    });
    expect(guarded.requiresApproval).to.equal(true);
  });

  describe('parseArguments', () => {
    it('runs async refinements', async () => {
      const tool = new FunctionTool({
        name: 'checked',
        description: 'Has an async check',
        parameters: z
          .object({ n: z.number() })
          .refine(async ({ n }) => n > 0, 'n must be positive'),
        execute: ({ n }) => n,
      });
      expect((await tool.parseArguments({ n: 1 })).success).to.equal(true);
      expect((await tool.parseArguments({ n: -1 })).success).to.equal(false);
    });

    it('returns the validated arguments, with defaults applied', async () => {
      const result = await weatherTool().parseArguments({ location: 'Bern', unit: 'celsius' });
      expect(result.success).to.equal(true);
      expect(result.data).to.deep.equal({ location: 'Bern', unit: 'celsius', days: 1 });
    });

    it('strips keys the schema does not know', async () => {
      expect(
        (await weatherTool().parseArguments({ location: 'Bern', extra: true })).data,
      ).to.deep.equal({ location: 'Bern', days: 1 });
    });

    it('reports what is wrong, by path, without throwing', async () => {
      const result = await weatherTool().parseArguments({ unit: 'kelvin', days: 9 });
      expect(result.success).to.equal(false);
      expect(result.error!.issues.map((issue) => issue.path.join('.')).sort()).to.deep.equal([
        'days',
        'location',
        'unit',
      ]);
      expect((await weatherTool().parseArguments('not an object')).success).to.equal(false);
      expect((await weatherTool().parseArguments(undefined)).success).to.equal(false);
    });
  });

  describe('execute', () => {
    it('runs a sync function and resolves with its value, passing arguments and context', async () => {
      const calls: [unknown, ToolExecutionContext][] = [];
      const tool = weatherTool((args, ctx) => {
        calls.push([args, ctx]);
        return { temperature: 18 };
      });
      const ctx = context('call_42');
      const promise = tool.execute({ location: 'Zürich', days: 1 }, ctx);
      expect(promise).to.be.instanceOf(Promise);
      expect(await promise).to.deep.equal({ temperature: 18 });
      expect(calls).to.have.length(1);
      expect(calls[0]![0]).to.deep.equal({ location: 'Zürich', days: 1 });
      expect(calls[0]![1]).to.equal(ctx);
      expect(calls[0]![1].toolCallId).to.equal('call_42');
    });

    it('awaits an async function', async () => {
      const tool = weatherTool(async ({ location }) => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        return `${location}: 18 °C`;
      });
      expect(await tool.execute({ location: 'Bern', days: 1 }, context())).to.equal('Bern: 18 °C');
    });

    it('turns a sync throw into a rejection', async () => {
      const tool = weatherTool(() => {
        throw new Error('offline');
      });
      let caught: unknown;
      await tool
        .execute({ location: 'Bern', days: 1 }, context())
        .catch((error: unknown) => (caught = error));
      expect(caught).to.be.instanceOf(Error).with.property('message', 'offline');
    });

    it('hands the abort signal to the function, which can stop on it', async () => {
      const controller = new AbortController();
      const tool = weatherTool(
        ({ location }, { signal }) =>
          new Promise((resolve, reject) => {
            const timer = setTimeout(() => resolve(location), 10_000);
            signal.addEventListener('abort', () => {
              clearTimeout(timer);
              reject(signal.reason as Error);
            });
          }),
      );
      const running = tool.execute(
        { location: 'Bern', days: 1 },
        { signal: controller.signal, toolCallId: 'c' },
      );
      controller.abort(new DOMException('stopped', 'AbortError'));
      let caught: unknown;
      await running.catch((error: unknown) => (caught = error));
      expect(caught).to.be.instanceOf(DOMException).with.property('name', 'AbortError');
    });
  });
});
