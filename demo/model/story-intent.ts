import type { DemoIntent } from '../../src/testing/index.js';
import { longStory } from './long-story.js';

/** "tell me a long story", "write a long essay": half a minute of streaming, to try Stop on. */
export const storyIntent: DemoIntent = {
  name: 'long-story',
  pattern:
    /\b(?:long|longer|lengthy)\b.*\b(story|essay|answer|text|tale|poem)\b|\btell me a story\b/iu,
  reply: (_context, match) => {
    const kind = (match[1] ?? 'story').toLowerCase();
    const intro =
      kind === 'story' || kind === 'tale'
        ? ''
        : `A long ${kind}, told as a story, coming up. Press **Stop** whenever you like: the text so far stays.\n\n`;
    return { text: `${intro}${longStory}` };
  },
};
