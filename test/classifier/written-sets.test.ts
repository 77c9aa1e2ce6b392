import assert from 'node:assert/strict';
import { createClassifier } from '../../src/classifier/index.js';
import { inLongMail, readRows, type Row } from '../long-mail.js';

/**
 * A ratchet on text written for the project by people who never saw the rules: 9,000 sentences
 * (test/fixtures/sentences/README.md), 4,767 blind workplace mails (test/fixtures/blind-mails/
 * README.md), 600 innocent look-alikes (test/fixtures/look-alikes/README.md), 1,800 innocent
 * work mails full of trigger-looking words (test/fixtures/innocent-mails/README.md), 2,400
 * ordinary mails (test/fixtures/ordinary-mails/README.md) and 3,300 dev mails
 * (test/fixtures/dev-mails/README.md), and the dev mails again, each set in about 150 words of the
 * ordinary mails (test/long-mail.ts): a remark in a long update. The innocent rows the check warns on
 * may not grow, and the positives it finds may not shrink. When a change does better, lower
 * maxInnocentWarned or raise minFound to the new figure; when a change is worth a loss, say why
 * in its commit. All of these sets but the dev mails are the learned scorer's training data
 * (scripts/train-model.ts), so its finds there say nothing about new mail: they hold it, and the
 * rules, against regressions.
 */
const SETS: ReadonlyArray<{ dir: string; longMail?: number; rows: number; maxInnocentWarned: number; minFound: Readonly<Record<string, number>> }> = [
  // The learned scorer stopped reading greetings and closing thanks (each held-out mail with "Let me
  // know if you have any questions." at its end: F1 0.762 -> 0.789; as written 0.792 -> 0.789), and
  // threat's threshold went 0.9 -> 0.93: sentences threat 217 -> 193, blind-mails threat 507 -> 494,
  // dev mails threat 151 -> 146; with smaller losses listed in the two commits.
  { dir: 'sentences', rows: 9000, maxInnocentWarned: 114, minFound: { insult: 326, identity: 282, threat: 193, legal: 201, confidential: 287, tone: 145 } },
  { dir: 'blind-mails', rows: 4767, maxInnocentWarned: 21, minFound: { insult: 291, identity: 450, threat: 494, legal: 291, confidential: 307, tone: 240, profanity: 267 } },
  { dir: 'look-alikes', rows: 600, maxInnocentWarned: 14, minFound: {} },
  { dir: 'innocent-mails', rows: 1800, maxInnocentWarned: 28, minFound: {} },
  { dir: 'ordinary-mails', rows: 2400, maxInnocentWarned: 22, minFound: {} },
  // Six dev sets added in one session (h63-h68, 1,320 rows); figures at that session's end.
  { dir: 'dev-mails', rows: 3300, maxInnocentWarned: 15, minFound: { insult: 235, identity: 236, threat: 253, legal: 243, confidential: 262, tone: 218, profanity: 226 } },
  {
    dir: 'dev-mails',
    longMail: 150,
    rows: 3300,
    // Two sentences of the ordinary mails used as padding ("you've been warned" about a
    // tug-of-war, distros "notified under embargo") no longer warn: 17 innocent long mails fewer,
    // and 1 threat and 1 confidential find fewer, which were those sentences landing in a labelled mail.
    maxInnocentWarned: 13,
    minFound: { insult: 213, identity: 222, threat: 214, legal: 191, confidential: 243, tone: 218, profanity: 226 },
  },
];

/** The padding's draw (test/long-mail.ts): fixed, so the long mails are the same on every run. */
const LONG_MAIL_SEED = 20261207;

for (const set of SETS) {
  const name = set.longMail ? `${set.dir} set in ${set.longMail} words of ordinary mail` : set.dir;
  describe(`${name} written for the project (a ratchet on precision and recall)`, function () {
    this.timeout(120_000);
    const rows: Row[] = set.longMail ? inLongMail(readRows(set.dir), set.longMail, LONG_MAIL_SEED) : readRows(set.dir);
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
