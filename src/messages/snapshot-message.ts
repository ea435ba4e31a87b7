import type { ChatMessage } from './chat-message.js';

const snapshots = new WeakSet<ChatMessage>();

function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const child of Object.values(value)) deepFreeze(child);
}

/**
 * A deep-frozen copy of `message`, so whoever holds it cannot change a history through it.
 * Messages that already are snapshots are shared, not copied again.
 */
export function snapshotMessage(message: ChatMessage): ChatMessage {
  if (snapshots.has(message)) return message;
  const copy = structuredClone(message);
  deepFreeze(copy);
  snapshots.add(copy);
  return copy;
}
