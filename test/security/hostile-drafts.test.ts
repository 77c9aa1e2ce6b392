/**
 * Hostile drafts (DESIGN.md section 8): property tests over what an attacker, a mail client or a
 * copy-paste can put into a draft: arbitrary Unicode (lone surrogates included), HTML and script,
 * MIME-looking text (headers, boundaries, base64, quoted-printable), mixed scripts and confusables,
 * RTL and bidi controls, zero-width characters and long runs of one character.
 *
 * For every generated draft, under the default policy and under a policy with organization terms:
 * classify never throws, returns a defined verdict, every finding's offsets map back to the field
 * it came from (text === original.slice(start, end)), and the answer is deterministic and does not
 * depend on what was classified before (A, then many other drafts, then A again: same JSON).
 * The totals (properties and generated cases) are printed at the end.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createClassifier } from '../../src/classifier/index.js';
import type { ClassifyResult, Draft } from '../../src/classifier/types.js';
import { resolvePolicy } from '../../src/policy/defaults.js';

// Words our detectors react to, mixed in so the properties also run on drafts WITH findings.
const TRIGGERS = ['moron', 'you idiot', 'password = Tr0ub4dor&3x', 'AKIAIOSFODNN7EXAMPLE', '4111 1111 1111 1111', 'SSN 078-05-1120', 'shred these files', 'WHY IS THIS STILL BROKEN!!!', 'Project Nightjar', 'salary of $185,000'];
const BIDI = ['\u202e', '\u202d', '\u202a', '\u202b', '\u202c', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u061c'];
const INVISIBLE = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u034f', '\u180e'];
const SCRIPTS = ['Привет идиот', 'مرحبا أيها الأحمق', 'שלום', 'こんにちは、ばか', '你好笨蛋', 'नमस्ते', 'Γειά σου', 'іdіоt', 'ɪᴅɪᴏᴛ', '𝐢𝐝𝐢𝐨𝐭', 'ｉｄｉｏｔ', '😀👍🏽👨‍👩‍👧', 'e\u0301\u0301\u0301', '\ud800', '\udfff'];
const HTML = [
  '<img src=x onerror="alert(1)">',
  '<script>document.cookie</script>',
  '<a href="javascript:alert(1)">click</a>',
  '<![CDATA[ x ]]>',
  '<!-- <b> -->',
  '&lt;b&gt;&amp;&#x202e;&#0;',
  '<svg/onload=alert(1)>',
  '<div style="x:expression(alert(1))">',
  '</textarea><iframe src=//example.invalid>',
];
const MIME = [
  'Content-Type: multipart/mixed; boundary="==b=="\r\n\r\n--==b==\r\n',
  'Content-Transfer-Encoding: base64\r\n\r\nSGVsbG8gd29ybGQ=\r\n',
  'Subject: =?UTF-8?B?w6k=?=\r\n',
  'quoted=3Dprintable soft=\r\nbreak=C3=A9\r\n',
  'From someone@example.com Mon Jan  1 00:00:00 2024\n>From here\n',
  '--==b==--\r\n',
  'On Mon, 1 Jan 2024, A <a@example.com> wrote:\n> > > nested quote\n',
  '-- \nSignature line\n',
];

const piece = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 2, arbitrary: fc.constantFrom(...TRIGGERS) },
  { weight: 1, arbitrary: fc.constantFrom(...BIDI) },
  { weight: 1, arbitrary: fc.constantFrom(...INVISIBLE) },
  { weight: 2, arbitrary: fc.constantFrom(...SCRIPTS) },
  { weight: 2, arbitrary: fc.constantFrom(...HTML) },
  { weight: 2, arbitrary: fc.constantFrom(...MIME) },
  { weight: 2, arbitrary: fc.constantFrom(' ', '\n', '\r\n', '\n\n', '. ', '\t', '\u2028', '\u0085') },
  // Long runs: one character (or a short unit) many times.
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('a', '!', ' ', '\n', '>', '*', '.', '0', 'A', '\u200b', '\u202e', 'é', '😀', '-'), fc.integer({ min: 50, max: 3000 })).map(([c, n]) => c.repeat(n)) },
  // A trigger wrapped in bidi or invisible characters.
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...BIDI, ...INVISIBLE), fc.constantFrom(...TRIGGERS)).map(([c, t]) => `${c}${t}${c}`) },
);
const text = fc.array(piece, { maxLength: 25 }).map((parts) => parts.join(''));
const address = fc.oneof(
  fc.constantFrom('amy@contoso.com', 'buyer@example.org', 'x@\u202eevil.com', '"Robert\u0000" <r@example.net>', '', '@', 'a@b@c'),
  fc.string({ unit: 'binary', maxLength: 30 }),
);
const recipients = fc.array(fc.record({ emailAddress: address, displayName: fc.option(fc.string({ maxLength: 20 }), { nil: undefined }) }), { maxLength: 4 });
const draft: fc.Arbitrary<Draft> = fc.record({ body: text, subject: fc.option(text, { nil: undefined }), to: fc.option(recipients, { nil: undefined }), cc: fc.option(recipients, { nil: undefined }) });

const VERDICTS = new Set(['pass', 'inform', 'warn', 'block']);

function assertWellFormed(d: Draft, r: ClassifyResult): void {
  assert.ok(VERDICTS.has(r.verdict), r.verdict);
  assert.ok(Array.isArray(r.findings) && Array.isArray(r.notices));
  for (const f of r.findings) {
    if (f.field === 'recipients' || f.field === 'sentAt') continue;
    const source = f.field === 'subject' ? d.subject ?? '' : d.body;
    assert.ok(Number.isInteger(f.start) && Number.isInteger(f.end), 'integer offsets');
    assert.ok(f.start >= 0 && f.start < f.end && f.end <= source.length, `${f.category}/${f.rule} [${f.start},${f.end}) in ${source.length}`);
    assert.equal(source.slice(f.start, f.end), f.text, `${f.category}/${f.rule}`);
  }
}

describe('security: hostile drafts (fast-check)', function () {
  this.timeout(10 * 60 * 1000);
  const defaultClassifier = createClassifier();
  const orgClassifier = createClassifier(
    resolvePolicy({
      internalDomains: ['contoso.com'],
      terms: [
        { patterns: ['Project Nightjar', 'nightjar'], category: 'confidential', severity: 'high', externalOnly: false, message: 'A test codename.' },
        { patterns: ['onerror', 'alert'], category: 'confidential', severity: 'low', message: 'A test term.' },
      ],
    }),
  );
  let properties = 0;
  let cases = 0;
  let findings = 0;
  const count = () => {
    cases++;
  };

  after(() => console.log(`      ${properties} properties, ${cases} generated cases, ${findings} findings checked`));

  for (const [name, classifier] of [
    ['default policy', defaultClassifier],
    ['organization terms', orgClassifier],
  ] as const) {
    it(`${name}: never throws, defined verdict, offsets map back (text === original.slice(start, end))`, () => {
      properties++;
      fc.assert(
        fc.property(draft, (d) => {
          count();
          const r = classifier.classify(d);
          findings += r.findings.length;
          assertWellFormed(d, r);
        }),
        { numRuns: 300 },
      );
    });

    it(`${name}: deterministic, and A then many others then A gives the same answer`, () => {
      properties++;
      fc.assert(
        fc.property(draft, fc.array(draft, { minLength: 3, maxLength: 12 }), (a, others) => {
          count();
          const first = JSON.stringify(classifier.classify(a));
          assert.equal(JSON.stringify(classifier.classify(a)), first, 'same answer twice in a row');
          for (const o of others) classifier.classify(o);
          assert.equal(JSON.stringify(classifier.classify(a)), first, 'same answer after other drafts');
        }),
        { numRuns: 80 },
      );
    });
  }

  it('a plain string and { body } give the same findings', () => {
    properties++;
    fc.assert(
      fc.property(text, (t) => {
        count();
        assert.equal(JSON.stringify(defaultClassifier.classify(t).findings), JSON.stringify(defaultClassifier.classify({ body: t }).findings));
      }),
      { numRuns: 150 },
    );
  });

  it('a used classifier answers like a fresh one (no state kept across drafts)', () => {
    properties++;
    const fresh = createClassifier();
    fc.assert(
      fc.property(draft, (d) => {
        count();
        assert.equal(JSON.stringify(fresh.classify(d)), JSON.stringify(defaultClassifier.classify(d)));
      }),
      { numRuns: 100 },
    );
  });

  it('markup is read as text: the same words inside tags are still found, tags add no finding of their own', () => {
    properties++;
    fc.assert(
      fc.property(fc.constantFrom(...HTML), fc.constantFrom('<b>', '<p class="x">', '<span>'), (markup, tag) => {
        count();
        const plain = defaultClassifier.classify(markup);
        const wrapped = defaultClassifier.classify(`${tag}you idiot${tag.replace('<', '</').replace(/ .*>/, '>')} ${markup}`);
        assert.ok(wrapped.findings.some((f) => /idiot/.test(f.text)), 'the insult inside tags is found');
        assert.deepEqual(plain.findings.filter((f) => f.category === 'insult'), []);
      }),
      { numRuns: 60 },
    );
  });
});
