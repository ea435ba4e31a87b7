import type { DemoSkill } from '../../src/testing/demo-model.js';
import { toCalculatorExpression } from './grammar/arithmetic-expression.js';
import { parseArithmetic } from './grammar/arithmetic-parser.js';
import { formatResult } from './format-result.js';
import { readPreviousTurn } from './previous-turn.js';
import { errorText, field, resultsOf } from './tool-results.js';

/**
 * Arithmetic in the user's own words ("what's twelve times eight", "square root of 144 plus
 * 2^10", "and divided by 3?"): the grammar turns it into an expression, the calculator computes it.
 */
export const arithmeticSkill: DemoSkill = {
  name: 'arithmetic',
  answer: (context) => {
    const previous = readPreviousTurn(context);
    const understood = parseArithmetic(context.userText, { previous: previous.number });
    if (!understood) return undefined;
    const expression = toCalculatorExpression(understood);
    const [result] = resultsOf(context, 'calculator');
    if (!result) {
      const refersBack =
        previous.number !== undefined && expression.includes(String(previous.number));
      return {
        reasoning: `The user wants the value of ${expression}${refersBack ? `, starting from the previous result (${previous.number})` : ''}. Arithmetic is what the calculator tool is for, so I will call it rather than work it out in my head.`,
        toolCalls: [{ name: 'calculator', arguments: { expression } }],
      };
    }
    const value = field(result, 'result', 'number');
    if (result.error !== undefined || value === undefined) {
      return {
        text: `The calculator could not evaluate \`${expression}\`: ${errorText(result) || 'it returned no number'}.`,
      };
    }
    return { text: `${expression} = **${formatResult(value)}**` };
  },
};
