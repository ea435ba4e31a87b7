import * as z from 'zod';
import { durationOption } from '../internal/check-option.js';

/** What `execute` receives besides its arguments. */
export interface ToolExecutionContext {
  /** Aborted when the turn is stopped: pass it to `fetch` and check it in long loops. */
  readonly signal: AbortSignal;
  /** The id of this call as sent back to the provider (unique within the conversation). */
  readonly toolCallId: string;
}

/** A tool in the OpenAI chat-completions wire form. */
export interface OpenAIToolDefinition {
  readonly type: 'function';
  readonly function: {
    readonly name: string;
    readonly description: string;
    readonly parameters: Record<string, unknown>;
  };
}

/** Options of {@link FunctionTool}. */
export interface FunctionToolOptions<Schema extends z.ZodType> {
  /** The name the model calls: letters, digits, `_` and `-`, at most 64 characters. */
  name: string;
  /** What the tool does and when to use it; the model reads this. */
  description: string;
  /** The arguments' schema. Usually a `z.object({...})`; `.describe()` fields to guide the model. */
  parameters: Schema;
  /** Runs the tool. May be sync or async. Its return value is sent to the model as JSON. */
  execute: (args: z.output<Schema>, context: ToolExecutionContext) => unknown;
  /** When true, the tool waits for the user's approval (see `approveToolCall`). Default `false`. */
  requiresApproval?: boolean;
  /**
   * Longest run time in milliseconds before the call becomes an error result the model reads
   * (its `signal` aborts then, too). Default {@link defaultToolTimeoutMs}; `Infinity` for none.
   */
  timeout?: number;
}

/** A tool's default time limit: two minutes. */
export const defaultToolTimeoutMs = 120_000;

const validName = /^[A-Za-z0-9_-]{1,64}$/;

/** A plain JS function the model may call, described by a zod schema. */
export class FunctionTool<Schema extends z.ZodType = z.ZodType> {
  readonly name: string;
  readonly description: string;
  readonly parameters: Schema;
  readonly requiresApproval: boolean;
  /** Longest run time in milliseconds (`Infinity`: none). */
  readonly timeout: number;
  readonly #execute: FunctionToolOptions<Schema>['execute'];
  #jsonSchema: Record<string, unknown> | undefined;

  constructor(options: FunctionToolOptions<Schema>) {
    if (!validName.test(options.name)) {
      throw new TypeError(
        `Invalid tool name ${JSON.stringify(options.name)}: use 1-64 letters, digits, "_" or "-".`,
      );
    }
    this.name = options.name;
    this.description = options.description;
    this.parameters = options.parameters;
    this.requiresApproval = options.requiresApproval ?? false;
    this.timeout = durationOption('timeout', options.timeout, defaultToolTimeoutMs);
    this.#execute = options.execute;
  }

  /** The parameters as JSON Schema (converted once, by zod's own converter); a fresh copy on every read. */
  get jsonSchema(): Record<string, unknown> {
    if (!this.#jsonSchema) {
      const { $schema: _ignored, ...schema } = z.toJSONSchema(this.parameters, {
        io: 'input',
        unrepresentable: 'any',
      }) as Record<string, unknown>;
      this.#jsonSchema = schema;
    }
    // A caller adjusting the schema (say, for strict mode) must not change what every later request sends.
    return structuredClone(this.#jsonSchema);
  }

  /** The tool in the OpenAI wire form. */
  toOpenAITool(): OpenAIToolDefinition {
    return {
      type: 'function',
      function: { name: this.name, description: this.description, parameters: this.jsonSchema },
    };
  }

  /** Validates raw arguments against the schema (async, so schemas with async refinements work too). */
  async parseArguments(args: unknown): Promise<z.ZodSafeParseResult<z.output<Schema>>> {
    return await this.parameters.safeParseAsync(args);
  }

  /** Runs the tool with already-validated arguments. */
  async execute(args: z.output<Schema>, context: ToolExecutionContext): Promise<unknown> {
    return await this.#execute(args, context);
  }
}
