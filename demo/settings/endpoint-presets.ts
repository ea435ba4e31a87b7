import type { ProviderId } from '../../src/index.js';
/** The endpoints the settings panel offers: the demo model, every provider the library knows, any other. */
export type PresetId = 'demo' | Exclude<ProviderId, 'other'> | 'custom';

/** One endpoint choice: where it is and a model to start with; the fixes for its problems come from the library (`providerOf`). */
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
}

/** Every preset, in the order the panel lists them. */
export const endpointPresets: readonly EndpointPreset[] = [
  {
    id: 'demo',
    label: 'Demo model (offline, no key)',
    baseURL: 'https://demo-model.invalid/v1',
    model: 'demo-model',
    needsKey: false,
  },
  {
    id: 'openai',
    label: 'OpenAI',
    baseURL: 'https://api.openai.com/v1',
    model: 'gpt-4o-mini',
    needsKey: true,
    keyURL: 'https://platform.openai.com/api-keys',
  },
  {
    id: 'openrouter',
    label: 'OpenRouter',
    baseURL: 'https://openrouter.ai/api/v1',
    model: 'openai/gpt-4o-mini',
    needsKey: true,
    keyURL: 'https://openrouter.ai/keys',
  },
  {
    id: 'gemini',
    label: 'Google Gemini',
    // Google's OpenAI-compatible endpoint: it answers browser preflights and takes the key as a Bearer token.
    baseURL: 'https://generativelanguage.googleapis.com/v1beta/openai',
    model: 'gemini-2.5-flash',
    needsKey: true,
    keyURL: 'https://aistudio.google.com/apikey',
  },
  {
    id: 'groq',
    label: 'Groq',
    baseURL: 'https://api.groq.com/openai/v1',
    model: 'llama-3.3-70b-versatile',
    needsKey: true,
    keyURL: 'https://console.groq.com/keys',
  },
  {
    id: 'mistral',
    label: 'Mistral',
    baseURL: 'https://api.mistral.ai/v1',
    model: 'mistral-small-latest',
    needsKey: true,
    keyURL: 'https://console.mistral.ai/api-keys',
  },
  {
    id: 'deepseek',
    label: 'DeepSeek',
    baseURL: 'https://api.deepseek.com/v1',
    model: 'deepseek-chat',
    needsKey: true,
    keyURL: 'https://platform.deepseek.com/api_keys',
  },
  {
    id: 'ollama',
    label: 'Ollama (local)',
    baseURL: 'http://localhost:11434/v1',
    model: 'llama3.1',
    needsKey: false,
  },
  {
    id: 'lmstudio',
    label: 'LM Studio (local)',
    baseURL: 'http://localhost:1234/v1',
    model: 'qwen2.5-7b-instruct',
    needsKey: false,
  },
  {
    id: 'llamacpp',
    label: 'llama.cpp server (local)',
    baseURL: 'http://localhost:8080/v1',
    model: 'local-model',
    needsKey: false,
  },
  {
    id: 'custom',
    label: 'Custom OpenAI-compatible URL',
    baseURL: '',
    model: '',
    needsKey: false,
  },
];

/** The preset with this id (the demo preset for an unknown id). */
export function presetById(id: string): EndpointPreset {
  return endpointPresets.find((preset) => preset.id === id) ?? endpointPresets[0]!;
}
