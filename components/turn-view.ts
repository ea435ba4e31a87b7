import type { ContextTrimmed, TurnEvent, TurnState, TurnStep, TurnToolCall } from '../src/index.js';
import {
  createMarkdownWriter,
  renderMarkdownInto,
  type MarkdownRenderOptions,
  type MarkdownWriter,
} from './markdown-adapter.js';
import type {
  AnswerUsage,
  AssistantBlock,
  AssistantEntry,
  AssistantState,
  ErrorNotice,
  NoteBlock,
  ReasoningBlock,
  TextBlock,
  ToolCard,
} from './transcript-entry.js';

let viewCount = 0;

// Restored text is complete: nothing will be appended.
const closedWriter: MarkdownWriter = { append: () => undefined, end: () => undefined };

const entryStates: Readonly<Record<TurnState['status'], AssistantState>> = {
  running: 'streaming',
  finished: 'done',
  stopped: 'stopped',
  failed: 'interrupted',
};

/**
 * The transcript entry of one assistant turn: a view of the turn's state, not a second model of
 * it. Blocks and cards are read from the state; the view only keeps what the DOM needs (each
 * text's markdown container, fed deltas as they arrive and never re-created, and each call's
 * argument pieces for the streaming view). A retry adds an attempt: earlier attempts show their
 * finished rounds, the current one everything.
 */
export class TurnView implements AssistantEntry {
  readonly kind = 'assistant' as const;
  readonly key: string;
  /** Bumped on every change that needs a re-render, so unchanged entries are skipped. */
  revision = 0;
  /** Set when the turn failed; shown with a Retry button. */
  error: ErrorNotice | undefined;

  readonly #document: Document;
  readonly #markdown: MarkdownRenderOptions;
  readonly #attempts: TurnState[] = [];
  readonly #texts = new Map<string, TextBlock | ReasoningBlock>();
  readonly #pieces = new Map<string, string[]>();
  // Cards whose Approve and Deny wait for the user (the page did not decide).
  readonly #asking = new Set<string>();
  #blocks: AssistantBlock[] | undefined;
  // Lines about the turn from outside its state (an MCP server that could not be reached).
  readonly #notes: NoteBlock[] = [];

  constructor(document: Document, markdown: MarkdownRenderOptions = {}) {
    this.#document = document;
    this.#markdown = markdown;
    this.key = `turn-${++viewCount}`;
  }

  /** The view of a saved turn: its text rendered at once, complete. */
  static restored(
    state: TurnState,
    document: Document,
    markdown: MarkdownRenderOptions = {},
  ): TurnView {
    const view = new TurnView(document, markdown);
    view.#attempts.push(state);
    // Rendered now, inside the restoring task's time budget, not in the element's next render.
    void view.blocks;
    return view;
  }

  /** How the turn stands, as the transcript shows it. */
  get state(): AssistantState {
    const current = this.#attempts.at(-1);
    if (!current) return this.error ? 'interrupted' : 'streaming';
    return entryStates[current.status];
  }

  /** The turn's state (its current attempt), if it has begun. */
  get turn(): TurnState | undefined {
    return this.#attempts.at(-1);
  }

  /** Tokens of the current attempt and the model that answered (`metadata.model` of its last reported step). */
  get usage(): AnswerUsage | undefined {
    const turn = this.turn;
    if (!turn) return undefined;
    const model = turn.steps.findLast((step) => step.end?.metadata['model'] !== undefined)?.end
      ?.metadata['model'];
    const { inputTokens, outputTokens } = turn.usage;
    if (inputTokens + outputTokens === 0 && typeof model !== 'string') return undefined;
    return { inputTokens, outputTokens, model: typeof model === 'string' ? model : undefined };
  }

  /** Text, reasoning and cards in order: earlier attempts' finished rounds, then the current attempt. */
  get blocks(): AssistantBlock[] {
    this.#blocks ??= this.#buildBlocks();
    return this.#blocks;
  }

