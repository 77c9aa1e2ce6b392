import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseRow } from '../../../src/cli/commands/eval.js';
import { assertOneLineError, cli } from '../helpers.js';
import { tempDir } from '../../temp-dir.js';

// eval-tiny.jsonl under policy.json (quuxfire: confidential/high -> warn, zorblax: threat/high -> warn,
// glimmerwick: tone/low -> inform, which is not a prediction):
//   t1 [confidential]   quuxfire           -> confidential tp
//   t2 [threat]         zorblax            -> threat tp
//   t3 [threat]         nothing            -> threat fn
//   t4 []               quuxfire           -> confidential fp, clean row flagged
//   t5 []               glimmerwick        -> inform only: clean row not flagged, tone not listed
//   t6 []               nothing            -> clean
//   t7 [threat, legal]  zorblax + quuxfire -> threat tp, confidential fp, legal fn
const EXPECTED = {
  messages: 7,
  categories: {
    confidential: { tp: 1, fp: 2, fn: 0, precision: 1 / 3, recall: 1, f1: 0.5 },
    threat: { tp: 2, fp: 0, fn: 1, precision: 1, recall: 2 / 3, f1: 0.8 },
    legal: { tp: 0, fp: 0, fn: 1, precision: null, recall: 0, f1: 0 },
  },
  micro: { tp: 3, fp: 2, fn: 2, precision: 0.6, recall: 0.6, f1: 0.6 },
  clean_flag_rate: 1 / 3,
};

