import * as z from 'zod';
import { FunctionTool } from '../../src/index.js';
import { evaluateExpression } from './calculator/evaluate-expression.js';
import { roundNumber } from './format-number.js';

const parameters = z.object({
  expression: z
    .string()
    .min(1)
    .describe('An arithmetic expression, e.g. "17 * 23" or "sqrt(2) * (3 + pi)^2".'),
});

/** The demo's `calculator` tool: a real expression parser, never `eval`. */
export const calculatorTool = new FunctionTool({
  name: 'calculator',
  description:
    'Evaluates an arithmetic expression exactly. Supports + - * / % ^, parentheses, unary minus, decimals, sqrt, sin, cos, tan (radians), log (base 10), ln, abs, round, pi and e. Use it for any arithmetic instead of computing in your head.',
  parameters,
  execute: ({ expression }) => ({
    expression,
    result: roundNumber(evaluateExpression(expression)),
  }),
});
