import { html } from 'lit';

/**
 * A "not allowed" sign (circle with a bar) for a denied tool call: neutral, unlike the error
 * cross. Same 24×24 `currentColor`, decorative shape as the icons in icons.ts.
 */
export const deniedIcon = html`<svg class="icon" viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"><circle cx="12" cy="12" r="9" /><path d="M5.6 5.6l12.8 12.8" /></svg>`;