describe('cli/commands/eval', function () {
  // Each case builds a classifier; generous under a loaded shared machine (no timing is asserted).
  this.timeout(120_000);
  it('--json: the metrics of the tiny fixture, computed by hand', async () => {
    const r = await cli(['eval', 'eval-tiny.jsonl', '--json', '--policy', 'policy.json']);
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.deepEqual(Object.keys(out.categories), ['threat', 'legal', 'confidential'].sort((a, b) => order(a) - order(b)));
    for (const [c, expected] of Object.entries(EXPECTED.categories)) {
      const got = out.categories[c];
      for (const [k, v] of Object.entries(expected)) {
        if (v === null) assert.equal(got[k], null, `${c}.${k}`);
        else assert.ok(Math.abs(got[k] - v) < 1e-9, `${c}.${k}: ${got[k]} != ${v}`);
      }
    }
    assert.equal(out.messages, EXPECTED.messages);
    assert.deepEqual(out.micro, EXPECTED.micro);
    assert.ok(Math.abs(out.clean_flag_rate - EXPECTED.clean_flag_rate) < 1e-9);
    assert.deepEqual(Object.keys(out).sort(), ['categories', 'clean_flag_rate', 'messages', 'micro']);
  });

  it('human output: a table row per listed category, the micro average, clean_flag_rate and the listing note', async () => {
    const r = await cli(['eval', 'eval-tiny.jsonl', '--policy', 'policy.json']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^eval-tiny\.jsonl: 7 messages, policy: policy\.json$/m);
    assert.match(r.stdout, /^threat\s+2\s+0\s+1\s+1\.000\s+0\.667\s+0\.800$/m);
    assert.match(r.stdout, /^confidential\s+1\s+2\s+0\s+0\.333\s+1\.000\s+0\.500$/m);
    assert.match(r.stdout, /^legal\s+0\s+0\s+1\s+-\s+0\.000\s+0\.000$/m);
    assert.match(r.stdout, /^micro\s+3\s+2\s+2\s+0\.600\s+0\.600\s+0\.600$/m);
    assert.match(r.stdout, /^clean_flag_rate 0\.333 \(1 of 3 rows labeled \[\] have a predicted label\)$/m);
    assert.match(r.stdout, /Only categories that occur in the labels or the predictions are listed/);
    assert.doesNotMatch(r.stdout, /^tone/m);
  });

  it('--misses N lists false negatives and false positives per category, at most N each', async () => {
    const r = await cli(['eval', 'eval-tiny.jsonl', '--policy', 'policy.json', '--misses', '1']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^threat false negatives \(labeled, not flagged\):\n {2}t3 {2}Nothing to see here\.$/m);
    assert.match(r.stdout, /^confidential false positives \(flagged, not labeled\):\n {2}t4 {2}»quuxfire« \(quuxfire\)$/m);
    const fpSection = r.stdout.split('confidential false positives (flagged, not labeled):\n')[1]!.split('\n');
    assert.match(fpSection[0]!, /^ {2}t4 /);
    assert.doesNotMatch(fpSection[1] ?? '', /^ {2}t7 /, 'only one false positive of confidential is kept');
    assert.match(r.stdout, /^legal false negatives \(labeled, not flagged\):\n {2}t7 {2}zorblax the quuxfire team$/m);
    const j = JSON.parse((await cli(['eval', 'eval-tiny.jsonl', '--json', '--policy', 'policy.json', '--misses', '5'])).stdout);
    assert.deepEqual(
      j.misses.confidential.fp.map((m: { id: string }) => m.id),
      ['t4', 't7'],
    );
    assert.deepEqual(
      j.misses.legal.fn.map((m: { id: string }) => m.id),
      ['t7'],
    );
  });

  it('a malformed row: exit 2, one line naming the file and the line number', async () => {
    const cases: [string, RegExp][] = [
      ['eval-bad-row.jsonl', /^second-thought: eval-bad-row\.jsonl: line 3: invalid JSON/],
      ['eval-bad-label.jsonl', /^second-thought: eval-bad-label\.jsonl: line 2: labels\[0\] "rudeness" is not a category id/],
      ['missing.jsonl', /^second-thought: missing\.jsonl: cannot read: no such file or directory$/m],
    ];
    for (const [file, pattern] of cases) {
      const r = await cli(['eval', file]);
      assert.equal(r.code, 2, file);
      assertOneLineError(r.stderr);
      assert.match(r.stderr, pattern);
      assert.equal(r.stdout, '');
    }
  });

  it('an empty file is a measurement of nothing, not an error', async () => {
    const dir = tempDir('st-eval-');
    writeFileSync(join(dir, 'empty.jsonl'), '\n\n');
    const r = await cli(['eval', join(dir, 'empty.jsonl'), '--json']);
    assert.equal(r.code, 0);
    assert.deepEqual(JSON.parse(r.stdout), {
      messages: 0,
      categories: {},
      micro: { tp: 0, fp: 0, fn: 0, precision: null, recall: null, f1: null },
      clean_flag_rate: null,
    });
  });

  describe('parseRow', () => {
    it('reads the draft fields of a row', () => {
      const { row, draft } = parseRow(
        JSON.stringify({ id: 7, text: 'hi', labels: ['pii'], to: 'a@x.example', cc: ['b@x.example'], from: 'c@x.example', subject: 's', negative_of: 'ssn', also_negative_of: ['phone'] }),
        4,
        'f.jsonl',
      );
      assert.deepEqual(row, { id: '7', text: 'hi', labels: ['pii'], negativeOf: ['ssn', 'phone'] });
      assert.deepEqual(draft, { body: 'hi', to: ['a@x.example'], cc: ['b@x.example'], from: 'c@x.example', subject: 's' });
    });

    it('keeps the well-formed labeled spans of a row and skips the others', () => {
      const spans = [
        { category: 'pii', rule: 'iban', start: 2, end: 9 },
        { category: 'pii', start: 0, end: 1 },
        { category: 'pii', rule: 'phone', start: '3', end: 4 },
        null,
      ];
      assert.deepEqual(parseRow(JSON.stringify({ text: 'x', labels: ['pii'], spans }), 1, 'f').row.spans, [spans[0]]);
      assert.equal('spans' in parseRow(JSON.stringify({ text: 'x', labels: [], spans: [] }), 1, 'f').row, false);
    });

    it('names the row by its line when it has no id', () => {
      assert.equal(parseRow('{"text":"x","labels":[]}', 9, 'f').row.id, 'line 9');
    });

    const bad: [string, RegExp][] = [
      ['[1,2]', /line 5: expected a JSON object/],
      ['{"labels":[]}', /line 5: "text" must be a string/],
      ['{"text":"x"}', /line 5: "labels" must be an array/],
      ['{"text":"x","labels":"pii"}', /line 5: "labels" must be an array/],
      ['{"text":"x","labels":[3]}', /line 5: labels\[0\] 3 is not a category id/],
      ['{"text":"x","labels":[],"to":[1]}', /line 5: "to" must be an address/],
      ['{"text":"x","labels":[],"id":{}}', /line 5: "id" must be a string or a number/],
      ['{"text":"x","labels":[],"subject":1}', /line 5: "subject" must be a string/],
      ['{"text":', /line 5: invalid JSON/],
    ];
    for (const [line, pattern] of bad) {
      it(`refuses ${line}`, () => assert.throws(() => parseRow(line, 5, 'f.jsonl'), pattern));
    }
  });
});

function order(c: string): number {
  return ['pii', 'secret', 'insult', 'identity', 'profanity', 'threat', 'legal', 'confidential', 'tone', 'context'].indexOf(c);
}
