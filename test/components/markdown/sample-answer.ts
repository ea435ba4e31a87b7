/** A realistic assistant answer mixing every construct the renderer supports. */
export const SAMPLE_ANSWER = `# Setting up the agent

Here is how to wire **tool calls** into a page, with *streaming* output and \`fetch\` only.
A second line of the same paragraph, with a [link](https://example.com/docs?a=1&b=2 "Docs") and <https://example.org>.

## Steps

1. Install the package:
   \`\`\`bash
   npm install tool-agents
   \`\`\`
2. Register a tool:
   - give it a **name**
   - describe its *parameters* with \`zod\`
     - nested detail with ~~old~~ new text
3. Stream the answer.

> **Note:** the key never leaves the browser.
> It is sent only to the endpoint you configure.

| Option | Default | Meaning |
|:-------|:-------:|--------:|
| \`model\` | — | which model to call |
| \`maxIterations\` | 10 | tool-loop cap, see [docs](https://example.com) |
| escaped \\| pipe | *yes* | |

\`\`\`ts
const agent = new ChatToolAgent({ chatApi: api });
for await (const chunk of agent.getStreamingResponse({ messages })) {
  if (chunk.type === 'text-delta') render(chunk.chunk); // <b>not bold</b>
}
\`\`\`

---

Edge cases: snake_case_words, 2*3*4, a * b, arr[0], &copy; 2025, \\*escaped\\*, <div>raw html</div>,
an image ![diagram](https://example.com/d.png), and a trailing hard break  
right here. Emoji too: 😀👍🏽.

* loose item one

* loose item two
`;
