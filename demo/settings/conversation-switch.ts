import type { ToolAgentChat } from '../../components/index.js';

/** Where each side's conversation is saved: the demo model's, the real endpoints' and the replayed recordings'. */
export const conversationKeys = {
  demo: 'tool-agents-demo:conversation',
  live: 'tool-agents-demo:conversation:live',
  replay: 'tool-agents-demo:conversation:replay',
} as const;

/** Which conversation to show. */
export type ConversationSide = keyof typeof conversationKeys;

/**
 * Shows the conversation saved for one side, keeping the other's saved for switching back, so
 * the demo model's tool calls and reasoning are never sent to a real model. Resolves `true`
 * when a saved conversation came back, `false` when a new one starts.
 */
export async function switchConversation(
  chat: ToolAgentChat,
  side: ConversationSide,
): Promise<boolean> {
  const key = conversationKeys[side];
  if (chat.storageKey === key) return chat.messages.length > 0;
  chat.stop();
  const before = chat.messages;
  chat.storageKey = key;
  // The element restores what is saved under a new key in its next update.
  await chat.updateComplete;
  const after = chat.messages;
  const restored =
    after.length > 0 &&
    (after.length !== before.length ||
      after.some((message, index) => message.id !== before[index]?.id));
  // Nothing saved there: the other side's messages must not stay on screen (or be saved under this key).
  if (!restored) chat.clear();
  return restored;
}
