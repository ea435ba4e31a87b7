import type { DemoModelContext, DemoToolResult } from '../../src/testing/index.js';

/** The results of this turn's calls to one tool, oldest first. */
export function resultsOf(context: DemoModelContext, toolName: string): DemoToolResult[] {
  return context.toolResults.filter((result) => result.name === toolName);
}

/** A field of a successful tool result, when it is there and of the wanted type. */
export function field<T extends 'string' | 'number'>(
  result: DemoToolResult,
  key: string,
  type: T,
): (T extends 'string' ? string : number) | undefined {
  const value: unknown =
    typeof result.value === 'object' && result.value !== null
      ? (result.value as Record<string, unknown>)[key]
      : undefined;
  return typeof value === type ? (value as T extends 'string' ? string : number) : undefined;
}

/** An error as a person reads it, without the library's "The tool failed: " prefix. */
export function errorText(result: DemoToolResult): string {
  return (result.error ?? '').replace(/^The tool failed: /u, '');
}
