/** One message of a chat-completions request, as the demo model reads it. */
export interface DemoWireMessage {
  readonly role: string;
  /** The text content (text parts joined; `''` when there is none). */
  readonly text: string;
  /** Tool calls of an assistant message. */
  readonly toolCalls: readonly DemoToolCallSeen[];
  /** `tool_call_id` of a tool message. */
  readonly toolCallId: string | undefined;
}

/** A tool call found in an assistant message of the request. */
export interface DemoToolCallSeen {
  readonly id: string;
  readonly name: string;
  /** The arguments parsed from JSON (`undefined` when they are not JSON). */
  readonly arguments: unknown;
}

/** A tool result sent back in the request, matched to the call it answers. */
export interface DemoToolResult {
  readonly id: string;
  /** The tool's name, from the matching call (`''` when no call matches). */
  readonly name: string;
  /** The arguments of the matching call. */
  readonly arguments: unknown;
  /** The result text as sent. */
  readonly content: string;
  /** The result parsed from JSON, or the text when it is not JSON. */
  readonly value: unknown;
  /** The `error` field of an `{ error }` result (a failed, unknown or denied call). */
  readonly error: string | undefined;
}

/** What the demo model knows about one request: everything it decides from. */
export interface DemoModelContext {
  /** Text of the last user message (`''` when there is none). */
  readonly userText: string;
  /** The system prompt (`''` when there is none). */
  readonly systemPrompt: string;
  /** Every message of the request, in order. */
  readonly messages: readonly DemoWireMessage[];
  /** Names of the tools the request offers. */
  readonly toolNames: readonly string[];
  /** Tool results received since the last user message, oldest first (empty on a turn's first request). */
  readonly toolResults: readonly DemoToolResult[];
  /** The `model` the request asked for. */
  readonly model: string;
  /** Whether the request asked for a usage chunk (`stream_options.include_usage`). */
  readonly includeUsage: boolean;
}

type JsonObject = Readonly<Record<string, unknown>>;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const stringField = (object: JsonObject, key: string): string =>
  typeof object[key] === 'string' ? object[key] : '';

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  // Multimodal content: only the text parts matter to a scripted model.
  return content
    .map((part) => (isObject(part) && part['type'] === 'text' ? stringField(part, 'text') : ''))
    .join('');
}

function readToolCalls(value: unknown): DemoToolCallSeen[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isObject).map((call) => {
    const fn = isObject(call['function']) ? call['function'] : {};
    return {
      id: stringField(call, 'id'),
      name: stringField(fn, 'name'),
      arguments: parseJson(stringField(fn, 'arguments')),
    };
  });
}

function readMessage(value: JsonObject): DemoWireMessage {
  const toolCallId = value['tool_call_id'];
  return {
    role: stringField(value, 'role'),
    text: contentText(value['content']),
    toolCalls: readToolCalls(value['tool_calls']),
    toolCallId: typeof toolCallId === 'string' ? toolCallId : undefined,
  };
}

function errorOf(value: unknown): string | undefined {
  return isObject(value) && typeof value['error'] === 'string' ? value['error'] : undefined;
}

function toolResultsSinceLastUser(messages: readonly DemoWireMessage[]): DemoToolResult[] {
  const lastUser = messages.findLastIndex((message) => message.role === 'user');
  const turn = messages.slice(lastUser + 1);
  const calls = new Map(
    turn.flatMap((message) => message.toolCalls).map((call) => [call.id, call]),
  );
  return turn
    .filter((message) => message.role === 'tool')
    .map((message) => {
      const id = message.toolCallId ?? '';
      const call = calls.get(id);
      const parsed = parseJson(message.text);
      const value = parsed === undefined ? message.text : parsed;
      return {
        id,
        name: call?.name ?? '',
        arguments: call?.arguments,
        content: message.text,
        value,
        error: errorOf(value),
      };
    });
}

/**
 * Reads a chat-completions request body into a {@link DemoModelContext}, or returns a message
 * saying why it is not one (an OpenAI-compatible server would answer HTTP 400).
 */
export function readDemoModelContext(body: unknown): DemoModelContext | string {
  if (!isObject(body)) return 'The request body must be a JSON object.';
  const rawMessages = body['messages'];
  if (!Array.isArray(rawMessages) || rawMessages.length === 0)
    return "'messages' must be a non-empty array.";
  const messages = rawMessages.filter(isObject).map(readMessage);
  const tools = Array.isArray(body['tools']) ? body['tools'].filter(isObject) : [];
  const toolNames = tools
    .map((tool) => (isObject(tool['function']) ? stringField(tool['function'], 'name') : ''))
    .filter(Boolean);
  const streamOptions = body['stream_options'];
  return {
    userText: messages.findLast((message) => message.role === 'user')?.text ?? '',
    systemPrompt: messages.find((message) => message.role === 'system')?.text ?? '',
    messages,
    toolNames,
    toolResults: toolResultsSinceLastUser(messages),
    model: stringField(body, 'model'),
    includeUsage: isObject(streamOptions) && streamOptions['include_usage'] === true,
  };
}
