import { ChatMessage, type ChatMessagePart, type CreateMessageOptions } from './chat-message.js';
import {
  chatHistoryFormat,
  chatHistoryVersion,
  parseChatHistoryJSON,
  type ChatHistoryJSON,
} from './chat-history-json.js';
import { snapshotMessage } from './snapshot-message.js';

/** Options of {@link ChatHistory}. */
export interface ChatHistoryOptions {
  /** Messages to start with. Default: none. */
  messages?: Iterable<ChatMessage>;
  /** Data about the whole conversation. Default: `{}`. */
  metadata?: Record<string, unknown>;
}

/**
 * A conversation: the messages to send with the next request, in order.
 *
 * Stored messages are frozen copies, so neither the caller's objects nor the arrays handed out
 * can change the history behind its back.
 *
 * @example
 * ```ts
 * const history = new ChatHistory();
 * history.addSystemMessage('You are a helpful assistant.');
 * history.addUserMessage(input);
 * const response = await agent.getResponse({ messages: history.getMessages(), settings, toolRegistry });
 * history.addMessages(response.messages);
 * ```
 */
export class ChatHistory {
  readonly #messages: ChatMessage[] = [];
  /**
   * Data about the whole conversation (JSON values); saved with it. A history imported from
   * Python keeps its `id`, `title` and other fields here under `python`.
   */
  metadata: Record<string, unknown>;

  constructor(options: ChatHistoryOptions = {}) {
    this.metadata = options.metadata ?? {};
    if (options.messages) this.addMessages(options.messages);
  }

  /** Appends a system prompt; returns the stored message. */
  addSystemMessage(text: string, options?: CreateMessageOptions): ChatMessage {
    return this.#push(ChatMessage.createSystemMessage(text, options));
  }

  /** Appends a user message (text, or text and image parts); returns the stored message. */
  addUserMessage(
    content: string | readonly ChatMessagePart[],
    options?: CreateMessageOptions,
  ): ChatMessage {
    return this.#push(ChatMessage.createUserMessage(content, options));
  }

  /** Appends an assistant message; returns the stored message. */
  addAssistantMessage(
    content: string | readonly ChatMessagePart[],
    options?: CreateMessageOptions,
  ): ChatMessage {
    return this.#push(ChatMessage.createAssistantMessage(content, options));
  }

  /** Appends one message (a frozen copy of it); returns the stored message. */
  addMessage(message: ChatMessage): ChatMessage {
    return this.#push(message);
  }

  /** Appends messages in order, e.g. a turn's `response.messages`. */
  addMessages(messages: Iterable<ChatMessage>): void {
    for (const message of messages) this.#push(message);
  }

  /** The messages, in order, as a new array: changing it never changes the history. */
  getMessages(): ChatMessage[] {
    return [...this.#messages];
  }

  /** The newest message, or `undefined` when the history is empty. */
  getLastMessage(): ChatMessage | undefined {
    return this.#messages.at(-1);
  }

  /** Number of messages. */
  get length(): number {
    return this.#messages.length;
  }

  /** Removes every message (metadata stays). */
  clear(): void {
    this.#messages.length = 0;
  }

  /** The history in our versioned JSON format; `JSON.stringify(history)` uses it. */
  toJSON(): ChatHistoryJSON {
    const metadata =
      Object.keys(this.metadata).length > 0 ? { metadata: structuredClone(this.metadata) } : {};
    return {
      format: chatHistoryFormat,
      version: chatHistoryVersion,
      messages: this.getMessages(),
      ...metadata,
    };
  }

  /** The history as JSON text in our format (see {@link ChatHistory.loadFromJSON}). */
  saveToJSON(space?: string | number): string {
    return JSON.stringify(this.toJSON(), null, space);
  }

  /**
   * Reads a history saved by {@link ChatHistory.saveToJSON} (text or the parsed object).
   * @throws TypeError naming what is wrong and where, e.g. `at messages[1].role: Invalid option…`.
   */
  static loadFromJSON(json: string | object): ChatHistory {
    return new ChatHistory(parseChatHistoryJSON(json));
  }

  #push(message: ChatMessage): ChatMessage {
    const stored = snapshotMessage(message);
    this.#messages.push(stored);
    return stored;
  }
}
