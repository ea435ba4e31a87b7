import { recordedSessions, sessionById, type RecordedSession } from './recorded-sessions.js';
import { pageElement as element } from '../page-element.js';

/** What the panel needs from the page. */
export interface ReplayPanelOptions {
  /** Called when the user asks to replay a session at a speed (`Infinity`: at once). */
  readonly onReplay: (session: RecordedSession, speed: number) => void;
  /** Called when the user leaves the replay for the endpoint in use. */
  readonly onLeave: () => void;
}

/** The "Replay a recorded session" form: a session, a pace, and the buttons to start and leave. */
export class ReplayPanel {
  readonly #session: HTMLSelectElement;
  readonly #about: HTMLElement;
  readonly #leave: HTMLButtonElement;

  constructor(form: HTMLFormElement, options: ReplayPanelOptions) {
    this.#session = element(form, '#replay-session', HTMLSelectElement);
    this.#about = element(form, '#replay-about', HTMLElement);
    this.#leave = element(form, '#leave-replay', HTMLButtonElement);
    const speed = element(form, '#replay-speed', HTMLSelectElement);
    for (const session of recordedSessions)
      this.#session.add(new Option(session.label, session.id));
    this.#showAbout();
    this.#session.addEventListener('change', () => this.#showAbout());
    this.#leave.addEventListener('click', () => options.onLeave());
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const session = sessionById(this.#session.value);
      if (session) options.onReplay(session, Number(speed.value));
    });
  }

  /** Whether a replay is on, which offers the way back. */
  set active(active: boolean) {
    this.#leave.hidden = !active;
  }

  #showAbout(): void {
    const session = sessionById(this.#session.value);
    this.#about.textContent = session ? `Prompt: “${session.prompt}” ${session.about}` : '';
  }
}
