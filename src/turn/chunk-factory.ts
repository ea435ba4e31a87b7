import type {
  ChatResponse,
  FinishChunk,
  ReasoningDeltaChunk,
  TextDeltaChunk,
  ToolCallDelta,
  ToolCallDeltaChunk,
  ToolCallReady,
  ToolCallReadyChunk,
  ToolCallResult,
  ToolCallResultChunk,
  ToolCallStart,
  ToolCallStartChunk,
} from './chat-response.js';

// Object literals with one fixed shape keep chunk creation cheap on the hot path.

export function textDeltaChunk(step: number, text: string): TextDeltaChunk {
  return {
    type: 'text-delta',
    step,
    chunk: text,
    reasoningChunk: '',
    finished: false,
    finishedResponse: undefined,
    toolCallStart: undefined,
    toolCallResult: undefined,
    toolCallDelta: undefined,
    toolCallReady: undefined,
  };
}

export function reasoningDeltaChunk(step: number, text: string): ReasoningDeltaChunk {
  return {
    type: 'reasoning-delta',
    step,
    chunk: '',
    reasoningChunk: text,
    finished: false,
    finishedResponse: undefined,
    toolCallStart: undefined,
    toolCallResult: undefined,
    toolCallDelta: undefined,
    toolCallReady: undefined,
  };
}

export function toolCallStartChunk(step: number, toolCallStart: ToolCallStart): ToolCallStartChunk {
  return {
    type: 'tool-call-start',
    step,
    chunk: '',
    reasoningChunk: '',
    finished: false,
    finishedResponse: undefined,
    toolCallStart,
    toolCallResult: undefined,
    toolCallDelta: undefined,
    toolCallReady: undefined,
  };
}

export function toolCallDeltaChunk(step: number, toolCallDelta: ToolCallDelta): ToolCallDeltaChunk {
  return {
    type: 'tool-call-delta',
    step,
    chunk: '',
    reasoningChunk: '',
    finished: false,
    finishedResponse: undefined,
    toolCallStart: undefined,
    toolCallResult: undefined,
    toolCallDelta,
    toolCallReady: undefined,
  };
}

export function toolCallReadyChunk(step: number, toolCallReady: ToolCallReady): ToolCallReadyChunk {
  return {
    type: 'tool-call-ready',
    step,
    chunk: '',
    reasoningChunk: '',
    finished: false,
    finishedResponse: undefined,
    toolCallStart: undefined,
    toolCallResult: undefined,
    toolCallDelta: undefined,
    toolCallReady,
  };
}

export function toolCallResultChunk(
  step: number,
  toolCallResult: ToolCallResult,
): ToolCallResultChunk {
  return {
    type: 'tool-call-result',
    step,
    chunk: '',
    reasoningChunk: '',
    finished: false,
    finishedResponse: undefined,
    toolCallStart: undefined,
    toolCallResult,
    toolCallDelta: undefined,
    toolCallReady: undefined,
  };
}

export function finishChunk(step: number, finishedResponse: ChatResponse): FinishChunk {
  return {
    type: 'finish',
    step,
    chunk: '',
    reasoningChunk: '',
    finished: true,
    finishedResponse,
    toolCallStart: undefined,
    toolCallResult: undefined,
    toolCallDelta: undefined,
    toolCallReady: undefined,
  };
}
