import * as z from 'zod';
import { FunctionTool } from '../../src/index.js';
import { currentTime } from './current-time.js';

const parameters = z.object({
  timezone: z
    .string()
    .optional()
    .describe(
      'An IANA time zone such as "Asia/Tokyo" or "Europe/London". Default: the user\'s own zone.',
    ),
});

/** The demo's `get_current_time` tool: the clock of this browser, shown in any IANA zone. */
export const timeTool = new FunctionTool({
  name: 'get_current_time',
  description:
    'Returns the current local time and date in an IANA time zone (e.g. "Asia/Tokyo"). Map city names to their zone first.',
  parameters,
  execute: ({ timezone }) =>
    currentTime(timezone ?? Intl.DateTimeFormat().resolvedOptions().timeZone),
});
