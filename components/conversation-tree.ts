import type { ChatMessage } from '../src/index.js';

/** Alternatives at one point of the conversation; `shown` is the one on the visible path. */
interface Fork<T> {
  readonly options: T[];
  shown: number;
}

/** A user message and the alternative answers to it (regenerations). */
interface Exchange {
  readonly user: ChatMessage;
  readonly answers: Fork<Answer>;
}

/** One answer (a turn's assistant and tool messages, possibly none yet) and the messages sent after it. */
interface Answer {
  readonly messages: ChatMessage[];
  readonly next: Fork<Exchange>;
}

/** Which alternative of a branch point is shown, of how many (`index` 0-based). */
export interface BranchPosition {
  readonly index: number;
  readonly count: number;
}

/** Which of an exchange's two branch points: its user message (edits) or its answer (regenerations). */
export type BranchSide = 'message' | 'answer';

/**
 * The tree as stored: every message once, in the order of `nodes` (after the `prefix` messages
 * sent before the first user message), so the JSON stays flat however deep the conversation.
 */
export interface StoredBranches {
  /** How many of the messages come before the first user message. */
  readonly prefix: number;
  /** Exchanges (one user message) and answers (zero or more messages), parents first. */
  readonly nodes: readonly StoredNode[];
  /** Which exchange the root's fork shows. */
  readonly shown: number;
}

/** One node of {@link StoredBranches}. */
interface StoredNode {
  /** Index of the parent node; -1 for an exchange at the root. Exchanges and answers alternate. */
  readonly parent: number;
  /** How many messages it holds: 1 for an exchange, 0 or more for an answer. */
  readonly count: number;
  /** Which of its children is shown. */
  readonly shown: number;
}

const fork = <T>(): Fork<T> => ({ options: [], shown: 0 });
const answer = (messages: ChatMessage[] = []): Answer => ({ messages, next: fork() });

/**
 * A conversation with its alternatives: each user message may have sibling versions (edits) and
 * each answer sibling answers (regenerations), one of each shown. The visible path is the
 * conversation sent to the model. Exchanges are addressed by their position on the visible path.
 */
export class ConversationTree {
  // Messages before the first user message (a system prompt, an imported greeting) have no alternatives.
  readonly #root: Answer;
  #path: ChatMessage[] | undefined;
  #exchanges: Exchange[] | undefined;

  private constructor(root: Answer) {
    this.#root = root;
  }

  /** A conversation without alternatives. */
  static linear(messages: readonly ChatMessage[]): ConversationTree {
    const tree = new ConversationTree(answer());
    tree.append(messages);
    return tree;
  }

