import type { ProviderEvent, ProviderToolCall } from './chat-api.js';
import { isNestedDeeperThan } from '../internal/json-depth.js';
import { argumentsObjectText } from './json-nesting.js';

interface PendingToolCall {
  readonly position: number;
  id: string;
  hasProviderId: boolean;
  name: string;
  args: string;
  announced: boolean;
  extra: Json | undefined;
}

type Json = Record<string, unknown>;

/** A wire tool-call delta, as loosely as providers send it. */
export interface WireToolCallDelta {
  readonly index?: unknown;
  readonly id?: unknown;
  readonly function?: { readonly name?: unknown; readonly arguments?: unknown } | null;
  readonly [field: string]: unknown;
}

// Wire fields the accumulator reads itself; any other field of a call is kept and sent back.
const knownFields = new Set(['index', 'id', 'type', 'function']);
// Extras travel back in the next request and into saved histories: deeper ones are dropped.
const maxExtraDepth = 64;
/** Most tool calls one response may hold; more is a broken or hostile stream, stopped before it costs. */
export const maxToolCallsPerResponse = 10_000;

function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function isCompleteJson(text: string): boolean {
  const first = text.trimStart()[0];
  if (first !== '{' && first !== '[') return false;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * Assembles streamed tool calls whatever shape the provider uses: keyed by index, by id or by
 * position; empty ids and names as "not provided"; repeated whole calls; arguments as objects.
 */
export class ToolCallAccumulator {
  readonly #calls: PendingToolCall[] = [];
  readonly #byIndex = new Map<number, PendingToolCall>();
  readonly #byId = new Map<string, PendingToolCall>();

  /** Applies one delta and pushes the events it causes. */
  apply(delta: WireToolCallDelta, events: ProviderEvent[]): void {
    const fn = delta.function ?? undefined;
    const id = nonEmptyString(delta.id);
    const name = nonEmptyString(fn?.name);
    const call = this.#resolve(typeof delta.index === 'number' ? delta.index : undefined, id, name);

    if (id && !call.hasProviderId && !call.announced) {
      call.id = id;
      call.hasProviderId = true;
      this.#byId.set(id, call);
    }
    if (name && !call.name) call.name = name;
    for (const field in delta) {
      if (knownFields.has(field) || !Object.hasOwn(delta, field)) continue;
      const value = delta[field];
      if (value !== undefined && value !== null && !isNestedDeeperThan(value, maxExtraDepth))
        (call.extra ??= {})[field] = value;
    }
    if (!call.announced && call.name) {
      call.announced = true;
      events.push({ type: 'tool-call-start', index: call.position, id: call.id, name: call.name });
      if (call.args) events.push(this.#deltaEvent(call, call.args));
    }

    const fragment = this.#fragment(fn?.arguments);
    if (fragment === undefined || fragment === '') return;
    if (
      fragment === call.args ||
      (call.args === '' && isCompleteJson(fragment)) ||
      typeof fn?.arguments === 'object'
    ) {
      // A repeated or whole-object fragment replaces rather than appends.
      if (fragment === call.args) return;
      call.args = fragment;
    } else {
      call.args += fragment;
    }
    if (call.announced) events.push(this.#deltaEvent(call, fragment));
  }

  /** True once any call has been seen. */
  get hasCalls(): boolean {
    return this.#calls.length > 0;
  }

  /** The finished calls, in the order they started. Calls that never got a name are dropped. */
  finish(): ProviderToolCall[] {
    return this.#calls
      .filter((call) => call.name !== '')
      .map((call) => ({
        index: call.position,
        id: call.id,
        name: call.name,
        argumentsText: call.args.trim() === '' ? '{}' : call.args,
        ...(call.extra ? { extra: call.extra } : {}),
      }));
  }

  #resolve(
    index: number | undefined,
    id: string | undefined,
    name: string | undefined,
  ): PendingToolCall {
    if (index !== undefined) {
      const existing = this.#byIndex.get(index);
      // Several calls all sent with index 0: a new, different id starts a new call.
      if (existing && !(id && existing.hasProviderId && existing.id !== id)) return existing;
      const call = this.#create();
      this.#byIndex.set(index, call);
      return call;
    }
    if (id) {
      const existing = this.#byId.get(id);
      if (existing) return existing;
      const last = this.#calls.at(-1);
      // An id arriving on a call that began without one still belongs to it.
      if (last && !last.hasProviderId && !name) return last;
      return this.#create();
    }
    const last = this.#calls.at(-1);
    if (last && (!name || name === last.name || !last.name)) return last;
    return this.#create();
  }

  #create(): PendingToolCall {
    if (this.#calls.length >= maxToolCallsPerResponse)
      throw new RangeError(`more than ${maxToolCallsPerResponse} tool calls in one response`);
    const call: PendingToolCall = {
      position: this.#calls.length,
      id: '',
      hasProviderId: false,
      name: '',
      args: '',
      announced: false,
      extra: undefined,
    };
    this.#calls.push(call);
    return call;
  }

  #fragment(value: unknown): string | undefined {
    if (typeof value === 'string') return value;
    if (value !== null && typeof value === 'object') return argumentsObjectText(value);
    return undefined;
  }

  #deltaEvent(call: PendingToolCall, argumentsDelta: string): ProviderEvent {
    return {
      type: 'tool-call-delta',
      index: call.position,
      id: call.id,
      name: call.name,
      argumentsDelta,
      argumentsText: call.args,
    };
  }
}
