/** The providers whose problems the library can name a fix for; `other` is any other endpoint. */
export type ProviderId =
  | 'openai'
  | 'openrouter'
  | 'gemini'
  | 'groq'
  | 'mistral'
  | 'deepseek'
  | 'ollama'
  | 'lmstudio'
  | 'llamacpp'
  | 'other';

/** What the library knows about one provider: where keys come from and how to fix the usual problems. */
export interface KnownProvider {
  readonly id: ProviderId;
  readonly label: string;
  /** Where to create a key, for hosted providers. */
  readonly keyURL?: string;
  /** What a key of this provider looks like, to tell a wrong key from a mistyped one. */
  readonly keyFormat?: string;
  /** How to let the page at `pageOrigin` through after a network or CORS failure. */
  readonly corsFix: (pageOrigin: string) => string;
  /** A command that lets the page through (local servers). */
  readonly corsCommand?: (pageOrigin: string) => string;
  /** What to do when the server refuses tools. */
  readonly toolsFix: string;
  /** What to do when the model is unknown. */
  readonly modelFix: (model: string) => string;
  /** A command that fetches a missing model. */
  readonly modelCommand?: (model: string) => string;
}

const hostedCors = (name: string) => (): string =>
  `${name} accepts browser requests, so this is usually the network: check that you are online, that the base URL is right, and that no ad or privacy blocker stops requests to it.`;
const hostedTools = 'Pick a model of this provider that supports tool (function) calling.';

