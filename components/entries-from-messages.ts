import type { ChatMessage, ToolResultPart } from '../src/index.js';
import { renderMarkdownInto, type MarkdownWriter } from './markdown-adapter.js';
import type { AssistantEntry, ToolCard, TranscriptEntry } from './transcript-entry.js';

// Restored text is complete: nothing will be appended.
const closedWriter: MarkdownWriter = { append: () => undefined, end: () => undefined };

let restoreCount = 0;

/**
 * Builds the transcript for a saved conversation: each user message, then one assistant
 * entry for everything up to the next user message (text, reasoning, tool calls with results).
 * System messages are not shown.
 */
export function entriesFromMessages(messages: readonly ChatMessage[], document: Document): TranscriptEntry[] {
  const entries: TranscriptEntry[] = [];
  const results = new Map<string, ToolResultPart>();
  for (const message of messages) {
    for (const part of message.content) if (part.type === 'tool_result') results.set(part.toolCallId, part);
  }
  const prefix = `restored-${++restoreCount}`;
  let current: AssistantEntry | undefined;
  let count = 0;
  const key = (): string => `${prefix}-${++count}`;

  const rendered = (className: string, text: string): HTMLElement => {
    const container = document.createElement('div');
    container.className = className;
    renderMarkdownInto(container, text);
    return container;
  };

  for (const [index, message] of messages.entries()) {
    if (message.role === 'system') continue;
    if (message.role === 'user') {
      current = undefined;
      entries.push({ kind: 'user', key: key(), text: userText(message) });
      continue;
    }
    if (message.role === 'tool') continue;
    if (!current) {
      current = { kind: 'assistant', key: key(), blocks: [], state: 'done', revision: 0, error: undefined };
      entries.push(current);
    }
    if (message.metadata?.['finishReason'] === 'stopped') current.state = 'stopped';
    for (const part of message.content) {
      if (part.type === 'reasoning' && part.text) {
        const container = rendered('markdown reasoning-text', part.text);
        current.blocks.push({ kind: 'reasoning', key: key(), step: index, container, writer: closedWriter, text: part.text, streaming: false });
      } else if (part.type === 'text' && part.text) {
        current.blocks.push({ kind: 'text', key: key(), step: index, container: rendered('markdown', part.text), writer: closedWriter, text: part.text, streaming: false });
      } else if (part.type === 'tool_call') {
        const result = results.get(part.id);
        const card: ToolCard = {
          id: part.id,
          name: part.name,
          argumentsText: part.arguments,
          status: result ? (result.isError ? 'failed' : 'done') : 'stopped',
          resultText: result?.result,
          askingUser: false,
        };
        current.blocks.push({ kind: 'tool', key: key(), step: index, card });
      }
    }
  }
  return entries;
}

function userText(message: ChatMessage): string {
  return message.content
    .map((part) => (part.type === 'text' ? part.text : part.type === 'image' ? '[image]' : ''))
    .filter(Boolean)
    .join('\n');
}