  /** Starts showing a new attempt of the turn (the first, or a retry after the finished rounds). */
  begin(state: TurnState): void {
    this.error = undefined;
    this.#attempts.push(state);
    this.#changed();
  }

  /**
   * Takes the attempt's state after `event`; returns whether the template must re-render (a text
   * delta goes straight into its markdown container and needs none).
   */
  update(state: TurnState, event: TurnEvent): 'none' | 'frame' | 'now' {
    const attempt = this.#attempts.length - 1;
    this.#attempts[attempt] = state;
    switch (event.type) {
      case 'text':
      case 'reasoning': {
        const kind = event.type === 'text' ? 'text' : 'reasoning';
        const key = blockKey(attempt, event.step, kind);
        const existing = this.#texts.get(key);
        if (existing) {
          existing.writer.append(event.text);
          return 'none';
        }
        this.#streamedBlock(key, kind, event.step).writer.append(event.text);
        return this.#changed();
      }
      case 'call-arguments': {
        const key = this.#cardKey(attempt, event.step, event.index);
        const pieces = this.#pieces.get(key);
        if (pieces) pieces.push(event.delta);
        else this.#pieces.set(key, [event.delta]);
        this.#blocks = undefined;
        this.revision++;
        // Argument deltas come by the thousand: one render per frame shows them all.
        return 'frame';
      }
      case 'step-end':
        this.#endTexts(attempt, event.step);
        return this.#changed();
      case 'turn-finished':
      case 'turn-failed':
      case 'turn-stopped':
        this.#endTexts(attempt);
        this.#asking.clear();
        return this.#changed();
      default:
        return this.#changed();
    }
  }

  /** The card of the call at `index` of the current attempt's `step`, if it is on screen. */
  cardAt(step: number, index: number): ToolCard | undefined {
    const key = this.#cardKey(this.#attempts.length - 1, step, index);
    for (const block of this.blocks)
      if (block.kind === 'tool' && block.card.key === key) return block.card;
    return undefined;
  }

  /** The user decides on this card (shows Approve and Deny). */
  askUser(card: ToolCard): void {
    this.#asking.add(card.key);
    this.#changed();
  }

  /** The user answered (or the wait ended). */
  answered(card: ToolCard): void {
    this.#asking.delete(card.key);
    this.#changed();
  }

  /** Adds a line about the turn above its answer (shown once per `key`). */
  note(key: string, text: NoteBlock['text']): void {
    if (this.#notes.some((note) => note.key === `${this.key}:note:${key}`)) return;
    this.#notes.push({ kind: 'note', key: `${this.key}:note:${key}`, text });
    this.#changed();
  }

  /** Shows the turn as failed, with `notice` and (from the element) a Retry. */
  fail(notice: ErrorNotice): void {
    this.error = notice;
    this.#endTexts(this.#attempts.length - 1);
    this.#changed();
  }

  /** Addresses a call by turn, attempt, step and position, never by the provider's id. */
  #cardKey(attempt: number, step: number, index: number): string {
    return `${this.key}:${attempt}:${step}:${index}`;
  }

