import type { FunctionTool, OpenAIToolDefinition } from './function-tool.js';

/** Any {@link FunctionTool}, whatever its schema. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the registry stores tools of any schema
export type AnyFunctionTool = FunctionTool<any>;

/** The set of tools offered to the model, by name. */
export class ToolRegistry {
  readonly #tools = new Map<string, AnyFunctionTool>();

  constructor(tools: Iterable<AnyFunctionTool> = []) {
    this.addTools(tools);
  }

  /** Adds a tool. Throws if another tool already has its name. */
  addTool(tool: AnyFunctionTool): this {
    const existing = this.#tools.get(tool.name);
    if (existing && existing !== tool)
      throw new Error(`A tool named "${tool.name}" is already registered.`);
    this.#tools.set(tool.name, tool);
    return this;
  }

  /** Adds several tools; all or none (a name clash adds nothing). Re-adding the same tool is a no-op, as in {@link addTool}. */
  addTools(tools: Iterable<AnyFunctionTool>): this {
    const list = [...tools];
    const incoming = new Map<string, AnyFunctionTool>();
    for (const tool of list) {
      const twin = incoming.get(tool.name);
      if (twin && twin !== tool)
        throw new Error(`Two different tools in the list are named "${tool.name}".`);
      const existing = this.#tools.get(tool.name);
      if (existing && existing !== tool)
        throw new Error(`A tool named "${tool.name}" is already registered.`);
      incoming.set(tool.name, tool);
    }
    for (const tool of list) this.#tools.set(tool.name, tool);
    return this;
  }

  /** Removes a tool by name; returns whether it was there. */
  removeTool(name: string): boolean {
    return this.#tools.delete(name);
  }

  /** The tool with this name, if any. */
  getTool(name: string): AnyFunctionTool | undefined {
    return this.#tools.get(name);
  }

  /** All tools, in insertion order. */
  getTools(): AnyFunctionTool[] {
    return [...this.#tools.values()];
  }

  /** Number of tools. */
  get size(): number {
    return this.#tools.size;
  }

  /** The tools in the OpenAI `tools` wire form. */
  getOpenAITools(): OpenAIToolDefinition[] {
    return this.getTools().map((tool) => tool.toOpenAITool());
  }
}
