import { expect } from 'chai';
import { numberAttribute } from '../../components/number-attribute.js';

function captureWarnings(): { warnings: string[]; restore: () => void } {
  const warnings: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
  return { warnings, restore: () => (console.warn = original) };
}

describe('numberAttribute', () => {
  const count = numberAttribute({
    attribute: 'max-things',
    property: 'maxThings',
    fallback: 5,
    accepts: (value) => Number.isInteger(value) && value >= 1,
    expected: 'a whole number of at least 1',
  });
  const optional = numberAttribute({
    attribute: 'level',
    property: 'level',
    fallback: undefined,
    accepts: (value) => value >= 0,
    expected: 'a number of at least 0',
  });
  let capture: ReturnType<typeof captureWarnings>;
  beforeEach(() => (capture = captureWarnings()));
  afterEach(() => capture.restore());

  it('reads valid attribute values, and absent or empty ones as the fallback, silently', () => {
    expect(count.converter.fromAttribute?.('7', Number)).to.equal(7);
    expect(count.converter.fromAttribute?.(' 12 ', Number)).to.equal(12);
    expect(count.converter.fromAttribute?.(null, Number)).to.equal(5);
    expect(count.converter.fromAttribute?.('  ', Number)).to.equal(5);
    expect(optional.converter.fromAttribute?.('0', Number)).to.equal(0);
    expect(optional.converter.fromAttribute?.('Infinity', Number)).to.equal(Infinity);
    expect(optional.converter.fromAttribute?.(null, Number)).to.equal(undefined);
    expect(optional.converter.toAttribute?.(undefined, Number)).to.equal(null);
    expect(optional.converter.toAttribute?.(1.5, Number)).to.equal('1.5');
    expect(capture.warnings).to.deep.equal([]);
  });

  it('turns an invalid attribute value into the fallback with one warning naming the attribute and the value', () => {
    expect(count.converter.fromAttribute?.('ten', Number)).to.equal(5);
    expect(capture.warnings).to.deep.equal([
      '<tool-agent-chat>: ignoring max-things="ten": expected a whole number of at least 1; using the default 5.',
    ]);
    expect(count.converter.fromAttribute?.('0', Number)).to.equal(5);
    expect(count.converter.fromAttribute?.('2.5', Number)).to.equal(5);
    expect(count.converter.fromAttribute?.('NaN', Number)).to.equal(5);
    expect(optional.converter.fromAttribute?.('warm', Number)).to.equal(undefined);
    expect(capture.warnings).to.have.length(5);
    expect(capture.warnings[4]).to.equal(
      '<tool-agent-chat>: ignoring level="warm": expected a number of at least 0; leaving it unset.',
    );
  });

  it('checks values set from script the same way, naming the property', () => {
    expect(count.read(3)).to.equal(3);
    expect(count.read(undefined)).to.equal(5);
    expect(count.read(null)).to.equal(5);
    expect(capture.warnings).to.deep.equal([]);
    expect(count.read(Number.NaN)).to.equal(5);
    expect(count.read('3')).to.equal(5);
    expect(count.read(-1)).to.equal(5);
    expect(optional.read({})).to.equal(undefined);
    expect(capture.warnings).to.deep.equal([
      '<tool-agent-chat>: ignoring maxThings = NaN: expected a whole number of at least 1; using the default 5.',
      '<tool-agent-chat>: ignoring maxThings = "3": expected a whole number of at least 1; using the default 5.',
      '<tool-agent-chat>: ignoring maxThings = -1: expected a whole number of at least 1; using the default 5.',
      '<tool-agent-chat>: ignoring level = object: expected a number of at least 0; leaving it unset.',
    ]);
  });
});
