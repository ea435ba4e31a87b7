import type * as SettleEngineModule from './spec/settle-engine.js';
import type * as HighlightModule from './highlight/highlight-code.js';
import type * as MathModule from './math/typeset-math.js';

let settleEngine: Promise<typeof SettleEngineModule> | undefined;
let highlighter: Promise<typeof HighlightModule> | undefined;
let typesetter: Promise<typeof MathModule> | undefined;

/** The spec-complete settle pass (markdown-it and the DOM builder), loaded on first use. */
export function loadSettleEngine(): Promise<typeof SettleEngineModule> {
  return (settleEngine ??= import('./spec/settle-engine.js'));
}

/** The code highlighter (lowlight with the common languages), loaded when a code block first appears. */
export function loadHighlighter(): Promise<typeof HighlightModule> {
  return (highlighter ??= import('./highlight/highlight-code.js'));
}

/** The math typesetter (KaTeX, MathML output), loaded when math first appears. */
export function loadTypesetter(): Promise<typeof MathModule> {
  return (typesetter ??= import('./math/typeset-math.js'));
}
