// The seed's first streaming example, in the browser: no element, just the library.
import { ChatMessage, ChatToolAgent, OpenAIChatAPI, ToolRegistry } from '../src/index.js';
import { createToolDemoModel } from './model/create-tool-demo-model.js';
import { calculatorTool } from './tools/calculator-tool.js';

const form = document.querySelector<HTMLFormElement>('#ask')!;
const out = document.querySelector<HTMLPreElement>('#out')!;

form.addEventListener('submit', (event) => {
  event.preventDefault();
  ask().catch((error: unknown) => {
    out.textContent += `\n${String(error)}`;
  });
});

async function ask(): Promise<void> {
  const question = form.querySelector<HTMLInputElement>('#question')!.value;
  const apiKey = form.querySelector<HTMLInputElement>('#key')!.value.trim();
  // No key: the offline demo model, reached through the same fetch-based client.
  const api = new OpenAIChatAPI(
    apiKey
      ? { apiKey, model: 'gpt-4o-mini' }
      : { model: 'demo-model', fetch: createToolDemoModel().fetch },
  );
  const agent = new ChatToolAgent({ chatApi: api });
  const toolRegistry = new ToolRegistry([calculatorTool]);
  const messages = [
    ChatMessage.createSystemMessage('You are a helpful assistant.'),
    ChatMessage.createUserMessage(question),
  ];
  out.textContent = '';
  try {
    for await (const chunk of agent.getStreamingResponse({
      messages,
      settings: api.getDefaultSettings(),
      toolRegistry,
    })) {
      out.textContent += chunk.chunk;
      if (chunk.toolCallStart) out.textContent += `\n[calling ${chunk.toolCallStart.name}…]\n`;
      if (chunk.toolCallResult) out.textContent += `[result: ${chunk.toolCallResult.resultText}]\n`;
      if (chunk.finished)
        out.textContent += `\n\n(${chunk.finishedResponse.finishReason}, ${chunk.finishedResponse.usage.totalTokens} tokens)`;
    }
  } catch (error) {
    out.textContent += `\n${String(error)}`;
  }
}
