import { expect } from 'chai';
import { convertUnits } from '../../demo/tools/convert-units.js';
import { findUnit } from '../../demo/tools/units.js';

describe('convertUnits', () => {
  it('converts length', () => {
    expect(convertUnits(10, 'km', 'miles')).to.deep.equal({
      value: 10,
      from: 'km',
      to: 'mi',
      result: 6.21371192237,
      category: 'length',
      text: '10 km = 6.21371192237 mi',
    });
    expect(convertUnits(1, 'foot', 'inches').result).to.equal(12);
    expect(convertUnits(3, 'm', 'feet').result).to.equal(9.84251968504);
  });

  it('converts mass', () => {
    expect(convertUnits(1, 'kg', 'lb').result).to.equal(2.20462262185);
    expect(convertUnits(16, 'ounces', 'pounds').result).to.equal(1);
  });

  it('converts temperature with offsets, not just factors', () => {
    expect(convertUnits(100, '°C', '°F').result).to.equal(212);
    expect(convertUnits(32, 'fahrenheit', 'celsius').result).to.equal(0);
    expect(convertUnits(0, 'K', 'C').result).to.equal(-273.15);
    expect(convertUnits(-40, 'degrees Celsius', 'degrees Fahrenheit').result).to.equal(-40);
  });

  it('converts volume (US customary) and speed', () => {
    expect(convertUnits(1, 'gallon', 'liters').result).to.equal(3.785411784);
    expect(convertUnits(1, 'cup', 'tbsp').result).to.equal(16);
    expect(convertUnits(100, 'km/h', 'mph').result).to.equal(62.1371192237);
    expect(convertUnits(10, 'm/s', 'km/h').result).to.equal(36);
    expect(convertUnits(1, 'knot', 'km/h').result).to.equal(1.852);
  });

  it('reads plurals, full names and symbols alike', () => {
    for (const name of ['mile', 'miles', 'mi', 'MI'])
      expect(findUnit(name)?.symbol, name).to.equal('mi');
    for (const name of ['kilometres per hour', 'kph', 'km/h'])
      expect(findUnit(name)?.symbol, name).to.equal('km/h');
    expect(findUnit('feet')?.symbol).to.equal('ft');
    expect(findUnit('inches')?.symbol).to.equal('in');
  });

  it('rejects unknown units, listing the known ones', () => {
    expect(() => convertUnits(1, 'furlongs', 'm')).to.throw(
      RangeError,
      /Unknown unit "furlongs". Known units: length: m, km/,
    );
    expect(() => convertUnits(1, 'm', 'parsecs')).to.throw(RangeError, /Unknown unit "parsecs"/);
  });

  it('rejects units of different kinds', () => {
    expect(() => convertUnits(1, 'km', 'kg')).to.throw(
      RangeError,
      /Cannot convert km \(length\) to kg \(mass\)/,
    );
    expect(() => convertUnits(1, '°C', 'mph')).to.throw(RangeError, /temperature.*speed/);
  });

  it('rejects temperatures below absolute zero and non-finite values', () => {
    expect(() => convertUnits(-300, 'C', 'K')).to.throw(RangeError, /below absolute zero/);
    expect(() => convertUnits(Number.NaN, 'm', 'km')).to.throw(RangeError, /finite/);
  });

  it('converts area and data units (decimal KB/MB/GB, binary KiB/MiB/GiB)', () => {
    expect(convertUnits(1, 'acre', 'm²').result).to.equal(4046.8564224);
    expect(convertUnits(1, 'hectare', 'acres').result).to.equal(2.47105381467);
    expect(convertUnits(100, 'square feet', 'sq m').result).to.equal(9.290304);
    expect(convertUnits(1, 'GB', 'MB').result).to.equal(1000);
    expect(convertUnits(1, 'GiB', 'MiB').result).to.equal(1024);
    expect(convertUnits(8, 'bits', 'bytes').result).to.equal(1);
    expect(convertUnits(1, 'mile an hour', 'km/h').result).to.equal(1.609344);
  });
});
