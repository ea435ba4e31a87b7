// Vite's `?raw` suffix imports a file's text; the demo loads recorded SSE bodies this way, lazily.
declare module '*.sse?raw' {
  const text: string;
  export default text;
}
