import type { DemoSkill } from '../../src/testing/demo-model.js';
import { parseConversion } from './grammar/conversion-parser.js';
import { formatResult } from './format-result.js';
import { readPreviousTurn } from './previous-turn.js';
import { errorText, field, resultsOf } from './tool-results.js';

/**
 * Unit conversions in the user's own words ("how many pounds is 70 kilograms", "3 feet in
 * centimeters", "now in feet"): the grammar finds the amount and the units, the converter computes.
 */
export const conversionSkill: DemoSkill = {
  name: 'conversion',
  answer: (context) => {
    const previous = readPreviousTurn(context);
    const args = parseConversion(context.userText, { previous: previous.conversion });
    if (!args) return undefined;
    const [result] = resultsOf(context, 'convert_units');
    if (!result) {
      return {
        reasoning: `Unit conversion: ${args.value} ${args.from} to ${args.to}. The convert_units tool knows the exact factors, so I will use it.`,
        toolCalls: [{ name: 'convert_units', arguments: { ...args } }],
      };
    }
    const converted = field(result, 'result', 'number');
    if (result.error !== undefined || converted === undefined)
      return { text: `I could not convert that: ${errorText(result) || 'no result came back'}` };
    // The tool is exact; a person reads six significant digits more easily.
    const shown = formatResult(Number(converted.toPrecision(6)));
    return {
      text: `${formatResult(args.value)} ${field(result, 'from', 'string') ?? args.from} = **${shown} ${field(result, 'to', 'string') ?? args.to}**`,
    };
  },
};
