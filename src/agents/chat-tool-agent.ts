import { ToolAgentsError, type PartialResponse } from '../errors.js';
import { ChatMessage, type ChatMessagePart, type ChatUsage, type ToolResultPart } from '../messages/chat-message.js';
import type { ChatAPI, ProviderEvent, ProviderStepResult } from '../provider/chat-api.js';
import type { ChatSettings } from '../provider/chat-settings.js';
import { addUsage, zeroUsage } from '../provider/wire-usage.js';
import type { ToolRegistry } from '../tools/tool-registry.js';
import type { ChatResponse, ChatResponseChunk, ToolCallResult } from './chat-response.js';
import { finishChunk, reasoningDeltaChunk, textDeltaChunk, toolCallDeltaChunk, toolCallReadyChunk, toolCallResultChunk, toolCallStartChunk } from './chunk-factory.js';
import { parseToolArguments, runToolCall } from './run-tool-call.js';
import type { ToolApprovalHandler } from './tool-approval.js';

/** Options of {@link ChatToolAgent}. */
export interface ChatToolAgentOptions {
  /** The backend, usually an `OpenAIChatAPI`. */
  chatApi: ChatAPI;
  /** Most model requests in one turn before the loop stops with `finishReason: 'max_iterations'`. Default 10. */
  maxIterations?: number | undefined;
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
  readonly #approveToolCall: ToolApprovalHandler | undefined;

  constructor(options: ChatToolAgentOptions) {
    this.chatApi = options.chatApi;
    this.maxIterations = Math.max(1, options.maxIterations ?? 10);
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
  getStreamingResponse(options: ChatRequestOptions): AsyncGenerator<ChatResponseChunk, void, undefined> {
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

  async *#runTurn(options: ChatRequestOptions, controller: AbortController, state: { completed: boolean }): AsyncGenerator<ChatResponseChunk, void, undefined> {
    const signal = options.signal ? AbortSignal.any([options.signal, controller.signal]) : controller.signal;
    const settings = options.settings ?? this.chatApi.getDefaultSettings();
    const registry = options.toolRegistry;
    const tools = registry?.getOpenAITools() ?? [];
    const approve = options.approveToolCall ?? this.#approveToolCall;
    const conversation: ChatMessage[] = [...options.messages];
    const turnMessages: ChatMessage[] = [];
    let usage: ChatUsage = zeroUsage;

    try {
      for (let step = 0; ; step++) {
        if (step >= this.maxIterations) {
          state.completed = true;
          yield finishChunk(step - 1, { messages: turnMessages, response: '', finishReason: 'max_iterations', usage });
          return;
        }
        signal.throwIfAborted();
        const textParts: string[] = [];
        const reasoningParts: string[] = [];
        const partial = (): PartialResponse => ({ text: textParts.join(''), reasoning: reasoningParts.join(''), messages: [...turnMessages], usage });
        let result: ProviderStepResult | undefined;
        try {
          // A snapshot: a ChatAPI that keeps the request must not see the conversation grow.
          const request = { messages: [...conversation], settings, tools, signal };
          const batches = this.chatApi.streamChatBatches?.(request) ?? asBatches(this.chatApi.streamChat(request));
          for await (const batch of batches) for (const event of batch) {
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
                yield toolCallStartChunk(step, { id: event.id, name: event.name, index: event.index });
                break;
              case 'tool-call-delta':
                yield toolCallDeltaChunk(step, { id: event.id, name: event.name, argumentsDelta: event.argumentsDelta, argumentsText: event.argumentsText });
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
        if (!result) throw new ToolAgentsError('The chat API ended a step without a finish event.', { partial: partial() });
        usage = addUsage(usage, result.usage);

        const assistant = ChatMessage.createAssistantMessage(assistantParts(result), {
          metadata: { ...result.metadata, finishReason: result.finishReason },
        });
        const assistantMessage: ChatMessage = result.usage ? { ...assistant, usage: result.usage } : assistant;
        turnMessages.push(assistantMessage);
        conversation.push(assistantMessage);

        if (result.toolCalls.length === 0) {
          state.completed = true;
          yield finishChunk(step, { messages: turnMessages, response: result.text, finishReason: result.finishReason, usage });
          return;
        }

        for (const call of result.toolCalls) {
          const parsed = parseToolArguments(call.argumentsText);
          const tool = registry?.getTool(call.name);
          yield toolCallReadyChunk(step, {
            id: call.id,
            name: call.name,
            argumentsText: call.argumentsText,
            arguments: parsed.ok ? parsed.value : undefined,
            requiresApproval: tool?.requiresApproval ?? false,
          });
        }

        // Every call of the step runs at once; results are reported as they land.
        const pending = new Map<number, Promise<[number, ToolCallResult]>>();
        result.toolCalls.forEach((call, index) => {
          pending.set(index, runToolCall(call, registry, approve, signal).then((outcome): [number, ToolCallResult] => [index, outcome]));
        });
        const outcomes: ToolCallResult[] = [];
        while (pending.size > 0) {
          const [index, outcome] = await Promise.race(pending.values());
          pending.delete(index);
          outcomes[index] = outcome;
          yield toolCallResultChunk(step, outcome);
        }
        const results: ToolResultPart[] = outcomes.map((outcome) => ({
          type: 'tool_result',
          toolCallId: outcome.id,
          toolName: outcome.name,
          result: outcome.resultText,
          ...(outcome.isError ? { isError: true } : {}),
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

async function* asBatches(events: AsyncIterable<ProviderEvent>): AsyncGenerator<readonly ProviderEvent[], void, undefined> {
  for await (const event of events) yield [event];
}

function closedEarly(): DOMException {
  return new DOMException('The response stream was closed early.', 'AbortError');
}

function assistantParts(step: ProviderStepResult): ChatMessagePart[] {
  const parts: ChatMessagePart[] = [];
  if (step.reasoning) parts.push({ type: 'reasoning', text: step.reasoning });
  if (step.text) parts.push({ type: 'text', text: step.text });
  for (const call of step.toolCalls) parts.push({ type: 'tool_call', id: call.id, name: call.name, arguments: call.argumentsText });
  return parts;
}
