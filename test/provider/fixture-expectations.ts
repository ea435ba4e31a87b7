/**
 * What each recorded fixture must yield: finish reason, text, reasoning, tool calls and usage.
 * Text and reasoning lengths were cross-checked against an independent reading of the raw files
 * (a separate script that concatenates choice 0's deltas); tool calls and usage were read by hand.
 */
export interface FixtureExpectation {
  readonly finishReason?: string;
  readonly error?: string;
  /** Length in code points. */
  readonly textLength: number;
  readonly textStart?: string;
  readonly reasoningLength?: number;
  readonly toolCalls?: readonly { readonly name: string; readonly arguments: unknown }[];
  readonly usage?: {
    readonly inputTokens: number;
    readonly outputTokens: number;
    readonly totalTokens: number;
  };
}

export const fixtureExpectations: Readonly<Record<string, FixtureExpectation>> = {
  'alibaba-qwen3max-reasoning_content.sse': {
    finishReason: 'stop',
    textLength: 816,
    textStart: 'The word **"strawberry"** cont',
    reasoningLength: 3301,
    toolCalls: [],
    usage: {
      inputTokens: 24,
      outputTokens: 1355,
      totalTokens: 1379,
    },
  },
  'alibaba-qwen3max-tool-call-empty-id-continuation.sse': {
    finishReason: 'tool_calls',
    textLength: 0,
    textStart: '',
    reasoningLength: 0,
    toolCalls: [
      {
        name: 'weather',
        arguments: {
          location: 'San Francisco',
        },
      },
    ],
    usage: {
      inputTokens: 295,
      outputTokens: 22,
      totalTokens: 317,
    },
  },
  'anthropic-openai-compat-tool-index-starts-at-1.sse': {
    finishReason: 'tool_calls',
    textLength: 11,
    textStart: 'Reading it.',
    reasoningLength: 0,
    toolCalls: [
      {
        name: 'read_file',
        arguments: {
          path: 'a.txt',
        },
      },
    ],
    usage: {
      inputTokens: 0,
      outputTokens: 0,
      totalTokens: 0,
    },
  },
  'azure-foundry-deepseek-v4-explicit-nulls.sse': {
    finishReason: 'stop',
    textLength: 2661,
    textStart: 'Exciting news, Knicks fans—the',
    reasoningLength: 3832,
    toolCalls: [],
    usage: {
      inputTokens: 19,
      outputTokens: 1720,
      totalTokens: 1739,
    },
  },
  'azure-model-router-prompt-filter-results.sse': {
    finishReason: 'stop',
    textLength: 19,
    textStart: 'Capital of Denmark.',
    reasoningLength: 0,
    toolCalls: [],
    usage: {
      inputTokens: 15,
      outputTokens: 78,
      totalTokens: 93,
    },
  },
  'cerebras-zai-glm-reasoning-field-tool-call.sse': {
    finishReason: 'tool_calls',
    textLength: 0,
    textStart: '',
    reasoningLength: 423,
    toolCalls: [
      {
        name: 'nonUsefulTool',
        arguments: {},
      },
    ],
    usage: {
      inputTokens: 322,
      outputTokens: 104,
      totalTokens: 426,
    },
  },
  'deepinfra-llama31-python-json-spacing.sse': {
    finishReason: 'stop',
    textLength: 886,
    textStart: 'Coca Cola is a carbonated soft',
    reasoningLength: 0,
    toolCalls: [],
    usage: {
      inputTokens: 48,
      outputTokens: 189,
      totalTokens: 237,
    },
  },
  'deepseek-reasoner-reasoning_content.sse': {
    finishReason: 'stop',
    textLength: 42,
    textStart: 'The word "strawberry" contains',
    reasoningLength: 606,
    toolCalls: [],
    usage: {
      inputTokens: 18,
      outputTokens: 219,
      totalTokens: 237,
    },
  },
  'deepseek-reasoner-tool-call-many-deltas.sse': {
    finishReason: 'tool_calls',
    textLength: 0,
    textStart: '',
    reasoningLength: 191,
    toolCalls: [
      {
        name: 'weather',
        arguments: {
          location: 'San Francisco',
        },
      },
    ],
    usage: {
      inputTokens: 339,
      outputTokens: 83,
      totalTokens: 422,
    },
  },
  'deepseek-text-finish-length.sse': {
    finishReason: 'length',
    textLength: 1855,
    textStart: '## **Holiday Name:** Starlight',
    reasoningLength: 0,
    toolCalls: [],
    usage: {
      inputTokens: 13,
      outputTokens: 400,
      totalTokens: 413,
    },
  },
  'derived-deepseek-keepalive-comments.sse': {
    finishReason: 'tool_calls',
    textLength: 0,
    textStart: '',
    reasoningLength: 191,
    toolCalls: [
      {
        name: 'weather',
        arguments: {
          location: 'San Francisco',
        },
      },
    ],
    usage: {
      inputTokens: 339,
      outputTokens: 83,
      totalTokens: 422,
    },
  },
  'derived-llamacpp-done-without-trailing-blank-line.sse': {
    finishReason: 'tool_calls',
    textLength: 111,
    textStart: 'Hi there! Let me check the cur',
    reasoningLength: 0,
    toolCalls: [
      {
        name: 'get_current_weather',
        arguments: {
          location: 'Washington DC',
        },
      },
    ],
    usage: {
      inputTokens: 0,
      outputTokens: 0,
      totalTokens: 0,
    },
  },
  'derived-openai-tool-call-crlf.sse': {
    finishReason: 'tool_calls',
    textLength: 0,
    textStart: '',
    reasoningLength: 0,
    toolCalls: [
      {
        name: 'multiply',
        arguments: {
          a: 1231,
          b: 2331,
        },
      },
    ],
    usage: {
      inputTokens: 54,
      outputTokens: 20,
      totalTokens: 74,
    },
  },
  'derived-openai-tool-call-data-no-space.sse': {
    finishReason: 'tool_calls',
    textLength: 0,
    textStart: '',
    reasoningLength: 0,
    toolCalls: [
      {
        name: 'multiply',
        arguments: {
          a: 1231,
          b: 2331,
        },
      },
    ],
    usage: {
      inputTokens: 54,
      outputTokens: 20,
      totalTokens: 74,
    },
  },
  'derived-openai-tool-call-utf8-bom.sse': {
    finishReason: 'tool_calls',
    textLength: 0,
    textStart: '',
    reasoningLength: 0,
    toolCalls: [
      {
        name: 'multiply',
        arguments: {
          a: 1231,
          b: 2331,
        },
      },
    ],
    usage: {
      inputTokens: 54,
      outputTokens: 20,
      totalTokens: 74,
    },
  },
  'derived-openrouter-processing-comments.sse': {
    finishReason: 'tool_calls',
    textLength: 0,
    textStart: '',
    reasoningLength: 0,
    toolCalls: [
      {
        name: 'llm_version',
        arguments: {},
      },
    ],
    usage: {
      inputTokens: 56,
      outputTokens: 12,
      totalTokens: 68,
    },
  },
  'github-copilot-claude-text-then-tool-index-1.sse': {
    finishReason: 'tool_calls',
    textLength: 34,
    textStart: 'Now listing your Coder workspa',
    reasoningLength: 0,
    toolCalls: [
      {
        name: 'bmcp_coder_coder_list_workspaces',
        arguments: {},
      },
    ],
    usage: {
      inputTokens: 25939,
      outputTokens: 58,
      totalTokens: 25997,
    },
  },
  'github-copilot-claude-tool-call-name-only-first-chunk.sse': {
    finishReason: 'tool_calls',
    textLength: 0,
    textStart: '',
    reasoningLength: 0,
    toolCalls: [
      {
        name: 'bmcp_coder_coder_list_workspaces',
        arguments: {
          owner: 'me',
        },
      },
    ],
    usage: {
      inputTokens: 25716,
      outputTokens: 65,
      totalTokens: 25781,
    },
  },
  'groq-reasoning-field.sse': {
    finishReason: 'stop',
    textLength: 347,
    textStart: 'The word **"strawberry"** is s',
    reasoningLength: 2952,
    toolCalls: [],
    usage: {
      inputTokens: 17,
      outputTokens: 1107,
      totalTokens: 1124,
    },
  },
  'groq-text-x_groq-usage.sse': {
    finishReason: 'stop',
    textLength: 3189,
    textStart: 'Introducing "Luminaria" - a ne',
    reasoningLength: 0,
    toolCalls: [],
    usage: {
      inputTokens: 45,
      outputTokens: 662,
      totalTokens: 707,
    },
  },
  'groq-tool-call-whole-in-one-chunk.sse': {
    finishReason: 'tool_calls',
    textLength: 0,
    textStart: '',
    reasoningLength: 0,
    toolCalls: [
      {
        name: 'weather',
        arguments: {},
      },
    ],
    usage: {
      inputTokens: 210,
      outputTokens: 15,
      totalTokens: 225,
    },
  },
  'llamacpp-b5966-error-field-not-data.sse': {
    error: 'StreamError',
    textLength: 0,
  },
  'llamacpp-qwen-tool-markup-leaks-into-content-trimmed.sse': {
    finishReason: 'tool_calls',
    textLength: 111,
    textStart: 'Hi there! Let me check the cur',
    reasoningLength: 0,
    toolCalls: [
      {
        name: 'get_current_weather',
        arguments: {
          location: 'Washington DC',
        },
      },
    ],
    usage: {
      inputTokens: 0,
      outputTokens: 0,
      totalTokens: 0,
    },
  },
  'mistral-large-2024-finish-length-on-content-chunk.sse': {
    finishReason: 'length',
    textLength: 358,
    textStart: 'Coca-Cola, often referred to a',
    reasoningLength: 0,
    toolCalls: [],
    usage: {
      inputTokens: 34,
      outputTokens: 100,
      totalTokens: 134,
    },
  },
  'mistral-pkg-zai-glm-tool-call-empty-name-continuation.sse': {
    finishReason: 'tool_calls',
    textLength: 0,
    textStart: '',
    reasoningLength: 0,
    toolCalls: [
      {
        name: 'webSearchTool',
        arguments: {
          query: 'current Berlin weather',
        },
      },
    ],
    usage: {
      inputTokens: 171,
      outputTokens: 14,
      totalTokens: 185,
    },
  },
  'mistral-reasoning-content-array.sse': {
    finishReason: 'stop',
    textLength: 9,
    textStart: '2 + 2 = 4',
    reasoningLength: 60,
    toolCalls: [],
    usage: {
      inputTokens: 10,
      outputTokens: 46,
      totalTokens: 56,
    },
  },
  'mistral-text.sse': {
    finishReason: 'stop',
    textLength: 38,
    textStart: 'Hello, world! This is a test r',
    reasoningLength: 0,
    toolCalls: [],
    usage: {
      inputTokens: 13,
      outputTokens: 8,
      totalTokens: 21,
    },
  },
  'mistral-tool-call-no-index-no-type.sse': {
    finishReason: 'tool_calls',
    textLength: 0,
    textStart: '',
    reasoningLength: 0,
    toolCalls: [
      {
        name: 'weather',
        arguments: {
          location: 'San Francisco',
        },
      },
    ],
    usage: {
      inputTokens: 124,
      outputTokens: 22,
      totalTokens: 146,
    },
  },
  'ollama-0.6-parallel-tool-calls-whole-chunks.sse': {
    finishReason: 'tool_calls',
    textLength: 0,
    textStart: '',
    reasoningLength: 0,
    toolCalls: [
      {
        name: 'run_command',
        arguments: {
          command: 'ls',
        },
      },
      {
        name: 'run_command',
        arguments: {
          command: 'ls -l',
        },
      },
    ],
    usage: {
      inputTokens: 0,
      outputTokens: 0,
      totalTokens: 0,
    },
  },
  'ollama-0.6-tool-call-whole-chunk-include-usage.sse': {
    finishReason: 'tool_calls',
    textLength: 0,
    textStart: '',
    reasoningLength: 0,
    toolCalls: [
      {
        name: 'get_weather',
        arguments: {
          city: 'New York',
        },
      },
    ],
    usage: {
      inputTokens: 159,
      outputTokens: 18,
      totalTokens: 177,
    },
  },
  'openai-finish-length-max-tokens-1.sse': {
    finishReason: 'length',
    textLength: 2,
    textStart: '{"',
    reasoningLength: 0,
    toolCalls: [],
    usage: {
      inputTokens: 79,
      outputTokens: 1,
      totalTokens: 80,
    },
  },
  'openai-json-content-include-usage.sse': {
    finishReason: 'stop',
    textLength: 36,
    textStart: '{"city":"San Francisco","units',
    reasoningLength: 0,
    toolCalls: [],
    usage: {
      inputTokens: 17,
      outputTokens: 10,
      totalTokens: 27,
    },
  },
  'openai-legacy-function_call-gpt35-0613.sse': {
    finishReason: 'tool_calls',
    textLength: 0,
    textStart: '',
    reasoningLength: 0,
    toolCalls: [
      {
        name: 'get_current_weather',
        arguments: {
          location: 'Charlottesville, Virginia',
          format: 'celsius',
        },
      },
    ],
    usage: {
      inputTokens: 0,
      outputTokens: 0,
      totalTokens: 0,
    },
  },
  'openai-midstream-error-no-done.sse': {
    error: 'StreamError',
    textLength: 14,
  },
  'openai-multiple-choices-n3.sse': {
    finishReason: 'stop',
    textLength: 53,
    textStart: '{"city":"San Francisco","tempe',
    reasoningLength: 0,
    toolCalls: [],
    usage: {
      inputTokens: 79,
      outputTokens: 42,
      totalTokens: 121,
    },
  },
  'openai-parallel-tool-calls-2.sse': {
    finishReason: 'tool_calls',
    textLength: 0,
    textStart: '',
    reasoningLength: 0,
    toolCalls: [
      {
        name: 'GetWeatherArgs',
        arguments: {
          city: 'Edinburgh',
          country: 'GB',
          units: 'c',
        },
      },
      {
        name: 'get_stock_price',
        arguments: {
          ticker: 'AAPL',
          exchange: 'NASDAQ',
        },
      },
    ],
    usage: {
      inputTokens: 149,
      outputTokens: 60,
      totalTokens: 209,
    },
  },
  'openai-refusal-delta.sse': {
    finishReason: 'stop',
    textLength: 44,
    textStart: "I'm sorry, I can't assist with",
    reasoningLength: 0,
    toolCalls: [],
    usage: {
      inputTokens: 79,
      outputTokens: 11,
      totalTokens: 90,
    },
  },
  'openai-text-obfuscation-usage.sse': {
    finishReason: 'stop',
    textLength: 1724,
    textStart: '**Holiday Name:** Harmony Day\n',
    reasoningLength: 0,
    toolCalls: [],
    usage: {
      inputTokens: 16,
      outputTokens: 300,
      totalTokens: 316,
    },
  },
  'openai-tool-call-args-many-deltas.sse': {
    finishReason: 'tool_calls',
    textLength: 0,
    textStart: '',
    reasoningLength: 0,
    toolCalls: [
      {
        name: 'GetWeatherArgs',
        arguments: {
          city: 'Edinburgh',
          country: 'UK',
          units: 'c',
        },
      },
    ],
    usage: {
      inputTokens: 76,
      outputTokens: 24,
      totalTokens: 100,
    },
  },
  'openai-tool-call-include-usage.sse': {
    finishReason: 'tool_calls',
    textLength: 0,
    textStart: '',
    reasoningLength: 0,
    toolCalls: [
      {
        name: 'multiply',
        arguments: {
          a: 1231,
          b: 2331,
        },
      },
    ],
    usage: {
      inputTokens: 54,
      outputTokens: 20,
      totalTokens: 74,
    },
  },
  'openrouter-azure-gpt4o-tool-call-usage-after-finish.sse': {
    finishReason: 'tool_calls',
    textLength: 0,
    textStart: '',
    reasoningLength: 0,
    toolCalls: [
      {
        name: 'get_weather',
        arguments: {
          city: 'New York',
        },
      },
    ],
    usage: {
      inputTokens: 50,
      outputTokens: 16,
      totalTokens: 66,
    },
  },
  'openrouter-moonshot-kimi-text-role-every-chunk.sse': {
    finishReason: 'stop',
    textLength: 52,
    textStart: 'The current version of *llm* i',
    reasoningLength: 0,
    toolCalls: [],
    usage: {
      inputTokens: 107,
      outputTokens: 15,
      totalTokens: 122,
    },
  },
  'openrouter-novita-kimi-repeated-tool-call-chunk.sse': {
    finishReason: 'tool_calls',
    textLength: 0,
    textStart: '',
    reasoningLength: 0,
    toolCalls: [
      {
        name: 'llm_version',
        arguments: {},
      },
    ],
    usage: {
      inputTokens: 57,
      outputTokens: 17,
      totalTokens: 74,
    },
  },
  'openrouter-novita-kimi-tool-call-name-then-args.sse': {
    finishReason: 'tool_calls',
    textLength: 0,
    textStart: '',
    reasoningLength: 0,
    toolCalls: [
      {
        name: 'llm_version',
        arguments: {},
      },
    ],
    usage: {
      inputTokens: 56,
      outputTokens: 12,
      totalTokens: 68,
    },
  },
  'perplexity-sonar-text-usage-every-chunk.sse': {
    finishReason: 'stop',
    textLength: 22,
    textStart: '**EcoVista Day**[1][5]',
    reasoningLength: 0,
    toolCalls: [],
    usage: {
      inputTokens: 11,
      outputTokens: 434,
      totalTokens: 445,
    },
  },
  'xai-grok-beta-usage-every-chunk-finish-length.sse': {
    finishReason: 'length',
    textLength: 889,
    textStart: 'Coca-Cola is a carbonated soft',
    reasoningLength: 0,
    toolCalls: [],
    usage: {
      inputTokens: 38,
      outputTokens: 200,
      totalTokens: 238,
    },
  },
  'xai-grok2-usage-every-chunk-tool-call-with-finish.sse': {
    finishReason: 'tool_calls',
    textLength: 53,
    textStart: 'I am retrieving the weather in',
    reasoningLength: 0,
    toolCalls: [
      {
        name: 'get_weather',
        arguments: {
          city: 'New York',
        },
      },
    ],
    usage: {
      inputTokens: 125,
      outputTokens: 45,
      totalTokens: 170,
    },
  },
  'xai-grok3mini-text-reasoning_content.sse': {
    finishReason: 'stop',
    textLength: 4,
    textStart: 'Grok',
    reasoningLength: 1455,
    toolCalls: [],
    usage: {
      inputTokens: 12,
      outputTokens: 2,
      totalTokens: 354,
    },
  },
  'xai-grok3mini-tool-call-reasoning.sse': {
    finishReason: 'tool_calls',
    textLength: 0,
    textStart: '',
    reasoningLength: 1069,
    toolCalls: [
      {
        name: 'weather',
        arguments: {
          location: 'San Francisco',
        },
      },
    ],
    usage: {
      inputTokens: 307,
      outputTokens: 26,
      totalTokens: 560,
    },
  },
};
