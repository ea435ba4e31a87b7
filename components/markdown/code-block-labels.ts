/** The words on a fenced code block's copy button; pass your own through the renderer's `labels` option. */
export interface CodeBlockLabels {
  /** The copy button's text. */
  readonly copy: string;
  /** The copy button's accessible name. */
  readonly copyCode: string;
  /** The copy button's text for a moment after the code was copied. */
  readonly copied: string;
  /** The copy button's text for a moment after copying failed. */
  readonly copyFailed: string;
}

/** English labels, used when no `labels` option is given. */
export const defaultCodeBlockLabels: CodeBlockLabels = {
  copy: 'Copy',
  copyCode: 'Copy code',
  copied: 'Copied',
  copyFailed: 'Copy failed',
};
