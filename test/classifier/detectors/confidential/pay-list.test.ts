import assert from 'node:assert/strict';
import { payListDetector } from '../../../../src/classifier/detectors/confidential/pay-list.js';
import { createClassifier } from '../../../../src/classifier/index.js';

const values = (text: string): string[] => payListDetector.detect(text).map((h) => text.slice(h.start, h.end));

describe('confidential/pay-list', () => {
  it('finds each name with its pay in a pasted salary list, as high', () => {
    const text = 'Pay for the night crew, as discussed:\nOlga Brandt (lead) - $91,500\nTeo Marsh (porter) - $48,000\nIvy Castro: £52k\n';
    assert.deepEqual(values(text), ['Olga Brandt (lead) - $91,500', 'Teo Marsh (porter) - $48,000', 'Ivy Castro: £52k']);
    for (const h of payListDetector.detect(text)) {
      assert.equal(h.category, 'confidential');
      assert.equal(h.rule, 'pay-list');
      assert.equal(h.severity, 'high');
    }
  });

  it('reads hourly and day rates, and thousands written with a dot', () => {
    assert.deepEqual(values('Rates for the shoot: Olga Brandt £450/day, Teo Marsh $38.50 an hour, Ivy Castro $31 per hour.'), ['Olga Brandt £450', 'Teo Marsh $38.50', 'Ivy Castro $31']);
    assert.deepEqual(values('Gehalt / salary: Olga Brandt €48.000, Teo Marsh €52.500, Ivy Castro €61.000'), ['Olga Brandt €48.000', 'Teo Marsh €52.500', 'Ivy Castro €61.000']);
  });

  it('reads an inline list with pay words between name and sum', () => {
    assert.deepEqual(values('Bonus round: Kim Ahn gets 12k, Lars Berg earns 9.5k, Mia Oyelaran 7k.'), ['Kim Ahn gets 12k', 'Lars Berg earns 9.5k', 'Mia Oyelaran 7k']);
  });

  it('reads first names alone in mail about people\'s pay, and a raise written "from ... to"', () => {
    assert.deepEqual(values('Salary review: Nadia 68k to 74k, Lewis stays at 61k, Priya 55k to 59k. Comments by Friday.'), [
      'Nadia 68k',
      'Lewis stays at 61k',
      'Priya 55k',
    ]);
  });

  const negatives: Array<[string, string]> = [
    ['single capitalized words in mail about earnings, not pay', 'Earnings by group, equity view: Upstream $41.1, Coal $4.2, Industrial $12.9, Retail $8.0.'],
    ['two people only', 'Salaries: Olga Brandt $91,500 and Teo Marsh $48,000.'],
    ['teams and departments', 'Pay budget by team: Sales - $200,000, Marketing - $150,000, Customer Success - $90,000, Field Ops - $80,000.'],
    ['names with sums in mail that never speaks of pay', 'Invoices due: Jane Doe $2,000; Tom Hill $1,200; Ana Ruiz $900; Bo Ek $450.'],
    ['sums without a currency sign, k or thousands separator', 'Base camp rota: Olga Brandt 2024, Teo Marsh 2025, Ivy Castro 2026.'],
    ['small sums that are not a rate (expenses)', 'Approved expenses, paid with the next payroll: Olga Brandt $120, Teo Marsh $90.50, Ivy Castro $45.'],
    ['a name that does not own the sum', 'Pay news: Texas Pacific said $8 billion; Blue Harbor Capital paid $560 million; Red Oak Group spent $90 million.'],
  ];
  for (const [name, text] of negatives) it(`ignores ${name}`, () => assert.deepEqual(values(text), []));

  it('is a content finding: a salary list in a quoted reply is not reported', () => {
    const c = createClassifier();
    const list = '> Salaries:\n> Olga Brandt - $91,500\n> Teo Marsh - $48,000\n> Ivy Castro - $52,000\n';
    assert.deepEqual(c.classify(`Thanks, got it.\n\nOn Mon, Ruth wrote:\n${list}`).findings.filter((f) => f.rule === 'pay-list'), []);
    assert.equal(c.classify(list.replace(/> /g, '')).findings.filter((f) => f.rule === 'pay-list').length, 3);
  });
});
