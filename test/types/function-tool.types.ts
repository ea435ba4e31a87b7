// Type tests (npm run test:types): checked by tsc, never run.
import { expectTypeOf } from 'expect-type';
import * as z from 'zod';
import { FunctionTool, ToolRegistry, type ToolExecutionContext } from '../../src/index.js';

const parameters = z.object({
  city: z.string(),
  days: z.number().int().optional(),
  unit: z.enum(['c', 'f']).default('c'),
});

const weather = new FunctionTool({
  name: 'weather',
  description: 'The forecast for a city.',
  parameters,
  execute: (args, context) => {
    // The arguments are the schema's output: defaults applied, optional keys optional.
    expectTypeOf(args).toEqualTypeOf<{
      city: string;
      days?: number | undefined;
      unit: 'c' | 'f';
    }>();
    expectTypeOf(context).toEqualTypeOf<ToolExecutionContext>();
    return `${args.city}: sunny`;
  },
});

// The schema's own type is kept, not widened to z.ZodType.
expectTypeOf(weather).toEqualTypeOf<FunctionTool<typeof parameters>>();
expectTypeOf(weather.parameters).toEqualTypeOf<typeof parameters>();
expectTypeOf(weather.execute).parameter(0).toEqualTypeOf<z.output<typeof parameters>>();
expectTypeOf(weather.execute).returns.toEqualTypeOf<Promise<unknown>>();
expectTypeOf(weather.parseArguments).returns.resolves.toEqualTypeOf<
  z.ZodSafeParseResult<z.output<typeof parameters>>
>();

// A tool of any schema goes into a registry.
new ToolRegistry().addTool(weather);

new FunctionTool({
  name: 'add',
  description: 'Adds two numbers.',
  parameters: z.object({ a: z.number(), b: z.number() }),
  // @ts-expect-error -- `a` is a number, not a string.
  execute: ({ a }: { a: string }) => a,
});

new FunctionTool({
  name: 'add',
  description: 'Adds two numbers.',
  parameters: z.object({ a: z.number() }),
  execute: (args) => {
    // @ts-expect-error -- the schema has no `b`.
    void args.b;
    return args.a;
  },
});

// @ts-expect-error -- `parameters` must be a zod schema.
new FunctionTool({ name: 'x', description: 'x', parameters: { a: 'number' }, execute: () => 1 });

// @ts-expect-error -- `execute` takes the parsed arguments, not a string of JSON.
void weather.execute('{"city":"Paris"}', {
  signal: new AbortController().signal,
  toolCallId: 'c1',
});
