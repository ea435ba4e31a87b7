/** The named character references a model plausibly writes; unknown names stay literal text. */
const NAMED: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  copy: '©',
  reg: '®',
  trade: '™',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  laquo: '«',
  raquo: '»',
  times: '×',
  divide: '÷',
  deg: '°',
  plusmn: '±',
  middot: '·',
  bull: '•',
  larr: '←',
  rarr: '→',
  uarr: '↑',
  darr: '↓',
  harr: '↔',
  le: '≤',
  ge: '≥',
  ne: '≠',
  euro: '€',
  pound: '£',
  yen: '¥',
  cent: '¢',
  sect: '§',
  para: '¶',
  colon: ':',
  Tab: '\t',
  NewLine: '\n',
};

/** Longest entity body (between `&` and `;`) worth holding back while streaming. */
export const MAX_ENTITY_LENGTH = 32;

/**
 * Decodes the body of a character reference (`amp`, `#39`, `#x1F600`), or returns `undefined`
 * when it is not one we know.
 */
export function decodeEntity(body: string): string | undefined {
  if (body.startsWith('#')) {
    const hex = body[1] === 'x' || body[1] === 'X';
    const digits = body.slice(hex ? 2 : 1);
    if (!(hex ? /^[0-9a-fA-F]{1,6}$/ : /^[0-9]{1,7}$/).test(digits)) return undefined;
    const code = Number.parseInt(digits, hex ? 16 : 10);
    // CommonMark maps NUL, surrogates and out-of-range code points to the replacement character.
    const invalid = code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff);
    return String.fromCodePoint(invalid ? 0xfffd : code);
  }
  return Object.hasOwn(NAMED, body) ? NAMED[body] : undefined;
}

/** Whether `ch` is one of the ASCII punctuation characters a backslash may escape. */
export function isAsciiPunctuation(ch: string): boolean {
  return /^[!-/:-@[-`{-~]$/.test(ch);
}

/** Resolves backslash escapes and character references in a link destination or title. */
export function decodeLinkText(text: string): string {
  return text.replace(
    /\\([!-/:-@[-`{-~])|&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/g,
    (match: string, escaped: string | undefined, entity: string | undefined) =>
      escaped ?? (entity === undefined ? match : (decodeEntity(entity) ?? match)),
  );
}
