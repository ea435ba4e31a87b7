/**
 * 2. Stream throughput: a synthetic stream of 100,000 OpenAI-style events, delivered one event
 * per network read and in seeded random reads of 1-4096 bytes, through four consumers (see entries/throughput.mjs), in
 * Node and in Chromium. Rounds are interleaved (order rotated) so all consumers share the same
 * machine noise; each figure is the median over rounds. Events/s is computed from CPU time of
 * the working thread (wall time is kept in results.json; on this shared machine it mostly
 * measures the neighbours).
 */
import { pathToFileURL } from 'node:url';
import { median, round } from './lib/stats.mjs';
import { nodeGC } from './lib/gc.mjs';
import { nodeCpuMs, enableThreadClock, pageMetrics } from './lib/cpu-clock.mjs';
import { openPage, collectGarbage } from './lib/browser.mjs';

export const scenarios = [
  { name: 'text', label: 'pure text', toolShare: 0 },
  { name: 'mixed', label: 'text + 20% tool-call deltas (10 calls)', toolShare: 0.2 },
];

/**
 * How the bytes arrive. A real response over HTTP/2 or a proxy comes as one event per read when
 * the model is slower than the network, and as bursts of many events per read when it is not (or
 * when a tab catches up): per-read costs weigh differently in each, and so do the ratios.
 */
export const readModes = [
  { name: 'event', label: 'one event per read', maxPiece: 0 },
  { name: 'burst', label: 'reads of 1-4096 bytes', maxPiece: 4096 },
];

const main = ['floor', 'ours', 'openai'];

/**
 * @param {object} options
 * @param {number} options.events     events in the timed stream (all but `ai`)
 * @param {number} options.aiEvents   events in `ai`'s stream (ai is 10-40x slower; a shorter stream keeps the run short)
 * @param {number} options.rounds     interleaved timed rounds per consumer
 * @param {number} options.aiRounds
 * @param {number} options.budgetMs   stop adding rounds (beyond 3) once a scenario took this long
 */
async function measure(env, options) {
  const results = {};
  for (const [scenario, mode] of scenarios.flatMap((sc) => readModes.map((m) => [sc, m]))) {
    const base = { toolShare: scenario.toolShare, seed: 42, maxPiece: mode.maxPiece };
    // ai is 10-40x slower: measured in the one-event-per-read mode only, to keep the run short.
    const withAi = mode.name === 'event';
    // Warm-up: every consumer once over a small stream so the JIT has seen the code.
    await env.prepare({ ...base, count: 5_000 });
    for (const name of withAi ? [...main, 'ai'] : main) await env.run(name);

    const samples = Object.fromEntries(
      [...main, 'ai'].map((name) => [name, { cpuMs: [], wallMs: [], seen: undefined }]),
    );
    const record = (name, result, events, expected) => {
      const seen = {
        items: result.items,
        textChars: result.textChars,
        argumentChars: result.argumentChars,
      };
      if (result.textChars !== expected.textChars)
        throw new Error(
          `${env.name}/${scenario.name}/${name}: saw ${result.textChars} text characters, expected ${expected.textChars}`,
        );
      samples[name].cpuMs.push(result.cpuMs);
      samples[name].wallMs.push(result.wallMs);
      samples[name].seen = seen;
      samples[name].events = events;
    };

    const started = Date.now();
    let info = await env.prepare({ ...base, count: options.events });
    for (let r = 0; r < options.rounds; r++) {
      if (r >= 3 && Date.now() - started > options.budgetMs) break;
      const order = main.map((_, i) => main[(i + r) % main.length]);
      for (const name of order) record(name, await env.run(name), options.events, info.expected);
    }
    if (withAi) {
      info = await env.prepare({ ...base, count: options.aiEvents });
      for (let r = 0; r < options.aiRounds; r++)
        record('ai', await env.run('ai'), options.aiEvents, info.expected);
    }

    const summary = {};
    for (const [name, s] of Object.entries(samples)) {
      if (s.cpuMs.length === 0) continue;
      const cpuMs = median(s.cpuMs);
      const wallMs = median(s.wallMs);
      summary[name] = {
        events: s.events,
        rounds: s.cpuMs.length,
        cpuMs: round(cpuMs, 1),
        wallMs: round(wallMs, 1),
        eventsPerSecCpu: round((s.events / cpuMs) * 1000),
        eventsPerSecWall: round((s.events / wallMs) * 1000),
        samplesCpuMs: s.cpuMs.map((v) => round(v, 1)),
        samplesWallMs: s.wallMs.map((v) => round(v, 1)),
        seen: s.seen,
      };
    }
    const ours = summary.ours.eventsPerSecCpu;
    summary.ratios = {
      oursOverOpenai: round(ours / summary.openai.eventsPerSecCpu, 2),
      floorOverOurs: round(summary.floor.eventsPerSecCpu / ours, 2),
      ...(summary.ai ? { oursOverAi: round(ours / summary.ai.eventsPerSecCpu, 1) } : {}),
    };
    results[`${scenario.name}-${mode.name}`] = {
      label: `${scenario.label}, ${mode.label}`,
      bytes: info.bytes,
      ...summary,
    };
  }
  return results;
}

/** Node: the bundle built by run.mjs, imported into this process; CPU = process.cpuUsage(). */
export async function measureNode(bundlePath, options) {
  const m = await import(pathToFileURL(bundlePath).href);
  const env = {
    name: 'node',
    prepare: async (o) => m.prepare(o),
    run: async (name) => {
      nodeGC();
      const cpu0 = nodeCpuMs();
      const result = await m.runOnce(name);
      return { ...result, cpuMs: nodeCpuMs() - cpu0, wallMs: result.ms };
    },
  };
  return measure(env, options);
}

/** Chromium: the IIFE bundle in a page; CPU = the renderer main thread's ThreadTime. */
export async function measureChromium(browser, origin, options) {
  const page = await openPage(browser, origin, 'throughput-browser.js');
  await enableThreadClock(page.cdp);
  const env = {
    name: 'chromium',
    prepare: async (o) => page.page.evaluate((opts) => globalThis.bench.prepare(opts), o),
    run: async (name) => {
      await collectGarbage(page.cdp);
      const before = await pageMetrics(page.cdp);
      const result = await page.page.evaluate((n) => globalThis.bench.runOnce(n), name);
      const after = await pageMetrics(page.cdp);
      return { ...result, cpuMs: after.threadMs - before.threadMs, wallMs: result.ms };
    },
  };
  try {
    return await measure(env, options);
  } finally {
    if (page.errors.length)
      console.warn(`  (page messages: ${page.errors.slice(0, 3).join(' | ')})`);
    await page.close();
  }
}
