import { ToolAgentsError, withTurnSnapshot } from '../errors.js';
import { countOption } from '../internal/check-option.js';
import { createId } from '../internal/create-id.js';
import { inOrderOfSettling } from '../internal/in-order-of-settling.js';
import type {
  ChatAPI,
  ProviderEvent,
  ProviderStepResult,
  ProviderToolCall,
} from '../provider/chat-api.js';
import type { ChatSettings } from '../provider/chat-settings.js';
import type { ToolRegistry } from '../tools/tool-registry.js';
import type { ChatResponse, ChatResponseChunk } from '../turn/chat-response.js';
import { chunkOf } from '../turn/turn-chunks.js';
import type { StepCall, TurnEvent } from '../turn/turn-event.js';
import { turnMessages } from '../turn/turn-messages.js';
import type { TurnState } from '../turn/turn-state.js';
import type { ChatMessage } from '../messages/chat-message.js';
import { ChatTurn } from './chat-turn.js';
import {
  parseToolArguments,
  refusedToolCall,
  runToolCall,
  type ToolCallToRun,
} from './run-tool-call.js';
import { isApproved, type ToolApprovalHandler } from './tool-approval.js';
import { ToolCallIds } from './tool-call-ids.js';
import { estimateTextTokens, type TokenEstimator } from './token-estimate.js';
import { trimToBudget } from './trim-to-budget.js';

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
  /**
   * Most estimated tokens one request may hold (messages and tool definitions). Before each
   * request the oldest messages are left out until it fits, an assistant's tool calls always
   * with their results, the system messages and the latest user message always kept; each
   * trimming is reported by a `context-trimmed` chunk. When what is always kept does not fit,
   * the turn fails with a `ContextBudgetError` before anything is sent. Default `Infinity` (off).
   */
  contextBudget?: number | undefined;
  /** Counts a text's tokens for `contextBudget`. Default {@link estimateTextTokens}: `ceil(characters / 4)`. */
  estimateTokens?: TokenEstimator | undefined;
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
  /** Overrides the agent's `contextBudget` for this turn (`Infinity` turns trimming off). */
  contextBudget?: number | undefined;
  /** Overrides the agent's `estimateTokens` for this turn. */
  estimateTokens?: TokenEstimator | undefined;
}

/**
 * The agent: streams a model response, runs the tools it calls (concurrently), feeds the
 * results back and loops until the model answers.
 */
export class ChatToolAgent {
  readonly chatApi: ChatAPI;
  readonly maxIterations: number;
  readonly maxToolCallsPerStep: number;
  /** Most estimated tokens per request; `Infinity` when trimming is off. */
  readonly contextBudget: number;
  readonly #approveToolCall: ToolApprovalHandler | undefined;
  readonly #estimateTokens: TokenEstimator;

