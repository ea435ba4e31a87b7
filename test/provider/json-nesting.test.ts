import { expect } from 'chai';
import { isNestedDeeperThan } from '../../src/internal/json-depth.js';
import { argumentsObjectText, unreadableArgumentsText } from '../../src/provider/json-nesting.js';

function nestedObject(depth: number): Record<string, unknown> {
  let value: Record<string, unknown> = {};
  for (let level = 1; level < depth; level++) value = { a: value };
  return value;
}

describe('JSON nesting', () => {
  it('measures depth exactly: an object of depth n is not deeper than n', () => {
    expect(isNestedDeeperThan(nestedObject(64), 64)).to.equal(false);
    expect(isNestedDeeperThan(nestedObject(65), 64)).to.equal(true);
    expect(isNestedDeeperThan([[[1]]], 3)).to.equal(false);
    expect(isNestedDeeperThan([[[[1]]]], 3)).to.equal(true);
    expect(isNestedDeeperThan('text', 0)).to.equal(false);
  });

  it('measures a million levels without overflowing the stack', () => {
    let deep: unknown = [];
    for (let level = 0; level < 1_000_000; level++) deep = [deep];
    expect(isNestedDeeperThan(deep, 64)).to.equal(true);
  });

  it('serialises ordinary argument objects exactly', () => {
    expect(argumentsObjectText({ city: 'Oslo', days: [1, 2] })).to.equal(
      '{"city":"Oslo","days":[1,2]}',
    );
  });

  it('gives unparsable text for objects too deep to serialise', () => {
    const text = argumentsObjectText(nestedObject(100_000));
    expect(text).to.equal(unreadableArgumentsText);
    expect(() => {
      JSON.parse(text);
    }).to.throw(SyntaxError);
  });
});
