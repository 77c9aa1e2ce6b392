import assert from 'node:assert/strict';
import type { Finding } from '../../../src/classifier/types.js';
import { redactedExcerpt, scrub } from '../../../src/cli/report/redact.js';

const finding = (body: string, text: string, extra: Partial<Finding> = {}): Finding => {
  const start = body.indexOf(text);
  assert.ok(start >= 0, text);
  return { category: 'insult', rule: 'x', severity: 'medium', action: 'warn', start, end: start + text.length, text, message: 'm', ...extra };
};
const flat = (parts: Array<{ text: string; kind?: string }>): string =>
  parts.map((p) => (p.kind === 'match' ? `<<${p.text}>>` : p.kind === 'masked' ? `{${p.text}}` : p.text)).join('');

describe('cli/report/redact', () => {
  it('shows the words of a content finding with its context', () => {
    const body = 'Honestly the vendor is an idiot and we should move on.';
    const f = finding(body, 'an idiot');
    assert.equal(flat(redactedExcerpt({ body }, f, [f])), 'Honestly the vendor is <<an idiot>> and we should move on.');
  });

  it('never writes a pii or secret span, not even the one the excerpt is about', () => {
    const body = 'Card 4111 1111 1111 1111 and SSN 078-05-1120 for the visa form, thanks';
    const card = finding(body, '4111 1111 1111 1111', { category: 'pii', rule: 'credit-card' });
    const ssn = finding(body, '078-05-1120', { category: 'pii', rule: 'ssn' });
    const out = flat(redactedExcerpt({ body }, card, [card, ssn]));
    assert.equal(out, 'Card {[pii/credit-card]} and SSN {[pii/ssn]} for the visa form, thanks');
    assert.doesNotMatch(out, /4111|078|1120/);
  });

  it('masks digits and addresses in the context that no detector claimed', () => {
    const body = 'Call me on 555 0199 or write to ana.ruiz@example.com: Amy gets a bonus of $120,000 this year.';
    const f = finding(body, 'Amy gets a bonus', { category: 'confidential', rule: 'pay' });
    const out = flat(redactedExcerpt({ body }, f, [f]));
    assert.doesNotMatch(out, /555|0199|ana\.ruiz|example\.com|120/);
    assert.match(out, /\[address\]/);
    assert.match(out, /<<Amy gets a bonus>> of \$###,###/);
  });

  it('cuts long context at word boundaries and marks the cut', () => {
    const body = `${'lorem ipsum '.repeat(20)}you idiot ${'dolor sit '.repeat(20)}`;
    const f = finding(body, 'you idiot');
    const out = flat(redactedExcerpt({ body }, f, [f]));
    assert.match(out, /^… (ipsum|lorem) /);
    assert.match(out, / (dolor|sit) …$/);
    assert.ok(out.length < 180);
  });

  it('subject findings come from the subject; recipient findings show the scrubbed message', () => {
    const subject = 'URGENT you morons';
    const f = finding(subject, 'you morons', { field: 'subject' });
    assert.equal(flat(redactedExcerpt({ body: 'x', subject }, f, [f])), 'URGENT <<you morons>>');
    const ctx: Finding = { category: 'context', rule: 'external-recipient', severity: 'high', action: 'warn', start: 0, end: 0, text: '', message: 'goes outside (bob@rival.test)', field: 'recipients' };
    assert.equal(flat(redactedExcerpt({ body: 'x' }, ctx, [ctx])), '<<goes outside [address]>>');
  });

  it('scrub: table with must-not-keep rows', () => {
    const rows: Array<[string, string]> = [
      ['a\n\n  b', 'a b'],
      ['IBAN DE89 3704', 'IBAN DE## ####'],
      ['mail x@y.z now', 'mail [address] now'],
      ['bidi\u202Eevil', 'bidievil'],
      ['٣ arabic digit', '# arabic digit'],
    ];
    for (const [input, want] of rows) assert.equal(scrub(input), want, input);
  });
});
