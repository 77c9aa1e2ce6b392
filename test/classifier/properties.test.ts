import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { createClassifier } from '../../src/classifier/index.js';
import { tokenize } from '../../src/classifier/normalize/tokenize.js';

// Words the shipped lexicons and detectors react to, mixed into random text so the
// properties are exercised on drafts that do produce findings.
const TRIGGERS = ['idiot', 'sh1t', 'f.u.c.k', 'delete this after reading', 'SSN 123-45-6789', 'password: hunter2xyz!', 'AKIAIOSFODNN7EXAMPLE', '!!!', 'PER MY LAST EMAIL', '> quoted', '\u200b', 'іdіоt', '4111 1111 1111 1111'];

const draftText = fc.array(fc.oneof(fc.string({ unit: 'binary', maxLength: 30 }), fc.constantFrom(...TRIGGERS), fc.constantFrom(' ', '\n', '\n\n', '. ')), { maxLength: 30 }).map((parts) => parts.join(''));

describe('classifier properties', () => {
  const classifier = createClassifier();

  it('never throws and every offset maps back to the original text', () => {
    fc.assert(
      fc.property(draftText, fc.option(draftText), (body, subject) => {
        const r = classifier.classify(subject === null ? body : { body, subject });
        for (const f of r.findings) {
          const source = f.field === 'subject' ? subject! : f.field === 'body' ? body : '';
          if (f.field === 'recipients' || f.field === 'sentAt') continue;
          assert.ok(f.start >= 0 && f.start < f.end && f.end <= source.length);
          assert.equal(source.slice(f.start, f.end), f.text);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('is deterministic and keeps no state between drafts', () => {
    fc.assert(
      fc.property(draftText, draftText, (a, b) => {
        const first = JSON.stringify(classifier.classify(a));
        classifier.classify(b);
        assert.equal(JSON.stringify(classifier.classify(a)), first);
      }),
      { numRuns: 150 },
    );
  });

  it('gives a fresh classifier the same answers as a used one', () => {
    // Compiling costs tens of milliseconds, so fewer runs than the properties above.
    fc.assert(
      fc.property(draftText, (a) => {
        assert.equal(JSON.stringify(createClassifier().classify(a)), JSON.stringify(classifier.classify(a)));
      }),
      { numRuns: 25 },
    );
  });

  it('tokens always lie inside the text, in order', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        let last = 0;
        for (const t of tokenize(text)) {
          assert.ok(t.s >= last && t.s < t.e && t.e <= text.length);
          last = t.e;
        }
      }),
      { numRuns: 500 },
    );
  });
});
