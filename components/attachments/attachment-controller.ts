import type { ReactiveControllerHost } from 'lit';
import type { ImagePart, TextPart } from '../../src/index.js';
import type { ChatText } from '../chat-strings.js';
import { acceptedTypes, isAccepted } from './accepted-types.js';
import { readAttachment, type ReadRefusal } from './read-attachment.js';

/** A file waiting in the composer to be sent. */
export interface PendingAttachment {
  readonly key: string;
  readonly name: string;
  readonly size: number;
  /** The part it is sent as; `undefined` while the file is read. */
  readonly part: ImagePart | TextPart | undefined;
}

/** A file that was not attached, and why, in the strings in force. */
export interface AttachmentProblem {
  readonly key: string;
  readonly text: ChatText;
}

/** What the controller reads from the element, each time it needs it. */
export interface AttachmentSettings {
  /** The `attachments` attribute, or `undefined` when attachments are off (or the input is disabled). */
  attribute(): string | undefined;
  /** The longest side an image is sent with, in pixels. */
  maxSide(): number;
  /** The largest file, in bytes, as picked. */
  maxBytes(): number;
  /** Says something through the element's status region. */
  announce(text: ChatText): void;
  /** Where focus goes when the last waiting file is removed. */
  input(): HTMLElement | null;
  /** The element's shadow root, to move focus between remove buttons. */
  root(): ShadowRoot | null;
}

const refusals: Readonly<Record<ReadRefusal, (name: string) => ChatText>> = {
  'not-text': (name) => (s) => s.fileNotText(name),
  'unreadable-image': (name) => (s) => s.imageUnreadable(name),
  unreadable: (name) => (s) => s.fileUnreadable(name),
};

let counter = 0;

/**
 * The files waiting in the composer: taken from the picker, a paste or a drop, checked against
 * the accepted types and the size limit (a refusal is said, never silent), read into parts in
 * the background, removable until sent.
 */
export class AttachmentController {
  readonly #host: ReactiveControllerHost;
  readonly #settings: AttachmentSettings;
  #items: readonly PendingAttachment[] = [];
  #problems: readonly AttachmentProblem[] = [];
  readonly #reading = new Set<Promise<void>>();
  // dragenter and dragleave fire for every child crossed: count them to know when the drag left.
  #dragDepth = 0;
  #dragging = false;

  constructor(host: ReactiveControllerHost, settings: AttachmentSettings) {
    this.#host = host;
    this.#settings = settings;
  }

  /** The files waiting to be sent, in the order they came. */
  get items(): readonly PendingAttachment[] {
    return this.#items;
  }

  /** The files last refused, with why. */
  get problems(): readonly AttachmentProblem[] {
    return this.#problems;
  }

  /** True while files are dragged over the element. */
  get dragging(): boolean {
    return this.#dragging;
  }

  /** Takes files: those refused are reported (replacing earlier reports), the rest are read. */
  add(files: readonly File[]): void {
    const attribute = this.#settings.attribute();
    if (attribute === undefined || files.length === 0) return;
    const accepted = acceptedTypes(attribute);
    const limit = this.#settings.maxBytes();
    const problems: AttachmentProblem[] = [];
    for (const file of files) {
      const name = file.name;
      if (!isAccepted(file, accepted)) problems.push(problem((s) => s.fileRefused(name)));
      else if (file.size > limit)
        problems.push(
          problem((s) => s.fileTooLarge(name, s.fileSize(file.size), s.fileSize(limit))),
        );
      else this.#read(file);
    }
    this.#problems = problems;
    this.#host.requestUpdate();
  }

