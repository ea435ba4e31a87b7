import type { AxeResults } from 'axe-core';
import { textReply, type ScriptedReply } from '../../src/testing/index.js';
import '../../components/index.js';
import type { ToolAgentChat } from '../../components/index.js';

/** Polls `probe` until it returns something truthy; generous default for a busy 2-core machine. */
export async function waitFor<T>(
  probe: () => T | undefined | null | false,
  message = 'condition',
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (performance.now() > deadline) throw new Error(`Timed out waiting for ${message}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Creates `<tool-agent-chat>`, lets `setup` configure it before it connects, and waits for its first render. */
export async function createChat(
  setup: (chat: ToolAgentChat) => void = () => undefined,
  parent: HTMLElement = document.body,
): Promise<ToolAgentChat> {
  const chat = document.createElement('tool-agent-chat');
  setup(chat);
  parent.append(chat);
  await chat.updateComplete;
  return chat;
}

/** Removes every chat the tests created (stopping their runs). */
export function removeChats(): void {
  for (const chat of document.querySelectorAll('tool-agent-chat')) chat.remove();
}

/**
 * For `afterEach`: checks every chat on the page with axe-core in the state the test left it
 * in, then removes them all, so each state a test reaches is checked.
 */
export async function checkAxeThenRemoveChats(): Promise<void> {
  const chats = [...document.querySelectorAll('tool-agent-chat')];
  try {
    for (const chat of chats) {
      await chat.updateComplete;
      const violations = await axeViolations(chat);
      if (violations.length > 0)
        throw new Error(`axe violations in the final state:\n${violations.join('\n')}`);
    }
  } finally {
    removeChats();
  }
}

/** The element's shadow root. */
export function root(chat: ToolAgentChat): ShadowRoot {
  if (!chat.shadowRoot) throw new Error('no shadow root');
  return chat.shadowRoot;
}

/** First element matching `selector` in the shadow root, or null. */
export function find<E extends Element = HTMLElement>(
  chat: ToolAgentChat,
  selector: string,
): E | null {
  return root(chat).querySelector<E>(selector);
}

/** Every element matching `selector` in the shadow root. */
export function findAll<E extends Element = HTMLElement>(
  chat: ToolAgentChat,
  selector: string,
): E[] {
  return [...root(chat).querySelectorAll<E>(selector)];
}

/** Waits for an element matching `selector` in the shadow root. */
export function waitForPart<E extends Element = HTMLElement>(
  chat: ToolAgentChat,
  selector: string,
  timeoutMs?: number,
): Promise<E> {
  return waitFor(() => find<E>(chat, selector), selector, timeoutMs);
}

/** Text of the assistant messages, whitespace collapsed. */
export function assistantText(chat: ToolAgentChat): string {
  return findAll(chat, '[part~="assistant-message"]')
    .map((node) => node.textContent ?? '')
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Types into the composer and presses Enter, as a user would. */
export async function typeAndSend(chat: ToolAgentChat, text: string): Promise<void> {
  const input = await waitForPart<HTMLTextAreaElement>(chat, '[part~="input"]');
  input.focus();
  input.value = text;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  input.dispatchEvent(
    new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true, cancelable: true }),
  );
}

/** Waits until the chat has no running turn and has rendered. */
export async function waitIdle(chat: ToolAgentChat): Promise<void> {
  await waitFor(() => !chat.running, 'the turn to end');
  await chat.updateComplete;
}

let axeLoaded: Promise<void> | undefined;

interface AxeGlobal {
  run(context: Element, options: object): Promise<AxeResults>;
}

/** Loads axe-core (a UMD script, so a classic script tag) once. */
function loadAxe(): Promise<void> {
  axeLoaded ??= new Promise<void>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = '/node_modules/axe-core/axe.min.js';
    script.onload = () => resolve();
    script.onerror = () => reject(new Error('axe-core failed to load'));
    document.head.append(script);
  });
  return axeLoaded;
}

/** Runs axe-core on `element` (shadow DOM included) and returns the violations, readable in a failure message. */
export async function axeViolations(element: Element): Promise<string[]> {
  await loadAxe();
  const axe = (globalThis as unknown as { axe: AxeGlobal }).axe;
  const results = await axe.run(element, { resultTypes: ['violations'] });
  return results.violations.map(
    (violation) =>
      `${violation.id}: ${violation.help} (${violation.nodes.map((node) => JSON.stringify(node.target)).join(', ')})`,
  );
}

/**
 * Collects `console.warn` lines in each test of the enclosing `describe` (cleared before each,
 * `console.warn` restored after each), then removes the chats after checking them with axe.
 */
export function captureWarningsThenRemoveChats(): string[] {
  const warnings: string[] = [];
  const originalWarn = console.warn;
  beforeEach(() => {
    warnings.length = 0;
    console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
  });
  afterEach(async () => {
    console.warn = originalWarn;
    await checkAxeThenRemoveChats();
  });
  return warnings;
}

/** Collects the events of `names` fired by `chat`. */
export function recordEvents(chat: EventTarget, names: readonly string[]): Event[] {
  const events: Event[] = [];
  for (const name of names) chat.addEventListener(name, (event) => events.push(event));
  return events;
}

/** A long answer, one word every `delayMs`: a turn that is still running when the test acts. */
export function slowReply(words = 200, delayMs = 30): ScriptedReply {
  return textReply(
    Array.from({ length: words }, (_, i) => `w${i} `),
    { delayMs },
  );
}
