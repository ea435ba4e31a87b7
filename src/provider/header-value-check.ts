/** A character that makes a header value unsendable, described without showing the value. */
export interface UnsendableCharacter {
  /** What it is, in words, with its code point (e.g. `'zero-width space (U+200B)'`). */
  readonly character: string;
  /** Its position in the value as given, counting from 1. */
  readonly position: number;
}

// The characters copying a key from a web page, a chat or a document most often drags along.
const characterNames: ReadonlyMap<number, string> = new Map([
  [0x09, 'tab'],
  [0x0a, 'line break'],
  [0x0d, 'line break (carriage return)'],
  [0x20, 'space'],
  [0xa0, 'non-breaking space'],
  [0xad, 'soft hyphen'],
  [0x200b, 'zero-width space'],
  [0x200c, 'zero-width non-joiner'],
  [0x200d, 'zero-width joiner'],
  [0x2060, 'word joiner'],
  [0xfeff, 'zero-width no-break space (byte order mark)'],
  [0x2010, 'typographic hyphen'],
  [0x2011, 'non-breaking hyphen'],
  [0x2013, 'en dash'],
  [0x2014, 'em dash'],
  [0x2018, 'smart quote'],
  [0x2019, 'smart quote'],
  [0x201c, 'smart quote'],
  [0x201d, 'smart quote'],
  [0x2026, 'ellipsis'],
  [0x2028, 'line separator'],
  [0x2029, 'paragraph separator'],
  [0x202f, 'narrow non-breaking space'],
]);

function describeCodePoint(codePoint: number): string {
  const hex = `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
  const name =
    characterNames.get(codePoint) ??
    (codePoint < 0x20 || (codePoint >= 0x7f && codePoint < 0xa0)
      ? 'control character'
      : 'non-ASCII character');
  return `${name} (${hex})`;
}

// Fetch strips these from both ends of a header value, so they are harmless there.
const isEdgeWhitespace = (code: number): boolean =>
  code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;

/** Where `value` starts and ends once the whitespace fetch strips from its ends is left out. */
function trimmedRange(value: string): readonly [start: number, end: number] {
  let start = 0;
  let end = value.length;
  while (start < end && isEdgeWhitespace(value.charCodeAt(start))) start++;
  while (end > start && isEdgeWhitespace(value.charCodeAt(end - 1))) end--;
  return [start, end];
}

/** `value` without the spaces, tabs and line breaks fetch would strip from its ends anyway. */
export function trimHeaderValue(value: string): string {
  return value.slice(...trimmedRange(value));
}

function firstCharacterOutside(
  value: string,
  allowed: (codePoint: number) => boolean,
): UnsendableCharacter | undefined {
  const [start, end] = trimmedRange(value);
  for (let index = start; index < end; index++) {
    const codePoint = value.codePointAt(index)!;
    if (!allowed(codePoint))
      return { character: describeCodePoint(codePoint), position: index + 1 };
    if (codePoint > 0xffff) index++;
  }
  return undefined;
}

/**
 * The first character that cannot be part of an API key sent as `Authorization: Bearer <key>`:
 * keys are visible ASCII, so anything else (a zero-width space, a smart quote, a line break or
 * space inside) is reported. Spaces and line breaks at either end are ignored (they are trimmed).
 */
export function findUnsendableKeyCharacter(key: string): UnsendableCharacter | undefined {
  return firstCharacterOutside(key, (codePoint) => codePoint >= 0x21 && codePoint <= 0x7e);
}

/**
 * The first character fetch would refuse in a header value (anything beyond Latin-1, a line break
 * or another control character inside it), which would otherwise surface as a bare TypeError that
 * looks like a network failure.
 */
export function findUnsendableHeaderCharacter(value: string): UnsendableCharacter | undefined {
  return firstCharacterOutside(
    value,
    (codePoint) =>
      codePoint === 0x09 || (codePoint >= 0x20 && codePoint !== 0x7f && codePoint <= 0xff),
  );
}
