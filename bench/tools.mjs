/**
 * 5. Tools run concurrently: a scripted model calls four tools of 200 ms each in one turn, then
 * answers. Tool time = turn time − the same turn with instant tools (the model time), and the
 * tool phase timed directly (first tool-call-ready → last tool-call-result). Median of rounds.
 */
import { pathToFileURL } from 'node:url';
import { median, round } from './lib/stats.mjs';

export async function measureTools(bundlePath, { rounds = 5, calls = 4, toolMs = 200 } = {}) {
  const m = await import(pathToFileURL(bundlePath).href);
  await m.toolsTurn(calls, 0);
  const slow = [];
  const instant = [];
  for (let r = 0; r < rounds; r++) {
    instant.push(await m.toolsTurn(calls, 0));
    slow.push(await m.toolsTurn(calls, toolMs));
  }
  for (const run of slow)
    if (run.results !== calls || run.errors)
      throw new Error(
        `tools: expected ${calls} successful results, got ${run.results} (${run.errors} errors)`,
      );
  const turnMs = median(slow.map((r) => r.turnMs));
  const modelMs = median(instant.map((r) => r.turnMs));
  return {
    calls,
    toolMs,
    rounds,
    turnMs: round(turnMs, 1),
    modelMs: round(modelMs, 1),
    toolTimeMs: round(turnMs - modelMs, 1),
    toolPhaseMs: round(median(slow.map((r) => r.toolPhaseMs)), 1),
    serialWouldBeMs: calls * toolMs,
  };
}
