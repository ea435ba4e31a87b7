import type { ConnectionDiagnosis as Diagnosis } from '../../src/index.js';

/** What the header badge can say about the endpoint in use. */
export type BadgeState =
  | { readonly kind: 'demo' }
  | { readonly kind: 'replay'; readonly provider: string }
  | { readonly kind: 'checking'; readonly where: string }
  | { readonly kind: 'live'; readonly where: string }
  | { readonly kind: 'problem'; readonly where: string; readonly diagnosis: Diagnosis };

// A few words per failure, for a badge; the settings panel has the full story.
const shortProblem: Readonly<Partial<Record<Diagnosis['kind'], string>>> = {
  'cors-or-network': 'Not reachable',
  'no-key': 'Key needed',
  'key-rejected': 'Key rejected',
  'model-not-found': 'Unknown model',
  'endpoint-not-found': 'Wrong URL',
  'no-tool-support': 'No tool support',
  'stream-options-rejected': 'Usage option rejected',
  'rate-limited': 'Rate limited',
  'server-error': 'Server error',
  timeout: 'No answer',
};

/**
 * Shows the state of the endpoint in the header badge, honestly: "Live" only once the endpoint
 * answered (a test request or a chat turn); "Checking" before; the problem when it failed.
 */
export function showBadge(badge: HTMLElement, state: BadgeState): void {
  badge.dataset['mode'] = state.kind;
  switch (state.kind) {
    case 'demo':
      badge.textContent = 'Demo model · offline, scripted';
      badge.title = 'A scripted stand-in in this page; nothing leaves your browser.';
      return;
    case 'replay':
      badge.textContent = `Recording · ${state.provider}`;
      badge.title =
        'A recorded session of this provider, replayed in this page: nothing leaves your browser.';
      return;
    case 'checking':
      badge.textContent = `Checking · ${state.where}`;
      badge.title = 'Sending a tiny request to see whether the endpoint answers.';
      return;
    case 'live':
      badge.textContent = `Live · ${state.where}`;
      badge.title = 'The endpoint answered.';
      return;
    case 'problem':
      badge.textContent = `${shortProblem[state.diagnosis.kind] ?? 'Not working'} · ${state.where}`;
      badge.title = `${state.diagnosis.title} ${state.diagnosis.fix}`;
  }
}
