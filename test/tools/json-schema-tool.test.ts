import { expect } from 'chai';
import { runToolCall } from '../../src/agents/run-tool-call.js';
import {
  FunctionTool,
  JsonSchemaTool,
  ToolRegistry,
  type AnyFunctionTool,
} from '../../src/index.js';

const live = (): AbortSignal => new AbortController().signal;

const orderSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  properties: {
    item: { type: 'string', minLength: 1, description: 'What to order' },
    size: { type: 'string', enum: ['small', 'large'] },
    address: {
      type: 'object',
      properties: { city: { type: 'string' }, zip: { type: 'string', pattern: '^[0-9]{4,5}$' } },
      required: ['city'],
      additionalProperties: false,
    },
    extras: { type: 'array', items: { type: 'integer', minimum: 0 } },
  },
  required: ['item', 'size'],
  additionalProperties: false,
} as const;

interface Order {
  item: string;
  size: 'small' | 'large';
  address?: { city: string; zip?: string };
  extras?: number[];
}

function orderTool(): { tool: JsonSchemaTool<Order>; calls: Order[] } {
  const calls: Order[] = [];
  const tool = new JsonSchemaTool<Order>({
    name: 'order',
    description: 'Places an order.',
    parameters: orderSchema,
    execute: (args) => {
      calls.push(args);
      return { ok: true, item: args.item };
    },
  });
  return { tool, calls };
}

async function call(tool: AnyFunctionTool, args: unknown) {
  return runToolCall(
    { id: 'call_1', name: tool.name, argumentsText: JSON.stringify(args) },
    new ToolRegistry([tool]),
    undefined,
    live(),
  );
}

function errorOf(result: { result: unknown }): string {
  return (result.result as { error: string }).error;
}

describe('JsonSchemaTool', () => {
  it('describes itself to the model with its JSON Schema, without $schema, as a copy', () => {
    const { tool } = orderTool();
    const { $schema: _dropped, ...expected } = orderSchema;
    expect(tool.toOpenAITool()).to.deep.equal({
      type: 'function',
      function: { name: 'order', description: 'Places an order.', parameters: expected },
    });
    (tool.jsonSchema['properties'] as Record<string, unknown>)['item'] = 'changed';
    expect(tool.jsonSchema).to.deep.equal(expected);
    expect(tool).to.be.an.instanceOf(FunctionTool);
  });

  it('runs with arguments that match the schema, nested objects and arrays included', async () => {
    const { tool, calls } = orderTool();
    const args = {
      item: 'tea',
      size: 'large',
      address: { city: 'Bern', zip: '3011' },
      extras: [0, 2],
    };
    const result = await call(tool, args);
    expect(result.isError).to.equal(false);
    expect(result.result).to.deep.equal({ ok: true, item: 'tea' });
    expect(calls).to.deep.equal([args]);
  });

  it('turns a missing required field into an error result the model reads, and never runs', async () => {
    const { tool, calls } = orderTool();
    const result = await call(tool, { item: 'tea' });
    expect(result.isError).to.equal(true);
    expect(errorOf(result)).to.match(/^The arguments do not match the tool's schema:/);
    expect(errorOf(result)).to.contain('"size"');
    expect(calls).to.deep.equal([]);
  });

  it('names the enum values and the path of a nested mismatch', async () => {
    const { tool } = orderTool();
    const result = await call(tool, {
      item: 'tea',
      size: 'huge',
      address: { city: 'Bern', zip: 'abc' },
      extras: [1, -1],
    });
    const message = errorOf(result);
    expect(message).to.contain('small').and.contain('large');
    expect(message).to.contain('address.zip');
    expect(message).to.contain('"^[0-9]{4,5}$"');
    expect(message).to.contain('extras[1]');
    expect(message).not.to.contain('subschema');
    expect(message).not.to.contain('does not match schema');
  });

  it('refuses properties that additionalProperties: false forbids, at any depth', async () => {
    const { tool } = orderTool();
    const top = errorOf(await call(tool, { item: 'tea', size: 'small', colour: 'red' }));
    expect(top).to.contain('Unexpected property "colour"');
    expect(top).not.to.contain('False boolean schema');
    const nested = errorOf(
      await call(tool, { item: 'tea', size: 'small', address: { city: 'Bern', floor: 3 } }),
    );
    expect(nested).to.contain('Unexpected property "floor"').and.contain('address.floor');
  });

  it('prints every issue as the zod path does, one line per issue with its path', async () => {
    const { tool } = orderTool();
    const message = errorOf(await call(tool, { size: 'huge', extras: ['x'] }));
    expect(message.split('\n').filter((line) => line.startsWith('✖'))).to.have.length(3);
  });

  it('reads a wrong type at the root as an error result', async () => {
    const { tool } = orderTool();
    const result = await call(tool, ['tea']);
    expect(result.isError).to.equal(true);
    expect(errorOf(result)).to.contain('object');
  });

  it('reports a schema the validator refuses (an unresolvable $ref) on each call, without running', async () => {
    let ran = false;
    const tool = new JsonSchemaTool({
      name: 'broken',
      description: 'Has a bad reference.',
      parameters: {
        type: 'object',
        properties: { x: { $ref: '#/$defs/missing' } },
      },
      execute: () => {
        ran = true;
      },
    });
    const result = await call(tool, { x: 1 });
    expect(result.isError).to.equal(true);
    expect(errorOf(result))
      .to.match(/could not be validated/)
      .and.contain('$defs/missing');
    expect(ran).to.equal(false);
  });

  it('rejects parameters that are not an object JSON Schema when built', () => {
    const build = (parameters: unknown) => () =>
      new JsonSchemaTool({
        name: 'bad',
        description: '',
        parameters: parameters as Record<string, unknown>,
        execute: () => null,
      });
    expect(build({ type: 'string' })).to.throw(TypeError, /object JSON Schema/);
    expect(build([])).to.throw(TypeError, /object JSON Schema/);
    expect(build(null)).to.throw(TypeError, /object JSON Schema/);
    const cyclic: Record<string, unknown> = { type: 'object' };
    cyclic['self'] = cyclic;
    expect(build(cyclic)).to.throw(TypeError, /not JSON/);
  });

  it('keeps its own copy of the schema', async () => {
    const schema = { type: 'object', properties: { n: { type: 'number' } }, required: ['n'] };
    const tool = new JsonSchemaTool({
      name: 'n',
      description: '',
      parameters: schema,
      execute: () => 1,
    });
    schema.required = [];
    expect((await call(tool, {})).isError).to.equal(true);
  });

  it('checks the name like FunctionTool', () => {
    expect(
      () =>
        new JsonSchemaTool({
          name: 'has space',
          description: '',
          parameters: { type: 'object' },
          execute: () => null,
        }),
    ).to.throw(TypeError, /Invalid tool name/);
  });
});
