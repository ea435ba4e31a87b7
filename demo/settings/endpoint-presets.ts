/** The endpoints the settings panel offers. */
export type PresetId =
  | 'demo'
  | 'openai'
  | 'openrouter'
  | 'gemini'
  | 'groq'
  | 'mistral'
  | 'deepseek'
  | 'ollama'
  | 'lmstudio'
  | 'llamacpp'
  | 'custom';

/** One endpoint choice: where it is, a model to start with, and how to fix the usual problems. */
export interface EndpointPreset {
  readonly id: PresetId;
  readonly label: string;
  /** Base URL of the OpenAI-compatible API (`…/v1`); `''` for custom. */
  readonly baseURL: string;
  /** A model id that exists there and supports tools. */
  readonly model: string;
  /** Whether requests need an API key. */
  readonly needsKey: boolean;
  /** Where to create a key, for hosted providers. */
  readonly keyURL?: string;
  /** What a key of this provider looks like, to tell a wrong key from a mistyped one. */
  readonly keyFormat?: string;
  /** How to let this page through when the browser reports a network or CORS failure. */
  readonly corsFix: (pageOrigin: string) => string;
  /** What to do when the server refuses tools. */
  readonly toolsFix: string;
  /** What to do when the model is unknown. */
  readonly modelFix: (model: string) => string;
  /** A command that lets this page through (local servers). */
  readonly corsCommand?: (pageOrigin: string) => string;
  /** A command that fetches a missing model. */
  readonly modelCommand?: (model: string) => string;
}

const hostedCors = (name: string) => (): string =>
  `${name} accepts browser requests, so this is usually the network: check that you are online, that the base URL is right, and that no ad or privacy blocker stops requests to it.`;
const hostedTools = 'Pick a model of this provider that supports tool (function) calling.';

