import {
  idleTimeoutAttribute,
  maxIterationsAttribute,
  maxRetriesAttribute,
  timeoutAttribute,
} from './chat-number-attributes.js';

/** The element's options that only the built-in API and agent read, as the element holds them. */
export interface BuiltInOptions {
  readonly agent: unknown;
  readonly chatApi: unknown;
  readonly baseURL: string;
  readonly model: string;
  readonly apiKey: string | undefined;
  readonly fetch: unknown;
  readonly noKey: boolean;
  readonly keyRequired: boolean;
  readonly maxRetries: number;
  readonly timeout: number;
  readonly idleTimeout: number;
  readonly maxIterations: number;
}

/**
 * The options a page set (away from their defaults) that a custom `agent` or `chatApi` makes
 * the element ignore, as the page names them; empty when nothing set is ignored.
 */
export function ignoredOptions(options: BuiltInOptions): string[] {
  if (options.agent === undefined && options.chatApi === undefined) return [];
  // Defaults as the element declares them; the built-in OpenAIChatAPI is all that reads these.
  const api: Record<string, boolean> = {
    'base-url': options.baseURL !== 'https://api.openai.com/v1',
    model: options.model !== 'gpt-4o-mini',
    apiKey: options.apiKey !== undefined,
    fetch: options.fetch !== undefined,
    'no-key': options.noKey,
    'key-required': options.keyRequired,
    'max-retries': options.maxRetries !== maxRetriesAttribute.read(undefined),
    timeout: options.timeout !== timeoutAttribute.read(undefined),
    'idle-timeout': options.idleTimeout !== idleTimeoutAttribute.read(undefined),
    // The element builds a ChatToolAgent around a chatApi, so only an agent brings its own limit.
    'max-iterations':
      options.agent !== undefined &&
      options.maxIterations !== maxIterationsAttribute.read(undefined),
  };
  return Object.keys(api).filter((name) => api[name]);
}

/** The one console warning saying which options are ignored and why. */
export function ignoredOptionsWarning(options: BuiltInOptions, ignored: readonly string[]): string {
  const by = options.agent === undefined ? 'chatApi' : 'agent';
  const what =
    by === 'agent'
      ? 'the agent brings its own chat API and iteration limit'
      : 'they configure the built-in OpenAI-compatible API, which chatApi replaces';
  return `<tool-agent-chat>: ${ignored.join(', ')} ${ignored.length === 1 ? 'is' : 'are'} ignored because ${by} is set (${what}).`;
}
