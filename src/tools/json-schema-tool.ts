import * as z from 'zod';
import { FunctionTool, type ToolExecutionContext } from './function-tool.js';
import { loadJsonSchemaValidator, type JsonSchemaCheck } from './json-schema-validation.js';

/** A JSON Schema as a plain JSON object (`{ type: 'object', properties: {...}, required: [...] }`). */
export type JsonSchemaObject = Readonly<Record<string, unknown>>;

/** Options of {@link JsonSchemaTool}. */
export interface JsonSchemaToolOptions<Args = Record<string, unknown>> {
  /** The name the model calls: letters, digits, `_` and `-`, at most 64 characters. */
  name: string;
  /** What the tool does and when to use it; the model reads this. */
  description: string;
  /**
   * The arguments' JSON Schema: an object schema (`type: 'object'`). Drafts 4, 7, 2019-09 and
   * 2020-12 (by its `$schema`; 2020-12 when it names none). Copied when the tool is built.
   */
  parameters: JsonSchemaObject;
  /** Runs the tool with arguments that passed the schema. May be sync or async; the result goes to the model as JSON. */
  execute: (args: Args, context: ToolExecutionContext) => unknown;
  /** When true, the tool waits for the user's approval (see `approveToolCall`). Default `false`. */
  requiresApproval?: boolean;
  /** Longest run time in milliseconds. Default two minutes; `Infinity` for none. */
  timeout?: number;
}

function copySchema(name: string, schema: unknown): JsonSchemaObject {
  const isPlainObject =
    typeof schema === 'object' &&
    schema !== null &&
    !Array.isArray(schema) &&
    [Object.prototype, null].includes(Object.getPrototypeOf(schema) as object | null);
  let copy: unknown;
  try {
    copy = isPlainObject ? JSON.parse(JSON.stringify(schema)) : undefined;
  } catch (error) {
    throw new TypeError(
      `The JSON Schema of tool "${name}" is not JSON (${error instanceof Error ? error.message : String(error)}).`,
      { cause: error },
    );
  }
  if (!isPlainObject || (copy as Record<string, unknown>)['type'] !== 'object')
    throw new TypeError(
      `The parameters of tool "${name}" must be an object JSON Schema ({ "type": "object", ... }): tool arguments are a JSON object.`,
    );
  return copy as JsonSchemaObject;
}

/**
 * A tool described by a JSON Schema instead of a zod schema: for schemas that arrive as data (an
 * MCP server's tools, a configuration file). The model sees the schema as given; arguments are
 * checked against it before `execute` runs, and a mismatch becomes an error result the model
 * reads, printed like the zod path's. Validation uses `@cfworker/json-schema`, loaded on the
 * first call (a separate chunk) and CSP-safe. It is a {@link FunctionTool}, so it goes wherever
 * one goes: a `ToolRegistry`, the element's `tools`.
 *
 * `parameters` here is a zod wrapper that runs the JSON Schema check; read the schema itself
 * with {@link JsonSchemaTool.jsonSchema}. A schema the validator refuses (an unresolvable `$ref`,
 * an invalid `pattern`) makes each call an error result saying so.
 *
 * @typeParam Args - the arguments' type as the schema describes it (not checked by TypeScript).
 */
export class JsonSchemaTool<Args = Record<string, unknown>> extends FunctionTool<z.ZodType<Args>> {
  readonly #schema: JsonSchemaObject;

  constructor(options: JsonSchemaToolOptions<Args>) {
    const schema = copySchema(options.name, options.parameters);
    let check: Promise<JsonSchemaCheck> | undefined;
    const parameters = z.custom<Args>().superRefine(async (value, context) => {
      check ??= loadJsonSchemaValidator(schema).catch((error: unknown) => {
        // A chunk that failed to load may load next time; try again on the next call.
        check = undefined;
        throw new Error(
          `The tool's JSON Schema cannot be used: ${error instanceof Error ? error.message : String(error)}`,
          { cause: error },
        );
      });
      for (const issue of (await check)(value))
        context.addIssue({
          code: 'custom',
          message: issue.message,
          path: [...issue.path],
          input: value,
        });
    });
    super({ ...options, parameters });
    this.#schema = schema;
  }

  /** The JSON Schema sent to the model (without `$schema`); a fresh copy on every read. */
  override get jsonSchema(): Record<string, unknown> {
    const { $schema: _ignored, ...schema } = this.#schema;
    return structuredClone(schema);
  }
}
