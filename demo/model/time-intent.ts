import type { DemoIntent, DemoToolResult } from '../../src/testing/index.js';
import { zoneForPlace } from './time-zones.js';
import { errorText, field, resultsOf } from './tool-results.js';

function placesIn(text: string | undefined): string[] {
  if (!text) return [];
  return text
    .split(/\s*(?:,|\band\b|&)\s*/iu)
    .map((place) => place.trim())
    .filter(Boolean)
    .slice(0, 4);
}

function describeResult(result: DemoToolResult, place: string): string {
  const time = field(result, 'time', 'string');
  if (result.error !== undefined || time === undefined) return `- **${place}**: I could not tell: ${errorText(result) || 'no time came back'}`;
  const zone = field(result, 'timeZone', 'string') ?? '';
  const offset = field(result, 'utcOffset', 'string') ?? '';
  const date = field(result, 'date', 'string') ?? '';
  return `- **${place}**: it is **${time}** on ${date} (${zone}, ${offset})`;
}

/** "what time is it in Tokyo?", "time in London and New York": one clock call per place, run in parallel. */
export const timeIntent: DemoIntent = {
  name: 'time',
  pattern: /\b(?:what(?:'s| is) the (?:current |local )?time|what time is it|current time|local time|time(?=\s+(?:is it\s+|now\s+)*in\b))\b(?:.*?\bin\s+(.+?))?\s*[?!.]*\s*$/iu,
  reply: (context, match) => {
    const places = placesIn(match[1]);
    const results = resultsOf(context, 'get_current_time');
    if (results.length === 0) {
      const zones = places.map(zoneForPlace);
      return {
        reasoning:
          places.length === 0
            ? 'No place was named, so the user means their own time zone; the clock tool defaults to it.'
            : `I need the current time for ${places.join(', ')}. I will map each place to its IANA zone (${zones.join(', ')}) and ask the clock tool; it can run the calls in parallel.`,
        toolCalls: places.length === 0 ? [{ name: 'get_current_time', arguments: {} }] : zones.map((timezone) => ({ name: 'get_current_time', arguments: { timezone } })),
      };
    }
    if (places.length <= 1) {
      const [result] = results;
      const time = result ? field(result, 'time', 'string') : undefined;
      if (!result || time === undefined) return { text: `I could not get the time${places[0] ? ` in ${places[0]}` : ''}: ${result ? errorText(result) : 'no result'}` };
      const where = places[0] ?? 'your time zone';
      return { text: `It is **${time}** in ${where} (${field(result, 'timeZone', 'string') ?? ''}, ${field(result, 'utcOffset', 'string') ?? ''}), ${field(result, 'date', 'string') ?? ''}.` };
    }
    return { text: `Here are the local times:\n\n${results.map((result, index) => describeResult(result, places[index] ?? '?')).join('\n')}` };
  },
};
