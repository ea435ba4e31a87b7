import type { DemoIntent } from '../../src/testing/index.js';
import { demoSuggestions } from './demo-suggestions.js';

/** "hi", "help", "what can you do?": an introduction with things to try. */
export const greetingIntent: DemoIntent = {
  name: 'greeting',
  pattern: /^\s*(?:hi|hello|hey|hallo|good (?:morning|afternoon|evening)|help|what can you do|who are you)\b/iu,
  reply: (context) => ({
    text: `Hello! I am the **demo model**: a scripted, offline stand-in for a real LLM, running in this page. I speak the real OpenAI streaming format, so everything you see goes through the library's parser and agent loop.\n\nTry one of these:\n\n${demoSuggestions.map((text) => `- ${text}`).join('\n')}\n\nTools available in this chat: ${context.toolNames.map((name) => `\`${name}\``).join(', ') || 'none'}. To talk to a real model, open **Endpoint settings**.`,
  }),
};
