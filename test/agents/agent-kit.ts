/** Shared helpers of the agent and relay tests: an agent on the HTTP mock, collectors, wire types. */
import {
  ChatToolAgent,
  OpenAIChatAPI,
  type ChatResponse,
  type ChatResponseChunk,
  type ChatResponseChunkType,
  type ChatToolAgentOptions,
} from '../../src/index.js';
import type { ScriptedReply } from '../../src/testing/index.js';
import { mockServer, type MockScript } from '../helpers/index.js';

/** A pause long enough that nothing after it arrives while a test runs, unless the test is broken. */
export const longPauseMs = 10_000;

/** Generous wait for the mock server to notice a closed connection on a busy machine. */
export const serverWaitMs = 10_000;

/** A tool call as a chat-completions request carries it. */
export interface WireToolCall {
  readonly id: string;
  readonly type: 'function';
  readonly function: { readonly name: string; readonly arguments: string };
}

/** One message of a chat-completions request body. */
export interface WireMessage {
  readonly role: 'system' | 'user' | 'assistant' | 'tool';
  readonly content: unknown;
  readonly tool_calls?: readonly WireToolCall[];
  readonly tool_call_id?: string;
}

/** A chat-completions request body as the mock server recorded it. */
export interface WireBody {
  readonly model: string;
  readonly messages: readonly WireMessage[];
  readonly stream: boolean;
  readonly stream_options?: unknown;
  readonly tools?: readonly {
    readonly type: string;
    readonly function: { readonly name: string; readonly parameters: unknown };
  }[];
  readonly temperature?: number;
}

/** What {@link scriptedAgent} sets up. */
export interface ScriptedAgent {
  readonly server: MockScript;
  readonly api: OpenAIChatAPI;
  readonly agent: ChatToolAgent;
}

/** An agent whose API talks HTTP to the mock server, answering with `replies` in order. No retries. */
export async function scriptedAgent(
  replies: readonly ScriptedReply[],
  options: Omit<ChatToolAgentOptions, 'chatApi'> = {},
): Promise<ScriptedAgent> {
  const server = await mockServer.script(replies);
  const api = new OpenAIChatAPI({
    apiKey: 'sk-test-key',
    model: 'gpt-4o-mini',
    baseURL: server.baseURL,
    maxRetries: 0,
  });
  return { server, api, agent: new ChatToolAgent({ ...options, chatApi: api }) };
}

/** The JSON bodies of every request the mock server received, in order. */
export async function requestBodies(server: MockScript): Promise<WireBody[]> {
  return (await server.requests()).map((request) => request.body as WireBody);
}

/** The body of the `index`-th request; fails the test if there is none. */
export async function requestBody(server: MockScript, index: number): Promise<WireBody> {
  const body = (await requestBodies(server))[index];
  if (!body) throw new Error(`expected a request #${index}`);
  return body;
}

/** Every item of an async iterable. */
export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

/** The items an iterable yielded before it rejected, and the rejection; fails the test if it did not reject. */
export async function collectUntilError<T>(
  iterable: AsyncIterable<T>,
): Promise<{ items: T[]; error: unknown }> {
  const items: T[] = [];
  try {
    for await (const item of iterable) items.push(item);
  } catch (error) {
    return { items, error };
  }
  throw new Error(`expected the iteration to reject, but it ended after ${items.length} items`);
}

/** The rejection of a promise; fails the test if it resolves. */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

/** The chunks of one `type`, narrowed. */
export function ofType<K extends ChatResponseChunkType>(
  chunks: readonly ChatResponseChunk[],
  type: K,
): Extract<ChatResponseChunk, { type: K }>[] {
  return chunks.filter(
    (chunk): chunk is Extract<ChatResponseChunk, { type: K }> => chunk.type === type,
  );
}

/** The final chunk's response; fails the test if the last chunk is not a finish chunk. */
export function finalResponse(chunks: readonly ChatResponseChunk[]): ChatResponse {
  const last = chunks.at(-1);
  if (!last?.finished) throw new Error(`expected a final chunk, got ${JSON.stringify(last?.type)}`);
  return last.finishedResponse;
}

/** A promise with its settle functions. */
export interface Deferred<T> {
  readonly promise: Promise<T>;
  resolve(value: T): void;
  reject(reason: unknown): void;
}

export function deferred<T = void>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/**
 * Waits for `promise`, or gives up after `ms` (resolving `'gave-up'`). Only a guard against a
 * deadlock turning into a test timeout; tests assert on order, never on time.
 */
export function orGiveUp<T>(promise: Promise<T>, ms = 5_000): Promise<T | 'gave-up'> {
  return Promise.race([
    promise,
    new Promise<'gave-up'>((resolve) => setTimeout(() => resolve('gave-up'), ms)),
  ]);
}

/** Resolves with `signal.reason` once the signal aborts. */
export function whenAborted(signal: AbortSignal): Promise<unknown> {
  if (signal.aborted) return Promise.resolve(signal.reason);
  return new Promise((resolve) =>
    signal.addEventListener('abort', () => resolve(signal.reason), { once: true }),
  );
}

/** The reply with a long pause inserted after its first `count` chunks: the stream stalls there. */
export function stallAfter(reply: ScriptedReply, count: number, ms = longPauseMs): ScriptedReply {
  const chunks = [...(reply.chunks ?? [])];
  if (count > chunks.length) throw new RangeError(`the reply has only ${chunks.length} chunks`);
  chunks.splice(count, 0, { delayMs: ms });
  return { ...reply, chunks };
}

/** Freezes a value and everything reachable from it. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Reflect.ownKeys(value))
      deepFreeze((value as Record<PropertyKey, unknown>)[key]);
  }
  return value;
}

/** Parses a tool message's JSON content. */
export function parseContent(message: WireMessage | undefined): unknown {
  if (typeof message?.content !== 'string')
    throw new Error(`expected a message with text content, got ${JSON.stringify(message)}`);
  return JSON.parse(message.content) as unknown;
}
