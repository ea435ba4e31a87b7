import type { ChatMessage, ChatMessagePart, ToolCallPart } from '../messages/chat-message.js';
import type { OpenAIToolDefinition } from '../tools/function-tool.js';
import type { ChatSettings } from './chat-settings.js';
import { WireCallIds } from './wire-call-ids.js';

type WireMessage = Record<string, unknown>;

function textOf(parts: readonly ChatMessagePart[]): string {
  let text = '';
  for (const part of parts) if (part.type === 'text') text += part.text;
  return text;
}

function userContent(parts: readonly ChatMessagePart[]): string | Record<string, unknown>[] {
  if (!parts.some((part) => part.type === 'image')) return textOf(parts);
  const wire: Record<string, unknown>[] = [];
  for (const part of parts) {
    if (part.type === 'text') wire.push({ type: 'text', text: part.text });
    if (part.type === 'image')
      wire.push({
        type: 'image_url',
        image_url: part.detail ? { url: part.url, detail: part.detail } : { url: part.url },
      });
  }
  return wire;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function wireToolCall(call: ToolCallPart, id: string): Record<string, unknown> {
  const extra = call.metadata?.['wire'];
  // Provider extras (Gemini's thought signature) go back verbatim, but never replace the call's own fields.
  return {
    ...(isPlainObject(extra) ? extra : {}),
    id,
    type: 'function',
    function: { name: call.name, arguments: call.arguments },
  };
}

/**
 * Converts our messages to the chat-completions `messages` array (one `tool` message per call id).
 * Tool-call ids are made unique within the request, and each result is paired with its call by
 * id and order; a call's `metadata.wire` fields are sent back on it.
 */
export function toWireMessages(messages: readonly ChatMessage[]): WireMessage[] {
  const wire: WireMessage[] = [];
  const ids = new WireCallIds();
  for (const message of messages) {
    switch (message.role) {
      case 'system':
        wire.push({ role: 'system', content: textOf(message.content) });
        break;
      case 'user':
        wire.push({ role: 'user', content: userContent(message.content) });
        break;
      case 'assistant': {
        ids.beginAssistant();
        const calls = message.content.filter(
          (part): part is ToolCallPart => part.type === 'tool_call',
        );
        const text = textOf(message.content);
        const entry: WireMessage = {
          role: 'assistant',
          content: text === '' && calls.length > 0 ? null : text,
        };
        if (calls.length > 0)
          entry['tool_calls'] = calls.map((call) => wireToolCall(call, ids.forCall(call.id)));
        wire.push(entry);
        break;
      }
      case 'tool':
        for (const part of message.content) {
          if (part.type === 'tool_result')
            wire.push({
              role: 'tool',
              tool_call_id: ids.forResult(part.toolCallId),
              content: part.result,
            });
        }
        break;
    }
  }
  return wire;
}

/** Builds the JSON body of a streaming chat-completions request. Unset settings are not sent. */
export function buildRequestBody(
  model: string,
  messages: readonly ChatMessage[],
  settings: Readonly<ChatSettings>,
  tools: readonly OpenAIToolDefinition[],
): Record<string, unknown> {
  const body: Record<string, unknown> = { model, messages: toWireMessages(messages), stream: true };
  if (settings.includeUsage !== false) body['stream_options'] = { include_usage: true };
  if (tools.length > 0) {
    body['tools'] = tools;
    if (settings.toolChoice !== undefined) body['tool_choice'] = settings.toolChoice;
    if (settings.parallelToolCalls !== undefined)
      body['parallel_tool_calls'] = settings.parallelToolCalls;
  }
  const optional: [string, unknown][] = [
    ['temperature', settings.temperature],
    ['top_p', settings.topP],
    [settings.maxTokensField ?? 'max_tokens', settings.maxTokens],
    ['stop', settings.stop],
    ['seed', settings.seed],
    ['presence_penalty', settings.presencePenalty],
    ['frequency_penalty', settings.frequencyPenalty],
    ['response_format', settings.responseFormat],
    ['reasoning_effort', settings.reasoningEffort],
  ];
  for (const [key, value] of optional) if (value !== undefined) body[key] = value;
  return settings.extraBody ? { ...body, ...settings.extraBody } : body;
}
