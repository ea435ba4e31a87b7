import { createId } from '../internal/create-id.js';
import type { ChatMessage } from './chat-message.js';
import { describeIssues } from './describe-issues.js';
import { toJsonObject } from './json-value.js';
import { readPythonMessage, writePythonMessage } from './python-chat-message.js';
import { pythonSchemas, type PythonChatHistoryJSON } from './python-chat-history-schema.js';
import {
  compactExtras,
  missingKeys,
  pythonExtrasKey,
  pythonExtrasSchemas,
  readExtras,
  unknownKeys,
  withExtras,
  withoutExtras,
} from './python-extras.js';
import { readJsonInput } from './read-json-input.js';

/** Options of `toPythonChatHistory()` and `toPythonChatHistoryJSON()`. */
export interface PythonExportOptions {
  /** The history's `id`. Default: the one it was imported with, else a new UUID on every export. */
  id?: string;
  /** The history's `title`. Default: the one it was imported with, else `'New Chat'` (Python's default). */
  title?: string;
}

const what = 'Python ToolAgents chat history';
const knownKeys = ['id', 'title', 'messages', 'metadata'];

/**
 * Reads the JSON that `ChatHistory.save_to_json` writes in the Python ToolAgents library. The
 * history's `metadata` gets Python's `metadata` dict plus, under `python`, its `id`, `title` and
 * unknown keys; each message and part keeps what we do not model the same way (see `pythonExtrasKey`).
 */
export function readPythonChatHistory(json: string | object): {
  messages: ChatMessage[];
  metadata: Record<string, unknown>;
} {
  const data = readJsonInput(json, what);
  if (
    typeof data === 'object' &&
    data !== null &&
    'format' in data &&
    data.format === 'tool-agents.chat-history'
  ) {
    throw new TypeError(
      `${what}: this is a tool-agents history; load it with ChatHistory.loadFromJSON().`,
    );
  }
  const parsed = pythonSchemas().pythonChatHistorySchema.safeParse(data, { reportInput: true });
  if (!parsed.success)
    throw new TypeError(`${what} is invalid ${describeIssues(parsed.error)}.`, {
      cause: parsed.error,
    });
  const raw = parsed.data;
  const dict = raw.metadata ?? {};
  const extras = compactExtras({
    omit: missingKeys(raw, ['id', 'title', 'metadata']),
    extra: unknownKeys(raw, knownKeys),
    id: raw.id,
    title: raw.title,
    // Our own key inside Python's dict would be overwritten: keep that dict whole instead.
    metadata: Object.hasOwn(dict, pythonExtrasKey) ? dict : undefined,
  });
  const { [pythonExtrasKey]: _shadowed, ...shown } = dict;
  return {
    messages: raw.messages.map(readPythonMessage),
    metadata: withExtras(shown, extras) ?? {},
  };
}

/**
 * Our messages and history metadata as the Python library's `ChatHistory` JSON. A history read
 * with {@link readPythonChatHistory} and not changed comes back deep-equal to what was read.
 */
export function writePythonChatHistory(
  messages: readonly ChatMessage[],
  metadata: Readonly<Record<string, unknown>>,
  options: PythonExportOptions = {},
): PythonChatHistoryJSON {
  const extras = readExtras(metadata, pythonExtrasSchemas().pythonHistoryExtrasSchema);
  const omit = new Set(extras.omit ?? []);
  const id = options.id ?? extras.id ?? (omit.has('id') ? undefined : createId());
  const title = options.title ?? extras.title ?? (omit.has('title') ? undefined : 'New Chat');
  const dict = extras.metadata ?? toJsonObject(withoutExtras(metadata));
  const out: PythonChatHistoryJSON = {
    ...(id === undefined ? {} : { id }),
    ...(title === undefined ? {} : { title }),
    messages: messages.map(writePythonMessage),
    ...(omit.has('metadata') && Object.keys(dict).length === 0 ? {} : { metadata: dict }),
  };
  return extras.extra ? { ...out, ...extras.extra } : out;
}
