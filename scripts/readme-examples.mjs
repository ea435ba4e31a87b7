// @ts-check
/**
 * Turns the README's TypeScript examples into one test module, so the documented API is run, not
 * only read: each ```ts block becomes an async function of the free names it uses (the harness in
 * test/readme/readme-examples.test.ts provides them), with the package's imports pointed at the
 * sources. Written to test/.cache/readme-examples.ts when the test runner starts.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readmeExamples } from './readme-example-blocks.mjs';

/** Where each package entry the README imports lives in the sources, from test/.cache/. */
const entries = {
  'tool-agents': '../../src/index.ts',
  'tool-agents/chat': '../../components/index.ts',
  'tool-agents/markdown': '../../components/markdown/index.ts',
  'tool-agents/mcp': '../../src/mcp/index.ts',
  'tool-agents/testing': '../../src/testing/index.ts',
};

/** Names an example may use without declaring them; the harness gives each a value. */
const freeNames = [
  'ChatMessage',
  'agent',
  'answerText',
  'approveToolCall',
  'body',
  'confirmInMyOwnDialog',
  'deleteNote',
  'history',
  'messages',
  'notes',
  'output',
  'render',
  'savedText',
  'settings',
  'signal',
  'stopButton',
  'stream',
  'toolRegistry',
  'userKey',
  'userToken',
];

/**
 * One module exporting every example as `{ heading, line, run(env) }`.
 * @param {string} readme
 */
export function examplesModule(readme) {
  const imports = [];
  const bodies = [];
  readmeExamples(readme).forEach((example, index) => {
    const body = [];
    for (const line of example.code.split('\n')) {
      const match =
        /^import (.+) from '([^']+)';$/u.exec(line) ?? /^import '([^']+)';$/u.exec(line);
      if (!match) {
        // A worker's `return response` at the top of an example: handed to the harness, and the example goes on.
        body.push(line.replace(/^return (.+);$/u, 'env.returned($1);'));
        continue;
      }
      const [clause, from] = match.length === 3 ? [match[1], match[2]] : [undefined, match[1]];
      const target = entries[from] ?? from;
      // Each example's imports get their own names, so two examples may import the same thing.
      if (clause === undefined) imports.push(`import '${target}';`);
      else imports.push(`import ${renameImports(clause, index)} from '${target}';`);
      body.push(
        ...importedNames(clause ?? '').map(([name]) => `const ${name} = ${name}_${index};`),
      );
    }
    bodies.push(`  {
    heading: ${JSON.stringify(example.heading)},
    line: ${example.line},
    async run(env: Record<string, any>): Promise<unknown> {
      let { ${freeNames.join(', ')} } = env;
      void [${freeNames.join(', ')}];
      {
${body.map((line) => `        ${line}`).join('\n')}
      }
      return undefined;
    },
  },`);
  });
  return `// Generated from README.md by scripts/readme-examples.mjs; do not edit.
/* eslint-disable */
// @ts-nocheck
${imports.join('\n')}

export const examples = [
${bodies.join('\n')}
];
`;
}

/** The names an import clause binds, each with its imported name: `a`, `b as c`, `* as z`, `type T`. */
function importedNames(clause) {
  const names = [];
  const namespace = /^\* as (\w+)$/u.exec(clause.trim());
  if (namespace) return [[namespace[1], '*']];
  const braces = /\{([^}]*)\}/u.exec(clause);
  for (const part of (braces?.[1] ?? '').split(',')) {
    const item = part.trim();
    if (!item || item.startsWith('type ')) continue;
    const [imported, local = imported] = item.split(/\s+as\s+/u);
    names.push([local, imported]);
  }
  return names;
}

function renameImports(clause, index) {
  const namespace = /^\* as (\w+)$/u.exec(clause.trim());
  if (namespace) return `* as ${namespace[1]}_${index}`;
  const names = importedNames(clause).map(
    ([local, imported]) => `${imported} as ${local}_${index}`,
  );
  return `{ ${names.join(', ')} }`;
}

/** Writes the module next to the other generated test files. */
export function writeReadmeExamples(rootDir) {
  const readme = readFileSync(path.join(rootDir, 'README.md'), 'utf8');
  const out = path.join(rootDir, 'test', '.cache', 'readme-examples.ts');
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, examplesModule(readme));
  return out;
}