  /** Removes a waiting file, moving focus to the next remove button, or to the input after the last. */
  remove(key: string): void {
    const index = this.#items.findIndex((item) => item.key === key);
    if (index < 0) return;
    const root = this.#settings.root();
    const hadFocus = root?.activeElement?.closest('[part~="attachment-remove"]') != null;
    this.#items = this.#items.filter((item) => item.key !== key);
    this.#host.requestUpdate();
    if (!hadFocus) return;
    void this.#host.updateComplete.then(() => {
      const buttons = root?.querySelectorAll<HTMLElement>('[part~="attachment-remove"]') ?? [];
      (buttons[Math.min(index, buttons.length - 1)] ?? this.#settings.input())?.focus();
    });
  }

  /** Hides the refusals. */
  dismissProblems(): void {
    this.#problems = [];
    this.#host.requestUpdate();
  }

  /** Resolves once every file taken so far has been read (or refused). */
  async settled(): Promise<void> {
    while (this.#reading.size > 0) await Promise.all(this.#reading);
  }

  /** True while a file is being read. */
  get reading(): boolean {
    return this.#reading.size > 0;
  }

  /** The parts of the files ready to send, in order. */
  parts(): (ImagePart | TextPart)[] {
    return this.#items.flatMap((item) => (item.part ? [item.part] : []));
  }

  /** Empties the list and the refusals (the files were sent). */
  clear(): void {
    this.#items = [];
    this.#problems = [];
    this.#host.requestUpdate();
  }

  /** For the composer's paste: files in the clipboard are attached (text pastes as usual). */
  readonly onPaste = (event: ClipboardEvent): void => {
    const data = event.clipboardData;
    const files = [...(data?.files ?? [])];
    if (files.length === 0 || this.#settings.attribute() === undefined) return;
    // A copied image often comes with its file name as text; only the image is wanted then.
    if (!data?.getData('text/plain')) event.preventDefault();
    this.add(files);
  };

  /** For the file input's `change`. */
  readonly onPick = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    this.add([...(input.files ?? [])]);
    // Cleared, so picking the same file again (after removing it) fires `change` again.
    input.value = '';
  };

  readonly onDragEnter = (event: DragEvent): void => {
    if (!this.#carriesFiles(event)) return;
    event.preventDefault();
    this.#dragDepth++;
    this.#setDragging(true);
  };

  readonly onDragOver = (event: DragEvent): void => {
    if (!hasFiles(event)) return;
    // Without this the browser refuses the drop, or opens the file in the tab (leaving the page).
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = this.#takesFiles() ? 'copy' : 'none';
  };

  readonly onDragLeave = (event: DragEvent): void => {
    if (!this.#carriesFiles(event)) return;
    this.#dragDepth = Math.max(0, this.#dragDepth - 1);
    if (this.#dragDepth === 0) this.#setDragging(false);
  };

  readonly onDrop = (event: DragEvent): void => {
    if (!hasFiles(event)) return;
    // Taken or refused here, never handed to the browser, which would open the file in the tab.
    event.preventDefault();
    this.#dragDepth = 0;
    this.#setDragging(false);
    if (this.#takesFiles()) this.add([...(event.dataTransfer?.files ?? [])]);
  };

  /** Files are taken now (the attribute is set and the element is not disabled). */
  #takesFiles(): boolean {
    return this.#settings.attribute() !== undefined;
  }

  #carriesFiles(event: DragEvent): boolean {
    return this.#takesFiles() && hasFiles(event);
  }

  #setDragging(dragging: boolean): void {
    if (this.#dragging === dragging) return;
    this.#dragging = dragging;
    this.#host.requestUpdate();
  }

  #read(file: File): void {
    const item: PendingAttachment = {
      key: `attachment-${++counter}`,
      name: file.name,
      size: file.size,
      part: undefined,
    };
    this.#items = [...this.#items, item];
    const reading = this.#readInto(item, file).finally(() => this.#reading.delete(reading));
    this.#reading.add(reading);
  }

  async #readInto(item: PendingAttachment, file: File): Promise<void> {
    let result: ImagePart | TextPart | ReadRefusal;
    try {
      result = await readAttachment(file, this.#settings.maxSide());
    } catch {
      result = 'unreadable';
    }
    // Removed (or sent without it) while it was read.
    if (!this.#items.includes(item)) return;
    if (typeof result === 'string') {
      this.#items = this.#items.filter((other) => other !== item);
      this.#problems = [...this.#problems, problem(refusals[result](item.name))];
    } else {
      const part = result;
      this.#items = this.#items.map((other) => (other === item ? { ...item, part } : other));
      this.#settings.announce((s) => s.fileAttached(item.name));
    }
    this.#host.requestUpdate();
  }
}

function problem(text: ChatText): AttachmentProblem {
  return { key: `problem-${++counter}`, text };
}

function hasFiles(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes('Files') ?? false;
}
