import * as z from 'zod';
import type { ChatMessage } from './chat-message.js';
import { chatMessageSchemas } from './chat-message-schema.js';
import { describeIssues } from './describe-issues.js';
import { readJsonInput } from './read-json-input.js';
import { isRecord } from '../internal/is-record.js';

/** The `format` marker of a saved {@link ChatHistory}. */
export const chatHistoryFormat = 'tool-agents.chat-history';

/** The format version this build writes and reads. */
export const chatHistoryVersion = 1;

/** A {@link ChatHistory} as `toJSON()` returns it and `loadFromJSON()` reads it. */
export interface ChatHistoryJSON {
  readonly format: typeof chatHistoryFormat;
  readonly version: typeof chatHistoryVersion;
  readonly messages: readonly ChatMessage[];
  /** Present when the history has metadata. */
  readonly metadata?: Readonly<Record<string, unknown>>;
}

function buildChatHistoryJSONSchema() {
  const { chatMessageSchema, metadataSchema } = chatMessageSchemas();
  return z.strictObject({
    format: z.literal(chatHistoryFormat),
    version: z.literal(chatHistoryVersion),
    messages: z.array(chatMessageSchema),
    metadata: metadataSchema.exactOptional(),
  });
}

let built: ReturnType<typeof buildChatHistoryJSONSchema> | undefined;

/** Validates a saved history (version 1); built on first use, so a page that never loads one leaves zod's builders out. */
function chatHistoryJSONSchema(): ReturnType<typeof buildChatHistoryJSONSchema> {
  return (built ??= buildChatHistoryJSONSchema());
}

const what = 'Chat history JSON';

function checkEnvelope(data: unknown): void {
  if (!isRecord(data))
    throw new TypeError(
      `${what}: expected an object with "format", "version" and "messages", got ${Array.isArray(data) ? 'an array' : String(data)}.`,
    );
  if (data['format'] !== chatHistoryFormat) {
    // The likeliest mix-up: a file saved by the Python library.
    const hint =
      data['format'] === undefined && Array.isArray(data['messages'])
        ? ' It looks like a Python ToolAgents history: load it with fromPythonChatHistory().'
        : '';
    throw new TypeError(
      `${what}: expected "format": "${chatHistoryFormat}", got ${JSON.stringify(data['format']) ?? 'none'}.${hint}`,
    );
  }
  if (data['version'] !== chatHistoryVersion) {
    throw new TypeError(
      `${what}: unsupported version ${JSON.stringify(data['version']) ?? '(missing)'}; this build reads version ${chatHistoryVersion}.`,
    );
  }
}

/** Reads and validates a saved history; throws a `TypeError` that says what is wrong and where. */
export function parseChatHistoryJSON(json: string | object): {
  messages: ChatMessage[];
  metadata: Record<string, unknown>;
} {
  const data = readJsonInput(json, what);
  checkEnvelope(data);
  const parsed = chatHistoryJSONSchema().safeParse(data, { reportInput: true });
  if (!parsed.success)
    throw new TypeError(`${what} is invalid ${describeIssues(parsed.error)}.`, {
      cause: parsed.error,
    });
  return { messages: parsed.data.messages, metadata: parsed.data.metadata ?? {} };
}
