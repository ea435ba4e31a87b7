/**
 * 3. Render cost in Chromium: a markdown answer (headings, lists, tables, code) of 5k, 10k and
 * 20k tokens streamed into <tool-agent-chat>, into our renderer alone (MarkdownStream) and into
 * streaming-markdown, against plain text appended to paragraph nodes (the lower bound) and the
 * naive approach (marked + DOMPurify over the whole message on every chunk), all fed by the same
 * stream through our core. Two pacings: as fast as possible (each network read its own task) and
 * paced at a model's speed (100 and 1,000 tokens/s, reads due on a clock). Each run gets a fresh page; the page is set up
 * before measuring. Per run: main-thread CPU (CDP Performance.getMetrics ThreadTime, thread
 * ticks), TaskDuration, top-level tasks from a CDP trace (longest task by thread CPU and by wall
 * time), long tasks seen by PerformanceObserver, and rAF deltas.
 */
import { openPage, collectGarbage } from './lib/browser.mjs';
import { enableThreadClock, pageMetrics } from './lib/cpu-clock.mjs';
import { startTrace, stopTrace, mainThreadTasks } from './lib/trace.mjs';
import { median, growthExponent, round } from './lib/stats.mjs';
import { bundleFileIndex, selfTime, selfTimeByFile } from './lib/cpu-profile.mjs';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildDir } from './lib/build.mjs';

/**
 * Where the element's render time goes: one more element run with the page's V8 CPU profiler on
 * (CDP Profiler), self time by source file:function (files from the bundle's module comments).
 */
export async function profileElementRender(browser, origin, { tokens, tokensPerChunk }) {
  const page = await openPage(browser, origin, 'page.js');
  try {
    await page.page.evaluate((o) => globalThis.benchPage.prepare(o), {
      renderer: 'element',
      tokens,
      tokensPerChunk,
      intervalMs: 0,
      budgetMs: 120_000,
    });
    await page.cdp.send('Profiler.enable');
    await page.cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await page.cdp.send('Profiler.start');
    await page.page.evaluate(() => globalThis.benchPage.go());
    const { profile } = await page.cdp.send('Profiler.stop');
    const fileAt = bundleFileIndex(readFileSync(path.join(buildDir, 'page.js'), 'utf8'));
    const fileOf = (frame) =>
      frame.url.endsWith('/page.js') ? fileAt(frame.lineNumber) : undefined;
    const functions = selfTime(profile, fileOf, 15);
    return {
      tokens,
      busyMs: functions.busyMs,
      functions: functions.rows,
      files: selfTimeByFile(profile, fileOf, 12),
    };
  } finally {
    await page.close();
  }
}

export async function renderRun(browser, origin, options) {
  const page = await openPage(browser, origin, 'page.js');
  try {
    await enableThreadClock(page.cdp);
    const info = await page.page.evaluate((o) => globalThis.benchPage.prepare(o), options);
    await collectGarbage(page.cdp);
    const before = await pageMetrics(page.cdp);
    await startTrace(page.cdp);
    const result = await page.page.evaluate(() => globalThis.benchPage.go());
    const events = await stopTrace(page.cdp);
    const after = await pageMetrics(page.cdp);
    const tasks = mainThreadTasks(events);
    if (result.error && !result.timedOut && !/budget/.test(result.error))
      throw new Error(`${options.renderer} ${options.tokens}: ${result.error}`);
    if (!result.timedOut && !result.complete)
      throw new Error(
        `${options.renderer} ${options.tokens}: the end of the answer was not rendered`,
      );
    const deltas = result.frameDeltas;
    return {
      renderer: options.renderer,
      tokens: result.timedOut ? result.processed : info.tokens,
      reads: info.reads,
      intervalMs: options.intervalMs,
      timedOut: result.timedOut,
      mainThreadCpuMs: round(after.threadMs - before.threadMs, 1),
      taskDurationMs: round(after.taskMs - before.taskMs, 1),
      scriptMs: round(after.scriptMs - before.scriptMs, 1),
      layoutMs: round(after.layoutMs - before.layoutMs, 1),
      styleMs: round(after.styleMs - before.styleMs, 1),
      wallMs: round(result.wallMs, 1),
      tasks: tasks.tasks,
      longestTaskCpuMs: round(tasks.longestCpuMs, 1),
      longestTaskWallMs: round(tasks.longestWallMs, 1),
      tasksOver50CpuMs: tasks.over50CpuMs,
      tasksOver50WallMs: tasks.over50WallMs,
      longTasksObserved: result.longTasks.length,
      frames: deltas.length,
      framesOver17Ms: deltas.filter((d) => d > 17).length,
      framesOver33Ms: deltas.filter((d) => d > 33.4).length,
      domNodes: result.domNodes,
      pageErrors: page.errors,
    };
  } finally {
    await page.close();
  }
}

