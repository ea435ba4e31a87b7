/**
 * A synthetic OpenAI chat-completions stream, deterministic from its seed: `count` delta
 * events (text, optionally followed by tool-call argument deltas), a finish event and
 * `[DONE]`, cut into random-sized network reads or delivered one event per read. Plain JS so Node and the browser bundle share it.
 */

/** xorshift32 in [0, 1): the same seed gives the same stream and the same cuts. */
export function seeded(seed) {
  let state = seed >>> 0 || 0x9e3779b9;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 0x1_0000_0000;
  };
}

// Mostly ASCII with some multi-byte text, so random cuts also land inside UTF-8 sequences.
const words = [
  'the',
  'agent',
  'streams',
  'tokens',
  'over',
  'fetch',
  'and',
  'runs',
  'tools',
  'café',
  'naïve',
  '数据',
  'résumé',
  'ok',
  'JSON',
  'with',
  'a',
  'table',
  '—',
  'done',
  '🙂',
  'value',
  'of',
  'x',
];

const envelope =
  '{"id":"chatcmpl-bench","object":"chat.completion.chunk","created":1700000000,"model":"bench-model","system_fingerprint":"fp_bench","choices":[{"index":0,"delta":';
const tail = ',"logprobs":null,"finish_reason":null}]}';

/**
 * @param {{ count?: number, toolShare?: number, toolCalls?: number, seed?: number, maxPiece?: number }} options
 *   `toolShare`: the fraction of the `count` delta events that are tool-call deltas (after the text).
 *   `maxPiece`: network reads are 1..maxPiece bytes, uniformly; 0: one read per event.
 */
export function syntheticStream({
  count = 100_000,
  toolShare = 0,
  toolCalls = 10,
  seed = 42,
  maxPiece = 512,
} = {}) {
  const random = seeded(seed);
  const parts = [];
  const toolEvents = Math.round(count * toolShare);
  const textEvents = count - toolEvents;
  let textChars = 0;
  parts.push(`data: ${envelope}{"role":"assistant","content":""}${tail}\n\n`);
  for (let i = 0; i < textEvents; i++) {
    const text = ` ${words[Math.floor(random() * words.length)]}`;
    textChars += text.length;
    parts.push(`data: ${envelope}{"content":${JSON.stringify(text)}}${tail}\n\n`);
  }
  // Each call: one opening delta (id, name), then argument deltas that together form valid JSON.
  const calls = toolEvents > 0 ? Math.min(toolCalls, Math.floor(toolEvents / 3)) : 0;
  const argumentTexts = [];
  let left = toolEvents;
  for (let c = 0; c < calls; c++) {
    const deltas = Math.floor(left / (calls - c));
    left -= deltas;
    const args = [];
    parts.push(
      `data: ${envelope}{"tool_calls":[{"index":${c},"id":"call_bench_${c}","type":"function","function":{"name":"lookup","arguments":""}}]}${tail}\n\n`,
    );
    const pieces = ['{"query":"'];
    // The opening delta counts as one of the call's `deltas`; the argument pieces are the rest.
    for (let d = 3; d < deltas; d++) pieces.push(`${words[Math.floor(random() * 5)]} `);
    pieces.push('"}');
    for (const piece of pieces) {
      args.push(piece);
      parts.push(
        `data: ${envelope}{"tool_calls":[{"index":${c},"function":{"arguments":${JSON.stringify(piece)}}}]}${tail}\n\n`,
      );
    }
    argumentTexts.push(args.join(''));
  }
  parts.push(
    `data: ${envelope}{},"logprobs":null,"finish_reason":"${calls ? 'tool_calls' : 'stop'}"}]}\n\n`,
  );
  parts.push('data: [DONE]\n\n');
  const encoder = new TextEncoder();
  const bytes = encoder.encode(parts.join(''));
  const pieces = maxPiece === 0 ? parts.map((part) => encoder.encode(part)) : [];
  for (let offset = 0; maxPiece > 0 && offset < bytes.length;) {
    const end = Math.min(bytes.length, offset + 1 + Math.floor(random() * maxPiece));
    pieces.push(bytes.slice(offset, end));
    offset = end;
  }
  return {
    pieces,
    bytes: bytes.length,
    expected: {
      deltaEvents: parts.length - 3,
      events: parts.length - 1,
      textEvents,
      toolEvents,
      toolCalls: calls,
      textChars,
      argumentTexts,
    },
  };
}

/** A fresh `Response` over a pull-based `ReadableStream` of the pieces, one read per piece. */
export function responseOver(pieces) {
  let next = 0;
  const body = new ReadableStream(
    {
      pull(controller) {
        if (next < pieces.length) controller.enqueue(pieces[next++]);
        else controller.close();
      },
    },
    { highWaterMark: 0 },
  );
  return new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } });
}
