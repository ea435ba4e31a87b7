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

/** Any JSON value that survives `JSON.stringify` unchanged. */
export const jsonValueSchema = z.custom<JsonValue>(
  (value) => isJsonValue(value),
  'Invalid input: expected a JSON value',
);

/** `metadata`: any JSON values by key. */
export const metadataSchema = z.record(z.string(), jsonValueSchema);

/** A `ChatRole`. */
export const chatRoleSchema = z.enum(['system', 'user', 'assistant', 'tool']);

const tokenCount = z.number().nonnegative();

/** A {@link ChatUsage}. */
export const chatUsageSchema = z.strictObject({
  inputTokens: tokenCount,
  outputTokens: tokenCount,
  totalTokens: tokenCount,
  reasoningTokens: tokenCount.exactOptional(),
  cachedInputTokens: tokenCount.exactOptional(),
}) satisfies z.ZodType<ChatUsage>;

/** A {@link TextPart}. */
export const textPartSchema = z.strictObject({
  type: z.literal('text'),
  text: z.string(),
  metadata: metadataSchema.exactOptional(),
}) satisfies z.ZodType<TextPart>;

/** An {@link ImagePart}. */
export const imagePartSchema = z.strictObject({
  type: z.literal('image'),
  url: z.string().min(1),
  mimeType: z.string().exactOptional(),
  detail: z.enum(['auto', 'low', 'high']).exactOptional(),
  metadata: metadataSchema.exactOptional(),
}) satisfies z.ZodType<ImagePart>;

/** A {@link ToolCallPart}. */
export const toolCallPartSchema = z.strictObject({
  type: z.literal('tool_call'),
  id: z.string(),
  name: z.string(),
  arguments: z.string(),
  metadata: metadataSchema.exactOptional(),
}) satisfies z.ZodType<ToolCallPart>;

/** A {@link ToolResultPart}. */
export const toolResultPartSchema = z.strictObject({
  type: z.literal('tool_result'),
  toolCallId: z.string(),
  toolName: z.string(),
  result: z.string(),
  isError: z.boolean().exactOptional(),
  metadata: metadataSchema.exactOptional(),
}) satisfies z.ZodType<ToolResultPart>;

/** A {@link ReasoningPart}. */
export const reasoningPartSchema = z.strictObject({
  type: z.literal('reasoning'),
  text: z.string(),
  signature: z.string().exactOptional(),
  metadata: metadataSchema.exactOptional(),
}) satisfies z.ZodType<ReasoningPart>;

/** Any {@link ChatMessagePart}, told apart by `type`. */
export const chatMessagePartSchema = z.discriminatedUnion('type', [
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
export const chatMessageSchema = z.strictObject({
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
