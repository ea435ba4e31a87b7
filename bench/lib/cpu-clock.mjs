/**
 * Clocks. The machine is shared (load averages of 5-15 on 2 cores are common), so wall time
 * mostly measures the neighbours; CPU time of the thread doing the work is what we compare.
 * Node: process CPU (user + system). Chromium: the renderer main thread's CPU time
 * (CDP Performance.getMetrics `ThreadTime`, with `timeDomain: 'threadTicks'`).
 */

export function nodeCpuMs() {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

export async function enableThreadClock(cdp) {
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
}

/** Main-thread metrics of the page, durations in ms. */
export async function pageMetrics(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const get = (name) => metrics.find((m) => m.name === name)?.value ?? NaN;
  return {
    threadMs: get('ThreadTime') * 1000,
    taskMs: get('TaskDuration') * 1000,
    scriptMs: get('ScriptDuration') * 1000,
    layoutMs: get('LayoutDuration') * 1000,
    styleMs: get('RecalcStyleDuration') * 1000,
    nodes: get('Nodes'),
    heapUsed: get('JSHeapUsedSize'),
  };
}
