// Deterministic LLM-style markdown answer of a given size (about 4 characters per token).

/** Small seeded PRNG (mulberry32) so every run streams the same text. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'the agent streams each token as it arrives while the renderer keeps every node it already built ' +
  'so a reader can select text during the answer and nothing flickers or jumps when the model writes ' +
  'tables lists code and links into the chat bubble of a browser page with only static hosting'
).split(' ');

export function generateAnswer(tokens, seed = 7) {
  const next = random(seed);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const words = (n) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  const inline = () => {
    const r = next();
    if (r < 0.15) return `**${words(2)}**`;
    if (r < 0.3) return `*${words(2)}*`;
    if (r < 0.42) return `\`${pick(WORDS)}()\``;
    if (r < 0.5) return `[${words(2)}](https://example.com/${pick(WORDS)})`;
    return words(3 + Math.floor(next() * 6));
  };
  const sentence = () => {
    const parts = Array.from({ length: 3 + Math.floor(next() * 4) }, inline).join(' ');
    return parts.charAt(0).toUpperCase() + parts.slice(1) + '.';
  };
  const paragraph = () => Array.from({ length: 2 + Math.floor(next() * 4) }, sentence).join(' ');
  const blocks = [
    () => `## ${words(3)}`,
    paragraph,
    paragraph,
    () =>
      Array.from({ length: 3 + Math.floor(next() * 3) }, () => {
        const item = `- ${sentence()}`;
        return next() < 0.4 ? `${item}\n  - ${sentence()}\n  - ${sentence()}` : item;
      }).join('\n'),
    () => Array.from({ length: 4 }, (_, i) => `${i + 1}. ${sentence()}`).join('\n'),
    () => {
      const row = () => `| ${Array.from({ length: 4 }, () => inline()).join(' | ')} |`;
      const rows = Array.from({ length: 5 }, row).join('\n');
      return `| Name | Kind | Value | Note |\n|:--|:-:|--:|---|\n${rows}`;
    },
    () => {
      const lines = Array.from({ length: 8 + Math.floor(next() * 10) }, (_, i) => {
        return `${'  '.repeat(i % 3)}const ${pick(WORDS)}${i} = await ${pick(WORDS)}(${JSON.stringify(pick(WORDS))}); // ${words(3)}`;
      });
      return '```ts\n' + lines.join('\n') + '\n```';
    },
    () => `> ${sentence()}\n> ${sentence()}`,
  ];
  let text = '';
  let i = 0;
  while (text.length < tokens * 4) {
    text += (i === 0 ? `# ${words(4)}` : blocks[Math.floor(next() * blocks.length)]()) + '\n\n';
    i++;
  }
  return text.slice(0, tokens * 4);
}
