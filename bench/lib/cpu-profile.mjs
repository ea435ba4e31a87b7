/**
 * Summaries of V8 CPU profiles: self time by file:function. For a bundle, the file of a frame is
 * found from esbuild's `// path/to/file.ts` module comments (non-minified output), so the
 * summary names source files without a source-map library.
 */

/** Line → source file lookup for a non-minified esbuild bundle. */
export function bundleFileIndex(bundleText) {
  const marks = [];
  bundleText.split('\n').forEach((line, index) => {
    const m = /^\s*\/\/ ((?:\.\.\/)*[\w@./-]+\.(?:ts|js|mjs|cjs))$/.exec(line);
    if (m) marks.push([index, m[1].replace(/^(\.\.\/)+/, '').replace(/^node_modules\//, '')]);
  });
  return (line) => {
    let lo = 0;
    let hi = marks.length - 1;
    let found;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (marks[mid][0] <= line) {
        found = marks[mid][1];
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  };
}

/** Self time (ms and share of busy time) per file:function; `fileOf(frame)` names the file. */
export function selfTime(profile, fileOf, top = 20) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map();
  let busy = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i + 1] ?? 0;
    const frame = byId.get(id).callFrame;
    if (frame.functionName === '(idle)' || frame.functionName === '(program)') return;
    busy += dt;
    const name = `${fileOf(frame) ?? '(native)'}:${frame.functionName || '(anonymous)'}`;
    self.set(name, (self.get(name) ?? 0) + dt);
  });
  const rows = [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, t]) => ({
      name,
      ms: Math.round(t / 100) / 10,
      share: Math.round((t / busy) * 1000) / 10,
    }));
  return { busyMs: Math.round(busy / 1000), rows };
}

/** Self time grouped by file only. */
export function selfTimeByFile(profile, fileOf, top = 15) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map();
  let busy = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i + 1] ?? 0;
    const frame = byId.get(id).callFrame;
    if (frame.functionName === '(idle)' || frame.functionName === '(program)') return;
    busy += dt;
    const name =
      fileOf(frame) ?? (frame.functionName.startsWith('(') ? frame.functionName : '(native)');
    self.set(name, (self.get(name) ?? 0) + dt);
  });
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, t]) => ({
      name,
      ms: Math.round(t / 100) / 10,
      share: Math.round((t / busy) * 1000) / 10,
    }));
}
