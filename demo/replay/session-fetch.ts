import { replayFetch, type Recording } from '../../src/testing/index.js';

// A request whose last message is the user's starts a turn (send, regenerate, edit).
function startsTurn(init: RequestInit | undefined): boolean {
  if (typeof init?.body !== 'string') return false;
  try {
    const body = JSON.parse(init.body) as { messages?: { role?: unknown }[] };
    return body.messages?.at(-1)?.role === 'user';
  } catch {
    return false;
  }
}

/**
 * A `fetch` that replays the recording from its start on every new turn, so whatever the user
 * sends (or regenerates) gets the recorded session, tool rounds included.
 */
export function sessionFetch(recording: Recording, speed: number): typeof fetch {
  let replay = replayFetch(recording, { speed });
  return (input, init) => {
    if (startsTurn(init)) replay = replayFetch(recording, { speed });
    return replay.fetch(input, init);
  };
}
