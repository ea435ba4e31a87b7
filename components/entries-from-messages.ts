import type { ChatMessage, ToolResultPart } from '../src/index.js';
import {
  renderMarkdownInto,
  type MarkdownRenderOptions,
  type MarkdownWriter,
} from './markdown-adapter.js';
import type { AssistantEntry, ToolCard, TranscriptEntry } from './transcript-entry.js';

// Restored text is complete: nothing will be appended.
const closedWriter: MarkdownWriter = { append: () => undefined, end: () => undefined };

let restoreCount = 0;

/**
 * Builds the transcript for a saved conversation: each user message, then one assistant
 * entry for everything up to the next user message (text, reasoning, tool calls with results).
 * System messages are not shown.
 */
export function entriesFromMessages(
  messages: readonly ChatMessage[],
  document: Document,
  markdown: MarkdownRenderOptions = {},
): TranscriptEntry[] {
  const entries: TranscriptEntry[] = [];
  const prefix = `restored-${++restoreCount}`;
  let current: AssistantEntry | undefined;
  let count = 0;
  const key = (): string => `${prefix}-${++count}`;

  const rendered = (className: string, text: string): HTMLElement => {
    const container = document.createElement('div');
    container.className = className;
    renderMarkdownInto(container, text, markdown);
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
      current = {
        kind: 'assistant',
        key: key(),
        blocks: [],
        state: 'done',
        revision: 0,
        error: undefined,
      };
      entries.push(current);
    }
    if (message.metadata?.['finishReason'] === 'stopped') current.state = 'stopped';
    const results = resultsAnswering(messages, index);
    let position = 0;
    for (const part of message.content) {
      if (part.type === 'reasoning' && part.text) {
        const container = rendered('markdown reasoning-text', part.text);
        current.blocks.push({
          kind: 'reasoning',
          key: key(),
          step: index,
          container,
          writer: closedWriter,
          text: part.text,
          streaming: false,
        });
      } else if (part.type === 'text' && part.text) {
        current.blocks.push({
          kind: 'text',
          key: key(),
          step: index,
          container: rendered('markdown', part.text),
          writer: closedWriter,
          text: part.text,
          streaming: false,
        });
      } else if (part.type === 'tool_call') {
        const result = takeResult(results, part.id);
        const card: ToolCard = {
          key: `${prefix}:${index}:${position++}`,
          id: part.id,
          name: part.name,
          argumentsText: part.arguments,
          argumentPieces: [part.arguments],
          arguments: undefined,
          status: result
            ? result.metadata?.['denied'] === true
              ? 'denied'
              : result.isError
                ? 'failed'
                : 'done'
            : 'stopped',
          resultText: result?.result,
          askingUser: false,
        };
        current.blocks.push({ kind: 'tool', key: key(), step: index, card });
      }
    }
  }
  return entries;
}

/** The results in the tool messages right after the assistant message at `index`, in order. */
function resultsAnswering(messages: readonly ChatMessage[], index: number): ToolResultPart[] {
  const results: ToolResultPart[] = [];
  for (let next = index + 1; next < messages.length && messages[next]?.role === 'tool'; next++) {
    for (const part of messages[next]!.content) if (part.type === 'tool_result') results.push(part);
  }
  return results;
}

/**
 * Takes the first unclaimed result answering `id`: calls that share an id (old or imported
 * conversations) are paired with their results in order, so each card shows its own result.
 */
function takeResult(results: ToolResultPart[], id: string): ToolResultPart | undefined {
  const at = results.findIndex((result) => result.toolCallId === id);
  return at === -1 ? undefined : results.splice(at, 1)[0];
}

function userText(message: ChatMessage): string {
  return message.content
    .map((part) => (part.type === 'text' ? part.text : part.type === 'image' ? '[image]' : ''))
    .filter(Boolean)
    .join('\n');
}
