import type { ChatMessage } from '../../src/index.js';
import { isAttachedPart, type AttachedPart } from './attachment-info.js';

/** A user message as the transcript shows it: what the user typed, and what they attached. */
export interface UserMessageParts {
  readonly text: string;
  readonly attachments: readonly AttachedPart[];
}

/** Splits a user message into its typed text (text parts not made from a file) and its attachments. */
export function userMessageParts(message: ChatMessage): UserMessageParts {
  const texts: string[] = [];
  const attachments: AttachedPart[] = [];
  for (const part of message.content) {
    if (isAttachedPart(part)) attachments.push(part);
    else if (part.type === 'text' && part.text) texts.push(part.text);
  }
  return { text: texts.join('\n'), attachments };
}