/** The renderers compared at every size: the plain bound, our renderer alone, the element, streaming-markdown. */
const compared = ['plain', 'markdown', 'element', 'smd'];
/** Paced runs add the element writing every read as it arrives (`render-interval` 0). */
const comparedPaced = [...compared, 'elementEveryRead'];

/** Rotates `list` by `by` places, so interleaved rounds change who runs first. */
const rotate = (list, by) => list.map((_, i) => list[(i + by) % list.length]);

/**
 * @param {object} o
 * @param {number[]} o.sizes          token counts for the fast runs of every compared renderer
 * @param {number[]} o.naiveSizes     token counts for the naive reference (it is quadratic)
 * @param {number} o.fastRounds       interleaved rounds of the fast runs
 * @param {{ name: string, tokens: number, tokensPerChunk: number, intervalMs: number }[]} o.paced
 *   paced scenarios (e.g. 100 tokens/s = one token per read every 10 ms)
 * @param {number} o.pacedRounds      interleaved rounds of each paced scenario
 * @param {number} o.tokensPerChunk   events per read in the fast runs
 * @param {number} o.budgetMs         soft time budget: fast rounds beyond the first stop after it
 */
export async function measureRender(browser, origin, o, log = () => {}) {
  const started = Date.now();
  const fast = Object.fromEntries([...compared, 'naive'].map((r) => [r, {}]));
  const base = { tokensPerChunk: o.tokensPerChunk, budgetMs: 120_000 };
  for (let round_ = 0; round_ < o.fastRounds; round_++) {
    if (round_ > 0 && Date.now() - started > o.budgetMs) break;
    for (const tokens of o.sizes) {
      for (const renderer of rotate(compared, round_)) {
        const run = await renderRun(browser, origin, { ...base, renderer, tokens, intervalMs: 0 });
        (fast[renderer][tokens] ??= []).push(run);
        log(`render fast ${renderer} ${tokens}: ${run.mainThreadCpuMs} ms CPU`);
      }
    }
  }
  for (const tokens of o.naiveSizes) {
    const run = await renderRun(browser, origin, {
      ...base,
      renderer: 'naive',
      tokens,
      intervalMs: 0,
      budgetMs: 60_000,
    });
    (fast.naive[tokens] ??= []).push(run);
    log(`render fast naive ${tokens}: ${run.mainThreadCpuMs} ms CPU`);
  }
  // Paced: the stream arrives at a model's pace; what counts is the CPU each renderer spends per
  // frame around it (the wall time is the same for all, set by the pace).
  const pacedRuns = {};
  for (const scenario of o.paced) {
    const runs = (pacedRuns[scenario.name] = Object.fromEntries(comparedPaced.map((r) => [r, []])));
    for (let round_ = 0; round_ < o.pacedRounds; round_++) {
      for (const renderer of rotate(comparedPaced, round_)) {
        const run = await renderRun(browser, origin, {
          renderer,
          tokens: scenario.tokens,
          tokensPerChunk: scenario.tokensPerChunk,
          intervalMs: scenario.intervalMs,
          budgetMs: 120_000,
        });
        runs[renderer].push(run);
        log(
          `render paced ${scenario.name} ${renderer} ${scenario.tokens}: ${run.mainThreadCpuMs} ms CPU, longest task ${run.longestTaskCpuMs} ms CPU`,
        );
      }
    }
  }

  // Medians per renderer and size (fast), then ratios and growth exponents.
  const summary = {};
  for (const [renderer, bySize] of Object.entries(fast)) {
    summary[renderer] = {};
    for (const [tokens, runs] of Object.entries(bySize)) {
      summary[renderer][tokens] = {
        rounds: runs.length,
        tokens: runs[0].tokens,
        mainThreadCpuMs: round(median(runs.map((r) => r.mainThreadCpuMs)), 1),
        taskDurationMs: round(median(runs.map((r) => r.taskDurationMs)), 1),
        wallMs: round(median(runs.map((r) => r.wallMs)), 1),
        longestTaskCpuMs: round(Math.max(...runs.map((r) => r.longestTaskCpuMs)), 1),
        longestTaskWallMs: round(median(runs.map((r) => r.longestTaskWallMs)), 1),
        framesOver17Ms: median(runs.map((r) => r.framesOver17Ms)),
        frames: median(runs.map((r) => r.frames)),
        samplesCpuMs: runs.map((r) => r.mainThreadCpuMs),
      };
    }
  }
  // Ratios and exponents are taken within each round (the runs closest in time), then the median
  // over rounds: CPU time itself drifts with the machine's load between rounds.
  const exponent = (renderer, sizes) => {
    const [a, b] = [sizes[0], sizes[sizes.length - 1]];
    const runsA = fast[renderer][a];
    const runsB = fast[renderer][b];
    const perRound = runsA
      .slice(0, runsB.length)
      .map((runA, i) =>
        growthExponent(
          runA.tokens,
          runA.mainThreadCpuMs,
          runsB[i].tokens,
          runsB[i].mainThreadCpuMs,
        ),
      );
    return round(median(perRound), 2);
  };
  const overPlain = (runs, plainRuns) =>
    round(median(runs.map((run, i) => run.mainThreadCpuMs / plainRuns[i].mainThreadCpuMs)), 2);
  const ratios = (renderer) =>
    Object.fromEntries(o.sizes.map((t) => [t, overPlain(fast[renderer][t], fast.plain[t])]));
  const largest = o.sizes[o.sizes.length - 1];
  const naiveExponent = exponent('naive', o.naiveSizes);
  const naiveLargest = o.naiveSizes[o.naiveSizes.length - 1];
  const naiveBase = summary.naive[naiveLargest];
  const extrapolated = Object.fromEntries(
    o.sizes.map((tokens) => [
      tokens,
      round(
        naiveBase.mainThreadCpuMs *
          (summary.element[tokens].tokens / naiveBase.tokens) ** naiveExponent,
      ),
    ]),
  );
  const paced = {};
  for (const scenario of o.paced) {
    const runs = pacedRuns[scenario.name];
    paced[scenario.name] = {
      ...scenario,
      tokens: runs.plain[0].tokens,
      ...Object.fromEntries(
        comparedPaced.map((renderer) => [
          renderer,
          {
            mainThreadCpuMs: round(median(runs[renderer].map((r) => r.mainThreadCpuMs)), 1),
            overPlain: renderer === 'plain' ? 1 : overPlain(runs[renderer], runs.plain),
            longestTaskCpuMs: round(Math.max(...runs[renderer].map((r) => r.longestTaskCpuMs)), 1),
            longestTaskWallMs: round(
              Math.max(...runs[renderer].map((r) => r.longestTaskWallMs)),
              1,
            ),
            framesOver17Ms: median(runs[renderer].map((r) => r.framesOver17Ms)),
            frames: median(runs[renderer].map((r) => r.frames)),
            wallMs: round(median(runs[renderer].map((r) => r.wallMs)), 1),
            samplesCpuMs: runs[renderer].map((r) => r.mainThreadCpuMs),
          },
        ]),
      ),
    };
  }
  const elementRuns = [
    ...Object.values(fast.element).flat(),
    ...Object.values(pacedRuns).flatMap((runs) => runs.element),
  ];
  return {
    fast: summary,
    paced,
    exponents: Object.fromEntries([
      ...compared.map((renderer) => [renderer, exponent(renderer, o.sizes)]),
      ['naive', naiveExponent],
    ]),
    elementOverPlain: ratios('element'),
    markdownOverPlain: ratios('markdown'),
    smdOverPlain: ratios('smd'),
    naiveExtrapolatedCpuMs: extrapolated,
    largest,
    longestElementTaskCpuMs: round(Math.max(...elementRuns.map((r) => r.longestTaskCpuMs)), 1),
    longestElementTaskWallMs: round(
      Math.max(
        ...Object.values(pacedRuns).flatMap((runs) => runs.element.map((r) => r.longestTaskWallMs)),
      ),
      1,
    ),
    runs: { fast, paced: pacedRuns },
  };
}
