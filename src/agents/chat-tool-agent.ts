import { ToolAgentsError, type PartialResponse } from '../errors.js';
import {
  ChatMessage,
  type ChatMessagePart,
  type ChatUsage,
  type ToolResultPart,
} from '../messages/chat-message.js';
import type { ChatAPI, ProviderEvent, ProviderStepResult } from '../provider/chat-api.js';
import type { ChatSettings } from '../provider/chat-settings.js';
import { addUsage, zeroUsage } from '../provider/wire-usage.js';
import { countOption } from '../internal/check-option.js';
import { inOrderOfSettling } from '../internal/in-order-of-settling.js';
import type { ToolRegistry } from '../tools/tool-registry.js';
import type { ChatResponse, ChatResponseChunk, ToolCallResult } from './chat-response.js';
import {
  finishChunk,
  reasoningDeltaChunk,
  textDeltaChunk,
  toolCallDeltaChunk,
  toolCallReadyChunk,
  toolCallResultChunk,
  toolCallStartChunk,
} from './chunk-factory.js';
import {
  parseToolArguments,
  refusedToolCall,
  runToolCall,
  type ToolCallToRun,
} from './run-tool-call.js';
import type { ToolApprovalHandler } from './tool-approval.js';
import { ToolCallIds } from './tool-call-ids.js';

/** Options of {@link ChatToolAgent}. */
export interface ChatToolAgentOptions {
  /** The backend, usually an `OpenAIChatAPI`. */
  chatApi: ChatAPI;
  /** Most model requests in one turn before the loop stops with `finishReason: 'max_iterations'`. Default 10. */
  maxIterations?: number | undefined;
  /**
   * Most tool calls run for one model request; calls beyond it are not run and get an error
   * result the model reads. Default 64.
   */
  maxToolCallsPerStep?: number | undefined;
  /** Decides on tools marked `requiresApproval`; a per-call handler overrides it. Without one, such calls are denied. */
  approveToolCall?: ToolApprovalHandler | undefined;
}

/** What one turn needs. */
export interface ChatRequestOptions {
  /** The conversation so far. Never mutated. */
  messages: readonly ChatMessage[];
  /** Settings for this turn; defaults to `chatApi.getDefaultSettings()`. */
  settings?: ChatSettings | undefined;
  /** The tools the model may call. */
  toolRegistry?: ToolRegistry | undefined;
  /** Aborts the request, running tools and the loop; the iteration rejects with `signal.reason`. */
  signal?: AbortSignal | undefined;
  /** Overrides the agent's approval handler for this turn. */
  approveToolCall?: ToolApprovalHandler | undefined;
}

/**
 * The agent: streams a model response, runs the tools it calls (concurrently), feeds the
 * results back and loops until the model answers.
 */
export class ChatToolAgent {
  readonly chatApi: ChatAPI;
  readonly maxIterations: number;
  readonly maxToolCallsPerStep: number;
  readonly #approveToolCall: ToolApprovalHandler | undefined;

  /** @throws TypeError when `maxIterations` or `maxToolCallsPerStep` is not a whole number of at least 1. */
  constructor(options: ChatToolAgentOptions) {
    this.chatApi = options.chatApi;
    this.maxIterations = countOption('maxIterations', options.maxIterations, 10, 1);
    this.maxToolCallsPerStep = countOption(
      'maxToolCallsPerStep',
      options.maxToolCallsPerStep,
      64,
      1,
      true,
    );
    this.#approveToolCall = options.approveToolCall;
  }

  /** Runs one turn and resolves with the final response. */
  async getResponse(options: ChatRequestOptions): Promise<ChatResponse> {
    for await (const chunk of this.getStreamingResponse(options)) {
      if (chunk.finished) return chunk.finishedResponse;
    }
    throw new ToolAgentsError('The response stream ended without a final chunk.');
  }

  /**
   * Runs one turn as a stream of chunks; the last one has `finished: true` and the whole
   * {@link ChatResponse}. Leaving a `for await` early, or calling `return()` while a chunk is
   * awaited, cancels the request and any running tools at once.
   */
  getStreamingResponse(
    options: ChatRequestOptions,
  ): AsyncGenerator<ChatResponseChunk, void, undefined> {
    const controller = new AbortController();
    const state = { completed: false };
    const turn = this.#runTurn(options, controller, state);
    // A generator's own return() waits for a pending next(); abort first, so closing the stream while
    // it waits on the network or a tool (as a relayed body's cancel does) stops the turn at once.
    const close = turn.return.bind(turn);
    turn.return = (value) => {
      if (!state.completed) controller.abort(closedEarly());
      return close(value);
    };
    return turn;
  }

