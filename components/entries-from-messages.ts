import { turnFromMessages, type ChatMessage } from '../src/index.js';
import { userMessageParts } from './attachments/user-message-parts.js';
import type { MarkdownRenderOptions } from './markdown-adapter.js';
import type { TranscriptEntry } from './transcript-entry.js';
import { TurnView } from './turn-view.js';

let restoreCount = 0;

/**
 * Builds the transcript for a saved conversation: each user message, then one assistant entry
 * for everything up to the next user message, read back into a turn state by the core and shown
 * by the same view as a live turn. System messages are not shown.
 */
export function entriesFromMessages(
  messages: readonly ChatMessage[],
  document: Document,
  markdown: MarkdownRenderOptions = {},
): TranscriptEntry[] {
  const entries: TranscriptEntry[] = [];
  const prefix = `restored-${++restoreCount}`;
  let run: ChatMessage[] = [];
  const flush = (): void => {
    if (run.length === 0) return;
    const state = turnFromMessages(`${prefix}-${entries.length}`, run);
    entries.push(TurnView.restored(state, document, markdown));
    run = [];
  };
  for (const message of messages) {
    if (message.role === 'system') continue;
    if (message.role === 'user') {
      flush();
      entries.push({
        kind: 'user',
        key: `${prefix}-${entries.length}`,
        ...userMessageParts(message),
      });
      continue;
    }
    run.push(message);
  }
  flush();
  return entries;
}
