import { expect } from 'chai';
import * as z from 'zod';
import { FunctionTool } from '../../src/tools/function-tool.js';
import { ToolRegistry } from '../../src/tools/tool-registry.js';

function tool(name: string): FunctionTool {
  return new FunctionTool({
    name,
    description: `The ${name} tool.`,
    parameters: z.object({ q: z.string() }),
    execute: ({ q }) => q,
  });
}

describe('ToolRegistry', () => {
  it('starts empty, or with the tools it is given', () => {
    expect(new ToolRegistry().size).to.equal(0);
    expect(new ToolRegistry().getTools()).to.deep.equal([]);
    const a = tool('a');
    const b = tool('b');
    expect(new ToolRegistry([a, b]).getTools()).to.deep.equal([a, b]);
  });

  it('adds, finds and lists tools in insertion order', () => {
    const registry = new ToolRegistry();
    const calc = tool('calculator');
    const search = tool('search');
    expect(registry.addTool(calc)).to.equal(registry);
    registry.addTool(search);
    expect(registry.size).to.equal(2);
    expect(registry.getTool('calculator')).to.equal(calc);
    expect(registry.getTool('missing')).to.equal(undefined);
    expect(registry.getTools()).to.deep.equal([calc, search]);
  });

  it('getTools returns a copy', () => {
    const registry = new ToolRegistry([tool('a')]);
    registry.getTools().push(tool('b'));
    expect(registry.size).to.equal(1);
  });

  it('removes a tool by name and says whether it was there', () => {
    const registry = new ToolRegistry([tool('a'), tool('b')]);
    expect(registry.removeTool('a')).to.equal(true);
    expect(registry.removeTool('a')).to.equal(false);
    expect(registry.getTools().map((t) => t.name)).to.deep.equal(['b']);
    registry.addTool(tool('a'));
    expect(registry.getTools().map((t) => t.name)).to.deep.equal(['b', 'a']);
  });

  it('throws when a different tool already has the name; adding the same tool again is a no-op', () => {
    const registry = new ToolRegistry();
    const first = tool('search');
    registry.addTool(first);
    expect(() => registry.addTool(tool('search'))).to.throw(
      Error,
      'A tool named "search" is already registered.',
    );
    registry.addTool(first);
    expect(registry.getTools()).to.deep.equal([first]);
  });

  it('addTools is all or none: a clash with a registered tool adds nothing', () => {
    const registry = new ToolRegistry([tool('b')]);
    expect(() => registry.addTools([tool('a'), tool('b'), tool('c')])).to.throw(
      Error,
      'A tool named "b" is already registered.',
    );
    expect(registry.getTools().map((t) => t.name)).to.deep.equal(['b']);
  });

  it('addTools is all or none: two different tools with one name in the list add nothing', () => {
    const registry = new ToolRegistry();
    expect(() => registry.addTools([tool('a'), tool('x'), tool('x')])).to.throw(
      Error,
      'Two different tools in the list are named "x".',
    );
    expect(registry.size).to.equal(0);
    expect(() => new ToolRegistry([tool('x'), tool('x')])).to.throw(Error, 'named "x"');
  });

  it('addTools accepts the same tool twice, like addTool, and any iterable', () => {
    const a = tool('a');
    const registry = new ToolRegistry();
    registry.addTools(new Set([a, tool('b')]));
    registry.addTools([a, a]);
    expect(registry.getTools().map((t) => t.name)).to.deep.equal(['a', 'b']);
  });

  it('gives every tool in the OpenAI wire form, in order', () => {
    const registry = new ToolRegistry([tool('a'), tool('b')]);
    const schema = { type: 'object', properties: { q: { type: 'string' } }, required: ['q'] };
    expect(registry.getOpenAITools()).to.deep.equal([
      { type: 'function', function: { name: 'a', description: 'The a tool.', parameters: schema } },
      { type: 'function', function: { name: 'b', description: 'The b tool.', parameters: schema } },
    ]);
    expect(new ToolRegistry().getOpenAITools()).to.deep.equal([]);
  });
});
