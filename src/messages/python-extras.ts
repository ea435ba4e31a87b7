import * as z from 'zod';
import { chatMessageSchemas } from './chat-message-schema.js';
import type { JsonObject, JsonValue } from './json-value.js';
import { pythonSchemas } from './python-chat-history-schema.js';

/**
 * What a Python ToolAgents history holds that our types do not model is kept under this key of
 * the `metadata` of the history, of each message and of each part, so that writing it back is
 * lossless. Only what cannot be rebuilt from our own fields is kept.
 */
export const pythonExtrasKey = 'python';

function buildPythonExtrasSchemas() {
  const jsonObject = z.record(z.string(), chatMessageSchemas().jsonValueSchema);

  const common = {
    /** Python's `additional_fields`, when not empty. */
    additionalFields: jsonObject.exactOptional(),
    /** Keys the Python JSON did not have, so they are not written back either. */
    omit: z.array(z.string()).exactOptional(),
    /** Keys we do not know, verbatim. */
    extra: jsonObject.exactOptional(),
  };

  /** What a content part keeps in `metadata.python`. */
  const pythonPartExtrasSchema = z.object({
    ...common,
    /** `binary`: `url` storage that holds a `data:` URL (otherwise storage follows the URL). */
    storageType: z.literal('url').exactOptional(),
    /** `tool_call`: `tool_call_arguments` was a string or null, not an object. */
    argumentsType: z.enum(['string', 'null']).exactOptional(),
    /** `tool_call_result`: `tool_call_result_id`. */
    resultId: z.string().exactOptional(),
    /** `reasoning`: `thinking` was null. */
    thinkingNull: z.literal(true).exactOptional(),
    /** `reasoning`: `is_redacted` when true. */
    isRedacted: z.literal(true).exactOptional(),
    /** `reasoning`: `redacted_data` when not null. */
    redactedData: z.string().exactOptional(),
  });

  /** What a message keeps in `metadata.python`. */
  const pythonMessageExtrasSchema = z.object({
    ...common,
    /** The role was `custom`. */
    role: z.literal('custom').exactOptional(),
    /** `created_at` as written, when our `createdAt` would print differently. */
    createdAt: z.string().exactOptional(),
    /** `updated_at` as written, when it differs from `created_at`. */
    updatedAt: z.string().exactOptional(),
    /** `additional_information` verbatim, only when it has a `python` key of its own. */
    additionalInformation: jsonObject.exactOptional(),
    /** `token_usage` verbatim, when `usage` cannot rebuild it. */
    tokenUsage: pythonSchemas().pythonTokenUsageSchema.exactOptional(),
    /** Binary parts that are not images (our parts cannot hold them), with their position. */
    opaqueParts: z
      .array(z.object({ index: z.number().int().nonnegative(), part: jsonObject }))
      .exactOptional(),
  });

  /** What a history keeps in `metadata.python`. */
  const pythonHistoryExtrasSchema = z.object({
    ...common,
    id: z.string().exactOptional(),
    title: z.string().exactOptional(),
    /** The history's `metadata` verbatim, only when it has a `python` key of its own. */
    metadata: jsonObject.exactOptional(),
  });
  return {
    pythonPartExtrasSchema,
    pythonMessageExtrasSchema,
    pythonHistoryExtrasSchema,
  };
}

/** The zod schemas of what a history, a message and a part keep in `metadata.python`. */
export type PythonExtrasSchemas = ReturnType<typeof buildPythonExtrasSchemas>;

let built: PythonExtrasSchemas | undefined;

/** The `metadata.python` schemas, built on first use so that a bundle without the Python import leaves them out. */
export function pythonExtrasSchemas(): PythonExtrasSchemas {
  return (built ??= buildPythonExtrasSchemas());
}

/** Parsed `metadata.python` of a part. */
export type PythonPartExtras = z.output<PythonExtrasSchemas['pythonPartExtrasSchema']>;

/** The `metadata.python` of something we wrote, or `{}` when absent or tampered with. */
export function readExtras<T extends object>(
  metadata: Readonly<Record<string, unknown>> | undefined,
  schema: z.ZodType<T>,
): Partial<T> {
  const parsed = schema.safeParse(metadata?.[pythonExtrasKey]);
  return parsed.success ? parsed.data : {};
}

/** `extras` without its undefined fields, or `undefined` when nothing is left. */
export function compactExtras(
  extras: Record<string, JsonValue | undefined>,
): JsonObject | undefined {
  const kept: JsonObject = {};
  for (const [key, value] of Object.entries(extras)) if (value !== undefined) kept[key] = value;
  return Object.keys(kept).length > 0 ? kept : undefined;
}

/** The keys of `raw` outside `known`, or `undefined` when there are none. */
export function unknownKeys(
  raw: Readonly<Record<string, JsonValue | undefined>>,
  known: readonly string[],
): JsonObject | undefined {
  const extra: Record<string, JsonValue | undefined> = {};
  for (const [key, value] of Object.entries(raw)) if (!known.includes(key)) extra[key] = value;
  return compactExtras(extra);
}

/** The keys of `optional` that `raw` lacks, or `undefined` when it has them all. */
export function missingKeys(
  raw: Readonly<Record<string, unknown>>,
  optional: readonly string[],
): string[] | undefined {
  const missing = optional.filter((key) => !Object.hasOwn(raw, key));
  return missing.length > 0 ? missing : undefined;
}

/** A non-empty dict, or `undefined`. */
export function nonEmpty(dict: JsonObject | undefined): JsonObject | undefined {
  return dict && Object.keys(dict).length > 0 ? dict : undefined;
}

/** `metadata` with `extras` under {@link pythonExtrasKey}, or `undefined` when both are empty. */
export function withExtras(
  metadata: JsonObject,
  extras: JsonObject | undefined,
): JsonObject | undefined {
  const result: JsonObject = extras ? { ...metadata, [pythonExtrasKey]: extras } : metadata;
  return Object.keys(result).length > 0 ? result : undefined;
}

/** `metadata` without {@link pythonExtrasKey}. */
export function withoutExtras(
  metadata: Readonly<Record<string, unknown>> | undefined,
): Record<string, unknown> {
  if (!metadata) return {};
  const { [pythonExtrasKey]: _extras, ...rest } = metadata;
  return rest;
}
