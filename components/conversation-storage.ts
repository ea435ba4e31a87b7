import { ChatHistory, type ChatMessage } from '../src/index.js';

/** The format version `saveConversation` writes. */
export const conversationVersion = 1;

/** What is stored under a `storage-key`. */
export interface StoredConversation {
  readonly version: typeof conversationVersion;
  readonly messages: readonly ChatMessage[];
}

// One entry per older version, each lifting its data one version up; empty while only v1 exists.
const migrations: Readonly<Record<number, (data: Record<string, unknown>) => Record<string, unknown>>> = {};

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    // Blocked storage (sandboxed iframe, privacy settings) throws on access.
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Validates messages with the library's own schema (via `ChatHistory.loadFromJSON`). */
function readMessages(messages: unknown): ChatMessage[] | undefined {
  try {
    return ChatHistory.loadFromJSON({ ...new ChatHistory().toJSON(), messages }).getMessages();
  } catch {
    return undefined;
  }
}

/**
 * Reads a saved conversation; `undefined` when there is none, it is unreadable, or it was
 * written by a newer version (left untouched rather than misread).
 */
export function loadConversation(key: string): ChatMessage[] | undefined {
  let data: unknown;
  try {
    const text = storage()?.getItem(key);
    if (text == null) return undefined;
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(data) || typeof data['version'] !== 'number') return undefined;
  let record = data;
  for (let version = record['version'] as number; version < conversationVersion; version++) {
    const migrate = migrations[version];
    if (!migrate) return undefined;
    record = migrate(record);
  }
  if (record['version'] !== conversationVersion) return undefined;
  return readMessages(record['messages']);
}

/** Saves a conversation; returns false when storage is unavailable or full. */
export function saveConversation(key: string, messages: readonly ChatMessage[]): boolean {
  const stored: StoredConversation = { version: conversationVersion, messages };
  try {
    const target = storage();
    if (!target) return false;
    target.setItem(key, JSON.stringify(stored));
    return true;
  } catch {
    return false;
  }
}

/** Removes a saved conversation. */
export function removeConversation(key: string): void {
  try {
    storage()?.removeItem(key);
  } catch {
    // Nothing to remove when storage is blocked.
  }
}
