import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createClassifier } from '../../src/classifier/index.js';

/**
 * A ratchet on text written for the project by people who never saw the rules: 9,000 sentences
 * (test/fixtures/sentences/README.md), 4,767 blind workplace mails (test/fixtures/blind-mails/
 * README.md), 600 innocent look-alikes (test/fixtures/look-alikes/README.md), 1,800 innocent
 * work mails full of trigger-looking words (test/fixtures/innocent-mails/README.md), 2,400
 * ordinary mails (test/fixtures/ordinary-mails/README.md) and 1,980 dev mails
 * (test/fixtures/dev-mails/README.md). The innocent rows the check warns on
 * may not grow, and the positives it finds may not shrink. When a change does better, lower
 * maxInnocentWarned or raise minFound to the new figure; when a change is worth a loss, say why
 * in its commit. All of these sets but the dev mails are the learned scorer's training data
 * (scripts/train-model.ts), so its finds there say nothing about new mail: they hold it, and the
 * rules, against regressions.
 */
const SETS: ReadonlyArray<{ dir: string; rows: number; maxInnocentWarned: number; minFound: Readonly<Record<string, number>> }> = [
  { dir: 'sentences', rows: 9000, maxInnocentWarned: 115, minFound: { insult: 326, identity: 279, threat: 217, legal: 195, confidential: 289, tone: 138 } },
  { dir: 'blind-mails', rows: 4767, maxInnocentWarned: 21, minFound: { insult: 291, identity: 455, threat: 507, legal: 289, confidential: 304, tone: 234, profanity: 263 } },
  { dir: 'look-alikes', rows: 600, maxInnocentWarned: 14, minFound: {} },
  { dir: 'innocent-mails', rows: 1800, maxInnocentWarned: 28, minFound: {} },
  { dir: 'ordinary-mails', rows: 2400, maxInnocentWarned: 24, minFound: {} },
  { dir: 'dev-mails', rows: 1980, maxInnocentWarned: 17, minFound: { insult: 127, identity: 135, threat: 151, legal: 134, confidential: 150, tone: 112, profanity: 134 } },
];

interface Row {
  text: string;
  labels: string[];
}

for (const set of SETS) {
  describe(`${set.dir} written for the project (a ratchet on precision and recall)`, function () {
    this.timeout(120_000);
    const dir = join(import.meta.dirname, '..', 'fixtures', set.dir);
    const rows: Row[] = readdirSync(dir)
      .filter((f) => f.endsWith('.jsonl'))
      .flatMap((f) =>
        readFileSync(join(dir, f), 'utf8')
          .split('\n')
          .filter((l) => l.trim() !== '')
          .map((l) => JSON.parse(l) as Row),
      );
    // Each row's categories at warn or above, checked once for all the tests below.
    let warned: Array<Set<string>> = [];
    before(() => {
      const classifier = createClassifier();
      warned = rows.map((r) => new Set(classifier.classify(r.text).findings.filter((f) => f.action !== 'inform').map((f) => f.category)));
    });

    it(`reads all ${set.rows} rows`, () => {
      assert.equal(rows.length, set.rows);
    });

    it(`warns on at most ${set.maxInnocentWarned} of the innocent rows`, () => {
      const flagged = rows.filter((r, k) => r.labels.length === 0 && warned[k]!.size > 0);
      assert.ok(flagged.length <= set.maxInnocentWarned, `${flagged.length} warned, e.g. ${JSON.stringify(flagged.slice(0, 3).map((r) => r.text.slice(0, 200)))}`);
    });

    for (const [category, min] of Object.entries(set.minFound)) {
      it(`finds at least ${min} of the ${category} rows`, () => {
        const found = rows.filter((r, k) => r.labels.includes(category) && warned[k]!.has(category)).length;
        assert.ok(found >= min, `${found} found`);
      });
    }
  });
}
