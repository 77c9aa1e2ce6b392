import assert from 'node:assert/strict';
import { dateOfBirthDetector } from '../../../../src/classifier/detectors/pii/date-of-birth.js';
import { expectFound } from './helpers.js';

describe('pii/date-of-birth', () => {
  const positives: Array<[string, string]> = [
    ['Priya Raman, DOB 03/14/1991, start date 6/3.', '03/14/1991'],
    ['D.O.B.: 14.03.1991', '14.03.1991'],
    ['date of birth 1991-03-14', '1991-03-14'],
    ['Date of birth: 17/08/94', '17/08/94'],
    ['born on March 14, 1991 in Ohio', 'March 14, 1991'],
    ['Birthday: 14th of March 1991', '14th of March 1991'],
    ['DOB 22 Jul 1986', '22 Jul 1986'],
    ['DOB Sept. 9, 1979', 'Sept. 9, 1979'],
    ['Geburtsdatum 01.02.1980', '01.02.1980'],
    ['date of birth is 05-Jan-1980', '05-Jan-1980'],
    ['12/01/1975 (DOB)', '12/01/1975'],
    ["her mother's DOB (listed as 5/19/1970)", '5/19/1970'],
  ];
  for (const [text, value] of positives) {
    it(`finds ${value}`, () => {
      const hits = expectFound(dateOfBirthDetector, text, [value], 'date-of-birth');
      assert.equal(hits[0]!.severity, 'medium');
    });
  }

  it('finds every birth date in a roster', () => {
    const text = 'Tess - DOB 22 Jul 1986\nGideon - DOB 09 Jan 1979\nRuth - DOB 30 Sep 1992';
    expectFound(dateOfBirthDetector, text, ['22 Jul 1986', '09 Jan 1979', '30 Sep 1992']);
  });

  it('finds every date of a column under one birth word, however long the list', () => {
    const rows = ['Ines Varga', 'Tomas Ek', 'Priya Nair', 'Olu Bakare', 'Sven Dahl', 'Mae Cho', 'Ravi Shah'].map((n, i) => `${n} | 0${i + 1}/1${i}/198${i} | Leeds`);
    const text = `Name | Date of birth | Office\n${rows.join('\n')}\n\nTraining on 03/04/2025.`;
    expectFound(dateOfBirthDetector, text, ['01/10/1980', '02/11/1981', '03/12/1982', '04/13/1983', '05/14/1984', '06/15/1985', '07/16/1986']);
  });

  it('gives the birth word to the first date only: a later date on its line or the next is not a birth date', () => {
    expectFound(dateOfBirthDetector, 'DOB: 03/04/1988\nNext review: 11/12/2025', ['03/04/1988']);
    expectFound(dateOfBirthDetector, 'Patient DOB 02/09/1957, seen 03/10/2024 and 04/11/2024.', ['02/09/1957']);
  });

  const negatives: Array<[string, string]> = [
    ['an ISO date alone', 'Deploy window 2024-03-14 02:00 UTC'],
    ['a meeting date', 'Let us meet on March 14, 2025 to review.'],
    ['a birthday without a year', 'Her birthday is March 14, cake at 3.'],
    ['an impossible date', 'DOB 31/02/1990'],
    ['a year in the future', 'DOB 03/14/2091'],
    ['an expiry date next to a passport', 'passport exp 04/2029'],
    ['a birth word followed by other facts', 'Born in Ohio and started here on 03/14/2011.'],
    ['a birth word far away', 'Born in Ohio, she moved to Boston and has worked at the firm since 03/14/2011 as lead.'],
  ];
  for (const [name, text] of negatives) {
    it(`ignores ${name}`, () => expectFound(dateOfBirthDetector, text, []));
  }
  it('reads only dates near a birth word in long text with many dates', () => {
    const text = `Meeting on 03/04/2024 and 2025-01-15. ${'Notes about the schedule follow here. '.repeat(5)}Date of birth: 14 March 1991.`;
    expectFound(dateOfBirthDetector, text, ['14 March 1991']);
  });
});
