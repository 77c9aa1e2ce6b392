import assert from 'node:assert/strict';
import { escalateAimedCriticism, organizationLabel, recipientNames } from '../../src/classifier/recipients.js';
import type { Category, Field, Hit, Recipient, Severity } from '../../src/classifier/types.js';

function hitOn(text: string, word: string, category: Category = 'insult', severity: Severity = 'medium', field?: Field): Hit & { field?: Field } {
  const start = text.indexOf(word);
  assert.ok(start >= 0, `${word} in ${text}`);
  return { category, rule: 'test', severity, start, end: start + word.length, message: 'Why.', ...(field ? { field } : {}) };
}

describe('classifier/recipients', () => {
  describe('organizationLabel', () => {
    const rows: Array<[string, string]> = [
      ['acme.example', 'acme'],
      ['mail.acme.example', 'acme'],
      ['acme.co.uk', 'acme'],
      ['eu.acme.com.au', 'acme'],
      ['acme.de', 'acme'],
      ['localhost', ''],
    ];
    for (const [domain, label] of rows) it(`${domain} -> ${label || '(none)'}`, () => assert.equal(organizationLabel(domain), label));
  });

  describe('recipientNames', () => {
    it('external organizations and display-name words, not internal domains, providers or made-up names', () => {
      const names = recipientNames(
        [
          { emailAddress: 'bob@acme.example', displayName: 'Bob Ramirez' },
          { emailAddress: 'amy@contoso.com', displayName: 'Amy Lin' },
          'someone@gmail.com',
          { emailAddress: 'kim@globex.org', displayName: 'kim' },
          { emailAddress: 'team@initech.example', displayName: 'Sales Team' },
        ],
        { internalDomains: ['contoso.com'] },
      );
      assert.deepEqual([...names].sort(), ['acme', 'amy', 'bob', 'globex', 'initech', 'lin', 'ramirez']);
    });
    it("the sender's own domain is internal", () => {
      assert.deepEqual([...recipientNames(['x@fabrikam.com'], { from: 'me@fabrikam.com' })], []);
    });
  });

  describe('escalateAimedCriticism', () => {
    const to: Recipient[] = [{ emailAddress: 'bob@acme.example', displayName: 'Bob Ramirez' }, 'amy@contoso.com'];
    const opts = { internalDomains: ['contoso.com'] };
    // [text, word hit, category, severity in, severity out]
    const rows: Array<[string, string, Category, Severity, Severity]> = [
      ['Honestly, Acme are idiots.', 'idiots', 'insult', 'medium', 'high'],
      ["Acme's lawyers are clowns.", 'clowns', 'insult', 'low', 'medium'],
      ['The ACME team is incompetent', 'incompetent', 'insult', 'medium', 'high'],
      ['Ramirez is a moron; the rest are fine.', 'moron', 'insult', 'medium', 'high'],
      ['Do not tell acme about the merger.', 'merger', 'confidential', 'medium', 'high'],
      ['Acme is an idiot.', 'idiot', 'insult', 'high', 'high'],
      // must not match: another sentence, another category, an internal or provider domain, part of a word
      ['Acme called. The printer is useless.', 'useless', 'insult', 'medium', 'medium'],
      ['Acme called\nthe vendor is useless', 'useless', 'insult', 'medium', 'medium'],
      ['Acme, this is damn late.', 'damn', 'profanity', 'medium', 'medium'],
      ['Contoso people are idiots.', 'idiots', 'insult', 'medium', 'medium'],
      ['Acmeville folks are idiots.', 'idiots', 'insult', 'medium', 'medium'],
      ['Amy is an idiot.', 'idiot', 'insult', 'medium', 'medium'], // internal, no display name: names nobody
      ['Bobby is such an idiot.', 'idiot', 'insult', 'medium', 'medium'],
    ];
    for (const [text, word, category, before, after] of rows) {
      it(`${JSON.stringify(text)}: ${category} ${before} -> ${after}`, () => {
        const [out] = escalateAimedCriticism([hitOn(text, word, category, before)], text, to, opts);
        assert.equal(out.severity, after);
        if (before !== after) assert.match(out.message, /aimed at someone who will read/);
        else assert.equal(out.message, 'Why.');
      });
    }

    it('keeps order, leaves other hits as they are, and does not mutate its input', () => {
      const text = 'Bob is an idiot. Fine weather. Acme bastards.';
      const hits = [hitOn(text, 'idiot'), hitOn(text, 'weather'), hitOn(text, 'bastards', 'profanity')];
      const out = escalateAimedCriticism(hits, text, to, opts);
      assert.deepEqual(out.map((h) => h.severity), ['high', 'medium', 'medium']);
      assert.equal(hits[0].severity, 'medium');
      assert.equal(out[1], hits[1]);
    });

    it('subject hits use the subject; other fields are left alone', () => {
      const body = 'Nothing here.';
      const subject = 'acme idiots';
      const s = hitOn(subject, 'idiots', 'insult', 'low', 'subject');
      assert.equal(escalateAimedCriticism([s], body, to, { ...opts, subject })[0].severity, 'medium');
      assert.equal(escalateAimedCriticism([s], body, to, opts)[0].severity, 'low');
      const r = { ...hitOn('acme idiot', 'idiot'), field: 'recipients' as Field };
      assert.equal(escalateAimedCriticism([r], 'acme idiot', to, opts)[0].severity, 'medium');
    });

    it('no recipients: nothing changes', () => {
      const text = 'Acme are idiots.';
      assert.equal(escalateAimedCriticism([hitOn(text, 'idiots')], text, [], opts)[0].severity, 'medium');
    });

    it('a long text with many sentences and hits is handled in one pass', () => {
      const text = 'Acme idiots. '.repeat(20000);
      const hits = Array.from({ length: 2000 }, (_, i) => ({ category: 'insult' as Category, rule: 'x', severity: 'low' as Severity, start: i * 13 + 5, end: i * 13 + 11, message: 'm' }));
      const out = escalateAimedCriticism(hits, text, to, opts);
      assert.ok(out.every((h) => h.severity === 'medium'));
    });
  });
});