/** Every preset, in the order the panel lists them. */
export const endpointPresets: readonly EndpointPreset[] = [
  {
    id: 'demo',
    label: 'Demo model (offline, no key)',
    baseURL: 'https://demo-model.invalid/v1',
    model: 'demo-model',
    needsKey: false,
    corsFix: () => 'The demo model runs inside this page; reload the page.',
    toolsFix: 'The demo model always supports tools.',
    modelFix: () => 'Any model name works with the demo model.',
  },
  {
    id: 'openai',
    label: 'OpenAI',
    baseURL: 'https://api.openai.com/v1',
    model: 'gpt-4o-mini',
    needsKey: true,
    keyURL: 'https://platform.openai.com/api-keys',
    corsFix: hostedCors('OpenAI'),
    toolsFix: hostedTools,
    modelFix: (model) =>
      `OpenAI has no model "${model}" for this key. Try gpt-4o-mini or gpt-4.1-mini, and check the project's model access.`,
  },
  {
    id: 'openrouter',
    label: 'OpenRouter',
    baseURL: 'https://openrouter.ai/api/v1',
    model: 'openai/gpt-4o-mini',
    needsKey: true,
    keyURL: 'https://openrouter.ai/keys',
    corsFix: hostedCors('OpenRouter'),
    toolsFix:
      'Pick a model listed with "tools" support on OpenRouter (its models page can filter by supported parameters).',
    modelFix: (model) =>
      `OpenRouter has no model "${model}". Model ids there include the vendor, e.g. openai/gpt-4o-mini.`,
  },
  {
    id: 'gemini',
    label: 'Google Gemini',
    // Google's OpenAI-compatible endpoint: it answers browser preflights and takes the key as a Bearer token.
    baseURL: 'https://generativelanguage.googleapis.com/v1beta/openai',
    model: 'gemini-2.5-flash',
    needsKey: true,
    keyURL: 'https://aistudio.google.com/apikey',
    keyFormat:
      'Gemini API keys start with "AIza" and are 39 characters long; a rejected key comes back as HTTP 400 "API key not valid", not 401.',
    corsFix: hostedCors('Gemini'),
    toolsFix: 'Pick a Gemini model that supports function calling, e.g. gemini-2.5-flash.',
    modelFix: (model) =>
      `Gemini has no model "${model}" for this key. Try gemini-2.5-flash; ids have no "models/" prefix here.`,
  },
  {
    id: 'groq',
    label: 'Groq',
    baseURL: 'https://api.groq.com/openai/v1',
    model: 'llama-3.3-70b-versatile',
    needsKey: true,
    keyURL: 'https://console.groq.com/keys',
    corsFix: hostedCors('Groq'),
    toolsFix: hostedTools,
    modelFix: (model) => `Groq has no model "${model}". Try llama-3.3-70b-versatile.`,
  },
  {
    id: 'mistral',
    label: 'Mistral',
    baseURL: 'https://api.mistral.ai/v1',
    model: 'mistral-small-latest',
    needsKey: true,
    keyURL: 'https://console.mistral.ai/api-keys',
    corsFix: hostedCors('Mistral'),
    toolsFix: hostedTools,
    modelFix: (model) => `Mistral has no model "${model}". Try mistral-small-latest.`,
  },
  {
    id: 'deepseek',
    label: 'DeepSeek',
    baseURL: 'https://api.deepseek.com/v1',
    model: 'deepseek-chat',
    needsKey: true,
    keyURL: 'https://platform.deepseek.com/api_keys',
    corsFix: hostedCors('DeepSeek'),
    toolsFix: 'Use deepseek-chat: it supports tool calls.',
    modelFix: (model) => `DeepSeek has no model "${model}". Try deepseek-chat.`,
  },
  {
    id: 'ollama',
    label: 'Ollama (local)',
    baseURL: 'http://localhost:11434/v1',
    model: 'llama3.1',
    needsKey: false,
    corsFix: (origin) =>
      `Ollama only accepts browser requests from origins it is told about. Restart it with OLLAMA_ORIGINS set to this page's origin: OLLAMA_ORIGINS=${origin} ollama serve (on macOS: launchctl setenv OLLAMA_ORIGINS "${origin}", then restart the Ollama app). Check that it runs: curl http://localhost:11434/api/tags`,
    toolsFix:
      'This Ollama model has no tool support. Pull one that has, e.g. ollama pull llama3.1 (or qwen2.5), and use its name here.',
    modelFix: (model) =>
      `Ollama has no model "${model}" yet: run ollama pull ${model || 'llama3.1'} (ollama list shows what you have).`,
    corsCommand: (origin) => `OLLAMA_ORIGINS=${origin} ollama serve`,
    modelCommand: (model) => `ollama pull ${model || 'llama3.1'}`,
  },
  {
    id: 'lmstudio',
    label: 'LM Studio (local)',
    baseURL: 'http://localhost:1234/v1',
    model: 'qwen2.5-7b-instruct',
    needsKey: false,
    corsFix: () =>
      'In LM Studio, open the Developer tab, start the local server, and turn on the "Enable CORS" switch in its server settings (or run: lms server start --cors).',
    toolsFix:
      'Load a model with tool-use support in LM Studio (models marked with the tool icon, e.g. Qwen 2.5 Instruct).',
    modelFix: (model) =>
      `LM Studio has no model "${model}" loaded. Load one and copy its identifier from the Developer tab (GET /v1/models lists them).`,
    corsCommand: () => 'lms server start --cors',
  },
  {
    id: 'llamacpp',
    label: 'llama.cpp server (local)',
    baseURL: 'http://localhost:8080/v1',
    model: 'local-model',
    needsKey: false,
    corsFix: (origin) =>
      `llama-server answers browser requests by default, but newer builds can restrict origins: start it with --cors-origins ${origin} (or put a small proxy in front). Check that it runs: curl http://localhost:8080/health`,
    toolsFix:
      'Start llama-server with --jinja (and a model whose chat template supports tools): tool calls need it.',
    modelFix: () =>
      'llama-server serves the model it was started with; any model name usually works. Check the base URL (…:8080/v1).',
    corsCommand: (origin) => `llama-server -m model.gguf --jinja --cors-origins ${origin}`,
  },
  {
    id: 'custom',
    label: 'Custom OpenAI-compatible URL',
    baseURL: '',
    model: '',
    needsKey: false,
    corsFix: (origin) =>
      `Check that the server is running and reachable, and that it allows cross-origin (CORS) requests from ${origin} with the Authorization and Content-Type headers; if you cannot change the server, put a small proxy in front of it.`,
    toolsFix:
      'This server or model does not accept the tools parameter: pick a model or server option that supports tool calling.',
    modelFix: (model) =>
      `The server does not know the model "${model}"; its GET /v1/models endpoint lists the ones it has.`,
  },
];

/** The preset with this id (the demo preset for an unknown id). */
export function presetById(id: string): EndpointPreset {
  return endpointPresets.find((preset) => preset.id === id) ?? endpointPresets[0]!;
}
