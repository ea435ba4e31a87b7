import { ChatHistory } from './chat-history.js';
import {
  readPythonChatHistory,
  writePythonChatHistory,
  type PythonExportOptions,
} from './python-chat-history.js';
import type { PythonChatHistoryJSON } from './python-chat-history-schema.js';

// Functions, not ChatHistory methods: a bundle that never touches the Python format leaves them out.

/**
 * Reads a history saved by the Python ToolAgents library (`ChatHistory.save_to_json`), as text or
 * the parsed object. Written back with {@link toPythonChatHistoryJSON} unchanged, it comes out
 * deep-equal. Python's `custom` role becomes `system`, `assistant` or `user` after the custom
 * role's name (`developer` counts as `system`, unknown names as `user`) and is written back as `custom`.
 * @throws TypeError naming what is wrong and where.
 */
export function fromPythonChatHistory(json: string | object): ChatHistory {
  return new ChatHistory(readPythonChatHistory(json));
}

/** The history as the Python library's `ChatHistory` JSON object. */
export function toPythonChatHistory(
  history: ChatHistory,
  options?: PythonExportOptions,
): PythonChatHistoryJSON {
  return writePythonChatHistory(history.getMessages(), history.metadata, options);
}

/** The history as the Python library's `ChatHistory` JSON text (indented by 2, as Python writes it). */
export function toPythonChatHistoryJSON(
  history: ChatHistory,
  options?: PythonExportOptions,
): string {
  return JSON.stringify(toPythonChatHistory(history, options), null, 2);
}
