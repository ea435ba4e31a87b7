import type { DemoModelContext, DemoTurn } from '../../src/testing/index.js';
import type { DemoSkill } from '../../src/testing/demo-model.js';
import { skillExamples } from './demo-suggestions.js';
import { parseSmallTalk, type SmallTalk } from './grammar/small-talk.js';

const examples = (): string => skillExamples.map((text) => `- *${text}*`).join('\n');

const jokes: readonly string[] = [
  'Why was six afraid of seven? Because seven *ate* nine. (Ask me what 7 * 9 is if you want the real number.)',
  'I would tell you a joke about UDP, but you might not get it.',
  'There are 10 kinds of people: those who understand binary and those who do not.',
];

function capabilities(context: DemoModelContext): string {
  const tools = context.toolNames.map((name) => `\`${name}\``).join(', ') || 'none';
  return `I am the offline **demo model**: no real AI, a small grammar in this page. In your own words, I understand:\n\n- **arithmetic**: *"what's twelve times eight"*, *"square root of 144 plus 2^10"*, *"and divided by 3?"*\n- **units**: *"how many pounds is 70 kilograms"*, *"3 feet in cm"*, *"now in inches"*\n- **time**: *"what's the time in New York right now?"*, *"and in Paris?"*\n\nI can also draft an email (it asks your approval), show markdown, compare decimals and tell a long story. Tools in this chat: ${tools}. For anything else, connect a real model in **Endpoint settings**.`;
}

const replies: Readonly<
  Record<SmallTalk, (context: DemoModelContext, greeted: boolean) => string>
> = {
  greeting: () =>
    `Hello! I am the **demo model**, an offline stand-in that runs in this page. Ask me things like:\n\n${examples()}`,
  'how-are-you': (_context, greeted) =>
    `${greeted ? 'Hi! ' : ''}All good here, thanks: scripted, offline, and ready. Want to try something?\n\n${examples()}`,
  thanks: () => 'You are welcome! Anything else? A sum, a conversion or the time somewhere.',
  farewell: () => 'Bye! This conversation stays saved in your browser for next time.',
  identity: (context) => capabilities(context),
  capabilities: (context) => capabilities(context),
  joke: (context) =>
    jokes[context.messages.filter((message) => message.role === 'user').length % jokes.length] ??
    '',
  acknowledgement: () => `👍 Anything else? For example:\n\n${examples()}`,
};

/** Greetings, thanks, goodbyes, "who are you?", "what can you do?", a joke, "ok": a short, friendly answer. */
export const smallTalkSkill: DemoSkill = {
  name: 'small-talk',
  answer: (context): DemoTurn | undefined => {
    const talk = parseSmallTalk(context.userText);
    return talk ? { text: replies[talk.kind](context, talk.greeted) } : undefined;
  },
};