  async *#runTurn(
    options: ChatRequestOptions,
    controller: AbortController,
    state: { completed: boolean },
  ): AsyncGenerator<ChatResponseChunk, void, undefined> {
    const signal = options.signal
      ? AbortSignal.any([options.signal, controller.signal])
      : controller.signal;
    const settings = options.settings ?? this.chatApi.getDefaultSettings();
    const registry = options.toolRegistry;
    const tools = registry?.getOpenAITools() ?? [];
    const approve = options.approveToolCall ?? this.#approveToolCall;
    const conversation: ChatMessage[] = [...options.messages];
    const turnMessages: ChatMessage[] = [];
    const ids = new ToolCallIds(options.messages);
    let usage: ChatUsage = zeroUsage;

    try {
      for (let step = 0; ; step++) {
        if (step >= this.maxIterations) {
          state.completed = true;
          yield finishChunk(step - 1, {
            messages: turnMessages,
            response: '',
            finishReason: 'max_iterations',
            usage,
          });
          return;
        }
        signal.throwIfAborted();
        const textParts: string[] = [];
        const reasoningParts: string[] = [];
        const partial = (): PartialResponse => ({
          text: textParts.join(''),
          reasoning: reasoningParts.join(''),
          messages: [...turnMessages],
          usage,
        });
        let result: ProviderStepResult | undefined;
        try {
          // A snapshot: a ChatAPI that keeps the request must not see the conversation grow.
          const request = { messages: [...conversation], settings, tools, signal };
          const batches =
            this.chatApi.streamChatBatches?.(request) ??
            asBatches(this.chatApi.streamChat(request));
          for await (const batch of batches)
            for (const event of batch) {
              switch (event.type) {
                case 'text-delta':
                  textParts.push(event.text);
                  yield textDeltaChunk(step, event.text);
                  break;
                case 'reasoning-delta':
                  reasoningParts.push(event.text);
                  yield reasoningDeltaChunk(step, event.text);
                  break;
                case 'tool-call-start':
                  yield toolCallStartChunk(step, {
                    id: ids.idFor(step, event.index, event.id),
                    name: event.name,
                    index: event.index,
                  });
                  break;
                case 'tool-call-delta':
                  yield toolCallDeltaChunk(step, {
                    id: ids.idFor(step, event.index, event.id),
                    index: event.index,
                    name: event.name,
                    argumentsDelta: event.argumentsDelta,
                    argumentsText: event.argumentsText,
                  });
                  break;
                case 'finish':
                  result = event.step;
                  break;
              }
            }
        } catch (error) {
          if (signal.aborted) throw signal.reason;
          if (error instanceof ToolAgentsError) error.partial = partial();
          throw error;
        }
        if (!result)
          throw new ToolAgentsError('The chat API ended a step without a finish event.', {
            partial: partial(),
          });
        usage = addUsage(usage, result.usage);

        const calls: ToolCallToRun[] = result.toolCalls.map((call, position) => {
          const index = call.index ?? position;
          return {
            step,
            index,
            id: ids.idFor(step, index, call.id),
            name: call.name,
            argumentsText: call.argumentsText,
            parsedArguments: parseToolArguments(call.argumentsText),
          };
        });
        const assistant = ChatMessage.createAssistantMessage(assistantParts(result, calls), {
          metadata: { ...result.metadata, finishReason: result.finishReason },
        });
        const assistantMessage: ChatMessage = result.usage
          ? { ...assistant, usage: result.usage }
          : assistant;
        turnMessages.push(assistantMessage);
        conversation.push(assistantMessage);

        if (calls.length === 0) {
          state.completed = true;
          yield finishChunk(step, {
            messages: turnMessages,
            response: result.text,
            finishReason: result.finishReason,
            usage,
          });
          return;
        }

        for (const call of calls) {
          yield toolCallReadyChunk(step, {
            id: call.id,
            index: call.index ?? 0,
            name: call.name,
            argumentsText: call.argumentsText,
            arguments: call.parsedArguments?.ok ? call.parsedArguments.value : undefined,
            requiresApproval: registry?.getTool(call.name)?.requiresApproval ?? false,
          });
        }

        // Every call of the step runs at once (up to the limit); results are reported as they land.
        const limit = this.maxToolCallsPerStep;
        const runs = calls.map((call, position) =>
          position < limit
            ? runToolCall(call, registry, approve, signal)
            : Promise.resolve(
                refusedToolCall(
                  call,
                  `Not run: this response made ${calls.length} tool calls and at most ${limit} run per response. Make fewer calls at a time.`,
                ),
              ),
        );
        const outcomes: ToolCallResult[] = [];
        for await (const outcome of inOrderOfSettling(runs))
          yield toolCallResultChunk(step, outcome);
        for (const run of runs) outcomes.push(await run);
        const results: ToolResultPart[] = outcomes.map((outcome) => ({
          type: 'tool_result',
          toolCallId: outcome.id,
          toolName: outcome.name,
          result: outcome.resultText,
          ...(outcome.isError ? { isError: true } : {}),
          // A denial is not a failure: a restored conversation shows it as denied.
          ...(outcome.denied ? { metadata: { denied: true } } : {}),
        }));
        const toolMessage = ChatMessage.createToolMessage(results);
        turnMessages.push(toolMessage);
        conversation.push(toolMessage);
      }
    } finally {
      // A consumer that stops iterating early stops the request and the tools too.
      if (!state.completed) controller.abort(closedEarly());
    }
  }
}

async function* asBatches(
  events: AsyncIterable<ProviderEvent>,
): AsyncGenerator<readonly ProviderEvent[], void, undefined> {
  for await (const event of events) yield [event];
}

function closedEarly(): DOMException {
  return new DOMException('The response stream was closed early.', 'AbortError');
}

function assistantParts(
  step: ProviderStepResult,
  calls: readonly ToolCallToRun[],
): ChatMessagePart[] {
  const parts: ChatMessagePart[] = [];
  if (step.reasoning) parts.push({ type: 'reasoning', text: step.reasoning });
  if (step.text) parts.push({ type: 'text', text: step.text });
  calls.forEach((call, position) => {
    const wire = step.toolCalls[position];
    const metadata: Record<string, unknown> = {};
    // The provider's own id, when it was rewritten to be unique; its extra wire fields, to send back verbatim.
    if (wire && wire.id !== '' && wire.id !== call.id) metadata['providerId'] = wire.id;
    if (wire?.extra) metadata['wire'] = wire.extra;
    const part: ChatMessagePart = {
      type: 'tool_call',
      id: call.id,
      name: call.name,
      arguments: call.argumentsText,
    };
    parts.push(Object.keys(metadata).length > 0 ? { ...part, metadata } : part);
  });
  return parts;
}
