import * as z from 'zod';
import type {
  RecordedChunk,
  RecordedEvent,
  RecordedExchange,
  RecordedResponse,
  Recording,
} from './recording.js';
import { recordingVersion } from './recording.js';

// Keyed by every chunk type, so a type added to the core fails to compile here until it is listed.
const chunkTypeSet = {
  'text-delta': true,
  'reasoning-delta': true,
  'tool-call-start': true,
  'tool-call-delta': true,
  'tool-call-ready': true,
  'tool-call-result': true,
  'context-trimmed': true,
  finish: true,
} as const satisfies Record<RecordedChunk['type'], true>;
const chunkTypes = Object.keys(chunkTypeSet) as [RecordedChunk['type'], ...RecordedChunk['type'][]];

function buildRecordingSchema() {
  const milliseconds = z.number().nonnegative().finite();

  const eventSchema = z.union([
    z.strictObject({
      atMs: milliseconds,
      data: z.string(),
      event: z.string().exactOptional(),
      id: z.string().exactOptional(),
    }),
    z.strictObject({ atMs: milliseconds, comment: z.string() }),
  ]) satisfies z.ZodType<RecordedEvent>;

  const responseSchema = z
    .strictObject({
      status: z.number().int().min(200).max(599),
      headers: z.record(z.string(), z.string()),
      headersAfterMs: milliseconds,
      events: z.array(eventSchema).exactOptional(),
      body: z.string().exactOptional(),
      endMs: milliseconds,
      end: z.enum(['complete', 'cancelled', 'error']),
    })
    .refine((response) => response.events === undefined || response.body === undefined, {
      message: 'A response has either events or a body, not both',
    }) satisfies z.ZodType<RecordedResponse>;

  const exchangeSchema = z.strictObject({
    request: z
      .strictObject({
        method: z.string(),
        url: z.string(),
        body: z.unknown().exactOptional(),
      })
      .exactOptional(),
    response: responseSchema,
  }) satisfies z.ZodType<RecordedExchange>;

  const chunkSchema = z.looseObject({
    type: z.enum(chunkTypes),
    step: z.number().int().nonnegative(),
  }) satisfies z.ZodType<RecordedChunk>;

  return z.strictObject({
    version: z.literal(recordingVersion),
    title: z.string().exactOptional(),
    source: z.string().exactOptional(),
    recordedAt: z.string().exactOptional(),
    exchanges: z.array(exchangeSchema),
    chunks: z.array(chunkSchema).exactOptional(),
  }) satisfies z.ZodType<Recording>;
}

let schema: ReturnType<typeof buildRecordingSchema> | undefined;

/** The zod schema of a {@link Recording}, built on first use so importing the module costs nothing. */
export function recordingSchema(): ReturnType<typeof buildRecordingSchema> {
  schema ??= buildRecordingSchema();
  return schema;
}
