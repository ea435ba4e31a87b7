/**
 * The no-build entry: one file a plain `<script type="module">` page can import. It registers
 * `<tool-agent-chat>` and re-exports the core API and zod (as `z`) so the page can define tools.
 *
 * @example
 * ```html
 * <script type="module">
 *   import { FunctionTool, z } from './tool-agents.standalone.js';
 *   document.querySelector('tool-agent-chat').tools = [new FunctionTool({ name: 'now', description: 'Current time',
 *     parameters: z.object({}), execute: () => new Date().toISOString() })];
 * </script>
 * ```
 * @packageDocumentation
 */
export * from '../src/index.js';
export * from './index.js';
export * as z from 'zod';
