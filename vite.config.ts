import { defineConfig, type UserConfig } from 'vite';
import { fileURLToPath } from 'node:url';
import pkg from './package.json' with { type: 'json' };

const root = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

const dependencies = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})];
const isExternal = (id: string): boolean => dependencies.some((dep) => id === dep || id.startsWith(`${dep}/`));

/** `vite build`: the npm package (ES modules, dependencies left as imports). */
const library: UserConfig = {
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2022',
    sourcemap: true,
    minify: false,
    lib: {
      entry: { index: root('src/index.ts'), chat: root('components/index.ts'), testing: root('src/testing/index.ts') },
      formats: ['es'],
    },
    rollupOptions: { external: isExternal },
  },
};

/** `vite build --mode standalone`: one self-contained file for a plain `<script type="module">`. */
const standalone: UserConfig = {
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2022',
    sourcemap: true,
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
    rollupOptions: { input: { index: root('demo/index.html'), minimal: root('demo/minimal.html') } },
  },
};

export default defineConfig(({ command, mode }) => {
  if (mode === 'standalone') return standalone;
  if (mode === 'demo' || command === 'serve') return demo;
  return library;
});
