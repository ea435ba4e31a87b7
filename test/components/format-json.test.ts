import { expect } from 'chai';
import { prettyJSON } from '../../components/format-json.js';
import { optionalNumber } from '../../components/optional-number.js';

describe('prettyJSON', () => {
  it('indents valid JSON and leaves anything else as it is', () => {
    expect(prettyJSON('{"a":1,"b":[2]}')).to.equal('{\n  "a": 1,\n  "b": [\n    2\n  ]\n}');
    expect(prettyJSON('{"a":')).to.equal('{"a":');
    expect(prettyJSON('  ')).to.equal('');
    expect(prettyJSON('"text"')).to.equal('"text"');
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
