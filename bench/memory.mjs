/**
 * 6. Memory over a long conversation: one <tool-agent-chat> runs 200 turns against a scripted
 * model (src/testing createScriptedFetch + textReply; each answer a short markdown message with
 * a heading, list, table and code). Every 20 turns: a forced GC (CDP HeapProfiler.collectGarbage),
 * then the JS heap (Runtime.getHeapUsage) and DOM node count (Memory.getDOMCounters). Growth
 * per turn is the least-squares slope over turns 20..200 (the first 20 include warm-up).
 */
import { openPage, collectGarbage } from './lib/browser.mjs';
import { round, slope } from './lib/stats.mjs';

export async function measureMemory(
  browser,
  origin,
  { turns = 200, every = 20 } = {},
  log = () => {},
) {
  const page = await openPage(browser, origin, 'page.js');
  try {
    await page.page.evaluate(() => globalThis.benchPage.memorySetup());
    const samples = [];
    const sample = async (turn, extra = {}) => {
      await collectGarbage(page.cdp);
      await collectGarbage(page.cdp);
      const heap = await page.cdp.send('Runtime.getHeapUsage');
      const dom = await page.cdp.send('Memory.getDOMCounters');
      samples.push({
        turn,
        heapUsed: heap.usedSize,
        domNodes: dom.nodes,
        listeners: dom.jsEventListeners,
        ...extra,
      });
    };
    await sample(0);
    const started = Date.now();
    for (let done = 0; done < turns; done += every) {
      const r = await page.page.evaluate((n) => globalThis.benchPage.memoryTurns(n), every);
      if (!r.lastComplete) throw new Error(`memory: turn ${r.turns} was not rendered in full`);
      await sample(r.turns, { nodesInHost: r.nodes });
      log(
        `memory: ${r.turns} turns, heap ${(samples.at(-1).heapUsed / 1e6).toFixed(2)} MB, ${samples.at(-1).domNodes} DOM nodes`,
      );
    }
    const steady = samples.filter((s) => s.turn >= every);
    const x = steady.map((s) => s.turn);
    const first = samples[1];
    const last = samples.at(-1);
    return {
      turns,
      seconds: round((Date.now() - started) / 1000, 1),
      heapBytesPerTurn: round(
        slope(
          x,
          steady.map((s) => s.heapUsed),
        ),
      ),
      domNodesPerTurn: round(
        slope(
          x,
          steady.map((s) => s.domNodes),
        ),
        1,
      ),
      listenersPerTurn: round(
        slope(
          x,
          steady.map((s) => s.listeners),
        ),
        2,
      ),
      heapStart: samples[0].heapUsed,
      heapAfterFirst: first.heapUsed,
      heapEnd: last.heapUsed,
      domNodesEnd: last.domNodes,
      samples,
      pageErrors: page.errors,
    };
  } finally {
    await page.close();
  }
}
