import { ChatHistory, type ChatMessage } from '../src/index.js';
import { ConversationTree, type StoredBranches } from './conversation-tree.js';
import { isRecord } from '../src/internal/is-record.js';

/** The format version `saveConversation` writes (2 added branches; a version 1 conversation reads as one without). */
export const conversationVersion = 2;

/** What is stored under a `storage-key`. */
interface StoredConversation {
  readonly version: typeof conversationVersion;
  /** The conversation; with `branches`, every message of every branch, in the order they give. */
  readonly messages: readonly ChatMessage[];
  /** Only when some message or answer has alternatives. */
  readonly branches?: StoredBranches;
}

/**
 * What `loadConversation` found. Nothing saved is ever dropped silently: a conversation that
 * cannot be read says why, and one written by a newer version says which version.
 */
export type LoadedConversation =
  | { readonly kind: 'none' }
  | {
      readonly kind: 'ok';
      /** The conversation as shown (the visible branch). */
      readonly messages: ChatMessage[];
      /** The conversation with its alternatives, when it has any. */
      readonly tree?: ConversationTree;
    }
  | { readonly kind: 'unreadable'; readonly reason: string }
  | { readonly kind: 'newer-version'; readonly version: number; readonly reason: string };

/** What `saveConversation` did. */
export type SavedConversation =
  { readonly ok: true } | { readonly ok: false; readonly reason: string };

// One entry per older version, each lifting its data one version up.
const migrations: Readonly<
  Record<number, (data: Record<string, unknown>) => Record<string, unknown>>
> = {
  // Version 1 was a linear conversation: version 2 without branches.
  1: (data) => ({ ...data, version: 2 }),
};

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
  if (typeof messages === 'string') return { kind: 'unreadable', reason: messages };
  if (record['branches'] === undefined) return { kind: 'ok', messages };
  const tree = ConversationTree.fromStored(messages, record['branches']);
  return typeof tree === 'string'
    ? { kind: 'unreadable', reason: tree }
    : { kind: 'ok', messages: [...tree.messages], tree };
}

/**
 * Saves a conversation (with its alternatives, given a tree); when storage is blocked or full,
 * says so instead of throwing.
 */
export function saveConversation(
  key: string,
  conversation: readonly ChatMessage[] | ConversationTree,
): SavedConversation {
  const stored: StoredConversation =
    conversation instanceof ConversationTree && conversation.branched
      ? { version: conversationVersion, ...conversation.toStored() }
      : {
          version: conversationVersion,
          messages: conversation instanceof ConversationTree ? conversation.messages : conversation,
        };
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
