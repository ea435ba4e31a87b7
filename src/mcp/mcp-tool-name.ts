/** Longest tool name OpenAI accepts (`^[a-zA-Z0-9_-]{1,64}$`). */
const maxNameLength = 64;

function sanitise(text: string): string {
  const clean = text.replace(/[^A-Za-z0-9_-]/g, '_');
  return clean === '' ? '_' : clean;
}

// A short, stable tag of the original names, so two long names cut to the same prefix stay apart.
function tag(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(36).padStart(7, '0').slice(-7);
}

/**
 * The name the model sees for tool `tool` of server `server`: `server__tool`, with every
 * character OpenAI refuses replaced by `_`, cut to 64 characters with a hash tag when longer,
 * and made unique among `taken` (a `_2`, `_3`... suffix), which it joins.
 */
export function mcpToolName(server: string, tool: string, taken: Set<string>): string {
  const full = `${sanitise(server)}__${sanitise(tool)}`;
  const base =
    full.length <= maxNameLength
      ? full
      : `${full.slice(0, maxNameLength - 8)}_${tag(`${server}\u0000${tool}`)}`;
  let name = base;
  for (let n = 2; taken.has(name); n++) {
    const suffix = `_${n}`;
    name = `${base.slice(0, maxNameLength - suffix.length)}${suffix}`;
  }
  taken.add(name);
  return name;
}