const providers: readonly (KnownProvider & { readonly host?: string; readonly port?: string })[] = [
  {
    id: 'openai',
    label: 'OpenAI',
    host: 'api.openai.com',
    keyURL: 'https://platform.openai.com/api-keys',
    keyFormat: 'OpenAI keys start with "sk-".',
    corsFix: /* @__PURE__ */ hostedCors('OpenAI'),
    toolsFix: hostedTools,
    modelFix: (model) =>
      `OpenAI has no model "${model}" for this key. Try gpt-4o-mini or gpt-4.1-mini, and check the project's model access.`,
  },
  {
    id: 'openrouter',
    label: 'OpenRouter',
    host: 'openrouter.ai',
    keyURL: 'https://openrouter.ai/keys',
    keyFormat: 'OpenRouter keys start with "sk-or-".',
    corsFix: /* @__PURE__ */ hostedCors('OpenRouter'),
    toolsFix:
      'Pick a model listed with "tools" support on OpenRouter (its models page can filter by supported parameters).',
    modelFix: (model) =>
      `OpenRouter has no model "${model}". Model ids there include the vendor, e.g. openai/gpt-4o-mini.`,
  },
  {
    id: 'gemini',
    label: 'Google Gemini',
    host: 'generativelanguage.googleapis.com',
    keyURL: 'https://aistudio.google.com/apikey',
    keyFormat:
      'Gemini API keys start with "AIza" and are 39 characters long; a rejected key comes back as HTTP 400 "API key not valid", not 401.',
    corsFix: (origin) =>
      `Gemini answers browser requests on its OpenAI-compatible endpoint (…/v1beta/openai) only: check the base URL, that you are online, and that no blocker stops requests from ${origin}.`,
    toolsFix: 'Pick a Gemini model that supports function calling, e.g. gemini-2.5-flash.',
    modelFix: (model) =>
      `Gemini has no model "${model}" for this key. Try gemini-2.5-flash; ids have no "models/" prefix here.`,
  },
  {
    id: 'groq',
    label: 'Groq',
    host: 'api.groq.com',
    keyURL: 'https://console.groq.com/keys',
    keyFormat: 'Groq keys start with "gsk_".',
    corsFix: /* @__PURE__ */ hostedCors('Groq'),
    toolsFix: hostedTools,
    modelFix: (model) => `Groq has no model "${model}". Try llama-3.3-70b-versatile.`,
  },
  {
    id: 'mistral',
    label: 'Mistral',
    host: 'api.mistral.ai',
    keyURL: 'https://console.mistral.ai/api-keys',
    corsFix: /* @__PURE__ */ hostedCors('Mistral'),
    toolsFix: hostedTools,
    modelFix: (model) => `Mistral has no model "${model}". Try mistral-small-latest.`,
  },
  {
    id: 'deepseek',
    label: 'DeepSeek',
    host: 'api.deepseek.com',
    keyURL: 'https://platform.deepseek.com/api_keys',
    keyFormat: 'DeepSeek keys start with "sk-".',
    corsFix: /* @__PURE__ */ hostedCors('DeepSeek'),
    toolsFix: 'Use deepseek-chat: it supports tool calls.',
    modelFix: (model) => `DeepSeek has no model "${model}". Try deepseek-chat.`,
  },
  {
    id: 'ollama',
    label: 'Ollama',
    port: '11434',
    corsFix: (origin) =>
      `Ollama only accepts browser requests from origins it is told about. Restart it with OLLAMA_ORIGINS set to this page's origin: OLLAMA_ORIGINS=${origin} ollama serve (on macOS: launchctl setenv OLLAMA_ORIGINS "${origin}", then restart the Ollama app). Check that it runs: curl http://localhost:11434/api/tags`,
    corsCommand: (origin) => `OLLAMA_ORIGINS=${origin} ollama serve`,
    toolsFix:
      'This Ollama model has no tool support. Pull one that has, e.g. ollama pull llama3.1 (or qwen2.5), and use its name here.',
    modelFix: (model) =>
      `Ollama has no model "${model}" yet: run ollama pull ${model || 'llama3.1'} (ollama list shows what you have).`,
    modelCommand: (model) => `ollama pull ${model || 'llama3.1'}`,
  },
  {
    id: 'lmstudio',
    label: 'LM Studio',
    port: '1234',
    corsFix: () =>
      'In LM Studio, open the Developer tab, start the local server, and turn on the "Enable CORS" switch in its server settings (or run: lms server start --cors).',
    corsCommand: () => 'lms server start --cors',
    toolsFix:
      'Load a model with tool-use support in LM Studio (models marked with the tool icon, e.g. Qwen 2.5 Instruct).',
    modelFix: (model) =>
      `LM Studio has no model "${model}" loaded. Load one and copy its identifier from the Developer tab (GET /v1/models lists them).`,
  },
  {
    id: 'llamacpp',
    label: 'llama.cpp server',
    port: '8080',
    corsFix: (origin) =>
      `Check that llama-server runs (curl http://localhost:8080/health). It answers browser requests by default, but newer builds can restrict origins: start it with --cors-origins ${origin} (or put a small proxy in front). If it was started with --api-key, send that key.`,
    corsCommand: (origin) => `llama-server -m model.gguf --jinja --cors-origins ${origin}`,
    toolsFix:
      'Start llama-server with --jinja (and a model whose chat template supports tools): tool calls need it.',
    modelFix: () =>
      'llama-server serves the model it was started with; any model name usually works. Check the base URL (…:8080/v1).',
  },
];

const other: KnownProvider = {
  id: 'other',
  label: 'this server',
  corsFix: (origin) =>
    `Check that the server is running and reachable, and that it allows cross-origin (CORS) requests from ${origin} with the Authorization and Content-Type headers; if you cannot change the server, put a small proxy in front of it.`,
  toolsFix:
    'This server or model does not accept the tools parameter: pick a model or server option that supports tool calling.',
  modelFix: (model) =>
    `The server does not know the model "${model}"; its GET /v1/models endpoint lists the ones it has.`,
};

const localHosts = /* @__PURE__ */ new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The provider a base URL belongs to, by its host (hosted APIs) or its default port on this
 * machine (Ollama 11434, LM Studio 1234, llama.cpp 8080); `other` for anything else.
 */
export function providerOf(baseURL: string): KnownProvider {
  let url: URL;
  try {
    url = new URL(baseURL, globalThis.location?.href);
  } catch {
    return other;
  }
  const local = localHosts.has(url.hostname) || url.hostname.endsWith('.localhost');
  const found = providers.find((provider) =>
    provider.host ? url.hostname === provider.host : local && url.port === provider.port,
  );
  return found ?? other;
}
