/** ASCII characters that may start inline syntax (or matter for trailing-space rules). */
const SPECIAL = new Uint8Array(128);
for (const ch of ' \\*_~`[]!<&') SPECIAL[ch.charCodeAt(0)] = 1;

/**
 * Index of the first character at or after `from` that may start inline syntax, or `text.length`.
 * A single space before more text is plain: only trailing spaces decide a line break.
 */
export function nextSpecial(text: string, from: number): number {
  let i = from;
  for (; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 128 && SPECIAL[code] === 1) {
      if (code !== 32) break;
      const next = text.charCodeAt(i + 1);
      // A second space, or the end of the piece, may be the start of trailing spaces.
      if (next === 32 || Number.isNaN(next)) break;
    }
  }
  return i;
}

/** Unicode whitespace as CommonMark's flanking rules see it (line starts and ends count too). */
export function isWhitespace(ch: string): boolean {
  return ch === '' || /^\s$/u.test(ch);
}

/** Unicode punctuation or symbol, as CommonMark 0.31's flanking rules see it. */
export function isPunctuation(ch: string): boolean {
  return /^[\p{P}\p{S}]$/u.test(ch);
}
