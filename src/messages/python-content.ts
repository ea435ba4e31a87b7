import type {
  ChatMessagePart,
  ImagePart,
  ReasoningPart,
  TextPart,
  ToolCallPart,
  ToolResultPart,
} from './chat-message.js';
import { jsonEqual, type JsonObject, type JsonValue } from './json-value.js';
import type { PythonContentJSON } from './python-chat-history-schema.js';
import {
  compactExtras,
  missingKeys,
  pythonExtrasSchemas,
  readExtras,
  unknownKeys,
  withExtras,
  type PythonPartExtras,
} from './python-extras.js';

type Raw<Type extends PythonContentJSON['type']> = Extract<PythonContentJSON, { type: Type }>;

const knownKeys: Record<PythonContentJSON['type'], readonly string[]> = {
  text: ['type', 'additional_fields', 'content'],
  binary: ['type', 'additional_fields', 'storage_type', 'mime_type', 'content'],
  tool_call: ['type', 'additional_fields', 'tool_call_id', 'tool_call_name', 'tool_call_arguments'],
  tool_call_result: [
    'type',
    'additional_fields',
    'tool_call_result_id',
    'tool_call_id',
    'tool_call_name',
    'tool_call_result',
  ],
  reasoning: ['type', 'additional_fields', 'thinking', 'signature', 'is_redacted', 'redacted_data'],
};

// Keys pydantic fills with a default when a file lacks them.
const defaultedKeys: Record<PythonContentJSON['type'], readonly string[]> = {
  text: ['additional_fields'],
  binary: ['additional_fields'],
  tool_call: ['additional_fields'],
  tool_call_result: ['additional_fields'],
  reasoning: ['additional_fields', 'thinking', 'signature', 'is_redacted', 'redacted_data'],
};

const details = new Set<JsonValue | undefined>(['auto', 'low', 'high']);

/** The `tool_call_result_id` we write for a result that has none: derived, so saving twice gives the same file. */
function pythonResultId(toolCallId: string): string {
  return `result_${toolCallId}`;
}

/** `additional_fields` when it holds more than the keys our part already models (`mapped`). */
function keptFields(
  fields: JsonObject | undefined,
  mapped: readonly string[],
): JsonObject | undefined {
  return fields && Object.keys(fields).some((key) => !mapped.includes(key)) ? fields : undefined;
}

function metadataFor(
  raw: PythonContentJSON,
  extras: Record<string, JsonValue | undefined>,
  mapped: readonly string[] = [],
): { metadata?: JsonObject } {
  const kept = compactExtras({
    additionalFields: keptFields(raw.additional_fields, mapped),
    omit: missingKeys(raw, defaultedKeys[raw.type]),
    extra: unknownKeys(raw, knownKeys[raw.type]),
    ...extras,
  });
  const metadata = withExtras({}, kept);
  return metadata ? { metadata } : {};
}

function readImage(raw: Raw<'binary'>): ImagePart {
  const url =
    raw.storage_type === 'base64' ? `data:${raw.mime_type};base64,${raw.content}` : raw.content;
  const field = raw.additional_fields?.['detail'];
  const detail = field === 'auto' || field === 'low' || field === 'high' ? field : undefined;
  return {
    type: 'image',
    url,
    mimeType: raw.mime_type,
    ...(detail === undefined ? {} : { detail }),
    ...metadataFor(
      raw,
      {
        storageType:
          raw.storage_type === 'url' && raw.content.startsWith('data:') ? 'url' : undefined,
      },
      detail === undefined ? [] : ['detail'],
    ),
  };
}

function readToolCall(raw: Raw<'tool_call'>): ToolCallPart {
  const args = raw.tool_call_arguments;
  const text = args === null ? '{}' : typeof args === 'string' ? args : JSON.stringify(args);
  // Only a form the default writer would not choose needs remembering.
  const argumentsType = jsonEqual(pythonArguments(text), args)
    ? undefined
    : args === null
      ? 'null'
      : 'string';
  return {
    type: 'tool_call',
    id: raw.tool_call_id,
    name: raw.tool_call_name,
    arguments: text,
    ...metadataFor(raw, { argumentsType }),
  };
}

function readToolResult(raw: Raw<'tool_call_result'>): ToolResultPart {
  const resultId =
    raw.tool_call_result_id === pythonResultId(raw.tool_call_id)
      ? undefined
      : raw.tool_call_result_id;
  const isError = raw.additional_fields?.['is_error'] === true;
  return {
    type: 'tool_result',
    toolCallId: raw.tool_call_id,
    toolName: raw.tool_call_name,
    result: raw.tool_call_result,
    ...(isError ? { isError: true } : {}),
    ...metadataFor(raw, { resultId }, isError ? ['is_error'] : []),
  };
}

function readReasoning(raw: Raw<'reasoning'>): ReasoningPart {
  return {
    type: 'reasoning',
    text: raw.thinking ?? '',
    ...(typeof raw.signature === 'string' ? { signature: raw.signature } : {}),
    ...metadataFor(raw, {
      thinkingNull: raw.thinking === null ? true : undefined,
      isRedacted: raw.is_redacted === true ? true : undefined,
      redactedData: raw.redacted_data ?? undefined,
    }),
  };
}

/**
 * One Python content part as ours; `undefined` for a binary part that is not an image, which
 * our parts cannot hold (the caller keeps it verbatim).
 */
