/** How the model may use tools. */
export type ToolChoice =
  | 'auto'
  | 'none'
  | 'required'
  | { readonly type: 'function'; readonly function: { readonly name: string } };

/** The response format (`json_object` or a JSON schema), as OpenAI defines it. */
export type ResponseFormat =
  | { readonly type: 'text' }
  | { readonly type: 'json_object' }
  | {
      readonly type: 'json_schema';
      readonly json_schema: {
        readonly name: string;
        readonly schema: Record<string, unknown>;
        readonly strict?: boolean;
        readonly description?: string;
      };
    };

/**
 * Sampling and request settings. Every field is optional; an unset field is not sent, so the
 * provider's own default applies. Get a fresh copy from `getDefaultSettings()` and change it freely.
 */
export interface ChatSettings {
  /** Sampling temperature, usually 0-2. */
  temperature?: number;
  /** Nucleus sampling. */
  topP?: number;
  /** Upper bound on generated tokens (sent as `max_tokens`; see `maxTokensField`). */
  maxTokens?: number;
  /** Which body field carries `maxTokens`: `max_tokens` (default, widest support) or `max_completion_tokens` (OpenAI reasoning models). */
  maxTokensField?: 'max_tokens' | 'max_completion_tokens';
  /** Stop sequences. */
  stop?: string | string[];
  /** Seed for reproducible sampling, where supported. */
  seed?: number;
  presencePenalty?: number;
  frequencyPenalty?: number;
  /** Tool use policy; sent only when tools are offered. */
  toolChoice?: ToolChoice;
  /** Let the model call several tools in one step; sent only when tools are offered. */
  parallelToolCalls?: boolean;
  responseFormat?: ResponseFormat;
  /** Reasoning effort for models that take it. */
  reasoningEffort?: 'none' | 'minimal' | 'low' | 'medium' | 'high' | (string & {});
  /** Ask for a final usage chunk (`stream_options.include_usage`). Default `true`; switch off for hosts that reject it. */
  includeUsage?: boolean;
  /** Extra body fields sent as-is (e.g. `top_k`, `min_p`, provider routing). They override the fields above. */
  extraBody?: Record<string, unknown>;
}

/** The defaults `getDefaultSettings()` starts from. */
export const baseChatSettings: Readonly<ChatSettings> = /* @__PURE__ */ Object.freeze({
  includeUsage: true,
});

/** A deep copy of settings, so no caller can change another's. */
export function cloneSettings(settings: Readonly<ChatSettings>): ChatSettings {
  return structuredClone(settings);
}
