/** What one more character did to a link destination being read. */
export type DestinationStep = 'more' | 'done' | 'fail';

type Phase = 'start' | 'url' | 'angle-url' | 'between' | 'title' | 'end';

/**
 * Reads the `(url "title")` part of an inline link one character at a time, so a streamed link
 * is recognised without re-scanning: feed every character after `(` to {@link push}.
 */
export class LinkDestination {
  /** The raw destination (escapes and entities not yet resolved). */
  url = '';
  /** The raw title, `''` when none was given. */
  title = '';
  #phase: Phase = 'start';
  #depth = 0;
  #quote = '';
  #escaped = false;

  /** Consumes one character; `'done'` after the closing `)`, `'fail'` when this is no link. */
  push(ch: string): DestinationStep {
    if (ch < ' ') return 'fail';
    switch (this.#phase) {
      case 'start':
        if (ch === ' ') return 'more';
        if (ch === ')') return 'done';
        if (ch === '<') {
          this.#phase = 'angle-url';
          return 'more';
        }
        this.#phase = 'url';
        return this.#pushUrl(ch);
      case 'url':
        return this.#pushUrl(ch);
      case 'angle-url':
        return this.#pushAngleUrl(ch);
      case 'between':
        return this.#pushBetween(ch);
      case 'title':
        return this.#pushTitle(ch);
      case 'end':
        return ch === ' ' ? 'more' : ch === ')' ? 'done' : 'fail';
    }
  }

  #pushUrl(ch: string): DestinationStep {
    if (this.#escaped) {
      this.#escaped = false;
    } else if (ch === '\\') {
      this.#escaped = true;
    } else if (ch === '(') {
      this.#depth++;
    } else if (ch === ')') {
      if (this.#depth === 0) return 'done';
      this.#depth--;
    } else if (ch === ' ') {
      this.#phase = 'between';
      return 'more';
    }
    this.url += ch;
    return 'more';
  }

  #pushAngleUrl(ch: string): DestinationStep {
    if (this.#escaped) {
      this.#escaped = false;
    } else if (ch === '\\') {
      this.#escaped = true;
    } else if (ch === '>') {
      this.#phase = 'between';
      return 'more';
    } else if (ch === '<') {
      return 'fail';
    }
    this.url += ch;
    return 'more';
  }

  #pushBetween(ch: string): DestinationStep {
    if (ch === ' ') return 'more';
    if (ch === ')') return 'done';
    if (ch === '"' || ch === "'" || ch === '(') {
      this.#quote = ch === '(' ? ')' : ch;
      this.#phase = 'title';
      return 'more';
    }
    return 'fail';
  }

  #pushTitle(ch: string): DestinationStep {
    if (this.#escaped) {
      this.#escaped = false;
    } else if (ch === '\\') {
      this.#escaped = true;
    } else if (ch === this.#quote) {
      this.#phase = 'end';
      return 'more';
    } else if (ch === '(' && this.#quote === ')') {
      return 'fail';
    }
    this.title += ch;
    return 'more';
  }
}