export function readPythonContent(raw: PythonContentJSON): ChatMessagePart | undefined {
  switch (raw.type) {
    case 'text':
      return { type: 'text', text: raw.content, ...metadataFor(raw, {}) } satisfies TextPart;
    case 'binary':
      return raw.mime_type.toLowerCase().startsWith('image/') ? readImage(raw) : undefined;
    case 'tool_call':
      return readToolCall(raw);
    case 'tool_call_result':
      return readToolResult(raw);
    case 'reasoning':
      return readReasoning(raw);
  }
}

const imageTypes: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  svg: 'image/svg+xml',
  avif: 'image/avif',
};

function guessImageType(url: string): string {
  const extension = /\.([a-z0-9]+)(?:[?#]|$)/i.exec(url)?.[1]?.toLowerCase() ?? '';
  // Python requires a MIME type; JPEG is the likeliest for a photo URL with no extension.
  return imageTypes[extension] ?? 'image/jpeg';
}

// Our data URL as Python's base64 storage; the part's own MIME type wins when the URL starts with it.
function splitDataURL(part: ImagePart): { mimeType: string; data: string } | undefined {
  const own = `data:${part.mimeType ?? ''};base64,`;
  if (part.mimeType !== undefined && part.url.startsWith(own))
    return { mimeType: part.mimeType, data: part.url.slice(own.length) };
  const match = /^data:([^;,]+);base64,/i.exec(part.url);
  const mimeType = match?.[1];
  return match && mimeType ? { mimeType, data: part.url.slice(match[0].length) } : undefined;
}

function writeImage(part: ImagePart, extras: PythonPartExtras, fields: JsonObject): Raw<'binary'> {
  if (part.detail !== undefined) fields['detail'] = part.detail;
  else if (details.has(fields['detail'])) delete fields['detail'];
  const data = extras.storageType === 'url' ? undefined : splitDataURL(part);
  if (data)
    return {
      type: 'binary',
      additional_fields: fields,
      storage_type: 'base64',
      mime_type: data.mimeType,
      content: data.data,
    };
  return {
    type: 'binary',
    additional_fields: fields,
    storage_type: 'url',
    mime_type: part.mimeType ?? guessImageType(part.url),
    content: part.url,
  };
}

/** Argument text as Python's `tool_call_arguments`: the object it encodes, else the text itself. */
function pythonArguments(text: string): JsonObject | string {
  try {
    const parsed = JSON.parse(text) as JsonValue;
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return parsed;
  } catch {
    // Not JSON (a model's broken arguments): Python accepts the string as it is.
  }
  return text;
}

function writeToolCall(
  part: ToolCallPart,
  extras: PythonPartExtras,
  fields: JsonObject,
): Raw<'tool_call'> {
  let args: JsonObject | string | null;
  if (extras.argumentsType === 'null' && part.arguments === '{}') args = null;
  else args = extras.argumentsType === 'string' ? part.arguments : pythonArguments(part.arguments);
  return {
    type: 'tool_call',
    additional_fields: fields,
    tool_call_id: part.id,
    tool_call_name: part.name,
    tool_call_arguments: args,
  };
}

function writeToolResult(
  part: ToolResultPart,
  extras: PythonPartExtras,
  fields: JsonObject,
): Raw<'tool_call_result'> {
  if (part.isError === true) fields['is_error'] = true;
  else if (fields['is_error'] === true) delete fields['is_error'];
  return {
    type: 'tool_call_result',
    additional_fields: fields,
    tool_call_result_id: extras.resultId ?? pythonResultId(part.toolCallId),
    tool_call_id: part.toolCallId,
    tool_call_name: part.toolName,
    tool_call_result: part.result,
  };
}

function writeReasoning(
  part: ReasoningPart,
  extras: PythonPartExtras,
  fields: JsonObject,
  omit: ReadonlySet<string>,
): Raw<'reasoning'> {
  const out: Raw<'reasoning'> = { type: 'reasoning', additional_fields: fields };
  if (!(omit.has('thinking') && part.text === ''))
    out.thinking = extras.thinkingNull && part.text === '' ? null : part.text;
  if (!(omit.has('signature') && part.signature === undefined))
    out.signature = part.signature ?? null;
  if (!(omit.has('is_redacted') && extras.isRedacted === undefined))
    out.is_redacted = extras.isRedacted ?? false;
  if (!(omit.has('redacted_data') && extras.redactedData === undefined))
    out.redacted_data = extras.redactedData ?? null;
  return out;
}

function writeKnown(
  part: ChatMessagePart,
  extras: PythonPartExtras,
  fields: JsonObject,
  omit: ReadonlySet<string>,
): PythonContentJSON {
  switch (part.type) {
    case 'text':
      return { type: 'text', additional_fields: fields, content: part.text };
    case 'image':
      return writeImage(part, extras, fields);
    case 'tool_call':
      return writeToolCall(part, extras, fields);
    case 'tool_result':
      return writeToolResult(part, extras, fields);
    case 'reasoning':
      return writeReasoning(part, extras, fields, omit);
  }
}

/** One of our parts as a Python content part, with what `metadata.python` kept put back. */
export function writePythonContent(part: ChatMessagePart): PythonContentJSON {
  const extras = readExtras(part.metadata, pythonExtrasSchemas().pythonPartExtrasSchema);
  const omit = new Set(extras.omit ?? []);
  const fields: JsonObject = { ...extras.additionalFields };
  const out = writeKnown(part, extras, fields, omit);
  // A file without `additional_fields` gets none back unless something now needs them.
  if (omit.has('additional_fields') && Object.keys(fields).length === 0)
    delete out.additional_fields;
  return extras.extra ? { ...out, ...extras.extra } : out;
}
