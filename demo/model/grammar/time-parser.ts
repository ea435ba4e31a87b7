import { lex } from './lexer.js';
import { findPlaces, type PlaceMention } from './place-finder.js';

/** A question about the time: where (no place means the user's own zone), and whether it asks for the difference. */
export interface TimeQuestion {
  readonly places: readonly PlaceMention[];
  /** "time difference between London and Tokyo", "how many hours ahead is Tokyo". */
  readonly difference: boolean;
}

/** What {@link parseTimeQuestion} may refer to: whether the previous answer was about the time. */
export interface TimeContext {
  readonly previousWasTime?: boolean;
}

// Words that make a message about the clock ("times" is arithmetic, not one of them).
const clockWords = new Set([
  'time',
  'clock',
  "o'clock",
  'timezone',
  'timezones',
  'date',
  'hour',
  'hours',
  'late',
  'day',
]);
const differenceWords = new Set(['difference', 'ahead', 'behind', 'apart', 'offset']);
// A question about the user's own clock is made only of these: "what time is it right now?".
const ownClockWords = new Set([
  'what',
  'is',
  'it',
  'the',
  'time',
  'current',
  'currently',
  'now',
  'right',
  'local',
  'my',
  'here',
  'please',
  'tell',
  'me',
  'do',
  'you',
  'know',
  'clock',
  'date',
  'today',
  "today's",
  'day',
  'of',
  'week',
  'hey',
  'hi',
  'so',
  'ok',
  'and',
  'can',
  'could',
  'give',
  'exact',
  'where',
  'i',
  'am',
  'a',
  'have',
  'got',
  'which',
  'whats',
  '?',
  '!',
  '.',
  ',',
]);
// A follow-up naming only places: "and in Paris?", "what about NYC and LA?".
const followUpWords = new Set([
  'and',
  'what',
  'about',
  'how',
  'in',
  'at',
  'for',
  'there',
  'then',
  'now',
  'right',
  'today',
  'please',
  'also',
  'too',
  'is',
  'it',
  'the',
  'time',
  'same',
  'again',
  'ok',
  'okay',
  'thanks',
  'or',
  'vs',
  'plus',
  'with',
  '?',
  '!',
  '.',
  ',',
  '&',
  '/',
]);

/**
 * Understands a question about the time: the places it names (a table of hundreds of cities,
 * countries and aliases to IANA zones; trailing words such as "right now" ignored; several
 * places at once), or none for the user's own zone. With `previousWasTime`, a message naming
 * only places ("and in Paris?") is a follow-up.
 */
export function parseTimeQuestion(
  message: string,
  context: TimeContext = {},
): TimeQuestion | undefined {
  const lexemes = lex(message);
  const words = lexemes.map((lexeme) => lexeme.text);
  const aboutClock = words.some(
    (word, index) => clockWords.has(word) && !(word === 'day' && words[index - 1] !== 'what'),
  );
  const difference = words.some((word) => differenceWords.has(word));
  if (aboutClock) {
    const places = findPlaces(message, lexemes, { unknownAfterIn: true });
    if (places.length > 0)
      return { places: places.slice(0, 6), difference: difference && places.length >= 2 };
    return words.every((word) => ownClockWords.has(word))
      ? { places: [], difference: false }
      : undefined;
  }
  if (!context.previousWasTime) return undefined;
  const places = findPlaces(message, lexemes, { anywhere: true });
  const rest = lexemes.filter(
    (_lexeme, index) => !places.some((place) => index >= place.start && index < place.next),
  );
  if (places.length === 0 || !rest.every((lexeme) => followUpWords.has(lexeme.text)))
    return undefined;
  return { places: places.slice(0, 6), difference: false };
}
