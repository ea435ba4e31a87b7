/** What a secret is replaced with. */
export const redactedMark = '[redacted]';

// Shorter secrets would redact ordinary words; no real key is this short.
const minSecretLength = 4;
// The shortest start of a secret worth removing from the end of a text cut by someone else.
const minCutPrefixLength = 6;

const hexDigit = (digit: string): string =>
  /[a-f]/i.test(digit) ? `[${digit.toLowerCase()}${digit.toUpperCase()}]` : digit;
const hexPattern = (value: number, width: number): string =>
  [...value.toString(16).padStart(width, '0')].map(hexDigit).join('');
const literal = (text: string): string => text.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');

const jsonShortEscapes: Readonly<Record<string, string>> = {
  '"': '\\"',
  '\\': '\\\\',
  '/': '\\/',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};
const htmlEntities: Readonly<Record<string, readonly string[]>> = {
  '&': ['&amp;'],
  '<': ['&lt;'],
  '>': ['&gt;'],
  '"': ['&quot;'],
  "'": ['&#39;', '&#x27;', '&apos;'],
};
const encoder = /* @__PURE__ */ new TextEncoder();

/**
 * Every way one character of a secret may be echoed: as itself, JSON-escaped (short or `\uXXXX`),
 * percent-encoded (any hex case, `+` for a space) or as an HTML entity. Returns the regex source
 * and the longest text it can match.
 */
function characterForms(character: string): { source: string; longest: number } {
  const forms = new Set<string>([literal(character)]);
  let longest = character.length;
  const shortEscape = jsonShortEscapes[character];
  if (shortEscape !== undefined) forms.add(literal(shortEscape));
  let unicodeEscape = '';
  for (let unit = 0; unit < character.length; unit++)
    unicodeEscape += `\\\\u${hexPattern(character.charCodeAt(unit), 4)}`;
  forms.add(unicodeEscape);
  longest = Math.max(longest, 6 * character.length);
  const bytes = encoder.encode(character);
  forms.add([...bytes].map((byte) => `%${hexPattern(byte, 2)}`).join(''));
  longest = Math.max(longest, 3 * bytes.length);
  if (character === ' ') forms.add('\\+');
  for (const entity of htmlEntities[character] ?? []) {
    forms.add(literal(entity));
    longest = Math.max(longest, entity.length);
  }
  return { source: forms.size === 1 ? [...forms][0]! : `(?:${[...forms].join('|')})`, longest };
}

function secretPattern(secret: string): { source: string; longest: number } {
  let source = '';
  let longest = 0;
  for (const character of secret) {
    const forms = characterForms(character);
    source += forms.source;
    longest += forms.longest;
  }
  return { source, longest };
}

/**
 * Removes secrets (an API key, a secret header value) from any text before it reaches an error,
 * in every form a server may echo them: verbatim, JSON-escaped, `\uXXXX`-escaped,
 * percent-encoded or HTML-escaped, and any mix of these. The one place redaction happens.
 */
export class SecretRedactor {
  readonly #pattern: RegExp | undefined;
  readonly #longestEcho: number;
  readonly #secrets: readonly string[];

  /** Secrets shorter than 4 characters, empty or absent are ignored. */
  constructor(secrets: Iterable<string | undefined>) {
    const unique = [
      ...new Set(
        [...secrets].filter(
          (secret): secret is string =>
            typeof secret === 'string' && secret.length >= minSecretLength,
        ),
      ),
    ];
    // Longest first, so a secret containing another is removed whole.
    unique.sort((a, b) => b.length - a.length);
    this.#secrets = unique;
    const patterns = unique.map(secretPattern);
    this.#pattern =
      patterns.length === 0
        ? undefined
        : new RegExp(patterns.map((pattern) => pattern.source).join('|'), 'g');
    this.#longestEcho = Math.max(0, ...patterns.map((pattern) => pattern.longest));
  }

  /** True when there is nothing to redact. */
  get isEmpty(): boolean {
    return this.#pattern === undefined;
  }

  /**
   * The most characters one echoed secret can span. Read this many characters past a cut before
   * redacting, so a secret straddling the cut is removed whole rather than leaving its prefix.
   */
  get longestEcho(): number {
    return this.#longestEcho;
  }

  /** True when `text` holds a secret in any of its forms. */
  finds(text: string): boolean {
    if (!this.#pattern) return false;
    this.#pattern.lastIndex = 0;
    return this.#pattern.test(text);
  }

  /**
   * `text` with every secret replaced by `[redacted]`; also the start of a secret at the very end
   * (before an optional `…`), left there by whoever cut the text before it reached us.
   */
  redact(text: string): string {
    if (!this.#pattern) return text;
    return this.#redactCutTail(text.replace(this.#pattern, redactedMark));
  }

  #redactCutTail(text: string): string {
    const ellipsis = text.endsWith('…') ? 1 : 0;
    const body = ellipsis ? text.slice(0, -1) : text;
    for (const secret of this.#secrets) {
      // Longest first; fewer than 6 characters could be an ordinary word ending.
      for (
        let length = Math.min(secret.length - 1, body.length);
        length >= minCutPrefixLength;
        length--
      ) {
        if (body.endsWith(secret.slice(0, length)))
          return `${body.slice(0, -length)}${redactedMark}${ellipsis ? '…' : ''}`;
      }
    }
    return text;
  }

  /** Redacts `text`, then shortens it to `maxLength`: the order that leaves no prefix of a secret at the cut. */
  redactThenCut(text: string, maxLength: number): string {
    return this.redact(text).slice(0, maxLength);
  }

  /** Redacts a string; leaves other values (numbers, `undefined`) alone. */
  redactValue<T>(value: T): T {
    return (typeof value === 'string' ? this.redact(value) : value) as T;
  }

  /**
   * A cause safe to keep: the same object when it holds no secret, else a plain copy (same
   * name, redacted message and stack, redacted cause chain). Strings are redacted.
   */
  redactCause(cause: unknown, depth = 0): unknown {
    if (this.isEmpty || depth > 8) return cause;
    if (typeof cause === 'string') return this.redact(cause);
    if (!(cause instanceof Error)) return cause;
    const inner = (cause as { cause?: unknown }).cause;
    const cleanInner = inner === undefined ? undefined : this.redactCause(inner, depth + 1);
    if (!this.finds(`${cause.message}\n${String(cause.stack)}`) && cleanInner === inner)
      return cause;
    const copy = new Error(
      this.redact(cause.message),
      cleanInner === undefined ? undefined : { cause: cleanInner },
    );
    copy.name = cause.name;
    copy.stack = this.redact(String(cause.stack));
    return copy;
  }
}

/** A redactor with no secrets: passes text through. */
export const noSecrets = /* @__PURE__ */ new SecretRedactor([]);
