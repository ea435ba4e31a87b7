import type * as z from 'zod';

/** `messages[1].content[0].type`: a path as a reader would write it. */
function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key))
      text += text === '' ? key : `.${key}`;
    else text += `[${JSON.stringify(String(key))}]`;
  }
  return text === '' ? 'the top level' : text;
}

function received(issue: z.core.$ZodIssue): string {
  const input = issue.input;
  // Only short primitives help; large values would drown the message.
  if (typeof input === 'string') return input.length <= 40 ? ` (got ${JSON.stringify(input)})` : '';
  if (typeof input === 'number' || typeof input === 'boolean' || input === null)
    return ` (got ${String(input)})`;
  return '';
}

/**
 * The first issues of a failed parse as one sentence: `at messages[1].role: Invalid option...`.
 * Parse with `{ reportInput: true }` so the offending value can be quoted.
 */
export function describeIssues(error: z.ZodError, max = 3): string {
  const issues = error.issues
    .slice(0, max)
    .map((issue) => `at ${formatPath(issue.path)}: ${issue.message}${received(issue)}`);
  const more = error.issues.length - max;
  return issues.join('; ') + (more > 0 ? `; and ${more} more problem${more === 1 ? '' : 's'}` : '');
}
