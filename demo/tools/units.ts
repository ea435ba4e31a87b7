/** What a unit measures. */
export type UnitCategory =
  'length' | 'mass' | 'temperature' | 'volume' | 'speed' | 'area' | 'data' | 'duration';

/** A unit: how to go to and from its category's base unit (metre, kilogram, kelvin, litre, metre per second, square metre, byte, second). */
export interface Unit {
  /** The symbol shown in results, e.g. `km`. */
  readonly symbol: string;
  readonly name: string;
  readonly category: UnitCategory;
  readonly toBase: (value: number) => number;
  readonly fromBase: (value: number) => number;
  /** Other spellings people and models use (lower case). */
  readonly aliases: readonly string[];
}

function linear(
  symbol: string,
  name: string,
  category: UnitCategory,
  factor: number,
  aliases: readonly string[],
): Unit {
  return {
    symbol,
    name,
    category,
    toBase: (value) => value * factor,
    fromBase: (value) => value / factor,
    aliases,
  };
}

function offset(
  symbol: string,
  name: string,
  toKelvin: (value: number) => number,
  fromKelvin: (value: number) => number,
  aliases: readonly string[],
): Unit {
  return { symbol, name, category: 'temperature', toBase: toKelvin, fromBase: fromKelvin, aliases };
}

/** Every unit the `convert_units` tool knows (US customary for volume; KB, MB, GB are decimal, KiB, MiB, GiB binary). */
const units: readonly Unit[] = [
  linear('m', 'metre', 'length', 1, ['meter', 'metre']),
  linear('km', 'kilometre', 'length', 1000, ['kilometer', 'kilometre', 'kms']),
  linear('cm', 'centimetre', 'length', 0.01, ['centimeter', 'centimetre']),
  linear('mm', 'millimetre', 'length', 0.001, ['millimeter', 'millimetre']),
  linear('mi', 'mile', 'length', 1609.344, ['mile']),
  linear('yd', 'yard', 'length', 0.9144, ['yard']),
  linear('ft', 'foot', 'length', 0.3048, ['foot', 'feet']),
  linear('in', 'inch', 'length', 0.0254, ['inch', 'inches', '"']),
  linear('nmi', 'nautical mile', 'length', 1852, ['nautical mile']),
  linear('µm', 'micrometre', 'length', 1e-6, ['um', 'micrometer', 'micrometre', 'micron']),
  linear('ly', 'light year', 'length', 9.4607304725808e15, ['light year', 'lightyear']),
  linear('kg', 'kilogram', 'mass', 1, ['kilogram', 'kilo', 'kilogramme']),
  linear('g', 'gram', 'mass', 0.001, ['gram', 'gramme']),
  linear('mg', 'milligram', 'mass', 0.000001, ['milligram']),
  linear('t', 'tonne', 'mass', 1000, ['tonne', 'metric ton']),
  linear('ton', 'US ton', 'mass', 907.18474, ['ton', 'short ton', 'us ton']),
  linear('lb', 'pound', 'mass', 0.45359237, ['pound', 'lbs']),
  linear('oz', 'ounce', 'mass', 0.028349523125, ['ounce']),
  linear('st', 'stone', 'mass', 6.35029318, ['stone']),
  offset(
    '°C',
    'degree Celsius',
    (c) => c + 273.15,
    (k) => k - 273.15,
    ['c', 'celsius', 'degc', 'degree celsius', 'centigrade'],
  ),
  offset(
    '°F',
    'degree Fahrenheit',
    (f) => ((f - 32) * 5) / 9 + 273.15,
    (k) => ((k - 273.15) * 9) / 5 + 32,
    ['f', 'fahrenheit', 'degf', 'degree fahrenheit'],
  ),
  offset(
    'K',
    'kelvin',
    (k) => k,
    (k) => k,
    ['k', 'kelvin'],
  ),
  linear('L', 'litre', 'volume', 1, ['l', 'liter', 'litre', 'ltr']),
  linear('mL', 'millilitre', 'volume', 0.001, ['ml', 'milliliter', 'millilitre']),
  linear('m³', 'cubic metre', 'volume', 1000, ['m3', 'cubic meter', 'cubic metre']),
  linear('cm³', 'cubic centimetre', 'volume', 0.001, [
    'cc',
    'cm3',
    'cubic centimeter',
    'cubic centimetre',
  ]),
  linear('gal', 'US gallon', 'volume', 3.785411784, ['gallon', 'us gallon']),
  linear('imp gal', 'imperial gallon', 'volume', 4.54609, ['imperial gallon', 'uk gallon']),
  linear('qt', 'US quart', 'volume', 0.946352946, ['quart']),
  linear('pt', 'US pint', 'volume', 0.473176473, ['pint']),
  linear('cup', 'US cup', 'volume', 0.2365882365, ['cup']),
  linear('fl oz', 'US fluid ounce', 'volume', 0.0295735295625, ['floz', 'fluid ounce']),
  linear('tbsp', 'tablespoon', 'volume', 0.01478676478125, ['tablespoon']),
  linear('tsp', 'teaspoon', 'volume', 0.00492892159375, ['teaspoon']),
  linear('m/s', 'metre per second', 'speed', 1, ['mps', 'meter per second', 'metre per second']),
  linear('km/h', 'kilometre per hour', 'speed', 1000 / 3600, [
    'kmh',
    'kph',
    'kmph',
    'kilometer per hour',
    'kilometre per hour',
    'kilometer an hour',
    'kilometre an hour',
    'km per hour',
    'km an hour',
  ]),
  linear('mph', 'mile per hour', 'speed', 1609.344 / 3600, [
    'mi/h',
    'mile per hour',
    'mile an hour',
  ]),
  linear('kn', 'knot', 'speed', 1852 / 3600, ['knot', 'kt']),
  linear('ft/s', 'foot per second', 'speed', 0.3048, ['fps', 'foot per second', 'feet per second']),
  linear('m²', 'square metre', 'area', 1, ['m2', 'sq m', 'sqm', 'square meter', 'square metre']),
  linear('km²', 'square kilometre', 'area', 1e6, [
    'km2',
    'sq km',
    'square kilometer',
    'square kilometre',
  ]),
  linear('cm²', 'square centimetre', 'area', 1e-4, [
    'cm2',
    'sq cm',
    'square centimeter',
    'square centimetre',
  ]),
  linear('ft²', 'square foot', 'area', 0.09290304, [
    'ft2',
    'sq ft',
    'sqft',
    'square foot',
    'square feet',
  ]),
  linear('in²', 'square inch', 'area', 0.00064516, [
    'in2',
    'sq in',
    'square inch',
    'square inches',
  ]),
  linear('yd²', 'square yard', 'area', 0.83612736, ['yd2', 'sq yd', 'square yard']),
  linear('mi²', 'square mile', 'area', 2589988.110336, ['mi2', 'sq mi', 'square mile']),
  linear('acre', 'acre', 'area', 4046.8564224, ['acre', 'ac']),
  linear('ha', 'hectare', 'area', 10000, ['hectare']),
  linear('bit', 'bit', 'data', 1 / 8, ['bit']),
  linear('B', 'byte', 'data', 1, ['byte']),
  linear('KB', 'kilobyte', 'data', 1e3, ['kb', 'kilobyte', 'kbyte']),
  linear('MB', 'megabyte', 'data', 1e6, ['mb', 'megabyte', 'meg', 'mbyte']),
  linear('GB', 'gigabyte', 'data', 1e9, ['gb', 'gigabyte', 'gig', 'gbyte']),
  linear('TB', 'terabyte', 'data', 1e12, ['tb', 'terabyte']),
  linear('PB', 'petabyte', 'data', 1e15, ['pb', 'petabyte']),
  linear('KiB', 'kibibyte', 'data', 1024, ['kib', 'kibibyte']),
  linear('MiB', 'mebibyte', 'data', 1024 ** 2, ['mib', 'mebibyte']),
  linear('GiB', 'gibibyte', 'data', 1024 ** 3, ['gib', 'gibibyte']),
  linear('TiB', 'tebibyte', 'data', 1024 ** 4, ['tib', 'tebibyte']),
  linear('s', 'second', 'duration', 1, ['sec', 'secs', 'second']),
  linear('min', 'minute', 'duration', 60, ['mins', 'minute']),
  linear('h', 'hour', 'duration', 3600, ['hr', 'hrs', 'hour']),
  linear('d', 'day', 'duration', 86400, ['day']),
  linear('wk', 'week', 'duration', 604800, ['week']),
  linear('yr', 'year', 'duration', 31557600, ['year', 'years']),
];

