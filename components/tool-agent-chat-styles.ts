import { css } from 'lit';

/**
 * Styles of `<tool-agent-chat>`. Colours come from `--tool-agent-*` custom properties whose
 * defaults follow the page's colour scheme through `light-dark()`.
 *
 * Why some rules are as they are (kept here, not in the CSS, which ships as written):
 * - `.chat { position: relative }`: the containing block of the visually hidden labels: without it they escape to the page and grow it.
 * - `.transcript { position: relative }`: labels inside messages stay in this scroller instead of stretching the page.
 * - `.tool-card[data-status='denied']`: a denial is the user's decision, not an error: neutral colours, a dashed edge.
 * - `.tool-name`, `.tool-card code` and the like: each piece of untrusted text is its own left-to-right island: no direction leaks between them.
 * - `.hidden-char`: an invisible or control character, shown as its code so it cannot hide or reorder text.
 * - `.error[data-actions='2'] .error-actions`: two choices read better on a line of their own, under what they answer.
 * - `.transcript .tool-agent-markdown > *` and `.message.assistant`: out-of-view work is skipped
 *   per answer, not per block. A scroller that follows a growing answer moves every frame, and the
 *   browser then re-checks every `content-visibility: auto` box and re-lays out those crossing its
 *   edge: with the renderer's per-block skipping the element spent about a quarter more CPU at
 *   1,000 tokens/s (1.71x plain paragraphs against 1.36x). Blocks keep the same containment (their
 *   paint is cached), without the skipping. An answer has it from its start: turning it on when
 *   the answer ends re-laid out and repainted the whole answer in one task.
 * - `.message { flex: none }`: a skipped answer has no content height to keep it from shrinking to nothing in the full transcript.
 * - `.assistant[data-state='streaming']`: a new answer is skipped until its first frame, and
 *   the view jumps to the bottom then: a 12em placeholder was space that vanished a frame later,
 *   and the scroll position the browser clamped back read as the reader scrolling up (a fast
 *   answer was then not followed). A streaming answer's placeholder is empty; growth is followed.
 */
