import { expect } from 'chai';
import { jsonForReading, prettyJSON } from '../../components/format-json.js';

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
    expect(jsonForReading({ big: 12n, run: () => 1 })).to.equal(
      '{\n  "big": "12n",\n  "run": "[function]"\n}',
    );
    expect(jsonForReading(undefined)).to.equal('undefined');
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    expect(jsonForReading(cyclic)).to.contain('cannot be written as JSON');
  });
});
