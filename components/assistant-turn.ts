import type { ChatMessage, ChatResponseChunk } from '../src/index.js';
import { createMarkdownWriter, type MarkdownRenderOptions } from './markdown-adapter.js';
import type {
  AssistantBlock,
  AssistantEntry,
  ErrorNotice,
  ReasoningBlock,
  TextBlock,
  ToolCard,
} from './transcript-entry.js';
import { TurnRounds } from './turn-rounds.js';

let turnCount = 0;

/**
 * Applies a turn's chunks to its transcript entry: text and reasoning go straight into their
 * markdown writers (no re-render), tool activity into cards. Survives retries: each new attempt
 * continues after the rounds that finished.
 */
export class AssistantTurn {
  readonly entry: AssistantEntry;
  readonly #document: Document;
  readonly #rounds = new TurnRounds();
  // Cards by `<round>:<position>`: one lookup per chunk however many calls a step makes.
  readonly #cards = new Map<string, ToolCard>();
  /** Round number of the current attempt's step 0. */
  #offset = 0;
  #blockCount = 0;

  readonly #markdown: MarkdownRenderOptions;

  constructor(document: Document, markdown: MarkdownRenderOptions = {}) {
    this.#document = document;
    this.#markdown = markdown;
    this.entry = {
      kind: 'assistant',
      key: `turn-${++turnCount}`,
      blocks: [],
      state: 'streaming',
      revision: 0,
      error: undefined,
    };
  }

  /** Applies one chunk; returns true when the template must re-render (text alone needs not). */
  apply(chunk: ChatResponseChunk): boolean {
    const changed = this.#apply(chunk);
    if (changed) this.entry.revision++;
    return changed;
  }

  /**
   * A tool call now waits for the user's Approve or Deny. The card shows `name` and `args`, the
   * very call that runs if approved.
   */
  askUser(card: ToolCard, name: string, args: unknown): void {
    card.name = name;
    card.arguments = args;
    card.status = 'awaiting-approval';
    card.askingUser = true;
    this.entry.revision++;
  }

  /** The user answered a call that waited for approval. */
  decide(card: ToolCard, approved: boolean): void {
    card.askingUser = false;
    card.status = approved ? 'running' : 'denied';
    this.entry.revision++;
  }

