/**
 * The composer's half of attachments, loaded the first time an element has `attachments` set:
 * taking files (picker, paste, drop), reading and downscaling them, and showing them before
 * they are sent. The transcript's half (showing sent files) is in the element's own bundle.
 */
import { adoptStyles } from '../markdown/adopt-styles.js';
import { composerAttachmentStyles } from './composer-attachment-styles.js';

export { acceptedTypes } from './accepted-types.js';
export { attachButtonTemplate } from './attach-button-template.js';
export { AttachmentController } from './attachment-controller.js';
export { composerAttachmentsTemplate } from './composer-attachments-template.js';

/** Adds the composer's attachment styles to the element's shadow root, once. */
export function adoptComposerStyles(root: Node): void {
  adoptStyles(root, composerAttachmentStyles.cssText);
}
