import * as z from 'zod';
import { isJsonValue, type JsonValue } from './json-value.js';
import type {
  ChatMessage,
  ChatMessagePart,
  ChatUsage,
  ImagePart,
  ReasoningPart,
  TextPart,
  ToolCallPart,
  ToolResultPart,
} from './chat-message.js';

function buildChatMessageSchemas() {
  /** Any JSON value that survives `JSON.stringify` unchanged. */
  const jsonValueSchema = z.custom<JsonValue>(
    (value) => isJsonValue(value),
    'Invalid input: expected a JSON value',
  );

  /** `metadata`: any JSON values by key. */
  const metadataSchema = z.record(z.string(), jsonValueSchema);

  /** A `ChatRole`. */
  const chatRoleSchema = z.enum(['system', 'user', 'assistant', 'tool']);

  const tokenCount = z.number().nonnegative();

  /** A {@link ChatUsage}. */
  const chatUsageSchema = z.strictObject({
    inputTokens: tokenCount,
    outputTokens: tokenCount,
    totalTokens: tokenCount,
    reasoningTokens: tokenCount.exactOptional(),
    cachedInputTokens: tokenCount.exactOptional(),
  }) satisfies z.ZodType<ChatUsage>;

  /** A {@link TextPart}. */
  const textPartSchema = z.strictObject({
    type: z.literal('text'),
    text: z.string(),
    metadata: metadataSchema.exactOptional(),
  }) satisfies z.ZodType<TextPart>;

  /** An {@link ImagePart}. */
  const imagePartSchema = z.strictObject({
    type: z.literal('image'),
    url: z.string().min(1),
    mimeType: z.string().exactOptional(),
    detail: z.enum(['auto', 'low', 'high']).exactOptional(),
    metadata: metadataSchema.exactOptional(),
  }) satisfies z.ZodType<ImagePart>;

  /** A {@link ToolCallPart}. */
  const toolCallPartSchema = z.strictObject({
    type: z.literal('tool_call'),
    id: z.string(),
    name: z.string(),
    arguments: z.string(),
    metadata: metadataSchema.exactOptional(),
  }) satisfies z.ZodType<ToolCallPart>;

  /** A {@link ToolResultPart}. */
  const toolResultPartSchema = z.strictObject({
    type: z.literal('tool_result'),
    toolCallId: z.string(),
    toolName: z.string(),
    result: z.string(),
    isError: z.boolean().exactOptional(),
    metadata: metadataSchema.exactOptional(),
  }) satisfies z.ZodType<ToolResultPart>;

  /** A {@link ReasoningPart}. */
  const reasoningPartSchema = z.strictObject({
    type: z.literal('reasoning'),
    text: z.string(),
    signature: z.string().exactOptional(),
    metadata: metadataSchema.exactOptional(),
  }) satisfies z.ZodType<ReasoningPart>;

  /** Any {@link ChatMessagePart}, told apart by `type`. */
  const chatMessagePartSchema = z.discriminatedUnion('type', [
    textPartSchema,
    imagePartSchema,
    toolCallPartSchema,
    toolResultPartSchema,
    reasoningPartSchema,
  ]) satisfies z.ZodType<ChatMessagePart>;

  /**
   * A {@link ChatMessage}, as stored or posted: validates messages that come from outside
   * (storage, a worker, a server). Unknown keys are rejected, so a typo is reported, not dropped.
   */
  const chatMessageSchema = z.strictObject({
    id: z.string().min(1),
    role: chatRoleSchema,
    content: z.array(chatMessagePartSchema),
    createdAt: z
      .string()
      .refine(
        (value) => !Number.isNaN(Date.parse(value)),
        'Invalid input: expected an ISO-8601 date-time',
      ),
    usage: chatUsageSchema.exactOptional(),
    metadata: metadataSchema.exactOptional(),
  }) satisfies z.ZodType<ChatMessage>;
  return {
    jsonValueSchema,
    metadataSchema,
    chatRoleSchema,
    chatUsageSchema,
    textPartSchema,
    imagePartSchema,
    toolCallPartSchema,
    toolResultPartSchema,
    reasoningPartSchema,
    chatMessagePartSchema,
    chatMessageSchema,
  };
}

/** The zod schemas of {@link ChatMessage} and its parts. */
export type ChatMessageSchemas = ReturnType<typeof buildChatMessageSchemas>;

let built: ChatMessageSchemas | undefined;

/**
 * The schemas of stored and posted messages, built on first use: zod schemas made at module level
 * are calls a bundler must keep, so a page that never validates a message would still carry them.
 */
export function chatMessageSchemas(): ChatMessageSchemas {
  return (built ??= buildChatMessageSchemas());
}
