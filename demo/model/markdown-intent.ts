import type { DemoIntent } from '../../src/testing/index.js';

const showcase = `## What streamed markdown looks like

The element renders **bold**, *italic*, \`inline code\` and [links](https://developer.mozilla.org/docs/Web/API/Streams_API) as they arrive, without re-rendering what is already on screen.

### A list

1. The page calls \`agent.getStreamingResponse(...)\`.
2. Each chunk carries a \`type\`: \`text-delta\`, \`reasoning-delta\`, \`tool-call-start\`, ...
3. The last chunk has \`finished: true\` and the whole response.

### A table

| Provider | Base URL | Needs a key |
|---|---|---|
| OpenAI | \`https://api.openai.com/v1\` | yes |
| Groq | \`https://api.groq.com/openai/v1\` | yes |
| Ollama | \`http://localhost:11434/v1\` | no |

### Some code

\`\`\`ts
const api = new OpenAIChatAPI({ apiKey, model: 'gpt-4o-mini' });
const agent = new ChatToolAgent({ chatApi: api });
for await (const chunk of agent.getStreamingResponse({ messages })) {
  output.textContent += chunk.chunk;
}
\`\`\`

> Everything above came through the real SSE parser, from a scripted model in this page.`;

/** "show me some markdown", "show me a table", "what can the formatting do": headings, a list, a table and code. */
export const markdownIntent: DemoIntent = {
  name: 'markdown',
  pattern:
    /\bmarkdown\b|\b(?:show|give|render|demo|display|see)\b.*\b(?:tables?|code|code blocks?|formatting|lists?|headings?|rich text)\b|^\s*(?:a\s+)?(?:tables?|formatting|code block)\s*(?:please)?\s*[?!.]*\s*$/iu,
  reply: () => ({ text: showcase }),
};