  /** The visible path: the conversation as the model sees it. */
  get messages(): readonly ChatMessage[] {
    if (this.#path) return this.#path;
    const path = [...this.#root.messages];
    for (const exchange of this.#visible())
      path.push(exchange.user, ...answerOf(exchange).messages);
    this.#path = path;
    return path;
  }

  /** How many user messages the visible path holds. */
  get exchangeCount(): number {
    return this.#visible().length;
  }

  /** True when some message or answer has an alternative (stored in the newer format then). */
  get branched(): boolean {
    const pending: Answer[] = [this.#root];
    for (let next = pending.pop(); next; next = pending.pop()) {
      if (next.next.options.length > 1) return true;
      for (const exchange of next.next.options) {
        if (exchange.answers.options.length > 1) return true;
        pending.push(...exchange.answers.options);
      }
    }
    return false;
  }

  /** Which version of the visible exchange `at`'s user message or answer is shown. */
  position(at: number, side: BranchSide): BranchPosition | undefined {
    const exchange = this.#visible()[at];
    if (!exchange) return undefined;
    const owner = side === 'message' ? this.#forkOf(at) : exchange.answers;
    return { index: owner.shown, count: owner.options.length };
  }

  /** Adds messages at the end of the visible path: each user message opens an exchange. */
  append(messages: readonly ChatMessage[]): void {
    let last = this.#lastAnswer();
    for (const message of messages) {
      if (message.role !== 'user') {
        last.messages.push(message);
        continue;
      }
      const exchange: Exchange = { user: message, answers: { options: [answer()], shown: 0 } };
      last.next.shown = last.next.options.push(exchange) - 1;
      last = exchange.answers.options[0]!;
    }
    this.#changed();
  }

  /** Adds `user` as a new version of the visible exchange `at`'s message, with no answer yet, and shows it. */
  edit(at: number, user: ChatMessage): void {
    const owner = this.#forkOf(at);
    owner.shown = owner.options.push({ user, answers: { options: [answer()], shown: 0 } }) - 1;
    this.#changed();
  }

  /** Adds an empty answer to the visible exchange `at` and shows it. */
  regenerate(at: number): void {
    const answers = this.#visible()[at]?.answers;
    if (!answers) return;
    answers.shown = answers.options.push(answer()) - 1;
    this.#changed();
  }

  /** Shows version `index` of exchange `at`'s message or answer; false when there is none. */
  select(at: number, side: BranchSide, index: number): boolean {
    const exchange = this.#visible()[at];
    if (!exchange) return false;
    const owner = side === 'message' ? this.#forkOf(at) : exchange.answers;
    if (!Number.isInteger(index) || index < 0 || index >= owner.options.length) return false;
    owner.shown = index;
    this.#changed();
    return true;
  }

  /** Where the visible exchange `at` starts in {@link messages}. */
  messageIndex(at: number): number {
    const message = this.#visible()[at]?.user;
    return message ? this.messages.indexOf(message) : this.messages.length;
  }

  /** Every message once, with the shape of the tree, for storage. */
  toStored(): { readonly messages: ChatMessage[]; readonly branches: StoredBranches } {
    const messages = [...this.#root.messages];
    const nodes: StoredNode[] = [];
    // Depth-first with an explicit stack: a long conversation is a deep tree.
    const pending: { readonly node: Exchange | Answer; readonly parent: number }[] = [];
    const pushChildren = (options: readonly (Exchange | Answer)[], parent: number): void => {
      for (let i = options.length - 1; i >= 0; i--) pending.push({ node: options[i]!, parent });
    };
    pushChildren(this.#root.next.options, -1);
    for (let item = pending.pop(); item; item = pending.pop()) {
      const index = nodes.length;
      if ('user' in item.node) {
        messages.push(item.node.user);
        nodes.push({ parent: item.parent, count: 1, shown: item.node.answers.shown });
        pushChildren(item.node.answers.options, index);
      } else {
        messages.push(...item.node.messages);
        nodes.push({
          parent: item.parent,
          count: item.node.messages.length,
          shown: item.node.next.shown,
        });
        pushChildren(item.node.next.options, index);
      }
    }
    return {
      messages,
      branches: { prefix: this.#root.messages.length, nodes, shown: this.#root.next.shown },
    };
  }

  /**
   * Rebuilds a stored tree; a string says what is wrong with it (the caller keeps what is
   * stored and reports it, never guesses).
   */
  static fromStored(messages: readonly ChatMessage[], stored: unknown): ConversationTree | string {
    if (!isStoredBranches(stored)) return 'Its branches are not in a known shape.';
    if (stored.prefix > messages.length) return 'Its branches hold more messages than it has.';
    const root = answer(messages.slice(0, stored.prefix));
    const built: (Exchange | Answer)[] = [];
    let next = stored.prefix;
    for (const [index, node] of stored.nodes.entries()) {
      const parent = node.parent === -1 ? root : built[node.parent];
      if (!parent || node.parent >= index) return `Branch node ${index} has no parent before it.`;
      const taken = messages.slice(next, next + node.count);
      next += node.count;
      if (taken.length !== node.count) return 'Its branches hold more messages than it has.';
      if ('messages' in parent) {
        const user = taken[0];
        if (node.count !== 1 || user?.role !== 'user')
          return `Branch node ${index} should be one user message.`;
        const exchange: Exchange = { user, answers: { options: [], shown: node.shown } };
        parent.next.options.push(exchange);
        built.push(exchange);
      } else {
        if (taken.some((message) => message.role === 'user'))
          return `Branch node ${index} is an answer holding a user message.`;
        const reply: Answer = { messages: taken, next: { options: [], shown: node.shown } };
        parent.answers.options.push(reply);
        built.push(reply);
      }
    }
    if (next !== messages.length) return 'Some of its messages belong to no branch.';
    root.next.shown = stored.shown;
    for (const node of [root, ...built]) {
      // An exchange always has an answer (maybe still empty); a shown index out of range shows the first.
      if ('user' in node && node.answers.options.length === 0) node.answers.options.push(answer());
      const owner: Fork<unknown> = 'user' in node ? node.answers : node.next;
      if (owner.shown >= owner.options.length) owner.shown = 0;
    }
    return new ConversationTree(root);
  }

  /** The exchanges on the visible path, in order. */
  #visible(): Exchange[] {
    if (this.#exchanges) return this.#exchanges;
    const exchanges: Exchange[] = [];
    for (let exchange = shownOf(this.#root.next); exchange;) {
      exchanges.push(exchange);
      exchange = shownOf(answerOf(exchange).next);
    }
    this.#exchanges = exchanges;
    return exchanges;
  }

  /** The fork holding the visible exchange `at` (and its sibling versions). */
  #forkOf(at: number): Fork<Exchange> {
    if (at === 0) return this.#root.next;
    const before = this.#visible()[at - 1];
    return before ? answerOf(before).next : this.#root.next;
  }

  #lastAnswer(): Answer {
    const last = this.#visible().at(-1);
    return last ? answerOf(last) : this.#root;
  }

  #changed(): void {
    this.#path = undefined;
    this.#exchanges = undefined;
  }
}

function shownOf<T>(owner: Fork<T>): T | undefined {
  return owner.options[owner.shown];
}

/** The shown answer of an exchange (every exchange has at least one). */
function answerOf(exchange: Exchange): Answer {
  return exchange.answers.options[exchange.answers.shown]!;
}

function isCount(value: unknown, least: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= least;
}

function isStoredBranches(value: unknown): value is StoredBranches {
  if (typeof value !== 'object' || value === null) return false;
  const { prefix, nodes, shown } = value as Record<string, unknown>;
  return (
    isCount(prefix, 0) &&
    isCount(shown, 0) &&
    Array.isArray(nodes) &&
    nodes.every((node: unknown) => {
      if (typeof node !== 'object' || node === null) return false;
      const { parent, count, shown: child } = node as Record<string, unknown>;
      return isCount(parent, -1) && isCount(count, 0) && isCount(child, 0);
    })
  );
}
