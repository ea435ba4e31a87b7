import { expect } from 'chai';
import { parseTimeQuestion } from '../../demo/model/grammar/time-parser.js';

const zones = (message: string, previousWasTime = false): string[] | undefined =>
  parseTimeQuestion(message, { previousWasTime })?.places.map(
    (place) => place.zone ?? `?${place.name}`,
  );

describe('the time question grammar', () => {
  it('maps places to IANA zones, in any case, ignoring trailing words', () => {
    expect(zones("what's the time in New York right now?")).to.deep.equal(['America/New_York']);
    expect(zones('What time is it in TOKYO today please')).to.deep.equal(['Asia/Tokyo']);
    expect(zones('current time in the UK')).to.deep.equal(['Europe/London']);
    expect(zones("what's the time in Mumbai rn")).to.deep.equal(['Asia/Kolkata']);
    expect(zones('what time is it over in germany')).to.deep.equal(['Europe/Berlin']);
    expect(zones('tokyo time?')).to.deep.equal(['Asia/Tokyo']);
    expect(zones('what day is it in Seoul')).to.deep.equal(['Asia/Seoul']);
    expect(zones("what's the date in auckland")).to.deep.equal(['Pacific/Auckland']);
    expect(zones('what time is it in são paulo')).to.deep.equal(['America/Sao_Paulo']);
    expect(zones('what time is it in sao paulo')).to.deep.equal(['America/Sao_Paulo']);
  });

  it('knows aliases (NYC, LA, SF, L.A.) and several places in one question', () => {
    expect(zones('time in NYC, LA and SF please')).to.deep.equal([
      'America/New_York',
      'America/Los_Angeles',
      'America/Los_Angeles',
    ]);
    expect(zones('What time is it in Tokyo and London?')).to.deep.equal([
      'Asia/Tokyo',
      'Europe/London',
    ]);
    expect(zones('what time is it in L.A.?')).to.deep.equal(['America/Los_Angeles']);
    expect(zones('local time in Sydney, Dubai & Cairo')).to.deep.equal([
      'Australia/Sydney',
      'Asia/Dubai',
      'Africa/Cairo',
    ]);
    expect(
      parseTimeQuestion('what is the time in sydney australia')?.places.map((place) => place.name),
    ).to.deep.equal(['Sydney Australia']);
  });

  it('shows lower-case names capitalised, aliases as initials, and capitalised names as written', () => {
    const names = (message: string): string[] | undefined =>
      parseTimeQuestion(message, { previousWasTime: false })?.places.map((place) => place.name);
    expect(names('time in buenos aires rn')).to.deep.equal(['Buenos Aires']);
    expect(names('time in port-au-prince please')).to.deep.equal(['Port-au-Prince']);
    expect(names('time in nyc and la')).to.deep.equal(['NYC', 'LA']);
    expect(names('time in McMurdo and NEW YORK')).to.deep.equal(['McMurdo', 'NEW YORK']);
  });

  it('asks for the difference between two places', () => {
    expect(parseTimeQuestion('time difference between berlin and sydney')?.difference).to.equal(
      true,
    );
    expect(parseTimeQuestion('how many hours ahead is Tokyo than London')?.difference).to.equal(
      true,
    );
  });

  it("means the user's own zone when no place is named", () => {
    expect(zones('what time is it')).to.deep.equal([]);
    expect(zones("what's the time right now?")).to.deep.equal([]);
  });

  it('keeps an unknown place as written, for the tool to refuse', () => {
    expect(zones('what time is it in Atlantis right now?')).to.deep.equal(['?Atlantis']);
  });

  it('reads a follow-up naming only places after a time answer', () => {
    expect(zones('and in Paris?', true)).to.deep.equal(['Europe/Paris']);
    expect(zones('what about NYC and LA?', true)).to.deep.equal([
      'America/New_York',
      'America/Los_Angeles',
    ]);
    expect(zones('and in Paris?', false)).to.equal(undefined);
  });

  it('does not take other sentences as time questions', () => {
    for (const message of [
      "I don't have time for this",
      'how many times does 3 go into 12',
      'nice',
      'tell me about Paris',
      'what is 3 times 4',
      'I ran 5 km in 20 minutes',
    ])
      expect(zones(message), message).to.equal(undefined);
  });
});
