import { isPunctuation, isWhitespace } from './char-class.js';

/** Whether a run of `*`, `_` or `~` may open and may close emphasis. */
export interface RunFlanking {
  readonly canOpen: boolean;
  readonly canClose: boolean;
}

/**
 * Applies CommonMark's flanking rules to a delimiter run of `marker` between the characters
 * `before` and `after` (`''` or `'\n'` at a line edge): `_` must not open or close inside a word.
 */
export function runFlanking(marker: string, before: string, after: string): RunFlanking {
  const beforeSpace = isWhitespace(before);
  const afterSpace = isWhitespace(after);
  const beforePunct = isPunctuation(before);
  const afterPunct = isPunctuation(after);
  const left = !afterSpace && (!afterPunct || beforeSpace || beforePunct);
  const right = !beforeSpace && (!beforePunct || afterSpace || afterPunct);
  if (marker !== '_') return { canOpen: left, canClose: right };
  return { canOpen: left && (!right || beforePunct), canClose: right && (!left || afterPunct) };
}
