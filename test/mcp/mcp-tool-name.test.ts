import { expect } from 'chai';
import { mcpToolName } from '../../src/mcp/index.js';

const valid = /^[a-zA-Z0-9_-]{1,64}$/;

describe('mcpToolName', () => {
  it('namespaces a tool by its server', () => {
    expect(mcpToolName('github', 'create_issue', new Set())).to.equal('github__create_issue');
  });

  it('replaces characters OpenAI refuses', () => {
    const name = mcpToolName('my server.io', 'files/read:v2 ü', new Set());
    expect(name).to.equal('my_server_io__files_read_v2__');
    expect(name).to.match(valid);
  });

  it('cuts long names to 64 characters, keeping two long names apart', () => {
    const taken = new Set<string>();
    const long = 'x'.repeat(80);
    const a = mcpToolName('server', `${long}a`, taken);
    const b = mcpToolName('server', `${long}b`, taken);
    expect(a).to.match(valid);
    expect(b).to.match(valid);
    expect(a).not.to.equal(b);
  });

  it('makes names unique within a server when sanitising makes two the same', () => {
    const taken = new Set<string>();
    expect(mcpToolName('s', 'a.b', taken)).to.equal('s__a_b');
    expect(mcpToolName('s', 'a b', taken)).to.equal('s__a_b_2');
    expect(mcpToolName('s', 'a/b', taken)).to.equal('s__a_b_3');
  });
});
