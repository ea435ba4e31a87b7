// @ts-check
// The README's example blocks, found the same way in Node (to generate the test module) and in the
// browser (where the test checks that every block has its test). No Node imports here.

/**
 * The README's ```ts blocks, in order, each with the heading it sits under.
 * @param {string} readme
 */
export function readmeExamples(readme) {
  const examples = [];
  let heading = '';
  const lines = readme.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (/^#{2,4} /u.test(line)) heading = line.replace(/^#+ /u, '');
    if (line.trim() !== '```ts') continue;
    const start = i + 1;
    let end = start;
    while (end < lines.length && lines[end]?.trim() !== '```') end++;
    examples.push({ heading, line: start + 1, code: lines.slice(start, end).join('\n') });
    i = end;
  }
  return examples;
}
