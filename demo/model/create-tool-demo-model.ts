import { createDemoModel, type DemoModelOptions, type ScriptedFetch } from '../../src/testing/index.js';
import { convertIntent } from './convert-intent.js';
import { demoFallback } from './demo-fallback.js';
import { emailIntent } from './email-intent.js';
import { greetingIntent } from './greeting-intent.js';
import { markdownIntent } from './markdown-intent.js';
import { mathIntent } from './math-intent.js';
import { reasoningIntent } from './reasoning-intent.js';
import { storyIntent } from './story-intent.js';
import { timeIntent } from './time-intent.js';

/** The demo's intents, most specific first (a long story about time is a story, not a clock call). */
export const demoIntents = [storyIntent, emailIntent, timeIntent, convertIntent, mathIntent, reasoningIntent, markdownIntent, greetingIntent] as const;

/**
 * The demo page's offline model: {@link createDemoModel} with the demo's intents (calculator,
 * clock, unit conversion, an email that needs approval, reasoning, markdown, a long story).
 * Pass its `fetch` to `OpenAIChatAPI` or to `<tool-agent-chat>`.
 */
export function createToolDemoModel(options: Omit<DemoModelOptions, 'intents' | 'fallback'> = {}): ScriptedFetch {
  return createDemoModel({ ...options, intents: demoIntents, fallback: demoFallback });
}
