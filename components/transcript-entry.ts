import type { ToolCallStatus } from '../src/index.js';
import type { AttachedPart } from './attachments/attachment-info.js';
import type { ChatStrings } from './chat-strings.js';
import type { MarkdownWriter } from './markdown-adapter.js';

/** Where a tool call stands, as its card shows it: the core's status of the call. */
export type ToolCardStatus = ToolCallStatus;

/** One tool call on screen. */
export interface ToolCard {
  /**
   * Addresses the call within its conversation (`<round>:<position>`), never the provider's id,
   * which providers repeat, leave empty and reuse across rounds.
   */
  readonly key: string;
  /** The call id sent back to the provider (unique within the conversation). */
  readonly id: string;
  name: string;
  /** The argument text received so far (complete once the call is ready). */
  argumentsText: string;
  /**
   * The same text as it streamed, piece by piece, only ever appended to (replaced by a new array
   * when the provider resent the whole text): the streaming view appends the new pieces, where
   * reading a growing string on every delta would copy it each time.
   */
  argumentPieces: string[];
  /**
   * The validated arguments the call runs with, once known: the approval card shows these, so
   * what the user approves is exactly what runs. `undefined` until then.
   */
  arguments: unknown;
  status: ToolCardStatus;
  /** The JSON text sent back to the model, once the call has finished. */
  resultText: string | undefined;
  /** True while Approve and Deny wait for the user (the page did not decide). */
  askingUser: boolean;
}

/** Answer text; `container` holds the rendered markdown and is never re-created. */
export interface TextBlock {
  readonly kind: 'text';
  readonly key: string;
  readonly step: number;
  readonly container: HTMLElement;
  readonly writer: MarkdownWriter;
  text: string;
  /** True while the text is still arriving (its writer is open). */
  streaming: boolean;
}

/** Reasoning ("thinking") text, shown in a collapsible section. */
export interface ReasoningBlock {
  readonly kind: 'reasoning';
  readonly key: string;
  readonly step: number;
  readonly container: HTMLElement;
  readonly writer: MarkdownWriter;
  text: string;
  /** True while the reasoning is still arriving (its writer is open). */
  streaming: boolean;
}

/** A tool call card. */
interface ToolBlock {
  readonly kind: 'tool';
  readonly key: string;
  readonly step: number;
  readonly card: ToolCard;
}

/**
 * A line about the turn rather than from the model: earlier messages left out to fit the context
 * budget, tools of an MCP server that could not be reached.
 */
export interface NoteBlock {
  readonly kind: 'note';
  readonly key: string;
  /** What it says, in the strings in force when it is shown. */
  readonly text: (strings: ChatStrings) => string;
}

/** A piece of an assistant turn. */
export type AssistantBlock = TextBlock | ReasoningBlock | ToolBlock | NoteBlock;

/** An error as the transcript shows it. */
export interface ErrorNotice {
  /**
   * In the given strings: one line saying what happened, and what the server said or what to
   * check. A function, so a notice already shown follows a later change of the element's strings.
   */
  readonly text: (strings: ChatStrings) => readonly [title: string, detail: string];
  /** True when the server rejected the API key (HTTP 401). */
  readonly unauthorized: boolean;
  /** True when the conversation did not fit the model's context: "Continue with a shorter context" is offered. */
  readonly contextExceeded?: boolean;
}

/** How a failed turn runs again. */
export interface RetryOptions {
  /** Leave out the oldest messages: half the estimated size of what was sent, then half again. */
  readonly shorterContext?: boolean;
}

/** Runs a failed turn again. */
export type RetryTurn = (options?: RetryOptions) => void;

/** What an answer cost and which model gave it. */
export interface AnswerUsage {
  readonly inputTokens: number;
  readonly outputTokens: number;
  /** The model the provider says answered, when it said. */
  readonly model: string | undefined;
}

/** How an assistant turn ended, if it has. */
export type AssistantState = 'streaming' | 'done' | 'stopped' | 'interrupted';

/**
 * Everything the assistant did for one user message: text, reasoning, tool calls. Implemented by
 * the turn's view (`TurnView`), which reads them from the turn's state.
 */
export interface AssistantEntry {
  readonly kind: 'assistant';
  readonly key: string;
  readonly blocks: readonly AssistantBlock[];
  readonly state: AssistantState;
  /** Bumped on every change that needs a re-render, so unchanged entries are skipped. */
  readonly revision: number;
  /** Set when the turn failed; shown with a Retry button. */
  readonly error: ErrorNotice | undefined;
  /** Tokens and model, once the provider reported either. */
  readonly usage: AnswerUsage | undefined;
}

/** A message the user sent. */
export interface UserEntry {
  readonly kind: 'user';
  readonly key: string;
  readonly text: string;
  /** The images and files sent with it. */
  readonly attachments?: readonly AttachedPart[];
}

/** One item of the transcript. */
export type TranscriptEntry = UserEntry | AssistantEntry;
