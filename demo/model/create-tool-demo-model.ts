import {
  createDemoModel,
  type DemoModelOptions,
  type ScriptedFetch,
} from '../../src/testing/index.js';
import { arithmeticSkill } from './arithmetic-skill.js';
import { conversionSkill } from './conversion-skill.js';
import { emailIntent } from './email-intent.js';
import { markdownIntent } from './markdown-intent.js';
import { outOfSkill } from './out-of-skill.js';
import { reasoningSkill } from './reasoning-skill.js';
import { shortenSkill } from './shorten-skill.js';
import { smallTalkSkill } from './small-talk-skill.js';
import { storyIntent } from './story-intent.js';
import { timeSkill } from './time-skill.js';

/**
 * The demo's intents and skills, most specific first: a long story about time is a story, "3 feet
 * in cm" a conversion before it could be anything else, and a calculation needs every word to fit.
 */
const demoIntents = [
  storyIntent,
  emailIntent,
  timeSkill,
  conversionSkill,
  arithmeticSkill,
  reasoningSkill,
  markdownIntent,
  shortenSkill,
  smallTalkSkill,
] as const;

/**
 * The demo page's offline model: {@link createDemoModel} with the demo's skills (arithmetic,
 * unit conversion and the time in the user's own words, follow-ups, small talk), an email that
 * needs approval, reasoning, markdown and a long story; anything else gets a short, honest answer
 * with things it can do. Pass its `fetch` to `OpenAIChatAPI` or to `<tool-agent-chat>`.
 */
export function createToolDemoModel(
  options: Omit<DemoModelOptions, 'intents' | 'fallback'> = {},
): ScriptedFetch {
  return createDemoModel({ ...options, intents: demoIntents, fallback: outOfSkill });
}
