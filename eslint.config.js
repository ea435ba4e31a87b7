// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { configs as litConfigs } from 'eslint-plugin-lit';
import prettierConfig from 'eslint-config-prettier';

/** One config per folder, forbidding imports of the folders above it (and of the element). */
function layers(rules) {
  return rules.map(([files, above]) => ({
    files: [files],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                ...above.flatMap((name) => [`../${name}/*`, `../${name}.js`]),
                '**/components/**',
              ],
              message: 'Folder dependencies run one way (see the layers in eslint.config.js).',
            },
          ],
        },
      ],
    },
  }));
}

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'demo-dist/',
      'bench/dist/',
      'bench/.cache/',
      'custom-elements.json',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  litConfigs['flat/recommended'],
  {
    languageOptions: {
      globals: {
        window: 'readonly',
        document: 'readonly',
        console: 'readonly',
        process: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        URL: 'readonly',
        fetch: 'readonly',
        Response: 'readonly',
        Request: 'readonly',
        Headers: 'readonly',
        TextEncoder: 'readonly',
        TextDecoder: 'readonly',
        ReadableStream: 'readonly',
        AbortController: 'readonly',
        AbortSignal: 'readonly',
        Buffer: 'readonly',
        performance: 'readonly',
        crypto: 'readonly',
        structuredClone: 'readonly',
        queueMicrotask: 'readonly',
        localStorage: 'readonly',
        navigator: 'readonly',
        customElements: 'readonly',
        HTMLElement: 'readonly',
        Event: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: 'TSEnumDeclaration', message: 'Use a union of string literals, not an enum.' },
      ],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-expressions': 'off',
    },
  },
  // Folder dependencies run one way: internal < messages < turn < errors < tools < provider < agents < relay.
  ...layers([
    [
      'src/internal/**',
      [
        'messages',
        'turn',
        'errors',
        'error-guards',
        'tools',
        'provider',
        'agents',
        'relay',
        'testing',
      ],
    ],
    [
      'src/messages/**',
      ['turn', 'errors', 'error-guards', 'tools', 'provider', 'agents', 'relay', 'testing'],
    ],
    ['src/turn/**', ['errors', 'error-guards', 'tools', 'provider', 'agents', 'relay', 'testing']],
    ['src/tools/**', ['provider', 'agents', 'relay', 'testing']],
    ['src/provider/**', ['agents', 'relay', 'testing']],
    ['src/agents/**', ['relay', 'testing']],
  ]),
  // Last: turns off the style rules Prettier owns.
  prettierConfig,
);
