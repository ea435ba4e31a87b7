import * as z from 'zod';
import { chatMessageSchemas } from './chat-message-schema.js';
import { fromPythonDateTime } from './python-datetime.js';

/**
 * Zod schemas of the JSON that `ChatHistory.save_to_json` writes in the Python ToolAgents library
 * (its pydantic models, version 0.3.0). Keys we do not know are kept (as JSON), so they can be
 * written back.
 */

function buildPythonSchemas() {
  const jsonValue = chatMessageSchemas().jsonValueSchema;
  const jsonObject = z.record(z.string(), jsonValue);

  const pythonDateTime = z
    .string()
    .refine(
      (text) => fromPythonDateTime(text) !== undefined,
      'Invalid input: expected an ISO-8601 date-time',
    );

  const additionalFields = jsonObject.exactOptional();

  /** `TextContent`. */
  const pythonTextContentSchema = z
    .object({ type: z.literal('text'), additional_fields: additionalFields, content: z.string() })
    .catchall(jsonValue);

  /** `BinaryContent`: a URL or base64 data with its MIME type. */
  const pythonBinaryContentSchema = z
    .object({
      type: z.literal('binary'),
      additional_fields: additionalFields,
      storage_type: z.enum(['url', 'base64']),
      mime_type: z.string(),
      content: z.string(),
    })
    .catchall(jsonValue);

  /** `ToolCallContent`: arguments are an object, a string or null. */
  const pythonToolCallContentSchema = z
    .object({
      type: z.literal('tool_call'),
      additional_fields: additionalFields,
      tool_call_id: z.string(),
      tool_call_name: z.string(),
      tool_call_arguments: z.union([jsonObject, z.string(), z.null()]),
    })
    .catchall(jsonValue);

  /** `ToolCallResultContent`. */
  const pythonToolCallResultContentSchema = z
    .object({
      type: z.literal('tool_call_result'),
      additional_fields: additionalFields,
      tool_call_result_id: z.string(),
      tool_call_id: z.string(),
      tool_call_name: z.string(),
      tool_call_result: z.string(),
    })
    .catchall(jsonValue);

  /** `ReasoningContent`; every field but `type` has a default in Python. */
  const pythonReasoningContentSchema = z
    .object({
      type: z.literal('reasoning'),
      additional_fields: additionalFields,
      thinking: z.string().nullable().exactOptional(),
      signature: z.string().nullable().exactOptional(),
      is_redacted: z.boolean().exactOptional(),
      redacted_data: z.string().nullable().exactOptional(),
    })
    .catchall(jsonValue);

  /** Any content part, told apart by `type`. */
  const pythonContentSchema = z.discriminatedUnion('type', [
    pythonTextContentSchema,
    pythonBinaryContentSchema,
    pythonToolCallContentSchema,
    pythonToolCallResultContentSchema,
    pythonReasoningContentSchema,
  ]);

  const tokenCount = z.number().nonnegative();

  /** `TokenUsage`; its counts default to 0 in Python. */
  const pythonTokenUsageSchema = z
    .object({
      input_tokens: tokenCount.exactOptional(),
      output_tokens: tokenCount.exactOptional(),
      total_tokens: tokenCount.exactOptional(),
      details: jsonObject.exactOptional(),
    })
    .catchall(jsonValue);

  /** `ChatMessage`. `updated_at` and `token_usage` may be missing (files from older versions). */
  const pythonChatMessageSchema = z
    .object({
      id: z.string(),
      role: z.enum(['system', 'user', 'assistant', 'tool', 'custom']),
      content: z.array(pythonContentSchema),
      created_at: pythonDateTime,
      updated_at: pythonDateTime.exactOptional(),
      additional_fields: additionalFields,
      additional_information: jsonObject.exactOptional(),
      token_usage: pythonTokenUsageSchema.nullable().exactOptional(),
    })
    .catchall(jsonValue);

  /** `ChatHistory`: `id` and `title` have defaults in Python. */
  const pythonChatHistorySchema = z
    .object({
      id: z.string().exactOptional(),
      title: z.string().exactOptional(),
      messages: z.array(pythonChatMessageSchema),
      metadata: jsonObject.exactOptional(),
    })
    .catchall(jsonValue);
  return {
    pythonTextContentSchema,
    pythonBinaryContentSchema,
    pythonToolCallContentSchema,
    pythonToolCallResultContentSchema,
    pythonReasoningContentSchema,
    pythonContentSchema,
    pythonTokenUsageSchema,
    pythonChatMessageSchema,
    pythonChatHistorySchema,
  };
}

/** The zod schemas of the Python library's JSON. */
export type PythonSchemas = ReturnType<typeof buildPythonSchemas>;

let built: PythonSchemas | undefined;

/** The Python JSON schemas, built on first use so that a bundle without the Python import leaves them out. */
export function pythonSchemas(): PythonSchemas {
  return (built ??= buildPythonSchemas());
}

/** A content part as the Python library writes it. */
export type PythonContentJSON = z.output<PythonSchemas['pythonContentSchema']>;
/** A message as the Python library writes it. */
export type PythonChatMessageJSON = z.output<PythonSchemas['pythonChatMessageSchema']>;
/** `token_usage` as the Python library writes it. */
export type PythonTokenUsageJSON = z.output<PythonSchemas['pythonTokenUsageSchema']>;
/** A whole chat history as the Python library writes it. */
export type PythonChatHistoryJSON = z.output<PythonSchemas['pythonChatHistorySchema']>;
