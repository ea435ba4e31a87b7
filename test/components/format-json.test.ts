import { expect } from 'chai';
import { jsonForReading, prettyJSON } from '../../components/format-json.js';
import { optionalNumber } from '../../components/optional-number.js';

describe('prettyJSON', () => {
  it('indents valid JSON and leaves anything else as it is', () => {
    expect(prettyJSON('{"a":1,"b":[2]}')).to.equal('{\n  "a": 1,\n  "b": [\n    2\n  ]\n}');
    expect(prettyJSON('{"a":')).to.equal('{"a":');
    expect(prettyJSON('  ')).to.equal('');
    expect(prettyJSON('"text"')).to.equal('"text"');
  });
});

describe('jsonForReading', () => {
  it('writes any value as indented JSON, including what JSON cannot hold', () => {
    expect(jsonForReading({ a: [1, 'x'] })).to.equal('{\n  "a": [\n    1,\n    "x"\n  ]\n}');
    expect(jsonForReading({ big: 12n, run: () => 1 })).to.equal('{\n  "big": "12n",\n  "run": "[function]"\n}');
    expect(jsonForReading(undefined)).to.equal('undefined');
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    expect(jsonForReading(cyclic)).to.contain('cannot be written as JSON');
  });
});

describe('optionalNumber', () => {
  it('reads numbers and treats absent, empty or unreadable values as unset', () => {
    expect(optionalNumber.fromAttribute?.('0.7', Number)).to.equal(0.7);
    expect(optionalNumber.fromAttribute?.('0', Number)).to.equal(0);
    expect(optionalNumber.fromAttribute?.(null, Number)).to.equal(undefined);
    expect(optionalNumber.fromAttribute?.(' ', Number)).to.equal(undefined);
    expect(optionalNumber.fromAttribute?.('warm', Number)).to.equal(undefined);
    expect(optionalNumber.toAttribute?.(undefined, Number)).to.equal(null);
    expect(optionalNumber.toAttribute?.(1.5, Number)).to.equal('1.5');
  });
});
