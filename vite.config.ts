import { defineConfig, type Plugin, type UserConfig } from 'vite';
import { fileURLToPath } from 'node:url';
import pkg from './package.json' with { type: 'json' };
import { isAjvProvider, noAjvPath } from './scripts/mcp-bundle.mjs';

const root = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

const dependencies = [
  ...Object.keys(pkg.dependencies ?? {}),
  ...Object.keys(pkg.peerDependencies ?? {}),
];
const isExternal = (id: string): boolean =>
  dependencies.some((dep) => id === dep || id.startsWith(`${dep}/`));

/** The MCP SDK's client is bundled into dist/mcp.js without Ajv (see src/mcp/no-ajv.ts). */
function noAjv(): Plugin {
  return {
    name: 'no-ajv',
    enforce: 'pre',
    resolveId: (source, importer) => (isAjvProvider(source, importer) ? noAjvPath : null),
  };
}

/**
 * `vite build`: the npm package (ES modules, dependencies left as imports). The MCP SDK is a dev
 * dependency bundled into `mcp.js` (its client only: no server, no Node code, no Ajv; checked by
 * scripts/check-mcp-bundle.mjs), so pages install none of its server-side dependencies.
 */
const library: UserConfig = {
  plugins: [noAjv()],
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2022',
    sourcemap: true,
    minify: false,
    lib: {
      entry: {
        index: root('src/index.ts'),
        chat: root('components/index.ts'),
        markdown: root('components/markdown/index.ts'),
        testing: root('src/testing/index.ts'),
        mcp: root('src/mcp/index.ts'),
      },
      formats: ['es'],
    },
    rollupOptions: { external: isExternal },
  },
};

/**
 * Re-exporting zod's namespace as `z` would pull in all of zod's ~40 error-message locales
 * (260 KB minified); the standalone bundle keeps English, zod's default, only.
 */
function zodEnglishLocaleOnly(): Plugin {
  const virtualId = '\0zod-locales-en';
  return {
    name: 'zod-english-locale-only',
    enforce: 'pre',
    resolveId(source, importer) {
      return importer?.includes('/zod/') && source.endsWith('/locales/index.js') ? virtualId : null;
    },
    load(id) {
      return id === virtualId
        ? `export { default as en } from ${JSON.stringify(root('node_modules/zod/v4/locales/en.js'))};`
        : null;
    },
  };
}

/** `vite build --mode standalone`: one self-contained file for a plain `<script type="module">`. */
const standalone: UserConfig = {
  plugins: [zodEnglishLocaleOnly()],
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2022',
    sourcemap: true,
    // Lib mode keeps whitespace for downstream tree-shaking; this file is final, so minify fully.
    rollupOptions: { output: { minify: true } },
    lib: { entry: { 'tool-agents.standalone': root('components/standalone.ts') }, formats: ['es'] },
  },
};

/** `npm start` / `vite build --mode demo`: the demo site, with relative paths so any static host serves it. */
const demo: UserConfig = {
  root: root('demo'),
  base: './',
  publicDir: false,
  server: { host: '127.0.0.1', port: 5173, strictPort: false, fs: { allow: [root('.')] } },
  preview: { host: '127.0.0.1', port: 4173 },
  build: {
    outDir: root('demo-dist'),
    emptyOutDir: true,
    target: 'es2022',
    rollupOptions: {
      input: { index: root('demo/index.html'), minimal: root('demo/minimal.html') },
    },
  },
};

export default defineConfig(({ command, mode }) => {
  if (mode === 'standalone') return standalone;
  if (mode === 'demo' || command === 'serve') return demo;
  return library;
});
