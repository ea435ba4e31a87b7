import type { ChatMessage, ChatMessagePart, ChatRole } from './chat-message.js';
import { jsonEqual, toJsonObject, type JsonObject } from './json-value.js';
import type { PythonChatMessageJSON, PythonContentJSON } from './python-chat-history-schema.js';
import { readPythonContent, writePythonContent } from './python-content.js';
import { fromPythonDateTime, toPythonDateTime } from './python-datetime.js';
import {
  compactExtras,
  missingKeys,
  nonEmpty,
  pythonExtrasKey,
  pythonExtrasSchemas,
  readExtras,
  unknownKeys,
  withExtras,
  withoutExtras,
} from './python-extras.js';
import { readTokenUsage, usageEqual, writeTokenUsage } from './python-token-usage.js';

const knownKeys = [
  'id',
  'role',
  'content',
  'created_at',
  'updated_at',
  'additional_fields',
  'additional_information',
  'token_usage',
];
const defaultedKeys = ['updated_at', 'additional_fields', 'additional_information', 'token_usage'];

/**
 * The role a Python `custom` message plays for us. Python names the custom role in
 * `additional_fields.custom_role` (or, in older files, `additional_information.custom_role` /
 * `custom_role_name`): `system` and `developer` become `system`, `assistant` stays `assistant`,
 * anything else becomes `user`, since it is text from outside the model.
 */
function customRoleOf(raw: PythonChatMessageJSON): ChatRole {
  const name =
    raw.additional_fields?.['custom_role'] ??
    raw.additional_information?.['custom_role'] ??
    raw.additional_information?.['custom_role_name'];
  const lower = typeof name === 'string' ? name.toLowerCase() : '';
  if (lower === 'system' || lower === 'developer') return 'system';
  return lower === 'assistant' ? 'assistant' : 'user';
}

/** A validated Python message as ours; what we do not model goes to `metadata.python`. */
export function readPythonMessage(raw: PythonChatMessageJSON): ChatMessage {
  const createdAt = fromPythonDateTime(raw.created_at);
  if (createdAt === undefined)
    throw new TypeError(
      `Python message ${raw.id} has an invalid created_at ${JSON.stringify(raw.created_at)}.`,
    );
  const content: ChatMessagePart[] = [];
  const opaqueParts: { index: number; part: JsonObject }[] = [];
  raw.content.forEach((rawPart, index) => {
    const part = readPythonContent(rawPart);
    if (part) content.push(part);
    else opaqueParts.push({ index, part: rawPart });
  });
  const information = raw.additional_information ?? {};
  const usage = raw.token_usage ? readTokenUsage(raw.token_usage) : undefined;
  const extras = compactExtras({
    additionalFields: nonEmpty(raw.additional_fields),
    omit: missingKeys(raw, defaultedKeys),
    extra: unknownKeys(raw, knownKeys),
    role: raw.role === 'custom' ? 'custom' : undefined,
    createdAt: toPythonDateTime(createdAt) === raw.created_at ? undefined : raw.created_at,
    updatedAt:
      raw.updated_at === undefined || raw.updated_at === raw.created_at
        ? undefined
        : raw.updated_at,
    // Our own key inside Python's dict would be overwritten: keep that dict whole instead.
    additionalInformation: Object.hasOwn(information, pythonExtrasKey) ? information : undefined,
    tokenUsage:
      raw.token_usage && usage && !jsonEqual(writeTokenUsage(usage), raw.token_usage)
        ? raw.token_usage
        : undefined,
    opaqueParts: opaqueParts.length > 0 ? opaqueParts : undefined,
  });
  const { [pythonExtrasKey]: _shadowed, ...shown } = information;
  const metadata = withExtras(shown, extras);
  return {
    id: raw.id,
    role: raw.role === 'custom' ? customRoleOf(raw) : raw.role,
    content,
    createdAt,
    ...(usage ? { usage } : {}),
    ...(metadata ? { metadata } : {}),
  };
}

function writeContent(
  message: ChatMessage,
  opaque: readonly { index: number; part: JsonObject }[],
): PythonContentJSON[] {
  const content = message.content.map(writePythonContent);
  for (const { index, part } of [...opaque].sort((a, b) => a.index - b.index)) {
    content.splice(Math.min(index, content.length), 0, part as PythonContentJSON);
  }
  return content;
}

/** One of our messages as a Python message, with what `metadata.python` kept put back. */
export function writePythonMessage(message: ChatMessage): PythonChatMessageJSON {
  const extras = readExtras(message.metadata, pythonExtrasSchemas().pythonMessageExtrasSchema);
  const omit = new Set(extras.omit ?? []);
  const written =
    extras.createdAt !== undefined && fromPythonDateTime(extras.createdAt) === message.createdAt
      ? extras.createdAt
      : toPythonDateTime(message.createdAt);
  if (written === undefined)
    throw new TypeError(
      `Message ${message.id} has an invalid createdAt ${JSON.stringify(message.createdAt)}.`,
    );
  const out: PythonChatMessageJSON = {
    id: message.id,
    role: extras.role ?? message.role,
    content: writeContent(message, extras.opaqueParts ?? []),
    created_at: written,
  };
  if (!omit.has('updated_at')) out.updated_at = extras.updatedAt ?? written;
  const fields = extras.additionalFields ?? {};
  if (!(omit.has('additional_fields') && Object.keys(fields).length === 0))
    out.additional_fields = fields;
  const information = extras.additionalInformation ?? toJsonObject(withoutExtras(message.metadata));
  if (!(omit.has('additional_information') && Object.keys(information).length === 0))
    out.additional_information = information;
  const kept = extras.tokenUsage;
  const tokenUsage =
    kept !== undefined && usageEqual(readTokenUsage(kept), message.usage)
      ? kept
      : message.usage
        ? writeTokenUsage(message.usage)
        : null;
  if (!(omit.has('token_usage') && tokenUsage === null)) out.token_usage = tokenUsage;
  return extras.extra ? { ...out, ...extras.extra } : out;
}
