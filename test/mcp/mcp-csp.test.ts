import { expect } from 'chai';
import type { ToolCallResult } from '../../src/index.js';
import { mcpOrigin } from './mcp-servers.js';

async function loadFrame(url: string): Promise<Window & Record<string, unknown>> {
  const frame = document.createElement('iframe');
  frame.src = url;
  document.body.append(frame);
  const until = Date.now() + 30_000;
  for (;;) {
    const win = frame.contentWindow as (Window & Record<string, unknown>) | null;
    if (win?.['pageReady'] === true) return win;
    if (Date.now() > until) throw new Error(`${url} never got ready`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('tool-agents/mcp under a strict Content Security Policy', () => {
  afterEach(() => {
    for (const frame of document.querySelectorAll('iframe')) frame.remove();
  });

  it('connects, validates arguments and output schemas, and calls tools with no violation', async () => {
    const url = `${await mcpOrigin()}/open/mcp`;
    const page = await loadFrame(`/test/pages/mcp-csp.html?mcp=${encodeURIComponent(url)}`);
    expect(page['failure']).to.equal(undefined);
    const results = page['results'] as ToolCallResult[];
    expect(results.map((result) => result.isError)).to.deep.equal([false, true, false]);
    expect(results[0]?.result).to.equal('safe');
    expect((results[1]?.result as { error: string }).error).to.match(/do not match/);
    expect(results[2]?.result).to.deep.equal({ city: 'Bern', celsius: 21 });
    expect(page['cspViolations']).to.deep.equal([]);
    // The policy is really in force: eval is refused.
    expect(() => (page as unknown as { eval(code: string): unknown }).eval('1 + 1')).to.throw();
  });
});
