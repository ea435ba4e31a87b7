/**
 * 4. Latency added: a loopback server (latency-server.mjs, its own process) writes an event
 * with its monotonic timestamp every few ms; the client (this process) measures, per event, the
 * time from that write to our iterator yielding the chunk, and the same for a bare fetch reader.
 * Runs alternate bare/ours; added latency = ours − bare (median and p95 over all events).
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { benchDir } from './lib/build.mjs';
import { median, percentile, round } from './lib/stats.mjs';

export async function measureLatency(bundlePath, { rounds = 4, count = 200, interval = 5 } = {}) {
  const m = await import(pathToFileURL(bundlePath).href);
  const child = spawn(process.execPath, [path.join(benchDir, 'latency-server.mjs')], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  try {
    const [data] = await once(child.stdout, 'data');
    const port = Number(String(data).trim());
    const base = `http://127.0.0.1:${port}`;
    const url = `${base}/c${count}/i${interval}/v1`;
    const all = { bare: [], ours: [] };
    // Warm-up (connection pool, JIT).
    await m.latencyBare(`${base}/c20/i2/v1`);
    await m.latencyOurs(`${base}/c20/i2/v1`);
    for (let r = 0; r < rounds; r++) {
      all.bare.push(...(await m.latencyBare(url)));
      all.ours.push(...(await m.latencyOurs(url)));
    }
    const stats = (values) => ({
      events: values.length,
      medianMs: round(median(values), 3),
      p95Ms: round(percentile(values, 95), 3),
      maxMs: round(Math.max(...values), 3),
    });
    const bare = stats(all.bare);
    const ours = stats(all.ours);
    return {
      count,
      intervalMs: interval,
      rounds,
      bare,
      ours,
      addedMedianMs: round(ours.medianMs - bare.medianMs, 3),
      addedP95Ms: round(ours.p95Ms - bare.p95Ms, 3),
    };
  } finally {
    child.stdin.end();
    child.kill();
  }
}