export const toolAgentChatStyles = css`
  :host {
    --_bg: var(--tool-agent-background, light-dark(#ffffff, #17181c));
    --_fg: var(--tool-agent-color, light-dark(#1d1f24, #e6e7ea));
    --_muted: var(--tool-agent-muted-color, light-dark(#5b616e, #a3a8b3));
    --_border: var(--tool-agent-border-color, light-dark(#d5d8de, #3a3d45));
    --_accent: var(--tool-agent-accent-color, light-dark(#2456c8, #8ab0ff));
    --_on-accent: var(--tool-agent-accent-contrast, light-dark(#ffffff, #0b1a3a));
    --_user-bg: var(--tool-agent-user-background, light-dark(#e8eefc, #26324d));
    --_user-fg: var(--tool-agent-user-color, var(--_fg));
    --_surface: var(--tool-agent-surface-background, light-dark(#f5f6f8, #202228));
    --_code-bg: var(--tool-agent-code-bg, light-dark(#eef0f3, #262931));
    --_error: var(--tool-agent-error-color, light-dark(#a4161a, #ff9b9b));
    --_error-bg: var(--tool-agent-error-background, light-dark(#fdecec, #3a1d20));
    --_ok: var(--tool-agent-success-color, light-dark(#17703a, #7fd69c));
    --_radius: var(--tool-agent-radius, 0.75rem);
    --_gap: var(--tool-agent-spacing, 0.75rem);
    --_mono: var(--tool-agent-code-font, ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace);

    color-scheme: light dark;
    display: block;
    block-size: 32rem;
    font-family: var(--tool-agent-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    font-size: var(--tool-agent-font-size, 0.95rem);
    line-height: 1.5;
  }

  :host([hidden]) {
    display: none;
  }

  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  .chat {
    display: flex;
    flex-direction: column;
    block-size: 100%;
    background: var(--_bg);
    color: var(--_fg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    overflow: hidden;
    position: relative;
  }

  .header {
    display: flex;
    align-items: center;
    gap: var(--_gap);
    padding: calc(var(--_gap) * 0.75) var(--_gap);
    border-block-end: 1px solid var(--_border);
  }

  .heading {
    margin: 0;
    font-size: 1rem;
    font-weight: 600;
  }

  .new-conversation {
    margin-inline-start: auto;
    font-size: 0.85rem;
  }

  .undo-notice {
    display: flex;
    align-items: center;
    justify-content: center;
    gap: 0.75rem;
    padding: 0.4rem var(--_gap);
    border-block-start: 1px solid var(--_border);
    background: var(--_surface);
    font-size: 0.9rem;
  }

  .message-actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.15rem;
    color: var(--_muted);
    font-size: 0.8rem;
  }

  .message.user > .message-actions {
    justify-content: flex-end;
  }

  .icon-button.small {
    inline-size: 1.75rem;
    block-size: 1.75rem;
    border-color: transparent;
    background: none;
    color: var(--_muted);
  }

  .icon-button.small:hover:not(:disabled) {
    background: var(--_surface);
    color: var(--_fg);
  }

  .pager {
    display: inline-flex;
    align-items: center;
    font-variant-numeric: tabular-nums;
  }

  .usage {
    margin-inline-start: 0.4rem;
    font-variant-numeric: tabular-nums;
  }

  .edit-form {
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
    inline-size: min(36rem, 100%);
  }

  .edit-input {
    font: inherit;
    color: inherit;
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.5rem 0.8rem;
    resize: vertical;
    inline-size: 100%;
  }

  .edit-buttons {
    display: flex;
    justify-content: flex-end;
    gap: 0.5rem;
  }

  .transcript {
    flex: 1;
    min-block-size: 0;
    overflow-y: auto;
    overscroll-behavior: contain;
    position: relative;
    padding: var(--_gap);
    display: flex;
    flex-direction: column;
    gap: var(--_gap);
  }

  :is(.transcript, button, summary, textarea, input):focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }

  .empty {
    margin: auto;
    color: var(--_muted);
    text-align: center;
  }

  .message {
    flex: none;
    display: flex;
    flex-direction: column;
    gap: calc(var(--_gap) * 0.66);
    min-inline-size: 0;
  }

  .message.user {
    align-self: flex-end;
    max-inline-size: 85%;
  }

  .bubble {
    background: var(--_user-bg);
    color: var(--_user-fg);
    border: 1px solid transparent;
    padding: 0.5rem 0.8rem;
    border-radius: var(--_radius);
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }

  .markdown {
    overflow-wrap: anywhere;
  }

  .transcript .tool-agent-markdown > * {
    content-visibility: visible;
    contain: layout paint style;
    contain-intrinsic-size: none;
  }

  .message.assistant {
    content-visibility: auto;
    contain-intrinsic-size: auto 12em;
    overflow-clip-margin: 0.5em;
  }

  .assistant[data-state='streaming'] {
    contain-intrinsic-size: auto 0;
  }

  .markdown > :first-child {
    margin-block-start: 0;
  }

  .markdown > :last-child {
    margin-block-end: 0;
  }

  .state-note {
    margin: 0;
    font-size: 0.8rem;
    color: var(--_muted);
    font-style: italic;
  }

  .turn-note {
    margin: 0;
    font-size: 0.8rem;
    color: var(--_muted);
    border-inline-start: 2px solid var(--_border);
    padding-inline-start: 0.5rem;
    overflow-wrap: anywhere;
  }

  .reasoning {
    color: var(--_muted);
    border-inline-start: 3px solid var(--_border);
    padding-inline-start: 0.75rem;
    font-size: 0.9em;
  }

  .reasoning > summary {
    cursor: pointer;
    font-weight: 500;
  }

  .reasoning-text {
    margin-block-start: 0.4rem;
  }

  .tool-card {
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.75);
    background: var(--_surface);
    padding: 0.5rem 0.75rem;
    font-size: 0.9em;
    display: flex;
    flex-direction: column;
    gap: 0.4rem;
  }

  .tool-card[data-status='awaiting-approval'] {
    border-color: var(--_accent);
  }

  .tool-header {
    display: flex;
    align-items: center;
    gap: 0.5rem;
  }

  .tool-icon {
    display: inline-flex;
    color: var(--_muted);
  }

  .tool-name {
    font-family: var(--_mono);
    font-weight: 600;
    overflow-wrap: anywhere;
  }

  .tool-status {
    margin-inline-start: auto;
    display: inline-flex;
    align-items: center;
    gap: 0.3rem;
    color: var(--_muted);
    font-size: 0.85em;
    white-space: nowrap;
  }

  .tool-card[data-status='done'] .tool-status {
    color: var(--_ok);
  }

  .tool-card[data-status='failed'] .tool-status {
    color: var(--_error);
  }

  .tool-card[data-status='denied'] {
    border-style: dashed;
  }

  .tool-card[data-status='denied'] .tool-status {
    color: var(--_muted);
  }

  pre {
    margin: 0;
    padding: 0.4rem 0.6rem;
    background: var(--_code-bg);
    border-radius: 0.4rem;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    font-family: var(--_mono);
    font-size: 0.85em;
  }

  .tool-arguments > summary,
  .tool-result > summary {
    cursor: pointer;
    color: var(--_muted);
    inline-size: fit-content;
  }

  .tool-arguments > pre,
  .tool-result > pre {
    margin-block-start: 0.3rem;
  }

  .tool-name,
  .tool-card code,
  .tool-argument-string,
  .tool-denial-reason {
    unicode-bidi: isolate;
  }

  .tool-argument-list {
    display: grid;
    grid-template-columns: fit-content(40%) minmax(0, 1fr);
    gap: 0.3rem 0.75rem;
    margin: 0.3rem 0 0;
  }

  .tool-argument-name {
    font-family: var(--_mono);
    font-size: 0.85em;
    font-weight: 600;
    overflow-wrap: anywhere;
    padding-block-start: 0.15rem;
  }

  .tool-argument-value {
    margin: 0;
    min-inline-size: 0;
  }

  .tool-argument-string {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }

  .tool-argument-literal {
    font-family: var(--_mono);
    font-size: 0.85em;
    background: var(--_code-bg);
    border-radius: 0.3rem;
    padding: 0.05rem 0.3rem;
  }

  .tool-argument-empty,
  .tool-arguments-empty,
  .streamed-elided {
    color: var(--_muted);
    font-style: italic;
  }

  .tool-arguments-empty,
  .tool-denial-reason {
    margin: 0.3rem 0 0;
    overflow-wrap: anywhere;
  }

  .hidden-char {
    display: inline-block;
    unicode-bidi: isolate;
    direction: ltr;
    margin-inline: 0.1em;
    padding: 0 0.25em;
    border: 1px solid currentColor;
    border-radius: 0.25rem;
    background: var(--_error-bg);
    color: var(--_error);
    font-family: var(--_mono);
    font-size: 0.8em;
    font-style: normal;
    font-weight: 600;
    line-height: 1.3;
    white-space: nowrap;
  }

  .tool-hidden-note {
    display: flex;
    align-items: center;
    gap: 0.4rem;
    margin: 0;
    color: var(--_error);
    font-size: 0.9em;
  }

  .approval {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
  }

  .approval-question {
    font-weight: 500;
    margin-inline-end: auto;
  }

  .error {
    display: flex;
    align-items: flex-start;
    gap: 0.5rem;
    border: 1px solid var(--_error);
    background: var(--_error-bg);
    color: var(--_fg);
    border-radius: calc(var(--_radius) * 0.75);
    padding: 0.5rem 0.75rem;
    flex-wrap: wrap;
  }

  .error-icon,
  .notice-icon {
    display: inline-flex;
    color: var(--_error);
    padding-block-start: 0.15rem;
  }

  .error-text {
    display: flex;
    flex-direction: column;
    flex: 1 1 12rem;
    min-inline-size: 0;
    overflow-wrap: anywhere;
  }

  .error-detail {
    font-size: 0.9em;
  }

  .error-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin-inline-start: auto;
  }

  .error[data-actions='2'] .error-actions {
    flex-basis: 100%;
    justify-content: flex-end;
  }

  .notice {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    gap: 0.5rem;
    border: 1px solid var(--_error);
    border-inline-start-width: 0.3rem;
    background: var(--_error-bg);
    color: var(--_fg);
    border-radius: calc(var(--_radius) * 0.75);
    padding: 0.6rem 0.75rem;
  }

  .notice-text {
    display: flex;
    flex-direction: column;
    gap: 0.15rem;
    flex: 1 1 16rem;
    min-inline-size: 0;
    overflow-wrap: anywhere;
  }

  .notice-detail {
    font-size: 0.9em;
  }

  .notice > .button {
    align-self: center;
  }

  .button,
  .icon-button,
  .link-button {
    font: inherit;
    cursor: pointer;
    border-radius: 0.5rem;
    border: 1px solid var(--_border);
    background: var(--_bg);
    color: var(--_fg);
  }

  .button {
    display: inline-flex;
    align-items: center;
    gap: 0.3rem;
    padding: 0.3rem 0.8rem;
  }

  .button.primary,
  .icon-button.send {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
  }

  .icon-button {
    display: inline-grid;
    place-items: center;
    inline-size: 2.5rem;
    block-size: 2.5rem;
    flex: none;
  }

  .link-button {
    border: none;
    background: none;
    padding: 0;
    color: var(--_accent);
    text-decoration: underline;
  }

  button:disabled,
  textarea:disabled {
    cursor: not-allowed;
    opacity: 0.55;
  }

  .footer {
    border-block-start: 1px solid var(--_border);
    padding: var(--_gap);
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
    position: relative;
  }

  .transcript.following > :not(.bottom-anchor) {
    overflow-anchor: none;
  }

  .bottom-anchor {
    flex: none;
    block-size: 1px;
    margin-block-start: calc(var(--_gap) * -1);
    overflow-anchor: auto;
  }

  .scroll-latest {
    position: absolute;
    inset-block-end: calc(100% + var(--_gap));
    inset-inline: 0;
    display: flex;
    justify-content: center;
    pointer-events: none;
  }

  .scroll-button {
    pointer-events: auto;
    border-radius: 999px;
    box-shadow: 0 2px 8px rgb(0 0 0 / 0.18);
  }

  .scroll-button[data-state='new'] {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
  }

  .composer,
  .key-row {
    display: flex;
    align-items: flex-end;
    gap: 0.5rem;
  }

  .input,
  .key-input {
    flex: 1;
    min-inline-size: 0;
    font: inherit;
    color: var(--_fg);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: 0.5rem;
    padding: 0.45rem 0.7rem;
  }

  .input {
    field-sizing: content;
    min-block-size: 2.5rem;
    max-block-size: 10lh;
    resize: none;
  }

  .key-input {
    block-size: 2.5rem;
  }

  .key-form {
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
  }

  .key-intro {
    margin: 0;
    display: flex;
    gap: 0.4rem;
    align-items: flex-start;
  }

  .key-intro .icon {
    flex: none;
    margin-block-start: 0.2rem;
  }

  .remember,
  .key-status {
    display: flex;
    align-items: center;
    gap: 0.4rem;
    font-size: 0.85rem;
    color: var(--_muted);
  }

  .typing {
    display: inline-flex;
    gap: 0.25rem;
    padding-block: 0.4rem;
  }

  .typing span {
    inline-size: 0.45rem;
    block-size: 0.45rem;
    border-radius: 50%;
    background: var(--_muted);
  }

  .icon {
    display: block;
    flex: none;
  }

  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }

  @media (prefers-reduced-motion: no-preference) {
    .typing span {
      animation: tool-agent-pulse 1.2s ease-in-out infinite;
    }

    .typing span:nth-child(2) {
      animation-delay: 0.2s;
    }

    .typing span:nth-child(3) {
      animation-delay: 0.4s;
    }

    .spin {
      transform-origin: 12px 12px;
      animation: tool-agent-spin 0.9s linear infinite;
    }
  }

  @keyframes tool-agent-pulse {
    0%,
    80%,
    100% {
      opacity: 0.3;
    }
    40% {
      opacity: 1;
    }
  }

  @keyframes tool-agent-spin {
    to {
      transform: rotate(360deg);
    }
  }

  @media (forced-colors: active) {
    .chat,
    .bubble,
    .tool-card,
    .hidden-char,
    .error,
    .notice,
    .button,
    .icon-button,
    pre {
      border: 1px solid CanvasText;
    }

    .button.primary,
    .icon-button.send,
    .scroll-button[data-state='new'] {
      forced-color-adjust: none;
      background: ButtonText;
      color: ButtonFace;
    }

    .typing span {
      background: CanvasText;
    }

    :is(.transcript, button, summary, textarea, input):focus-visible {
      outline-color: Highlight;
    }
  }
`;
