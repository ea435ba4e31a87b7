import { longestPlaceWords, zoneByPlace } from '../places.js';
import type { Lexeme } from './lexer.js';

/** A place named in a message and its IANA zone (`undefined` for a place the table does not know). */
export interface PlaceMention {
  /** The name as the message wrote it ("New York", "NYC"). */
  readonly name: string;
  readonly zone: string | undefined;
  readonly start: number;
  readonly next: number;
}

// Place names that are also everyday words: they count only after "in", "at", "for" or in a list of places.
const everydayWords = new Set([
  'nice',
  'split',
  'male',
  'la',
  'sf',
  'et',
  'pt',
  'ct',
  'est',
  'ist',
  'cali',
  'jordan',
  'turkey',
  'java',
  'cork',
  'rio',
  'ny',
  'dc',
  'kl',
  'hk',
  'nz',
  'victoria',
  'georgia',
  'china',
  'salvador',
  'bali',
  'goa',
  'utc',
  'gmt',
  'zulu',
  'bst',
  'jst',
  'aest',
  'pst',
  'pdt',
  'cst',
  'cdt',
  'mst',
  'mdt',
  'edt',
  'nsw',
]);
const introducers = new Set([
  'in',
  'at',
  'for',
  'of',
  'from',
  'to',
  'and',
  'about',
  'vs',
  'versus',
  'than',
  'between',
  ',',
  '&',
  '/',
  'or',
]);
// Words said after a place that are not part of its name: "New York right now", "Tokyo today please".
const nonNames = new Set([
  'right',
  'now',
  'today',
  'tonight',
  'currently',
  'please',
  'at',
  'the',
  'moment',
  'time',
  'then',
  'there',
  'thanks',
  'and',
  'or',
  'vs',
  'versus',
  'is',
  'it',
  'than',
  'compared',
  'to',
  'too',
  'also',
  'local',
  'exactly',
  'anyway',
]);

function original(
  message: string,
  lexemes: readonly Lexeme[],
  start: number,
  next: number,
): string {
  const first = lexemes[start];
  const last = lexemes[next - 1];
  return first && last ? message.slice(first.start, last.end) : '';
}

/**
 * The name to show: as the user wrote it when they capitalised it ("NYC", "McMurdo"); else the
 * zone's own spelling when it names the same city ("port-au-prince" → "Port-au-Prince"), initials
 * for a short alias ("nyc" → "NYC"), else capitalised word by word ("buenos aires" → "Buenos Aires").
 */
function shownName(written: string, zone: string | undefined): string {
  if (written !== written.toLowerCase()) return written;
  const city = zone?.split('/').at(-1)?.replaceAll('_', ' ');
  if (city?.toLowerCase() === written) return city;
  // Short aliases are initials: "nyc", "la", "uk" read back as "NYC", "LA", "UK".
  if (/^\p{Ll}{2,3}$/u.test(written)) return written.toUpperCase();
  return written.replace(
    /(^|\s)(\p{Ll})/gu,
    (_match, before: string, letter: string) => before + letter.toUpperCase(),
  );
}

function placeAt(
  lexemes: readonly Lexeme[],
  index: number,
): { zone: string; next: number; words: string } | undefined {
  // Dots and dashes are lexemes of their own, so a name can span up to twice its words.
  for (
    let length = Math.min(longestPlaceWords * 2 + 1, lexemes.length - index);
    length >= 1;
    length -= 1
  ) {
    const span = lexemes.slice(index, index + length);
    if (span.some((lexeme) => lexeme.kind !== 'word' && lexeme.text !== '.' && lexeme.text !== '-'))
      continue;
    // "L.A." and "D.C." are lexed as letters and dots; the table spells them "l.a" and "d.c".
    const words = span
      .map((lexeme) => lexeme.text)
      .join(' ')
      .replace(/ \. /gu, '.')
      .replace(/ \.$/u, '');
    // Joined without spaces only around dots and dashes ("port-au-prince"), never "i ran" into "iran".
    const joined = span.some((lexeme) => lexeme.kind === 'symbol')
      ? zoneByPlace.get(span.map((lexeme) => lexeme.text).join(''))
      : undefined;
    const zone = zoneByPlace.get(words) ?? joined;
    if (zone) return { zone, next: index + length, words };
  }
  return undefined;
}

/**
 * Finds the places a message names, longest name first ("New York City" before "York"), any
 * case. Everyday words that are also places ("nice", "split") count only after "in", "at" or
 * "for" or in a list of places. With `unknownAfterIn`, words after "in" that name no known
 * place are kept as written ("Atlantis"), so the clock tool can say it does not know them.
 */
export function findPlaces(
  message: string,
  lexemes: readonly Lexeme[],
  options: { unknownAfterIn?: boolean; anywhere?: boolean } = {},
): PlaceMention[] {
  const found: PlaceMention[] = [];
  let index = 0;
  while (index < lexemes.length) {
    const previous = lexemes[index - 1]?.text ?? '';
    const introduced = index === 0 ? options.anywhere === true : introducers.has(previous);
    const place = placeAt(lexemes, index);
    if (place && (introduced || !everydayWords.has(place.words))) {
      const last = found.at(-1);
      // "Sydney Australia", "Paris, France"?: a place right after another names where the first one is.
      if (last?.zone && last.next === index) {
        found[found.length - 1] = {
          ...last,
          name: shownName(original(message, lexemes, last.start, place.next), last.zone),
          next: place.next,
        };
        index = place.next;
        continue;
      }
      found.push({
        name: shownName(original(message, lexemes, index, place.next), place.zone),
        zone: place.zone,
        start: index,
        next: place.next,
      });
      index = place.next;
      continue;
    }
    if (
      options.unknownAfterIn &&
      previous === 'in' &&
      lexemes[index]?.kind === 'word' &&
      !nonNames.has(lexemes[index]?.text ?? '')
    ) {
      let next = index;
      while (
        next < lexemes.length &&
        lexemes[next]?.kind === 'word' &&
        !nonNames.has(lexemes[next]?.text ?? '') &&
        !placeAt(lexemes, next)
      )
        next += 1;
      found.push({
        name: original(message, lexemes, index, next),
        zone: undefined,
        start: index,
        next,
      });
      index = next;
      continue;
    }
    index += 1;
  }
  return found;
}
