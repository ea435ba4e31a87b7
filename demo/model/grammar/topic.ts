import type { Lexeme } from './lexer.js';
import { matchPhrases, type PhraseTable } from './phrase-matcher.js';

/** What an out-of-skill request is about, to say what the demo cannot do and offer what it can. */
export type Topic =
  | 'weather'
  | 'live-data'
  | 'currency'
  | 'translation'
  | 'code'
  | 'cooking'
  | 'writing'
  | 'images'
  | 'actions'
  | 'knowledge';

const words = (topic: Topic, list: string): (readonly [string, Topic])[] =>
  list.split(',').map((phrase) => [phrase.trim(), topic] as const);

const topics: PhraseTable<Topic> = [
  ...words(
    'weather',
    'weather, forecast, rain, raining, sunny, snow, snowing, windy, humid, humidity, umbrella, storm, cold outside, hot outside, temperature outside',
  ),
  ...words(
    'live-data',
    'news, headlines, stock, stocks, share price, bitcoin, crypto, market, score, scores, election, traffic, flight status, open now, latest, lottery',
  ),
  ...words(
    'currency',
    'euro, euros, dollar, dollars, usd, eur, gbp, yen, pound sterling, currency, currencies, exchange rate, bucks, rupees, yuan, francs, cad, aud',
  ),
  ...words(
    'translation',
    'translate, translation, in french, in spanish, in german, in italian, in japanese, in chinese, how do you say, what does, mean in, language',
  ),
  ...words(
    'code',
    'code, program, programming, python, javascript, typescript, java, function, bug, debug, script, sql, regex, html, css, api, compile, algorithm',
  ),
  ...words(
    'cooking',
    'recipe, recipes, cook, cooking, bake, baking, ingredients, dinner, lunch ideas, meal',
  ),
  ...words(
    'writing',
    'poem, song, essay, haiku, lyrics, letter, cover letter, summary of, summarize, rewrite, paraphrase, write',
  ),
  ...words('images', 'image, picture, photo, draw, drawing, paint, sketch, logo'),
  ...words(
    'actions',
    'remind, reminder, alarm, timer, schedule, calendar, book, flight, flights, order, buy, call, text, play, music, open',
  ),
  ...words(
    'knowledge',
    'who, why, when, where, history, capital, president, meaning, define, definition, explain, what happened, invented, discovered, born, died, population, how does, how do, tallest, biggest, largest, first',
  ),
];

/** The most specific topic the message is about, if any (the table lists specific topics first). */
export function topicOf(lexemes: readonly Lexeme[]): Topic | undefined {
  const { meanings } = matchPhrases(lexemes, topics);
  const order = [...new Set(topics.map(([, topic]) => topic))];
  return order.find((topic) => meanings.includes(topic));
}
