import { createId } from '../internal/create-id.js';

/** Who wrote a message. `tool` messages carry the results of one tool round. */
export type ChatRole = 'system' | 'user' | 'assistant' | 'tool';

/** Plain text. */
export interface TextPart {
  readonly type: 'text';
  readonly text: string;
  /** Anything else worth keeping about this part (e.g. fields of an imported format); round-trips through JSON. */
  readonly metadata?: Readonly<Record<string, unknown>>;
}

/**
 * An image the model should see (vision models), by `https:` URL or base64 `data:image/...` URL;
 * `OpenAIChatAPI` refuses any other URL and data URLs over its `maxImageBytes` before sending.
 */
export interface ImagePart {
  readonly type: 'image';
  /** An `https:` URL or a `data:image/...;base64,` URL. */
  readonly url: string;
  /** MIME type when known (always known for data URLs). */
  readonly mimeType?: string;
  /** OpenAI's `detail` hint. */
  readonly detail?: 'auto' | 'low' | 'high';
  /** Anything else worth keeping about this part (e.g. fields of an imported format); round-trips through JSON. */
  readonly metadata?: Readonly<Record<string, unknown>>;
}

/** A call the model asked for. */
export interface ToolCallPart {
  readonly type: 'tool_call';
  /** The provider's call id, echoed back in the matching {@link ToolResultPart}. */
  readonly id: string;
  /** The tool's name as the model wrote it. */
  readonly name: string;
  /** The arguments exactly as the model streamed them (JSON text, `'{}'` when empty). */
  readonly arguments: string;
  /** Anything else worth keeping about this part (e.g. fields of an imported format); round-trips through JSON. */
  readonly metadata?: Readonly<Record<string, unknown>>;
}

/** The outcome of one tool call, sent back to the model. */
export interface ToolResultPart {
  readonly type: 'tool_result';
  /** The id of the {@link ToolCallPart} this answers. */
  readonly toolCallId: string;
  readonly toolName: string;
  /** The result as JSON text: what the model reads. */
  readonly result: string;
  /** True when the call failed, was denied or could not run. */
  readonly isError?: boolean;
  /** Anything else worth keeping about this part (e.g. fields of an imported format); round-trips through JSON. */
  readonly metadata?: Readonly<Record<string, unknown>>;
}

/** The model's visible reasoning ("thinking"). */
export interface ReasoningPart {
  readonly type: 'reasoning';
  readonly text: string;
  /** Provider signature that must be echoed back, when the provider gives one. */
  readonly signature?: string;
  /** Anything else worth keeping about this part (e.g. fields of an imported format); round-trips through JSON. */
  readonly metadata?: Readonly<Record<string, unknown>>;
}

/** Any piece of a message's content. */
export type ChatMessagePart = TextPart | ImagePart | ToolCallPart | ToolResultPart | ReasoningPart;

/** Token counts for one request or, summed, for a whole turn. */
export interface ChatUsage {
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly totalTokens: number;
  /** Reasoning tokens, when the provider reports them. */
  readonly reasoningTokens?: number;
  /** Prompt tokens served from the provider's cache, when reported. */
  readonly cachedInputTokens?: number;
}

/**
 * One message of a conversation. A plain, JSON-serialisable object: safe to store,
 * `structuredClone` or post to a worker.
 */
export interface ChatMessage {
  /** Unique id (a UUID unless you set one). */
  readonly id: string;
  readonly role: ChatRole;
  readonly content: readonly ChatMessagePart[];
  /** ISO-8601 creation time. */
  readonly createdAt: string;
  /** Tokens used to produce this message (assistant messages from the agent). */
  readonly usage?: ChatUsage;
  /**
   * Anything else worth keeping (provider response id, model); round-trips through JSON. The key
   * `python` holds what a Python ToolAgents import could not map, so it can be written back.
   */
  readonly metadata?: Readonly<Record<string, unknown>>;
}

/** Options shared by the message factories. */
export interface CreateMessageOptions {
  id?: string;
  createdAt?: string | Date;
  metadata?: Record<string, unknown>;
}

function create(
  role: ChatRole,
  content: readonly ChatMessagePart[],
  options: CreateMessageOptions = {},
): ChatMessage {
  const createdAt =
    options.createdAt instanceof Date
      ? options.createdAt.toISOString()
      : (options.createdAt ?? new Date().toISOString());
  return {
    id: options.id ?? createId(),
    role,
    content,
    createdAt,
    ...(options.metadata ? { metadata: options.metadata } : {}),
  };
}

function toParts(content: string | readonly ChatMessagePart[]): readonly ChatMessagePart[] {
  return typeof content === 'string' ? [{ type: 'text', text: content }] : content;
}

/** Factories for {@link ChatMessage}, named as in the Python ToolAgents library. */
export const ChatMessage = {
  /** A system prompt. */
  createSystemMessage(text: string, options?: CreateMessageOptions): ChatMessage {
    return create('system', toParts(text), options);
  },
  /** A user message: text, or parts (text and images). */
  createUserMessage(
    content: string | readonly ChatMessagePart[],
    options?: CreateMessageOptions,
  ): ChatMessage {
    return create('user', toParts(content), options);
  },
  /** An assistant message: text, or parts (text, reasoning, tool calls). */
  createAssistantMessage(
    content: string | readonly ChatMessagePart[],
    options?: CreateMessageOptions,
  ): ChatMessage {
    return create('assistant', toParts(content), options);
  },
  /** A tool message holding the results of one tool round. */
  createToolMessage(
    results: readonly ToolResultPart[],
    options?: CreateMessageOptions,
  ): ChatMessage {
    return create('tool', results, options);
  },
  /** The concatenated text parts of a message. */
  getText(message: ChatMessage): string {
    let text = '';
    for (const part of message.content) if (part.type === 'text') text += part.text;
    return text;
  },
} as const;
