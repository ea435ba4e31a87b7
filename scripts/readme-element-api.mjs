// Writes the <tool-agent-chat> API tables into README.md from custom-elements.json, between
// <!-- element-api:start --> and <!-- element-api:end -->. With --check, fails if they differ.
import { readFileSync, writeFileSync } from 'node:fs';

const manifest = JSON.parse(
  readFileSync(new URL('../custom-elements.json', import.meta.url), 'utf8'),
);
const readmeURL = new URL('../README.md', import.meta.url);
const element = manifest.modules
  .flatMap((module) => module.declarations ?? [])
  .find((d) => d.tagName === 'tool-agent-chat');
if (!element) throw new Error('custom-elements.json has no <tool-agent-chat>; run npm run analyze');

const cell = (text = '') =>
  String(text)
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\|/g, '\\|')
    .trim();
const code = (text) => (text ? `\`${cell(text).replace(/`/g, '')}\`` : '');
const table = (head, rows) =>
  [
    `| ${head.join(' | ')} |`,
    `|${head.map(() => '---').join('|')}|`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');

const attributeFields = new Set((element.attributes ?? []).map((a) => a.fieldName));
const publicMembers = (element.members ?? []).filter(
  (m) =>
    m.privacy !== 'private' && m.privacy !== 'protected' && !m.static && !m.name.startsWith('#'),
);

const sections = [
  '### Attributes',
  table(
    ['attribute', 'property', 'type', 'default', 'description'],
    (element.attributes ?? []).map((a) => [
      code(a.name),
      code(a.fieldName),
      code(a.type?.text),
      code(a.default),
      cell(a.description),
    ]),
  ),
  '### Properties (not attributes)',
  table(
    ['property', 'type', 'description'],
    publicMembers
      .filter((m) => m.kind === 'field' && !attributeFields.has(m.name))
      .map((m) => [code(m.name), code(m.type?.text), cell(m.description)]),
  ),
  '### Methods',
  table(
    ['method', 'description'],
    publicMembers
      .filter((m) => m.kind === 'method')
      .map((m) => [
        code(`${m.name}(${(m.parameters ?? []).map((p) => p.name).join(', ')})`),
        cell(m.description),
      ]),
  ),
  '### Events',
  table(
    ['event', 'class', 'description'],
    (element.events ?? []).map((e) => [code(e.name), code(e.type?.text), cell(e.description)]),
  ),
  '### Slots',
  table(
    ['slot', 'description'],
    (element.slots ?? []).map((s) => [code(s.name || '(default)'), cell(s.description)]),
  ),
  '### CSS parts',
  table(
    ['part', 'description'],
    (element.cssParts ?? []).map((p) => [code(p.name), cell(p.description)]),
  ),
  '### CSS custom properties',
  table(
    ['property', 'default', 'description'],
    (element.cssProperties ?? []).map((p) => [code(p.name), code(p.default), cell(p.description)]),
  ),
];
if (element.cssStates?.length)
  sections.push(
    '### Custom states',
    table(
      ['state', 'description'],
      element.cssStates.map((s) => [code(`:state(${s.name})`), cell(s.description)]),
    ),
  );

const generated = `<!-- element-api:start -->\n<!-- Generated from custom-elements.json by scripts/readme-element-api.mjs; do not edit by hand. -->\n\n${sections.join('\n\n')}\n\n<!-- element-api:end -->`;
const readme = readFileSync(readmeURL, 'utf8');
const pattern = /<!-- element-api:start -->[\s\S]*?<!-- element-api:end -->/;
if (!pattern.test(readme)) throw new Error('README.md has no element-api markers');
// A function, not a string: the tables hold `$` sequences that replace() would expand.
const updated = readme.replace(pattern, () => generated);
if (process.argv.includes('--check')) {
  if (updated !== readme) {
    console.error('README.md element API tables are out of date: run npm run docs');
    process.exit(1);
  }
  console.log('README.md element API tables match custom-elements.json');
} else {
  writeFileSync(readmeURL, updated);
  console.log('README.md element API tables written');
}
