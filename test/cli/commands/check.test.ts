import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { assertOneLineError, cli } from '../helpers.js';
import { tempDir } from '../../temp-dir.js';

interface JsonLine {
  source: string;
  verdict: string;
  findings: { category: string; rule: string; start: number; end: number; text: string; action: string; field?: string }[];
}

function jsonLines(stdout: string): JsonLine[] {
  return stdout
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as JsonLine);
}

describe('cli/commands/check', function () {
  // Each case builds a classifier; generous under a loaded shared machine (no timing is asserted).
  this.timeout(120_000);
  it('plain text: prints source:line:col severity category/rule message, the excerpt, and a summary; exit 1 on warn', async () => {
    const r = await cli(['check', '--policy', 'policy.json', 'codename.txt']);
    assert.equal(r.code, 1, r.stderr);
    const lines = r.stdout.split('\n');
    // "- the 📈 Quuxfire": the emoji is one column, so Quuxfire starts at column 9 of line 4.
    assert.equal(lines[0], 'codename.txt:4:9  high  confidential/quuxfire  Quuxfire is an unannounced codename.');
    assert.equal(lines[1], '    - the 📈 »Quuxfire« numbers are in');
    assert.equal(lines[2], 'codename.txt:5:3  low  tone/glimmerwick  Glimmerwick sounds curt.');
    assert.match(r.stdout, /^1 message checked: 1 warn; 2 findings$/m);
    assert.equal(r.stderr, '');
  });

  it('exit 0 when findings are only at inform, and when there are none', async () => {
    const inform = await cli(['check', '--policy', 'policy.json', '-'], 'a glimmerwick note');
    assert.equal(inform.code, 0);
    assert.match(inform.stdout, /<stdin>:1:3 {2}low {2}tone\/glimmerwick/);
    assert.match(inform.stdout, /1 inform; 1 finding/);
    const clean = await cli(['check', 'clean.txt']);
    assert.equal(clean.code, 0);
    assert.equal(clean.stdout, '1 message checked: 1 pass; 0 findings\n');
  });

  it('--json: one object per message with source, verdict and findings whose text is the slice of the field', async () => {
    const r = await cli(['check', '--json', '--policy', 'policy.json', 'codename.txt', 'clean.txt']);
    assert.equal(r.code, 1);
    const rows = jsonLines(r.stdout);
    assert.deepEqual(
      rows.map((x) => [x.source, x.verdict, Object.keys(x).sort().join(',')]),
      [
        ['codename.txt', 'warn', 'findings,source,verdict'],
        ['clean.txt', 'pass', 'findings,source,verdict'],
      ],
    );
    const f = rows[0]!.findings.find((x) => x.rule === 'quuxfire')!;
    assert.equal(f.category, 'confidential');
    assert.equal(f.action, 'warn');
    assert.equal(f.text, 'Quuxfire');
    assert.doesNotMatch(r.stdout, /messages? checked/, 'no human summary in JSON mode');
  });

  it('.eml multipart (quoted-printable + base64): body and subject findings, the subject said to be the subject', async () => {
    const r = await cli(['check', '--policy', 'policy.json', 'multipart.eml']);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /^multipart\.eml:subject:10 {2}high {2}threat\/zorblax /m);
    assert.match(r.stdout, /^multipart\.eml:1:26 {2}high {2}confidential\/quuxfire /m);
    assert.match(r.stdout, /^multipart\.eml:4:9 {2}high {2}threat\/zorblax /m);
    const j = jsonLines((await cli(['check', '--json', '--policy', 'policy.json', 'multipart.eml'])).stdout);
    const subject = j[0]!.findings.find((x) => x.field === 'subject')!;
    assert.equal(subject.text, 'Zorblax');
    assert.equal(subject.start, 'Plan for '.length);
  });

  it('.eml HTML-only: checked as text', async () => {
    const r = await cli(['check', '--policy', 'policy.json', 'html-only.eml']);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^html-only\.eml:3:5 {2}high {2}confidential\/quuxfire /m);
  });

  it('--subject and --to override the message headers', async () => {
    const r = await cli(['check', '--json', '--policy', 'policy.json', '--subject', 'about zorblax', 'clean.txt']);
    const f = jsonLines(r.stdout)[0]!.findings;
    assert.deepEqual(
      f.map((x) => [x.field, x.text]),
      [['subject', 'zorblax']],
    );
    // The eml's own subject mentions zorblax; an overriding subject without it leaves only body findings.
    const o = await cli(['check', '--json', '--policy', 'policy.json', '--subject', 'Plans', '--to', 'sam@corp.example', 'multipart.eml']);
    assert.ok(jsonLines(o.stdout)[0]!.findings.every((x) => x.field !== 'subject'));
  });

  it('--to decides externalOnly terms: an external recipient raises, an internal one does not', async () => {
    const dir = tempDir('st-check-');
    const policy = join(dir, 'p.json');
    writeFileSync(
      policy,
      JSON.stringify({
        version: 1,
        internalDomains: ['corp.example'],
        terms: [{ patterns: ['flumbright'], category: 'confidential', severity: 'high', message: 'client name', externalOnly: true }],
      }),
    );
    const outside = await cli(['check', '--json', '--policy', policy, '--to', 'Kim <kim@partner.example>', '-'], 'flumbright renewal');
    const inside = await cli(['check', '--json', '--policy', policy, '--to', 'sam@corp.example', '-'], 'flumbright renewal');
    assert.ok(jsonLines(outside.stdout)[0]!.findings.some((x) => x.rule === 'flumbright'));
    assert.ok(!jsonLines(inside.stdout)[0]!.findings.some((x) => x.rule === 'flumbright'));
  });

  it('.mbox: each message as file#N; a malformed one is reported on stderr and skipped, the rest still checked; exit 2', async () => {
    const r = await cli(['check', '--json', '--policy', 'policy.json', 'archive.mbox']);
    assert.equal(r.code, 2, 'a message that could not be read means the run is not clean');
    const rows = jsonLines(r.stdout);
    assert.deepEqual(
      rows.map((x) => [x.source, x.verdict]),
      [
        ['archive.mbox#1', 'pass'],
        ['archive.mbox#2', 'warn'],
        ['archive.mbox#4', 'warn'],
      ],
    );
    assertOneLineError(r.stderr);
    assert.match(r.stderr, /^second-thought: archive\.mbox#3: malformed message/);
    // The >From line was unescaped before checking: the finding's line is "From the desk of Sam: …".
    const human = await cli(['check', '--policy', 'policy.json', 'archive.mbox']);
    assert.match(human.stdout, /^archive\.mbox#2:2:27 {2}high {2}confidential\/quuxfire /m);
    assert.match(human.stdout, / {4}From the desk of Sam: the »quuxfire« figures are late\./);
    assert.match(human.stdout, /^archive\.mbox#4:subject:1 /m);
    assert.match(human.stdout, /3 messages checked: 2 warn, 1 pass; 2 findings; 1 input could not be read/);
  });

  it('a missing file among good ones: the others are checked, the missing one named, exit 2', async () => {
    const r = await cli(['check', '--policy', 'policy.json', 'codename.txt', 'nope.eml']);
    assert.equal(r.code, 2);
    assert.match(r.stdout, /codename\.txt:4:9/);
    assertOneLineError(r.stderr);
    assert.match(r.stderr, /^second-thought: nope\.eml: cannot read: no such file or directory$/m);
  });

  it('a directory is refused with a pointer to scan', async () => {
    const r = await cli(['check', '.']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /is a directory/);
  });

  it('invalid policies: exit 2, one line naming the file', async () => {
    const cases: [string, RegExp][] = [
      ['policy-bad-json.json', /policy-bad-json\.json: invalid policy: not valid JSON/],
      ['policy-array.json', /policy-array\.json: invalid policy: expected a JSON object at \$, got an array/],
      ['no-such-policy.json', /no-such-policy\.json: cannot read policy: no such file or directory/],
    ];
    for (const [file, pattern] of cases) {
      const r = await cli(['check', '--policy', file, 'clean.txt']);
      assert.equal(r.code, 2, file);
      assertOneLineError(r.stderr);
      assert.match(r.stderr, pattern);
      assert.equal(r.stdout, '', 'nothing is checked under a broken policy');
    }
  });

  it('a policy the engine refuses (a term pattern that does not parse) is an invalid policy, not a crash', async () => {
    const dir = tempDir('st-check-');
    const policy = join(dir, 'p.json');
    writeFileSync(policy, JSON.stringify({ version: 1, terms: [{ patterns: ['(broken'], category: 'legal', severity: 'high', message: 'm' }] }));
    const r = await cli(['check', '--policy', policy, 'clean.txt']);
    assert.equal(r.code, 2);
    assertOneLineError(r.stderr);
    assert.match(r.stderr, /p\.json: invalid policy: /);
  });

  it('control characters from the mail never reach the terminal', async () => {
    const r = await cli(['check', '--policy', 'policy.json', '-'], 'quuxfire \u001b[31mred\u001b[0m\u0007');
    assert.equal(r.code, 1);
    assert.doesNotMatch(r.stdout, /[\u0000-\u0008\u000b-\u001f\u007f]/);
  });
});
