import { html, svg, type SVGTemplateResult, type TemplateResult } from 'lit';

/** Small inline icons (24×24, `currentColor`), decorative: every control carries its own label. */
// The <svg> element itself belongs in an html template; only its children use `svg`.
const icon = (paths: SVGTemplateResult): TemplateResult =>
  html`<svg class="icon" viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${paths}</svg>`;

export const sendIcon = icon(svg`<path d="M12 19V5"/><path d="m5 12 7-7 7 7"/>`);
export const stopIcon = icon(
  svg`<rect x="6" y="6" width="12" height="12" rx="2" fill="currentColor"/>`,
);
export const toolIcon = icon(
  svg`<path d="M14.7 6.3a4 4 0 0 0-5.4 5.2L3 17.8V21h3.2l6.3-6.3a4 4 0 0 0 5.2-5.4l-2.6 2.6-2.8-.6-.6-2.8z"/>`,
);
export const checkIcon = icon(svg`<path d="m5 12 5 5 9-10"/>`);
export const crossIcon = icon(svg`<path d="M6 6l12 12M18 6 6 18"/>`);
export const alertIcon = icon(svg`<path d="M12 3 2 20h20z"/><path d="M12 10v4M12 17h.01"/>`);
export const retryIcon = icon(svg`<path d="M3 12a9 9 0 1 0 3-6.7L3 8"/><path d="M3 3v5h5"/>`);
export const keyIcon = icon(
  svg`<circle cx="8" cy="15" r="4"/><path d="m11 12 9-9M17 6l3 3M15 8l2 2"/>`,
);
export const clockIcon = icon(svg`<circle cx="12" cy="12" r="9"/><path d="M12 7v5l3 2"/>`);
export const spinnerIcon = icon(svg`<path class="spin" d="M12 3a9 9 0 1 0 9 9"/>`);
export const copyIcon = icon(
  svg`<rect x="9" y="9" width="11" height="11" rx="2"/><path d="M5 15V5a2 2 0 0 1 2-2h8"/>`,
);
export const editIcon = icon(svg`<path d="M4 20h4L19 9l-4-4L4 16z"/><path d="m13.5 6.5 4 4"/>`);
export const previousIcon = icon(svg`<path d="m15 6-6 6 6 6"/>`);
export const nextIcon = icon(svg`<path d="m9 6 6 6-6 6"/>`);
export const newChatIcon = icon(svg`<path d="M12 5v14M5 12h14"/>`);
export const attachIcon = icon(
  svg`<path d="m21 11-8.6 8.6a5.5 5.5 0 0 1-7.8-7.8l8.6-8.6a3.7 3.7 0 0 1 5.2 5.2l-8.6 8.6a1.8 1.8 0 0 1-2.6-2.6l8-8"/>`,
);
export const fileIcon = icon(
  svg`<path d="M14 3H7a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8z"/><path d="M14 3v5h5M9 13h6M9 17h6"/>`,
);
export const arrowDownIcon = icon(svg`<path d="M12 5v14"/><path d="m5 12 7 7 7-7"/>`);
