import { expect } from 'chai';
import {
  parseConversion,
  type ConversionRequest,
} from '../../demo/model/grammar/conversion-parser.js';

const expectConversions = (
  cases: readonly (readonly [string, ConversionRequest])[],
  previous?: ConversionRequest,
): void => {
  for (const [message, expected] of cases)
    expect(parseConversion(message, { previous }), message).to.deep.equal(expected);
};

describe('the unit conversion grammar', () => {
  it('reads "N X in/to Y", "N X is how many Y" and "convert N X to Y"', () => {
    expectConversions([
      ['3 feet in centimeters', { value: 3, from: 'ft', to: 'cm' }],
      ['convert 10 km to miles', { value: 10, from: 'km', to: 'mi' }],
      ['70kg in lbs', { value: 70, from: 'kg', to: 'lb' }],
      ['70 kg is how many pounds', { value: 70, from: 'kg', to: 'lb' }],
      ["what's 5 miles in km?", { value: 5, from: 'mi', to: 'km' }],
      ['what is 3 m in ft please', { value: 3, from: 'm', to: 'ft' }],
      ['60 mph to km/h', { value: 60, from: 'mph', to: 'km/h' }],
      ['100 kmh in mph', { value: 100, from: 'km/h', to: 'mph' }],
      ['Please convert 2.5 litres into gallons', { value: 2.5, from: 'L', to: 'gal' }],
      ['12 fl oz = ? ml', { value: 12, from: 'fl oz', to: 'mL' }],
      ['two and a half kilos in pounds', { value: 2.5, from: 'kg', to: 'lb' }],
      ['half a gallon in litres', { value: 0.5, from: 'gal', to: 'L' }],
      ['a mile in metres', { value: 1, from: 'mi', to: 'm' }],
      ["convert 5'11 to cm", { value: 71, from: 'in', to: 'cm' }],
      ['how tall is 5 feet 11 inches in cm?', { value: 71, from: 'in', to: 'cm' }],
      ['6 ft 2 to metres', { value: 74, from: 'in', to: 'm' }],
      ['convert 350 degrees F to C', { value: 350, from: '°F', to: '°C' }],
      ['3 degrees kelvin in celsius', { value: 3, from: 'K', to: '°C' }],
      ['20 deg c to f', { value: 20, from: '°C', to: '°F' }],
    ]);
  });

  it('reads "how many Y in N X" and its variants', () => {
    expectConversions([
      ['how many pounds is 70 kilograms', { value: 70, from: 'kg', to: 'lb' }],
      ['how many cm in 3 feet', { value: 3, from: 'ft', to: 'cm' }],
      ['how many ounces are in a pound', { value: 1, from: 'lb', to: 'oz' }],
      ['How many teaspoons in a tablespoon?', { value: 1, from: 'tbsp', to: 'tsp' }],
      ['how many feet are there in a mile?', { value: 1, from: 'mi', to: 'ft' }],
      ['how many kb in a mb', { value: 1, from: 'MB', to: 'KB' }],
      ['how many square feet is 50 square meters', { value: 50, from: 'm²', to: 'ft²' }],
    ]);
  });

  it('knows temperature, area and data units, with symbols and bare "degrees"', () => {
    expectConversions([
      ['100°F in celsius', { value: 100, from: '°F', to: '°C' }],
      ['-40 C to F', { value: -40, from: '°C', to: '°F' }],
      ['100 degrees in celsius', { value: 100, from: '°F', to: '°C' }],
      ['37 degrees celsius in fahrenheit', { value: 37, from: '°C', to: '°F' }],
      ['300 kelvin to celsius', { value: 300, from: 'K', to: '°C' }],
      ['1500 sq ft in square meters', { value: 1500, from: 'ft²', to: 'm²' }],
      ['an acre in hectares', { value: 1, from: 'acre', to: 'ha' }],
      ['1 GB in MB', { value: 1, from: 'GB', to: 'MB' }],
      ['4 GiB to MB', { value: 4, from: 'GiB', to: 'MB' }],
      ['how many seconds in a day', { value: 1, from: 'd', to: 's' }],
      ['90 minutes in hours', { value: 90, from: 'min', to: 'h' }],
    ]);
  });

  it('finds the conversion inside a longer sentence', () => {
    expectConversions([
      ['I weigh 70 kg, what is that in pounds?', { value: 70, from: 'kg', to: 'lb' }],
      ["the recipe says 2 cups, what's that in ml", { value: 2, from: 'cup', to: 'mL' }],
    ]);
  });

  it('resolves follow-ups on the previous conversion', () => {
    const previous = { value: 10, from: 'km', to: 'mi' };
    expectConversions(
      [
        ['now in feet', { value: 10, from: 'km', to: 'ft' }],
        ['and in yards?', { value: 10, from: 'km', to: 'yd' }],
        ["what's that in metres", { value: 10, from: 'km', to: 'm' }],
        ['what about 20 miles?', { value: 20, from: 'mi', to: 'km' }],
        ['and 42.195 km?', { value: 42.195, from: 'km', to: 'mi' }],
        ['and 50?', { value: 50, from: 'km', to: 'mi' }],
      ],
      previous,
    );
    expect(parseConversion('now in feet')).to.equal(undefined);
  });

  it('passes units it does not know on when asked to convert outright', () => {
    expect(parseConversion('convert 5 furlongs to parsecs')).to.deep.equal({
      value: 5,
      from: 'furlongs',
      to: 'parsecs',
    });
  });

  it('does not take other sentences as conversions', () => {
    for (const message of [
      'what time is it in Tokyo',
      'I ran 5 km in Paris',
      'I ran 5 km in 20 minutes',
      'how much is 20 euros in dollars',
      'what is 3 + 4',
      'I have 2 cats',
      'in 5 minutes',
      'hello',
    ]) {
      expect(parseConversion(message), message).to.equal(undefined);
    }
  });
});
