import { ChatHistory, type ChatMessage } from '../src/index.js';
import { isRecord } from '../src/internal/is-record.js';

/** The format version `saveConversation` writes. */
export const conversationVersion = 1;

/** What is stored under a `storage-key`. */
interface StoredConversation {
  readonly version: typeof conversationVersion;
  readonly messages: readonly ChatMessage[];
}

/**
 * What `loadConversation` found. Nothing saved is ever dropped silently: a conversation that
 * cannot be read says why, and one written by a newer version says which version.
 */
export type LoadedConversation =
  | { readonly kind: 'none' }
  | { readonly kind: 'ok'; readonly messages: ChatMessage[] }
  | { readonly kind: 'unreadable'; readonly reason: string }
  | { readonly kind: 'newer-version'; readonly version: number; readonly reason: string };

/** What `saveConversation` did. */
export type SavedConversation =
  { readonly ok: true } | { readonly ok: false; readonly reason: string };

// One entry per older version, each lifting its data one version up; empty while only v1 exists.
const migrations: Readonly<
  Record<number, (data: Record<string, unknown>) => Record<string, unknown>>
> = {};

/** localStorage, or the reason it cannot be used (sandboxed iframes and privacy settings throw on access). */
function storage(): Storage | string {
  try {
    return globalThis.localStorage ?? 'Storage is not available here.';
  } catch (error) {
    return `Storage is blocked (${describe(error)}).`;
  }
}

function describe(error: unknown): string {
  if (error instanceof DOMException && error.name === 'QuotaExceededError')
    return 'storage is full';
  if (error instanceof Error)
    return error.name && error.name !== 'Error' ? `${error.name}: ${error.message}` : error.message;
  return String(error);
}

/** Validates messages with the library's own schema (via `ChatHistory.loadFromJSON`); the error says where. */
function readMessages(messages: unknown): ChatMessage[] | string {
  if (!Array.isArray(messages)) return 'It holds no list of messages.';
  try {
    return ChatHistory.loadFromJSON({ ...new ChatHistory().toJSON(), messages }).getMessages();
  } catch (error) {
    // "Chat history JSON is invalid at messages[3].role: …" names the message at fault.
    const text = error instanceof Error ? error.message : String(error);
    return text.replace(/^Chat history JSON is invalid /, 'A message is invalid ');
  }
}

/**
 * Reads the conversation saved under `key`. Never throws, never writes: what cannot be read is
 * reported (with the reason) and left where it is.
 */
export function loadConversation(key: string): LoadedConversation {
  const target = storage();
  if (typeof target === 'string') return { kind: 'unreadable', reason: target };
  let text: string | null;
  try {
    text = target.getItem(key);
  } catch (error) {
    return { kind: 'unreadable', reason: `Storage could not be read (${describe(error)}).` };
  }
  if (text === null) return { kind: 'none' };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return {
      kind: 'unreadable',
      reason: `It is not valid JSON: ${error instanceof Error ? error.message : String(error)}.`,
    };
  }
  if (
    !isRecord(data) ||
    typeof data['version'] !== 'number' ||
    !Number.isInteger(data['version'])
  ) {
    return {
      kind: 'unreadable',
      reason: 'It has no format version, so it is not a saved conversation this chat knows.',
    };
  }
  const saved = data['version'];
  if (saved > conversationVersion) {
    return {
      kind: 'newer-version',
      version: saved,
      reason: `It was saved by a newer version of this chat (format ${saved}; this one reads up to ${conversationVersion}).`,
    };
  }
  let record = data;
  for (let version = saved; version < conversationVersion; version++) {
    const migrate = migrations[version];
    if (!migrate)
      return {
        kind: 'unreadable',
        reason: `Format version ${saved} is not one this chat can read.`,
      };
    record = migrate(record);
  }
  const messages = readMessages(record['messages']);
  return typeof messages === 'string'
    ? { kind: 'unreadable', reason: messages }
    : { kind: 'ok', messages };
}

/** Saves a conversation; when storage is blocked or full, says so instead of throwing. */
export function saveConversation(key: string, messages: readonly ChatMessage[]): SavedConversation {
  const stored: StoredConversation = { version: conversationVersion, messages };
  const target = storage();
  if (typeof target === 'string') return { ok: false, reason: target };
  try {
    target.setItem(key, JSON.stringify(stored));
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: `The browser refused to store it (${describe(error)}).` };
  }
}

/** Removes a saved conversation; false when storage is blocked. */
export function removeConversation(key: string): boolean {
  const target = storage();
  if (typeof target === 'string') return false;
  try {
    target.removeItem(key);
    return true;
  } catch {
    return false;
  }
}
