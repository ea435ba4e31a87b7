import type { DemoIntent } from '../../src/testing/index.js';
import { errorText, field, resultsOf } from './tool-results.js';

/** "convert 10 km to miles", "how many feet are in 3 m", "100 °F in celsius": the converter, then the result. */
export const convertIntent: DemoIntent = {
  name: 'convert',
  pattern:
    /^\s*(?:(?:please\s+)?convert\s+(-?\d+(?:\.\d+)?)\s*(.+?)\s+(?:to|in|into)\s+(.+?)|how many\s+(.+?)\s+(?:are|is)\s+(?:there\s+)?in\s+(-?\d+(?:\.\d+)?)\s*(.+?)|(?:what(?:'s| is)\s+)?(-?\d+(?:\.\d+)?)\s*([a-z°/³ ]+?)\s+in\s+([a-z°/³ ]+?))\s*[?!.]*\s*$/iu,
  reply: (context, match) => {
    const [value, from, to] = match[1] !== undefined ? [match[1], match[2], match[3]] : match[5] !== undefined ? [match[5], match[6], match[4]] : [match[7], match[8], match[9]];
    const args = { value: Number(value), from: (from ?? '').trim(), to: (to ?? '').trim() };
    const [result] = resultsOf(context, 'convert_units');
    if (!result) {
      return {
        reasoning: `Unit conversion: ${args.value} ${args.from} to ${args.to}. The convert_units tool knows the exact factors, so I will use it.`,
        toolCalls: [{ name: 'convert_units', arguments: args }],
      };
    }
    const converted = field(result, 'result', 'number');
    if (result.error !== undefined || converted === undefined) return { text: `I could not convert that: ${errorText(result) || 'no result came back'}` };
    // The tool is exact; a person reads six significant digits more easily.
    const shown = Number(converted.toPrecision(6));
    return { text: `${args.value} ${field(result, 'from', 'string') ?? args.from} = **${shown} ${field(result, 'to', 'string') ?? args.to}**` };
  },
};
