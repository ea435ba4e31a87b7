import * as z from 'zod';
import { FunctionTool } from '../../src/index.js';
import { convertUnits } from './convert-units.js';

const parameters = z.object({
  value: z.number().describe('The amount to convert.'),
  from: z
    .string()
    .min(1)
    .describe('The unit of the value, e.g. "km", "miles", "°F", "kg", "gal", "km/h".'),
  to: z
    .string()
    .min(1)
    .describe(
      'The unit wanted, of the same kind (length, mass, temperature, volume, speed, area, data or duration).',
    ),
});

/** The demo's `convert_units` tool. */
export const convertUnitsTool = new FunctionTool({
  name: 'convert_units',
  description:
    'Converts a value between units of length, mass, temperature, volume (US customary), speed, area (m², ft², acre, hectare...) data (KB, MB, GB decimal; KiB, MiB, GiB binary) or duration (s, min, h, day, week, year of 365.25 days).',
  parameters,
  execute: ({ value, from, to }) => convertUnits(value, from, to),
});
