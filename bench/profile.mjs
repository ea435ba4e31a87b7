/**
 * Where our pipeline spends its time: `node bench/profile.mjs [events] [toolShare]`.
 * Transpiles src/ file by file into bench/.cache/prof/ (no bundling, so the profile keeps src
 * file names), runs entries/profile-ours.mjs under `node --cpu-prof`, and prints self time by
 * file:function, plus inclusive time of src functions. Writes bench/.cache/prof/profile.json.
 */
import { execFileSync } from 'node:child_process';
import {
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
  copyFileSync,
} from 'node:fs';
import path from 'node:path';
import { benchDir, buildDir, rootDir } from './lib/build.mjs';

export async function profileOurs({
  esbuild,
  events = 100_000,
  toolShare = 0,
  runs = 4,
  top = 25,
} = {}) {
  const dir = path.join(buildDir, 'prof');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const files = [];
  const walk = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (p.endsWith('.ts')) files.push(p);
    }
  };
  walk(path.join(rootDir, 'src'));
  await esbuild.build({
    entryPoints: files,
    outbase: rootDir,
    outdir: dir,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    bundle: false,
    logLevel: 'error',
  });
  // The root's packages (eventsource-parser 4, zod 4), as a user of the package would get them.
  symlinkSync(path.join(rootDir, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  writeFileSync(path.join(dir, 'package.json'), '{"type":"module"}');
  copyFileSync(
    path.join(benchDir, 'lib', 'synthetic-stream.mjs'),
    path.join(dir, 'synthetic-stream.mjs'),
  );
  copyFileSync(
    path.join(benchDir, 'entries', 'profile-ours.mjs'),
    path.join(dir, 'profile-ours.mjs'),
  );
  const profileFile = path.join(dir, 'ours.cpuprofile');
  const output = execFileSync(
    process.execPath,
    [
      path.join(dir, 'profile-ours.mjs'),
      String(events),
      String(toolShare),
      String(runs),
      profileFile,
    ],
    { encoding: 'utf8' },
  );
  const profile = JSON.parse(readFileSync(profileFile, 'utf8'));
  return { output: output.trim(), ...summarise(profile, dir, top) };
}

/** Self and inclusive sample time per file:function. */
function summarise(profile, dir, top) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id);
  const selfCount = new Map();
  for (const id of profile.samples) selfCount.set(id, (selfCount.get(id) ?? 0) + 1);
  const deltas = profile.timeDeltas;
  const selfTime = new Map();
  profile.samples.forEach((id, i) =>
    selfTime.set(id, (selfTime.get(id) ?? 0) + (deltas[i + 1] ?? 0)),
  );
  const label = (node) => {
    const frame = node.callFrame;
    let file = frame.url
      .replace(`file://${dir}/`, '')
      .replace(/^file:\/\/.*node_modules\//, '')
      .replace(/^node:/, 'node:');
    if (!file) file = '(native)';
    return `${file}:${frame.functionName || '(anonymous)'}`;
  };
  let total = 0;
  let idle = 0;
  const self = new Map();
  for (const [id, t] of selfTime) {
    const node = byId.get(id);
    total += t;
    const name = label(node);
    if (name.includes('(idle)') || name.includes('(program)')) idle += t;
    self.set(name, (self.get(name) ?? 0) + t);
  }
  // Inclusive time: each sample counts once for every distinct label on its stack.
  const inclusive = new Map();
  profile.samples.forEach((id, i) => {
    const seen = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const name = label(byId.get(cur));
      if (seen.has(name)) continue;
      seen.add(name);
      inclusive.set(name, (inclusive.get(name) ?? 0) + (deltas[i + 1] ?? 0));
    }
  });
  const busy = total - idle;
  const share = (t) => Math.round((t / busy) * 1000) / 10;
  const selfRows = [...self]
    .filter(([n]) => !n.includes('(idle)') && !n.includes('(program)'))
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, t]) => ({ name, ms: Math.round(t / 1000), share: share(t) }));
  const inclusiveRows = [...inclusive]
    .filter(([n]) => n.startsWith('src/'))
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, t]) => ({ name, ms: Math.round(t / 1000), share: share(t) }));
  return { busyMs: Math.round(busy / 1000), self: selfRows, inclusive: inclusiveRows };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { createRequire } = await import('node:module');
  const esbuild = createRequire(path.join(benchDir, 'package.json'))('esbuild');
  const events = Number(process.argv[2] ?? 100_000);
  const toolShare = Number(process.argv[3] ?? 0);
  const result = await profileOurs({ esbuild, events, toolShare });
  console.log(result.output);
  console.log(`busy ${result.busyMs} ms (idle and (program) excluded)\n-- self time --`);
  for (const row of result.self)
    console.log(`${String(row.share).padStart(5)}%  ${String(row.ms).padStart(6)} ms  ${row.name}`);
  console.log('-- inclusive time, src/ --');
  for (const row of result.inclusive)
    console.log(`${String(row.share).padStart(5)}%  ${String(row.ms).padStart(6)} ms  ${row.name}`);
  writeFileSync(path.join(buildDir, 'prof', 'profile.json'), JSON.stringify(result, null, 2));
}