const byName = new Map<string, Unit>();
for (const unit of units) {
  for (const name of [unit.symbol.toLowerCase(), unit.name.toLowerCase(), ...unit.aliases])
    byName.set(name, unit);
}

function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/°\s*/gu, 'deg')
    .replace(/\bdegrees?\s+/gu, 'degree ')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** The unit a name or symbol means (`'miles'`, `'km/h'`, `'°F'`, `'degrees Celsius'`...), or `undefined`. */
export function findUnit(text: string): Unit | undefined {
  const name = normalise(text);
  const candidates = [
    name,
    name.replace(/^deg(?=[cfk]$)/u, ''),
    // "degrees F", "deg c", "degree kelvin": the scale alone names the unit ("degrees in" is not inches).
    name.replace(/^deg(?:ree)? (?=(?:c|f|k|celsius|fahrenheit|kelvin|centigrade)$)/u, ''),
    // Plurals: "miles" → "mile", "inches" → "inch", "miles per hour" → "mile per hour", "miles an hour".
    name.replace(/s(?= per| an|$)/u, ''),
    name.replace(/es(?= per| an|$)/u, ''),
    name.replace(/^feet/u, 'foot'),
  ];
  for (const candidate of candidates) {
    const unit = byName.get(candidate);
    if (unit) return unit;
  }
  return undefined;
}

/** The known units of each category, for error messages. */
export function describeUnits(): string {
  const categories = new Map<UnitCategory, string[]>();
  for (const unit of units)
    categories.set(unit.category, [...(categories.get(unit.category) ?? []), unit.symbol]);
  return [...categories]
    .map(([category, symbols]) => `${category}: ${symbols.join(', ')}`)
    .join('; ');
}
