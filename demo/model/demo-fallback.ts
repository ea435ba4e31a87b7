import type { DemoModelContext, DemoTurn } from '../../src/testing/index.js';
import { demoSuggestions } from './demo-suggestions.js';

/** The answer when no intent matches: honest about being scripted, with things that work. */
export function demoFallback(context: DemoModelContext): DemoTurn {
  const quoted = context.userText.length > 120 ? `${context.userText.slice(0, 120)}…` : context.userText;
  return {
    text: `I am only the offline **demo model**, so I cannot really answer *"${quoted.replace(/[*_`]/gu, '')}"*. I follow a handful of scripts; these work:\n\n${demoSuggestions.map((text) => `- ${text}`).join('\n')}\n\nFor real answers, pick a provider in **Endpoint settings** and paste your key (or run Ollama locally).`,
  };
}
