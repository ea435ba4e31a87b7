import { css } from 'lit';

/** Styles of the files sent with messages, in the transcript (and names and notes everywhere). */
export const messageAttachmentStyles = css`
  .attachment-name {
    overflow-wrap: anywhere;
  }

  .attachment-note {
    color: var(--_muted);
    font-size: 0.85em;
  }

  .attachment-content:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 1px;
  }

  .message-attachments {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    align-items: flex-start;
    gap: 0.5rem;
  }

  .attachment-figure {
    margin: 0;
    display: flex;
    flex-direction: column;
    /* Not stretched: the image's own box, never a letterboxed one. */
    align-items: flex-end;
    gap: 0.2rem;
    max-inline-size: 100%;
  }

  .attachment-figure img {
    display: block;
    max-inline-size: min(100%, 20rem);
    max-block-size: 14rem;
    inline-size: auto;
    block-size: auto;
    border-radius: var(--_radius);
    border: 1px solid var(--_border);
    object-fit: contain;
  }

  .attachment-caption {
    font-size: 0.8rem;
    color: var(--_muted);
    text-align: end;
    overflow-wrap: anywhere;
  }

  .attachment-file,
  .attachment-remote {
    max-inline-size: 100%;
    margin: 0;
    border: 1px solid var(--_border);
    border-radius: 0.5rem;
    background: var(--_surface);
    font-size: 0.85rem;
  }

  .attachment-remote {
    padding: 0.35rem 0.6rem;
    color: var(--_muted);
    overflow-wrap: anywhere;
  }

  .attachment-file summary {
    display: flex;
    align-items: center;
    gap: 0.4rem;
    padding: 0.35rem 0.6rem;
    cursor: pointer;
  }

  .attachment-file[open] {
    inline-size: 100%;
  }

  .attachment-content {
    margin: 0;
    padding: 0.5rem 0.6rem;
    max-block-size: 16rem;
    overflow: auto;
    border-block-start: 1px solid var(--_border);
    font-family: var(--_mono);
    font-size: 0.8rem;
    white-space: pre;
  }

  @media (forced-colors: active) {
    .attachment-file,
    .attachment-remote {
      border: 1px solid CanvasText;
    }
  }
`;
