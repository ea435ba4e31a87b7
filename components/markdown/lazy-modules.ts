import type * as SettleEngineModule from './spec/settle-engine.js';
import type * as HighlightModule from './highlight/highlight-code.js';
import type * as MathModule from './math/typeset-math.js';

let settleEngine: Promise<typeof SettleEngineModule> | undefined;
let highlighter: Promise<typeof HighlightModule> | undefined;
let typesetter: Promise<typeof MathModule> | undefined;

/**
 * Starts `load` in a task of its own: evaluating a chunk (or a module a bundler inlined) is long
 * work that must not join the streaming write that first asked for it.
 */
function inOwnTask<T>(load: () => Promise<T>): Promise<T> {
  return new Promise<void>((resolve) => setTimeout(resolve)).then(load);
}

/** The spec-complete settle pass (markdown-it and the DOM builder), loaded on first use. */
export function loadSettleEngine(): Promise<typeof SettleEngineModule> {
  return (settleEngine ??= inOwnTask(() => import('./spec/settle-engine.js')));
}

/** The code highlighter (highlight.js with the common languages), loaded when a code block first appears. */
export function loadHighlighter(): Promise<typeof HighlightModule> {
  return (highlighter ??= inOwnTask(() => import('./highlight/highlight-code.js')));
}

/** The math typesetter (KaTeX, MathML output), loaded when math first appears. */
export function loadTypesetter(): Promise<typeof MathModule> {
  return (typesetter ??= inOwnTask(() => import('./math/typeset-math.js')));
}