  #changed(): 'now' {
    this.#blocks = undefined;
    this.revision++;
    return 'now';
  }

  #buildBlocks(): AssistantBlock[] {
    const blocks: AssistantBlock[] = [...this.#notes];
    const last = this.#attempts.length - 1;
    const trimmed = this.#attempts[last] && mostTrimmed(this.#attempts[last]);
    if (trimmed) blocks.push(trimmedNote(this.key, trimmed));
    this.#attempts.forEach((state, attempt) => {
      for (const step of state.steps) {
        // An earlier attempt failed: only its finished rounds are part of the conversation.
        if (attempt < last && !isFinishedRound(step)) break;
        this.#stepBlocks(blocks, state, attempt, step);
      }
    });
    return blocks;
  }

  #stepBlocks(blocks: AssistantBlock[], state: TurnState, attempt: number, step: TurnStep): void {
    for (const kind of ['reasoning', 'text'] as const) {
      const text = kind === 'text' ? step.text : step.reasoning;
      if (!text) continue;
      const key = blockKey(attempt, step.step, kind);
      const block = this.#texts.get(key) ?? this.#restoredBlock(key, kind, step.step, text);
      block.text = text;
      blocks.push(block);
    }
    for (const call of step.calls)
      blocks.push({
        kind: 'tool',
        key: this.#cardKey(attempt, step.step, call.index),
        step: step.step,
        card: this.#card(this.#cardKey(attempt, step.step, call.index), call, state),
      });
  }

  #card(key: string, call: TurnToolCall, state: TurnState): ToolCard {
    let pieces = this.#pieces.get(key);
    // A provider that resent the whole text (or a restored call): the pieces start over from it.
    if (
      !pieces ||
      (call.status !== 'streaming' && joinedLength(pieces) !== call.argumentsText.length)
    ) {
      pieces = [call.argumentsText];
      this.#pieces.set(key, pieces);
    }
    return {
      key,
      id: call.id,
      name: call.name,
      argumentsText: call.argumentsText,
      argumentPieces: pieces,
      arguments: call.arguments,
      status: call.status,
      resultText: call.result?.resultText,
      askingUser: state.status === 'running' && this.#asking.has(key),
    };
  }

  #streamedBlock(
    key: string,
    kind: 'text' | 'reasoning',
    step: number,
  ): TextBlock | ReasoningBlock {
    const container = this.#container(kind);
    const block = {
      kind,
      key,
      step,
      container,
      writer: createMarkdownWriter(container, this.#markdown),
      text: '',
      streaming: true,
    };
    this.#texts.set(key, block);
    return block;
  }

  #restoredBlock(
    key: string,
    kind: 'text' | 'reasoning',
    step: number,
    text: string,
  ): TextBlock | ReasoningBlock {
    const container = this.#container(kind);
    renderMarkdownInto(container, text, this.#markdown);
    const block = { kind, key, step, container, writer: closedWriter, text, streaming: false };
    this.#texts.set(key, block);
    return block;
  }

  #container(kind: 'text' | 'reasoning'): HTMLElement {
    const container = this.#document.createElement('div');
    container.className = kind === 'text' ? 'markdown' : 'markdown reasoning-text';
    return container;
  }

  /** Closes the writers of an attempt (or one of its steps) so the renderer flushes the last line. */
  #endTexts(attempt: number, step?: number): void {
    const prefix = step === undefined ? `${attempt}:` : `${attempt}:${step}:`;
    for (const [key, block] of this.#texts) {
      if (!key.startsWith(prefix) || !block.streaming) continue;
      block.streaming = false;
      block.writer.end();
    }
  }
}

/** The request of the turn that left out the most messages, if any was trimmed. */
function mostTrimmed(state: TurnState): ContextTrimmed | undefined {
  let most: ContextTrimmed | undefined;
  for (const step of state.steps)
    if (step.contextTrimmed && step.contextTrimmed.droppedMessages > (most?.droppedMessages ?? 0))
      most = step.contextTrimmed;
  return most;
}

// One line for the turn, however many of its requests were trimmed: the most that was left out.
function trimmedNote(viewKey: string, trimmed: ContextTrimmed): NoteBlock {
  return {
    kind: 'note',
    key: `${viewKey}:note:trimmed`,
    text: (s) => s.contextTrimmed(trimmed.droppedMessages, trimmed.budget),
  };
}

function blockKey(attempt: number, step: number, kind: 'text' | 'reasoning'): string {
  return `${attempt}:${step}:${kind}`;
}

function isFinishedRound(step: TurnStep): boolean {
  return (
    step.complete && step.calls.length > 0 && step.calls.every((call) => call.result !== undefined)
  );
}

function joinedLength(pieces: readonly string[]): number {
  let length = 0;
  for (const piece of pieces) length += piece.length;
  return length;
}
