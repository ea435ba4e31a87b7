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
      'test/.cache/',
      'custom-elements.json',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  ...tseslint.configs.stylisticTypeChecked,
  litConfigs['flat/recommended'],
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
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
      // Keys of records are read as data['key'] on purpose: they are data, not fields of a type.
      '@typescript-eslint/dot-notation': 'off',
      // An abort's reason and a caught value are rethrown as they came, whatever they are.
      '@typescript-eslint/only-throw-error': [
        'error',
        { allowThrowingAny: true, allowThrowingUnknown: true },
      ],
      '@typescript-eslint/prefer-promise-reject-errors': [
        'error',
        { allowThrowingAny: true, allowThrowingUnknown: true },
      ],
      // `text || fallback` treats an empty string as absent on purpose (a blank key, no text).
      '@typescript-eslint/prefer-nullish-coalescing': [
        'error',
        { ignorePrimitives: { string: true } },
      ],
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
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      // Fakes of async APIs (fetch, streams, approvals) answer at once.
      '@typescript-eslint/require-await': 'off',
      // Stubs and no-op callbacks are empty on purpose.
      '@typescript-eslint/no-empty-function': 'off',
      // Tests throw strings and plain objects on purpose, to check how they are described.
      '@typescript-eslint/only-throw-error': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-expressions': 'off',
    },
  },
  {
    // Config and script files are plain JavaScript outside the TypeScript project.
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['bench/**/*.mjs'],
    // Browser-page stubs and no-op loggers are empty on purpose.
    rules: { '@typescript-eslint/no-empty-function': 'off' },
  },
  {
    files: ['test/types/**/*.ts'],
    // Type tests look at methods' types and never call them.
    rules: { '@typescript-eslint/unbound-method': 'off' },
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