  #apply(chunk: ChatResponseChunk): boolean {
    const round = this.#offset + chunk.step;
    switch (chunk.type) {
      case 'text-delta':
        this.#rounds.addText(round, chunk.chunk);
        return this.#appendText('text', round, chunk.chunk);
      case 'reasoning-delta':
        this.#rounds.addReasoning(round, chunk.reasoningChunk);
        return this.#appendText('reasoning', round, chunk.reasoningChunk);
      case 'tool-call-start':
        this.#card(
          round,
          chunk.toolCallStart.index,
          chunk.toolCallStart.id,
          chunk.toolCallStart.name,
        );
        return true;
      case 'tool-call-delta': {
        const { index, id, name, argumentsText, argumentsDelta } = chunk.toolCallDelta;
        const card = this.#card(round, index, id, name);
        // Lengths only: comparing or slicing the growing text would copy it on every delta.
        if (card.argumentsText.length + argumentsDelta.length === argumentsText.length)
          card.argumentPieces.push(argumentsDelta);
        else card.argumentPieces = [argumentsText];
        card.argumentsText = argumentsText;
        return true;
      }
      case 'tool-call-ready': {
        const { index, id, name, argumentsText, requiresApproval } = chunk.toolCallReady;
        const card = this.#card(round, index, id, name);
        card.argumentsText = argumentsText;
        card.status = requiresApproval ? 'awaiting-approval' : 'running';
        this.#rounds.addCall(round, index, { id, name, argumentsText });
        return true;
      }
      case 'tool-call-result': {
        const { index, id, name, resultText, isError, denied } = chunk.toolCallResult;
        const card = this.#card(round, index, id, name);
        if (chunk.toolCallResult.arguments !== undefined)
          card.arguments = chunk.toolCallResult.arguments;
        card.resultText = resultText;
        card.askingUser = false;
        card.status = denied ? 'denied' : isError ? 'failed' : 'done';
        this.#rounds.addResult(round, index, { resultText, isError, denied });
        return true;
      }
      case 'finish':
        this.#endBlocks();
        this.entry.state = 'done';
        return true;
    }
  }

  /** The card of the call at `index` of the current attempt's `step`, if it is on screen. */
  cardAt(step: number, index: number): ToolCard | undefined {
    return this.#cards.get(cardKey(this.#offset + step, index));
  }

  /** Ends the turn as stopped by the user; returns the messages worth keeping. */
  stop(): ChatMessage[] {
    this.#endBlocks();
    this.#settleCards('stopped');
    this.entry.state = 'stopped';
    this.entry.revision++;
    return this.#rounds.stoppedMessages(this.#offset);
  }

  /** Ends the turn as failed; its partial text stays on screen, marked interrupted. */
  fail(notice: ErrorNotice): void {
    this.#endBlocks();
    this.#settleCards('failed');
    this.entry.state = 'interrupted';
    this.entry.error = notice;
    this.entry.revision++;
  }

  /** Prepares a retry: removes the failed round's blocks and the error; finished rounds stay. */
  retry(): void {
    const last = this.#rounds.lastRound;
    const failed = last >= this.#offset && !this.#rounds.isFinished(last) ? last : last + 1;
    const kept = this.entry.blocks.filter((block) => block.step < failed);
    this.entry.blocks.splice(0, this.entry.blocks.length, ...kept);
    for (const [key, card] of [...this.#cards])
      if (!kept.some((block) => block.kind === 'tool' && block.card === card))
        this.#cards.delete(key);
    this.#rounds.dropFrom(failed);
    this.#offset = Math.max(failed, this.#offset);
    this.entry.error = undefined;
    this.entry.state = 'streaming';
    this.entry.revision++;
  }

  #appendText(kind: 'text' | 'reasoning', round: number, text: string): boolean {
    if (!text) return false;
    const last = this.entry.blocks.at(-1);
    if (last?.kind === kind && last.step === round) {
      last.text += text;
      last.writer.append(text);
      return false;
    }
    this.#endBlocks();
    const container = this.#document.createElement('div');
    container.className = kind === 'text' ? 'markdown' : 'markdown reasoning-text';
    const writer = createMarkdownWriter(container, this.#markdown);
    const block: TextBlock | ReasoningBlock = {
      kind,
      key: this.#nextKey(),
      step: round,
      container,
      writer,
      text,
      streaming: true,
    };
    writer.append(text);
    this.entry.blocks.push(block);
    return true;
  }

  #card(round: number, index: number, id: string, name: string): ToolCard {
    const key = cardKey(round, index);
    const existing = this.#cards.get(key);
    if (existing) return existing;
    this.#endBlocks();
    const card: ToolCard = {
      key,
      id,
      name,
      argumentsText: '',
      argumentPieces: [],
      arguments: undefined,
      status: 'streaming',
      resultText: undefined,
      askingUser: false,
    };
    this.#cards.set(key, card);
    const block: AssistantBlock = { kind: 'tool', key: this.#nextKey(), step: round, card };
    this.entry.blocks.push(block);
    return card;
  }

  /** Closes the writers of finished text so the renderer can flush its last line. */
  #endBlocks(): void {
    for (const block of this.entry.blocks) {
      if (block.kind !== 'tool' && block.streaming) {
        block.streaming = false;
        block.writer.end();
      }
    }
  }

  #settleCards(status: 'stopped' | 'failed'): void {
    for (const block of this.entry.blocks) {
      if (block.kind !== 'tool') continue;
      const { card } = block;
      if (
        card.status === 'streaming' ||
        card.status === 'running' ||
        card.status === 'awaiting-approval'
      )
        card.status = status;
      card.askingUser = false;
    }
  }

  #nextKey(): string {
    return `${this.entry.key}-${++this.#blockCount}`;
  }
}

function cardKey(round: number, index: number): string {
  return `${round}:${index}`;
}
