import type { FixtureName } from './fixture-names.js';

async function fetchFixture(path: string): Promise<Response> {
  const response = await fetch(new URL(path, location.origin));
  if (!response.ok) throw new Error(`Could not load fixture ${path}: HTTP ${response.status}`);
  return response;
}

/** The exact bytes of `test/fixtures/sse/<name>`, as the dev server serves it. */
export async function loadFixture(name: FixtureName): Promise<Uint8Array> {
  return new Uint8Array(await (await fetchFixture(`/test/fixtures/sse/${name}`)).arrayBuffer());
}

/** `test/fixtures/json/<name>` parsed as JSON. */
export async function loadJsonFixture(name: string): Promise<unknown> {
  return (await fetchFixture(`/test/fixtures/json/${name}`)).json();
}
