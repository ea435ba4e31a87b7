import type { DemoModelContext, DemoToolCallSeen } from '../../src/testing/index.js';
import type { ConversionRequest } from './grammar/conversion-parser.js';

/** What the previous turn of the conversation gave, as the model reads it from the request. */
export interface PreviousTurn {
  /** The number the last calculation or conversion gave ("double that"). */
  readonly number: number | undefined;
  /** The last conversion asked for ("now in feet", "what about 20 miles?"). */
  readonly conversion: ConversionRequest | undefined;
  /** Whether the last answer told the time ("and in Paris?"). */
  readonly wasTime: boolean;
  /** The last answer's text ("make that shorter"). */
  readonly answer: string;
}

const nothing: PreviousTurn = {
  number: undefined,
  conversion: undefined,
  wasTime: false,
  answer: '',
};

type JsonRecord = Readonly<Record<string, unknown>>;
const isRecord = (value: unknown): value is JsonRecord =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function conversionOf(call: DemoToolCallSeen): ConversionRequest | undefined {
  const args = call.arguments;
  if (
    !isRecord(args) ||
    typeof args['value'] !== 'number' ||
    typeof args['from'] !== 'string' ||
    typeof args['to'] !== 'string'
  )
    return undefined;
  return { value: args['value'], from: args['from'], to: args['to'] };
}

/**
 * Reads the turn before the last user message from the request's messages, as a real model
 * reads its context: the tool calls it made, the results they returned and its final answer.
 */
export function readPreviousTurn(context: DemoModelContext): PreviousTurn {
  const { messages } = context;
  const lastUser = messages.findLastIndex((message) => message.role === 'user');
  const previousUser = messages.findLastIndex(
    (message, index) => index < lastUser && message.role === 'user',
  );
  if (lastUser < 0 || previousUser < 0) return nothing;
  const turn = messages.slice(previousUser + 1, lastUser);
  const calls = turn.flatMap((message) => message.toolCalls);
  const resultOf = (call: DemoToolCallSeen): unknown =>
    parseJson(
      turn.find((message) => message.role === 'tool' && message.toolCallId === call.id)?.text ?? '',
    );
  let number: number | undefined;
  let conversion: ConversionRequest | undefined;
  for (const call of calls) {
    const result = resultOf(call);
    const value =
      isRecord(result) && typeof result['result'] === 'number' ? result['result'] : undefined;
    if (call.name === 'calculator' && value !== undefined) number = value;
    if (call.name === 'convert_units') {
      conversion = conversionOf(call) ?? conversion;
      if (value !== undefined) number = value;
    }
  }
  const answer =
    turn.findLast((message) => message.role === 'assistant' && message.text.trim() !== '')?.text ??
    '';
  return {
    number,
    conversion,
    wasTime: calls.some((call) => call.name === 'get_current_time'),
    answer,
  };
}
