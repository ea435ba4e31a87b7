import type { DemoModelContext, DemoTurn } from '../../src/testing/index.js';
import { skillExamples } from './demo-suggestions.js';
import { lex, touching } from './grammar/lexer.js';
import { findPlaces } from './grammar/place-finder.js';
import { topicOf, type Topic } from './grammar/topic.js';
import { readQuantity } from './grammar/quantity-phrase.js';
import type { Unit } from '../tools/units.js';

// What the demo cannot do, said plainly for each topic.
const cannot: Readonly<Record<Topic | 'other', string>> = {
  weather: 'check the weather: I have no internet access',
  'live-data': 'look up news, prices or anything live: I have no internet access',
  currency: 'convert currencies: exchange rates change every day, and I am offline',
  translation: 'translate: I only follow a small grammar of English',
  code: 'write or debug code',
  cooking: 'suggest recipes',
  writing: 'write that for you: I only have one long story, ready-made',
  images: 'see or draw images',
  actions: 'act outside this page (the only action here is a pretend email)',
  knowledge: 'answer general-knowledge questions',
  other: 'follow that one',
};

// Offers that fit a topic best, before the general ones.
const topicOffers: Readonly<Partial<Record<Topic, readonly string[]>>> = {
  weather: ['Convert 20 °C to Fahrenheit'],
  currency: ['What is 20 * 1.08?'],
  code: ['Show me some markdown (code blocks included)'],
  cooking: ['How many ml is 2 cups?', 'Convert 350 °F to Celsius'],
  writing: ['Tell me a long story'],
  actions: ['Send an email to ada@example.com about lunch'],
};

// A unit people often want next to the one mentioned, so an offer reads naturally.
const partners: Readonly<Record<string, string>> = {
  km: 'miles',
  m: 'feet',
  cm: 'inches',
  mm: 'inches',
  mi: 'km',
  ft: 'metres',
  in: 'cm',
  yd: 'metres',
  kg: 'pounds',
  g: 'ounces',
  lb: 'kg',
  oz: 'grams',
  st: 'kg',
  '°C': '°F',
  '°F': '°C',
  K: '°C',
  L: 'gallons',
  mL: 'fl oz',
  gal: 'litres',
  cup: 'ml',
  'km/h': 'mph',
  mph: 'km/h',
  'm²': 'square feet',
  'ft²': 'm²',
  acre: 'hectares',
  ha: 'acres',
  GB: 'MB',
  MB: 'KB',
  TB: 'GB',
};

// "9/11" asked about as a thing: the division is still one question away.
function slashOffer(text: string): string | undefined {
  const lexemes = lex(text);
  for (let index = 0; index + 2 < lexemes.length; index += 1) {
    const [a, slash, b] = [lexemes[index], lexemes[index + 1], lexemes[index + 2]];
    if (
      a?.kind === 'number' &&
      slash?.text === '/' &&
      b?.kind === 'number' &&
      touching(a, slash) &&
      touching(slash, b)
    )
      return `Calculate ${a.text} divided by ${b.text}`;
  }
  return undefined;
}

function offers(text: string, topic: Topic | undefined): string[] {
  const lexemes = lex(text);
  const [place] = findPlaces(text, lexemes);
  // Only a unit after an amount counts: "in London" is not about inches.
  const unit = lexemes
    .map((_lexeme, index) => readQuantity(lexemes, index)?.unit)
    .find((found): found is Unit => found !== undefined && found !== 'degrees');
  const relevant = [
    slashOffer(text),
    place ? `What time is it in ${place.name}?` : undefined,
    unit && topic !== 'currency' && partners[unit.symbol]
      ? `Convert 10 ${unit.symbol} to ${partners[unit.symbol]}`
      : undefined,
    ...(topic ? (topicOffers[topic] ?? []) : []),
  ];
  return [
    ...new Set([
      ...relevant.filter((offer): offer is string => offer !== undefined),
      ...skillExamples,
    ]),
  ].slice(0, 3);
}

/**
 * The answer when no skill understands the message: short and at once, saying what the demo
 * model cannot do (fitted to the topic) and offering three things it can, relevant ones first.
 */
export function outOfSkill(context: DemoModelContext): DemoTurn {
  const topic = slashOffer(context.userText) ? 'knowledge' : topicOf(lex(context.userText));
  const list = offers(context.userText, topic)
    .map((offer) => `- *${offer}*`)
    .join('\n');
  return {
    text: `Sorry, I cannot ${cannot[topic ?? 'other']}. I am the offline **demo model**. Try:\n\n${list}\n\nFor anything else, connect a real model in **Endpoint settings**.`,
  };
}
