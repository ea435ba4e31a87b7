import type { ChatResponseChunk } from '../../src/index.js';

/** One row of the live chunk panel. */
export interface ChunkRow {
  readonly type: ChatResponseChunk['type'];
  readonly step: number;
  /** What this chunk adds, in a few characters (JSON-quoted text so spaces and newlines show). */
  readonly delta: string;
}

const maxDelta = 160;
const clip = (text: string): string =>
  text.length > maxDelta ? `${text.slice(0, maxDelta)}…` : text;

/** What a chunk carries, for a developer watching the stream. */
export function describeChunk(chunk: ChatResponseChunk): ChunkRow {
  const row = (delta: string): ChunkRow => ({
    type: chunk.type,
    step: chunk.step,
    delta: clip(delta),
  });
  switch (chunk.type) {
    case 'text-delta':
      return row(JSON.stringify(chunk.chunk));
    case 'reasoning-delta':
      return row(JSON.stringify(chunk.reasoningChunk));
    case 'tool-call-start':
      return row(
        `${chunk.toolCallStart.name} (index ${chunk.toolCallStart.index}, id ${chunk.toolCallStart.id})`,
      );
    case 'tool-call-delta':
      return row(JSON.stringify(chunk.toolCallDelta.argumentsDelta));
    case 'tool-call-ready':
      return row(
        `${chunk.toolCallReady.name} ${chunk.toolCallReady.argumentsText}${chunk.toolCallReady.requiresApproval ? '  (needs approval)' : ''}`,
      );
    case 'tool-call-result': {
      const result = chunk.toolCallResult;
      const label = result.denied ? 'denied' : result.isError ? 'error' : 'ok';
      return row(`${result.name} → ${label}: ${result.resultText}`);
    }
    case 'context-trimmed': {
      const trimmed = chunk.contextTrimmed;
      return row(
        `${trimmed.droppedMessages} oldest messages left out: ~${trimmed.estimatedTokens} of ${trimmed.budget} tokens`,
      );
    }
    case 'finish': {
      const response = chunk.finishedResponse;
      const usage =
        response.usage.totalTokens > 0
          ? `, ${response.usage.inputTokens} in / ${response.usage.outputTokens} out tokens`
          : '';
      return row(
        `finishReason ${response.finishReason}, ${response.messages.length} messages, ${response.response.length} chars${usage}`,
      );
    }
  }
}
