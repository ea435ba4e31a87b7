import type { ReactiveControllerHost } from 'lit';
import { ChatMessage, type ChatMessagePart } from '../src/index.js';
import { ToolAgentBranchEvent, type BranchAction } from './chat-events.js';
import type { ChatText } from './chat-strings.js';
import type { ConversationController, EntryBranch } from './conversation-controller.js';
import { messageSource, type MessageActionsController } from './message-actions-controller.js';
import type { MessageActions } from './templates/message-actions-template.js';
import type { TranscriptEntry } from './transcript-entry.js';

/** What the message controls need from the element. */
export interface MessageActionsHost {
  readonly element: HTMLElement & ReactiveControllerHost;
  readonly conversation: ConversationController;
  readonly controls: MessageActionsController;
  /** Fires `tool-agent-send` for an edit: the text to send, or `undefined` when the page refused it. */
  readonly approveSend: (
    text: string,
    attachments: readonly ChatMessagePart[],
  ) => string | undefined;
  /** A turn is about to run (the view follows it; Undo of a cleared conversation ends). */
  readonly willRun: () => void;
  /** Another version is shown (offer Retry when it has no answer; save which one). */
  readonly selected: () => void;
  readonly announce: (text: ChatText) => void;
  readonly focusInput: () => void;
}

/**
 * Copy, Edit, Regenerate and the version pager: each fires its event, changes the conversation
 * through its controller, and puts the focus where the keyboard user continues.
 */
export function messageActionHandlers(host: MessageActionsHost): MessageActions {
  const { element, conversation, controls } = host;
  const messageElement = (at: number, kind: 'user' | 'assistant'): Element | null | undefined =>
    element.shadowRoot?.querySelector(`.message.${kind}[data-exchange="${at}"]`);
  const afterRender = (then: () => void): void => void element.updateComplete.then(then);
  /** Fires `tool-agent-branch`; false when a turn runs or the page cancelled it. */
  const allowed = (action: BranchAction, branch: EntryBranch | undefined, index: number) => {
    if (!branch || conversation.running) return false;
    const count = action === 'select' ? branch.count : branch.count + 1;
    const event = new ToolAgentBranchEvent({
      action,
      exchange: branch.at,
      side: action === 'regenerate' ? 'answer' : branch.side,
      index,
      count,
    });
    return element.dispatchEvent(event);
  };
  return {
    copy: (entry, source) =>
      void controls
        .copy(entry.key, messageSource(entry), source)
        .then((copied) => host.announce((s) => (copied ? s.copied : s.copyFailed))),

    edit: (entry) => {
      const branch = conversation.branchOf(entry);
      if (!branch || conversation.running) return;
      controls.startEdit(entry.key);
      afterRender(() => {
        const input = messageElement(branch.at, 'user')?.querySelector('textarea');
        input?.focus();
        input?.setSelectionRange(input.value.length, input.value.length);
      });
    },

    cancelEdit: (entry) => {
      const at = conversation.branchOf(entry)?.at;
      controls.endEdit();
      if (at === undefined) return;
      afterRender(() =>
        messageElement(at, 'user')?.querySelector<HTMLElement>('[part~="edit-button"]')?.focus(),
      );
    },

    submitEdit: (entry, text) => {
      const branch = conversation.branchOf(entry);
      // The edited message keeps the files the original had; only its text is edited.
      const attachments = entry.attachments ?? [];
      if (!branch || conversation.running || (!text.trim() && attachments.length === 0)) return;
      const content = host.approveSend(text, attachments);
      if (content === undefined || !allowed('edit', branch, branch.count)) return;
      controls.endEdit();
      host.willRun();
      const parts = content
        ? [...attachments, { type: 'text' as const, text: content }]
        : attachments;
      void conversation.edit(entry, ChatMessage.createUserMessage(parts), content);
      host.focusInput();
    },

    regenerate: (entry) => {
      const branch = conversation.branchOf(entry);
      if (!branch || !allowed('regenerate', branch, branch.count)) return;
      host.willRun();
      void conversation.regenerate(entry);
      // The answer and its button give way to the new answer streaming: focus goes to the composer.
      host.focusInput();
    },

    select: (entry: TranscriptEntry, index: number) => {
      const branch = conversation.branchOf(entry);
      if (!branch || !allowed('select', branch, index) || !conversation.select(entry, index))
        return;
      controls.endEdit();
      host.selected();
      host.announce((s) => s.versionAnnouncement(index + 1, branch.count));
      const [same, other] =
        index > branch.index
          ? ['next-version-button', 'previous-version-button']
          : ['previous-version-button', 'next-version-button'];
      // The entries were rebuilt: focus the same pager button on the new one (the other when it is disabled).
      afterRender(() => {
        const message = messageElement(branch.at, branch.side === 'message' ? 'user' : 'assistant');
        const button =
          message?.querySelector<HTMLButtonElement>(`[part~="${same}"]:not(:disabled)`) ??
          message?.querySelector<HTMLButtonElement>(`[part~="${other}"]`);
        button?.focus();
      });
    },
  };
}
