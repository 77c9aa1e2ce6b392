import assert from 'node:assert/strict';
import { streetAddressDetector } from '../../../../src/classifier/detectors/pii/street-address.js';
import { phoneDetector } from '../../../../src/classifier/detectors/pii/phone.js';
import { expectFound } from './helpers.js';

describe('pii/street-address', () => {
  const found: Array<[string, string[]]> = [
    ['a US address with unit, town, state and ZIP', ['Ship it to 2215 Larkspur Ct Apt 4B, Fresno CA 93711 by Monday.', '2215 Larkspur Ct Apt 4B, Fresno CA 93711']],
    ['a compass letter, a "#" unit and a ZIP+4', ['Office: 77 W Hollowbrook Rd #210, Dayton, OH 45402-1187', '77 W Hollowbrook Rd #210, Dayton, OH 45402-1187']],
    ['a house number with a letter and a UK postcode', ['We moved to 14A Fenwick Gardens, Leeds LS6 2QT last year.', '14A Fenwick Gardens, Leeds LS6 2QT']],
    ['an ordinal street and a direction after the type', ['Lunch at 410 5th Avenue NE, Seattle, WA 98109.', '410 5th Avenue NE, Seattle, WA 98109']],
    ['an abbreviation with its dot at a sentence end', ['Drop the keys at 9 Corran St. Next week we move.', '9 Corran St.']],
    ['"St." for Saint inside the name', ["Deliver to 3 St. Aidan's Road, please.", "3 St. Aidan's Road"]],
  ];
  for (const [name, [text, value]] of found) {
    it(`finds ${name}`, () => {
      const [hit] = expectFound(streetAddressDetector, text, [value!], 'street-address');
      assert.equal(hit!.severity, 'low');
    });
  }

  const negatives: Array<[string, string]> = [
    ['a count before ordinary words', 'We have 3 Main points and 12 Open questions.'],
    ['a street type with no name before it', 'Take exit 12 Street level.'],
    ['lower-case words', 'i think 10 main st is closed today'],
    ['a court of law', 'The hearing moved to the 246th Family Court.'],
    ['a number inside a reference', 'See ticket #5-6253 Oak Lane request and room 4.12 Park Place.'],
    ['a sentence end before the type', 'We sold 12 Oaks. Road works start Monday.'],
  ];
  for (const [name, text] of negatives) it(`ignores ${name}`, () => expectFound(streetAddressDetector, text, []));

  it('raises one address to medium where the words before it say someone lives there, not the writer', () => {
    const [hit] = expectFound(streetAddressDetector, "Kofi's home address is 9 Alder Close, Bristol BS6 7TD.", ['9 Alder Close, Bristol BS6 7TD']);
    assert.equal(hit!.severity, 'medium');
    assert.equal(streetAddressDetector.detect('The new tenant lives at 44 Wren Street.')[0]!.severity, 'medium');
    assert.equal(streetAddressDetector.detect('My home address is 9 Alder Close.')[0]!.severity, 'low');
    assert.equal(streetAddressDetector.detect('The party is at her place, her address is 9 Alder Close.')[0]!.severity, 'low');
  });

  const homes =
    'Here are everyone\'s home addresses for the holiday cards:\n' +
    'Ana - 12 Birchwood Lane, Portland OR 97201\nBen - 80 Kestrel Ave, Salem OR 97301\n' +
    'Cal - 5 Tamsin Way, Eugene OR 97401\nDot - 311 Quarry Hill Rd, Bend OR 97701 (cell 541-555-0147)\n';

  it('raises a list of people\'s home addresses to medium, and the phones in it', () => {
    const hits = streetAddressDetector.detect(homes);
    assert.equal(hits.length, 4);
    for (const h of hits) assert.equal(h.severity, 'medium');
    assert.deepEqual(phoneDetector.detect(homes).map((h) => h.severity), ['medium']);
  });

  it('keeps a list of venues low when nothing ties the addresses to people', () => {
    const venues =
      'Parking near the hotel: Larch Garage, 520 Mason St. Sutter Garage, 330 Sutter St. ' +
      'Union Garage, 840 Sutter St. Civic Garage, 12 Polk Street.';
    const hits = streetAddressDetector.detect(venues);
    assert.equal(hits.length, 4);
    for (const h of hits) assert.equal(h.severity, 'low');
  });
});
