import type { DemoToolResult } from '../../src/testing/index.js';
import type { DemoSkill } from '../../src/testing/demo-model.js';
import { parseTimeQuestion } from './grammar/time-parser.js';
import { readPreviousTurn } from './previous-turn.js';
import { errorText, field, resultsOf } from './tool-results.js';

function describeResult(result: DemoToolResult | undefined, place: string): string {
  const time = result ? field(result, 'time', 'string') : undefined;
  if (!result || result.error !== undefined || time === undefined)
    return `- **${place}**: I could not tell: ${(result && errorText(result)) || 'no time came back'}`;
  const zone = field(result, 'timeZone', 'string') ?? '';
  const offset = field(result, 'utcOffset', 'string') ?? '';
  const date = field(result, 'date', 'string') ?? '';
  return `- **${place}**: it is **${time}** on ${date} (${zone}, ${offset})`;
}

// "GMT+5:30" → 330 minutes; "GMT" → 0.
function offsetMinutes(result: DemoToolResult | undefined): number | undefined {
  const offset = result ? field(result, 'utcOffset', 'string') : undefined;
  const parts =
    offset === undefined
      ? undefined
      : /^(?:GMT|UTC)(?:([+-])(\d{1,2})(?::(\d{2}))?)?$/u.exec(offset);
  if (!parts) return undefined;
  const minutes = Number(parts[2] ?? 0) * 60 + Number(parts[3] ?? 0);
  return parts[1] === '-' ? -minutes : minutes;
}

function hours(minutes: number): string {
  const value = Math.abs(minutes) / 60;
  return `${Number.isInteger(value) ? value : value.toFixed(2).replace(/0$/u, '')} hour${value === 1 ? '' : 's'}`;
}

function difference(places: readonly string[], results: readonly DemoToolResult[]): string {
  const [first, second] = [offsetMinutes(results[0]), offsetMinutes(results[1])];
  if (first === undefined || second === undefined) return '';
  const gap = first - second;
  const [a, b] = [places[0] ?? '?', places[1] ?? '?'];
  return gap === 0
    ? `\n\n${a} and ${b} are on the same time right now.`
    : `\n\n${a} is **${hours(gap)} ${gap > 0 ? 'ahead of' : 'behind'}** ${b} right now.`;
}

/**
 * The time in places named in the user's own words ("what's the time in New York right now?",
 * "NYC, LA and SF", "and in Paris?"): each place mapped to its IANA zone, one clock call per place.
 */
export const timeSkill: DemoSkill = {
  name: 'time',
  answer: (context) => {
    const question = parseTimeQuestion(context.userText, {
      previousWasTime: readPreviousTurn(context).wasTime,
    });
    if (!question) return undefined;
    const places = question.places.map((place) => place.name);
    const results = resultsOf(context, 'get_current_time');
    if (results.length === 0) {
      if (places.length === 0) {
        return {
          reasoning:
            'No place was named, so the user means their own time zone; the clock tool defaults to it.',
          toolCalls: [{ name: 'get_current_time', arguments: {} }],
        };
      }
      // A place the table does not know goes to the tool as written, so its own error explains.
      const zones = question.places.map((place) => place.zone ?? place.name);
      return {
        reasoning: `I need the current time for ${places.join(', ')}. I will map each place to its IANA zone (${zones.join(', ')}) and ask the clock tool${zones.length > 1 ? '; it can run the calls in parallel' : ''}.`,
        toolCalls: zones.map((timezone) => ({ name: 'get_current_time', arguments: { timezone } })),
      };
    }
    if (places.length <= 1) {
      const [result] = results;
      const time = result ? field(result, 'time', 'string') : undefined;
      if (!result || time === undefined)
        return {
          text: `I could not get the time${places[0] ? ` in ${places[0]}` : ''}: ${result ? errorText(result) : 'no result'}`,
        };
      const where = places[0] ?? 'your time zone';
      return {
        text: `It is **${time}** in ${where} (${field(result, 'timeZone', 'string') ?? ''}, ${field(result, 'utcOffset', 'string') ?? ''}), ${field(result, 'date', 'string') ?? ''}.`,
      };
    }
    const list = places.map((place, index) => describeResult(results[index], place)).join('\n');
    return {
      text: `Here are the local times:\n\n${list}${question.difference ? difference(places, results) : ''}`,
    };
  },
};