  /**
   * @throws TypeError when `maxIterations`, `maxToolCallsPerStep` or `contextBudget` is not a
   * whole number of at least 1 (`contextBudget` may be `Infinity`).
   */
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
    this.contextBudget = budgetOption(options.contextBudget, Infinity);
    this.#estimateTokens = options.estimateTokens ?? estimateTextTokens;
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
    return this.startTurn(options)[Symbol.asyncIterator]();
  }

  /**
   * Starts one turn and returns it: iterate it for the same chunks as
   * {@link getStreamingResponse}, and read its `state`, `status`, `messages`, `response` and
   * `error` at any time, also after it failed or was stopped. Nothing runs until it is iterated.
   */
  startTurn(options: ChatRequestOptions): ChatTurn {
    const controller = new AbortController();
    const completion = { completed: false };
    return new ChatTurn(
      createId(),
      (apply, read) => {
        const turn = this.#runTurn(options, controller, completion, apply, read);
        // A generator's own return() waits for a pending next(); abort first, so closing the stream while
        // it waits on the network or a tool (as a relayed body's cancel does) stops the turn at once.
        const close = turn.return.bind(turn);
        turn.return = (value) => {
          if (!completion.completed) controller.abort(closedEarly());
          return close(value);
        };
        return turn;
      },
      (reason) => controller.abort(reason),
    );
  }

  async *#runTurn(
    options: ChatRequestOptions,
    controller: AbortController,
    completion: { completed: boolean },
    apply: (event: TurnEvent) => TurnState,
    read: () => TurnState,
  ): AsyncGenerator<ChatResponseChunk, void, undefined> {
    const signal = options.signal
      ? AbortSignal.any([options.signal, controller.signal])
      : controller.signal;
    const settings = options.settings ?? this.chatApi.getDefaultSettings();
    const registry = options.toolRegistry;
    const tools = registry?.getOpenAITools() ?? [];
    const approve = recordingApprovals(options.approveToolCall ?? this.#approveToolCall, apply);
    const ids = new ToolCallIds(options.messages);
    // Applies an event and returns the chunk the stream carries for it.
    const emit = (event: TurnEvent): ChatResponseChunk | undefined => chunkOf(event, apply(event));
    const now = (): string => new Date().toISOString();

    try {
      // Checked inside the turn: a bad per-turn budget fails the turn like any other error.
      const budget = budgetOption(options.contextBudget, this.contextBudget);
      const estimate = options.estimateTokens ?? this.#estimateTokens;
      for (let step = 0; ; step++) {
        if (step >= this.maxIterations) {
          completion.completed = true;
          const finish = emit({ type: 'turn-finished', at: now(), finishReason: 'max_iterations' });
          if (finish) yield finish;
          return;
        }
        signal.throwIfAborted();
        let result: ProviderStepResult | undefined;
        // A snapshot: a ChatAPI that keeps the request must not see the conversation grow.
        let messages: readonly ChatMessage[] = [...options.messages, ...turnMessages(read())];
        if (budget !== Infinity) {
          const trimmed = trimToBudget(messages, tools, budget, estimate);
          messages = trimmed.messages;
          if (trimmed.dropped.length > 0) {
            const chunk = emit({
              type: 'context-trimmed',
              step,
              droppedMessages: trimmed.dropped.length,
              droppedMessageIds: trimmed.dropped.map((message) => message.id),
              estimatedTokens: trimmed.estimatedTokens,
              budget,
            });
            if (chunk) yield chunk;
          }
        }
        const request = {
          messages,
          settings,
          tools,
          signal,
        };
        const batches =
          this.chatApi.streamChatBatches?.(request) ?? asBatches(this.chatApi.streamChat(request));
        for await (const batch of batches)
          for (const event of batch) {
            let chunk: ChatResponseChunk | undefined;
            switch (event.type) {
              case 'text-delta':
                chunk = emit({ type: 'text', step, text: event.text });
                break;
              case 'reasoning-delta':
                chunk = emit({ type: 'reasoning', step, text: event.text });
                break;
              case 'tool-call-start':
                chunk = emit({
                  type: 'call-start',
                  step,
                  index: event.index,
                  id: ids.idFor(step, event.index, event.id),
                  name: event.name,
                });
                break;
              case 'tool-call-delta':
                chunk = emit({
                  type: 'call-arguments',
                  step,
                  index: event.index,
                  id: ids.idFor(step, event.index, event.id),
                  name: event.name,
                  delta: event.argumentsDelta,
                  text: event.argumentsText,
                });
                break;
              case 'finish':
                result = event.step;
                break;
            }
            if (chunk) yield chunk;
          }
        if (!result) throw new ToolAgentsError('The chat API ended a step without a finish event.');

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
        apply({
          type: 'step-end',
          step,
          at: now(),
          text: result.text,
          reasoning: result.reasoning,
          calls: calls.map((call, position) => stepCall(call, result.toolCalls[position])),
          finishReason: result.finishReason,
          usage: result.usage,
          metadata: result.metadata,
        });

        if (calls.length === 0) {
          completion.completed = true;
          const finish = emit({
            type: 'turn-finished',
            at: now(),
            finishReason: result.finishReason,
          });
          if (finish) yield finish;
          return;
        }

        for (const call of calls) {
          const ready = emit({
            type: 'call-ready',
            step,
            index: call.index ?? 0,
            id: call.id,
            name: call.name,
            argumentsText: call.argumentsText,
            arguments: call.parsedArguments?.ok ? call.parsedArguments.value : undefined,
            requiresApproval: registry?.getTool(call.name)?.requiresApproval ?? false,
          });
          if (ready) yield ready;
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
        for await (const outcome of inOrderOfSettling(runs)) {
          const chunk = emit({ type: 'call-result', step, at: now(), result: outcome });
          if (chunk) yield chunk;
        }
      }
    } catch (error) {
      if (signal.aborted) {
        apply({ type: 'turn-stopped', at: now(), reason: signal.reason });
        throw signal.reason;
      }
      const failed = apply({ type: 'turn-failed', at: now(), error });
      // The caller's error keeps its class; the copy carries the turn's state, the original is untouched.
      if (error instanceof ToolAgentsError) throw withTurnSnapshot(error, failed);
      throw error;
    } finally {
      // A consumer that stops iterating early stops the request and the tools too.
      if (!completion.completed) {
        controller.abort(closedEarly());
        apply({ type: 'turn-stopped', at: now(), reason: controller.signal.reason });
      }
    }
  }
}

/** A `contextBudget`: `fallback` when absent, else a whole number of tokens >= 1 or `Infinity`. */
function budgetOption(value: number | undefined, fallback: number): number {
  return countOption('contextBudget', value, fallback, 1, true);
}

/** The approval handler, wrapped so the turn's state shows a call waiting and then decided. */
function recordingApprovals(
  approve: ToolApprovalHandler | undefined,
  apply: (event: TurnEvent) => TurnState,
): ToolApprovalHandler | undefined {
  if (!approve) return undefined;
  return async (request, context) => {
    const { step, index } = request;
    apply({ type: 'approval-requested', step, index, arguments: request.arguments });
    const decision = await approve(request, context);
    apply({ type: 'approval-decided', step, index, approved: isApproved(decision) });
    return decision;
  };
}

/** A call with the provider's own id (when rewritten) and its wire extras, to send back verbatim. */
function stepCall(call: ToolCallToRun, wire: ProviderToolCall | undefined): StepCall {
  return {
    index: call.index ?? 0,
    id: call.id,
    name: call.name,
    argumentsText: call.argumentsText,
    providerId: wire?.id,
    wire: wire?.extra,
  };
}

async function* asBatches(
  events: AsyncIterable<ProviderEvent>,
): AsyncGenerator<readonly ProviderEvent[], void, undefined> {
  for await (const event of events) yield [event];
}

function closedEarly(): DOMException {
  return new DOMException('The response stream was closed early.', 'AbortError');
}
