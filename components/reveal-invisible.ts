/**
 * Finds the characters that change how text reads without being seen: bidirectional overrides
 * and isolates, zero-width and other format characters, control characters, and blank-looking
 * fillers. A tool card shows each one as a visible marker, so `gpj.exe` preceded by U+202E can
 * never pass for `exe.jpg` and nothing can be hidden in an argument the user is asked to approve.
 */

/** One or more of the same hidden character in a row. */
export interface HiddenRun {
  /** The character's code point. */
  readonly codePoint: number;
  /** How many times it occurs in a row (at least 1). */
  readonly count: number;
}

/** A piece of revealed text: a plain run (a string) or a run of one hidden character. */
export type RevealedPiece = string | HiddenRun;

// Controls (tab and line feed are let through below), format characters (Cf: bidi controls,
// zero-width characters, tag characters, ...), default-ignorable code points, line/paragraph
// separators and Hangul fillers.
const HIDDEN =
  /[\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}\u2028\u2029\u3164\uFFA0\u115F\u1160]/gu;

/** Controls a text shows as what they are. */
const SHOWN_CONTROLS: ReadonlySet<string> = new Set(['\n', '\t']);

// U+FE0E / U+FE0F pick text or emoji style for the character before them; one alone is harmless.
const PRESENTATION_SELECTORS: ReadonlySet<number> = new Set([0xfe0e, 0xfe0f]);

const NAMES: ReadonlyMap<number, string> = new Map([
  [0x0000, 'NULL'],
  [0x000d, 'CARRIAGE RETURN'],
  [0x001b, 'ESCAPE'],
  [0x007f, 'DELETE'],
  [0x00ad, 'SOFT HYPHEN'],
  [0x034f, 'COMBINING GRAPHEME JOINER'],
  [0x061c, 'ARABIC LETTER MARK'],
  [0x115f, 'HANGUL CHOSEONG FILLER'],
  [0x1160, 'HANGUL JUNGSEONG FILLER'],
  [0x180e, 'MONGOLIAN VOWEL SEPARATOR'],
  [0x200b, 'ZERO WIDTH SPACE'],
  [0x200c, 'ZERO WIDTH NON-JOINER'],
  [0x200d, 'ZERO WIDTH JOINER'],
  [0x200e, 'LEFT-TO-RIGHT MARK'],
  [0x200f, 'RIGHT-TO-LEFT MARK'],
  [0x2028, 'LINE SEPARATOR'],
  [0x2029, 'PARAGRAPH SEPARATOR'],
  [0x202a, 'LEFT-TO-RIGHT EMBEDDING'],
  [0x202b, 'RIGHT-TO-LEFT EMBEDDING'],
  [0x202c, 'POP DIRECTIONAL FORMATTING'],
  [0x202d, 'LEFT-TO-RIGHT OVERRIDE'],
  [0x202e, 'RIGHT-TO-LEFT OVERRIDE'],
  [0x2060, 'WORD JOINER'],
  [0x2061, 'FUNCTION APPLICATION'],
  [0x2062, 'INVISIBLE TIMES'],
  [0x2063, 'INVISIBLE SEPARATOR'],
  [0x2064, 'INVISIBLE PLUS'],
  [0x2066, 'LEFT-TO-RIGHT ISOLATE'],
  [0x2067, 'RIGHT-TO-LEFT ISOLATE'],
  [0x2068, 'FIRST STRONG ISOLATE'],
  [0x2069, 'POP DIRECTIONAL ISOLATE'],
  [0x3164, 'HANGUL FILLER'],
  [0xfeff, 'ZERO WIDTH NO-BREAK SPACE'],
  [0xffa0, 'HALFWIDTH HANGUL FILLER'],
]);

/** True when `text` holds at least one character {@link revealInvisible} would mark. */
export function hasHiddenCharacters(text: string): boolean {
  return revealInvisible(text).some((piece) => typeof piece !== 'string');
}

/**
 * Splits `text` into plain runs and runs of hidden characters, in order; joining the plain runs
 * with each hidden run's characters gives `text` back. Linear in the length of `text`.
 */
export function revealInvisible(text: string): RevealedPiece[] {
  const pieces: RevealedPiece[] = [];
  let plainStart = 0;
  HIDDEN.lastIndex = 0;
  for (let match = HIDDEN.exec(text); match !== null; match = HIDDEN.exec(text)) {
    const character = match[0];
    if (SHOWN_CONTROLS.has(character)) continue;
    const codePoint = character.codePointAt(0) ?? 0;
    let end = match.index + character.length;
    let count = 1;
    while (text.startsWith(character, end)) {
      end += character.length;
      count += 1;
    }
    HIDDEN.lastIndex = end;
    if (count === 1 && PRESENTATION_SELECTORS.has(codePoint)) continue;
    if (match.index > plainStart) pieces.push(text.slice(plainStart, match.index));
    pieces.push({ codePoint, count });
    plainStart = end;
  }
  if (plainStart < text.length) pieces.push(text.slice(plainStart));
  return pieces;
}

/** The marker text for a hidden run: `U+202E`, or `U+200B ×3` for a run of three. */
export function hiddenRunLabel(run: HiddenRun): string {
  const code = `U+${run.codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
  return run.count === 1 ? code : `${code} ×${run.count}`;
}

/** The Unicode name of a hidden run's character where it is a well-known one, for a tooltip. */
export function hiddenRunName(run: HiddenRun): string {
  const name = NAMES.get(run.codePoint) ?? 'INVISIBLE OR CONTROL CHARACTER';
  return run.count === 1 ? name : `${name}, ${run.count} times`;
}

/**
 * `text` with every hidden run written as `[U+202E]`: for places that take a plain string,
 * such as `aria-label`, which must not carry the raw characters either.
 */
export function revealAsText(text: string): string {
  return revealInvisible(text)
    .map((piece) => (typeof piece === 'string' ? piece : `[${hiddenRunLabel(piece)}]`))
    .join('');
}

/**
 * True when any key or string anywhere in `value` holds a hidden character: arrays and plain
 * objects are searched all the way down, each object once.
 */
export function valueHasHiddenCharacters(value: unknown): boolean {
  const pending: unknown[] = [value];
  const seen = new Set<object>();
  while (pending.length > 0) {
    const next = pending.pop();
    if (typeof next === 'string') {
      if (hasHiddenCharacters(next)) return true;
    } else if (typeof next === 'object' && next !== null && !seen.has(next)) {
      seen.add(next);
      for (const [key, child] of Object.entries(next)) {
        if (!Array.isArray(next) && hasHiddenCharacters(key)) return true;
        pending.push(child);
      }
    }
  }
  return false;
}
