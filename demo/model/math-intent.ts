import type { DemoIntent } from '../../src/testing/index.js';
import { errorText, field, resultsOf } from './tool-results.js';

const functionNames = 'sqrt|sin|cos|tan|log|ln|abs|round|pi';

/** "what is 17 * 23?", "calculate sqrt(2) * 3", "2^10": the calculator, then the number. */
export const mathIntent: DemoIntent = {
  name: 'math',
  pattern: new RegExp(
    `^\\s*(?:(?:what(?:'s| is)|calculate|compute|evaluate|how much is|solve)\\s+)?(?=[^?]*(?:[-+*/^%×÷−·]|\\b(?:${functionNames})\\b))((?:[-+*/^%()×÷−·.\\d\\s]|\\b(?:${functionNames}|e)\\b)+?)\\s*[?!.=]*\\s*$`,
    'iu',
  ),
  reply: (context, match) => {
    const expression = (match[1] ?? '').trim();
    const [result] = resultsOf(context, 'calculator');
    if (!result) {
      return {
        reasoning: `The user wants the value of ${expression}. Arithmetic is what the calculator tool is for, so I will call it rather than work it out in my head.`,
        toolCalls: [{ name: 'calculator', arguments: { expression } }],
      };
    }
    const value = field(result, 'result', 'number');
    if (result.error !== undefined || value === undefined) {
      return { text: `The calculator could not evaluate \`${expression}\`: ${errorText(result) || 'it returned no number'}.` };
    }
    return { text: `${expression} = **${value}**` };
  },
};
