import { css } from 'lit';

/**
 * Styles of the composer's attachments (the file list, refusals, the drop zone), adopted into the
 * element's shadow root when its attachment code loads; the transcript's are in the element's own.
 */
export const composerAttachmentStyles = css`

  .file-input {
    display: none;
  }

  .drop-zone {
    position: absolute;
    inset: 0;
    display: grid;
    place-items: center;
    border: 2px dashed var(--_accent);
    border-radius: var(--_radius);
    background: color-mix(in srgb, var(--_bg) 80%, transparent);
    color: var(--_accent);
    font-weight: 600;
    pointer-events: none;
    z-index: 1;
  }

  .attachments {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .attachment {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    max-inline-size: 100%;
    padding: 0.25rem 0.3rem 0.25rem 0.25rem;
    border: 1px solid var(--_border);
    border-radius: 0.5rem;
    background: var(--_surface);
    font-size: 0.85rem;
  }

  .attachment-thumb {
    flex: none;
    inline-size: 2.75rem;
    block-size: 2.75rem;
    border-radius: 0.35rem;
    object-fit: cover;
    background: var(--_code-bg);
  }

  .attachment-icon {
    display: grid;
    place-items: center;
    color: var(--_muted);
  }

  .attachment-text {
    display: flex;
    flex-direction: column;
    min-inline-size: 0;
    max-inline-size: 16rem;
  }

  .attachment .attachment-name {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }

  .attachment-remove {
    flex: none;
    display: grid;
    place-items: center;
    inline-size: 1.75rem;
    block-size: 1.75rem;
    padding: 0;
    font: inherit;
    cursor: pointer;
    border: 1px solid transparent;
    border-radius: 50%;
    background: none;
    color: var(--_muted);
  }

  .attachment-remove:hover {
    color: var(--_fg);
    border-color: var(--_border);
  }

  .attachment-remove:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 1px;
  }

  .attachment-problems {
    display: flex;
    align-items: flex-start;
    gap: 0.5rem;
    padding: 0.4rem 0.6rem;
    border: 1px solid var(--_error);
    border-radius: 0.5rem;
    background: var(--_error-bg);
    font-size: 0.9rem;
  }

  .attachment-problems .notice-icon {
    color: var(--_error);
    margin-block-start: 0.2rem;
  }

  .attachment-problem-list {
    flex: 1;
    margin: 0;
    padding: 0;
    list-style: none;
    overflow-wrap: anywhere;
  }

  @media (forced-colors: active) {
    .attachment,
    .attachment-problems {
      border: 1px solid CanvasText;
    }
  }
`;
