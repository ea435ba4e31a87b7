/** City and region names people ask about, mapped to their IANA time zone. */
const zonesByPlace: Readonly<Record<string, string>> = {
  tokyo: 'Asia/Tokyo',
  japan: 'Asia/Tokyo',
  osaka: 'Asia/Tokyo',
  seoul: 'Asia/Seoul',
  beijing: 'Asia/Shanghai',
  shanghai: 'Asia/Shanghai',
  china: 'Asia/Shanghai',
  'hong kong': 'Asia/Hong_Kong',
  singapore: 'Asia/Singapore',
  mumbai: 'Asia/Kolkata',
  delhi: 'Asia/Kolkata',
  'new delhi': 'Asia/Kolkata',
  india: 'Asia/Kolkata',
  dubai: 'Asia/Dubai',
  moscow: 'Europe/Moscow',
  istanbul: 'Europe/Istanbul',
  london: 'Europe/London',
  uk: 'Europe/London',
  dublin: 'Europe/Dublin',
  lisbon: 'Europe/Lisbon',
  paris: 'Europe/Paris',
  france: 'Europe/Paris',
  berlin: 'Europe/Berlin',
  germany: 'Europe/Berlin',
  madrid: 'Europe/Madrid',
  rome: 'Europe/Rome',
  amsterdam: 'Europe/Amsterdam',
  stockholm: 'Europe/Stockholm',
  cairo: 'Africa/Cairo',
  lagos: 'Africa/Lagos',
  nairobi: 'Africa/Nairobi',
  johannesburg: 'Africa/Johannesburg',
  'new york': 'America/New_York',
  nyc: 'America/New_York',
  boston: 'America/New_York',
  toronto: 'America/Toronto',
  chicago: 'America/Chicago',
  denver: 'America/Denver',
  'los angeles': 'America/Los_Angeles',
  la: 'America/Los_Angeles',
  'san francisco': 'America/Los_Angeles',
  seattle: 'America/Los_Angeles',
  vancouver: 'America/Vancouver',
  'mexico city': 'America/Mexico_City',
  'são paulo': 'America/Sao_Paulo',
  'sao paulo': 'America/Sao_Paulo',
  'buenos aires': 'America/Argentina/Buenos_Aires',
  honolulu: 'Pacific/Honolulu',
  hawaii: 'Pacific/Honolulu',
  sydney: 'Australia/Sydney',
  melbourne: 'Australia/Melbourne',
  perth: 'Australia/Perth',
  auckland: 'Pacific/Auckland',
  'new zealand': 'Pacific/Auckland',
  utc: 'UTC',
  gmt: 'UTC',
};

/**
 * The IANA zone a model would pick for a place name. A name it does not know is passed on as
 * written, so the tool's own error ("Unknown time zone") reaches the conversation.
 */
export function zoneForPlace(place: string): string {
  const key = place.trim().toLowerCase().replace(/^the\s+/u, '');
  // hasOwn: a place called "constructor" must not find Object.prototype members.
  return Object.hasOwn(zonesByPlace, key) ? (zonesByPlace[key] ?? key) : place.trim();
}
