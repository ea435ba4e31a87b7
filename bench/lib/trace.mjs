/**
 * Top-level tasks of the page's renderer main thread from a CDP trace (category `toplevel`):
 * each task's wall duration (`dur`) and thread CPU duration (`tdur`).
 */

export async function startTrace(cdp) {
  await cdp.send('Tracing.start', {
    transferMode: 'ReturnAsStream',
    traceConfig: {
      recordMode: 'recordAsMuchAsPossible',
      includedCategories: ['toplevel', '__metadata'],
      excludedCategories: ['*'],
    },
  });
}

export async function stopTrace(cdp) {
  const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.end');
  const { stream } = await done;
  let text = '';
  for (;;) {
    const chunk = await cdp.send('IO.read', { handle: stream, size: 1 << 20 });
    text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data;
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle: stream });
  const parsed = JSON.parse(text);
  return Array.isArray(parsed) ? parsed : parsed.traceEvents;
}

/** Main-thread task stats of the busiest renderer main thread in the trace (ms). */
export function mainThreadTasks(events) {
  const mainThreads = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const byThread = new Map();
  for (const e of events) {
    if (e.ph !== 'X' || !mainThreads.has(`${e.pid}:${e.tid}`)) continue;
    if (e.name !== 'ThreadControllerImpl::RunTask' && e.name !== 'RunTask') continue;
    const key = `${e.pid}:${e.tid}`;
    if (!byThread.has(key)) byThread.set(key, []);
    byThread.get(key).push(e);
  }
  let best = [];
  let bestTotal = -1;
  for (const tasks of byThread.values()) {
    const total = tasks.reduce((n, e) => n + (e.dur ?? 0), 0);
    if (total > bestTotal) {
      best = tasks;
      bestTotal = total;
    }
  }
  // Nested RunTask events (a task inside a task) would be counted twice: keep the outermost.
  best.sort((a, b) => a.ts - b.ts);
  const top = [];
  let end = -Infinity;
  for (const e of best) {
    if (e.ts >= end) {
      top.push(e);
      end = e.ts + (e.dur ?? 0);
    }
  }
  const wall = top.map((e) => (e.dur ?? 0) / 1000);
  const cpu = top.map((e) => (e.tdur ?? e.dur ?? 0) / 1000);
  return {
    tasks: top.length,
    totalWallMs: wall.reduce((a, b) => a + b, 0),
    totalCpuMs: cpu.reduce((a, b) => a + b, 0),
    longestWallMs: Math.max(0, ...wall),
    longestCpuMs: Math.max(0, ...cpu),
    over50WallMs: wall.filter((d) => d > 50).length,
    over50CpuMs: cpu.filter((d) => d > 50).length,
  };
}
