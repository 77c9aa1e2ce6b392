import assert from 'node:assert/strict';
import { cpSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MemoryOutput } from '../../../src/cli/io.js';
import { run } from '../../../src/cli/main.js';
import { ROOT, assertOneLineError } from '../helpers.js';
import { tempDir } from '../../temp-dir.js';

const SCAN = join(ROOT, 'test', 'fixtures', 'scan');

/** A copy of the scan fixture with a directory loop and a dangling link added. */
function workspace(): string {
  const dir = tempDir('st-scan-');
  cpSync(SCAN, dir, { recursive: true });
  symlinkSync('..', join(dir, 'mail', 'archive', 'up'));
  symlinkSync(join(dir, 'nowhere.eml'), join(dir, 'mail', 'inbox', 'gone.eml'));
  return dir;
}

async function scan(args: string[], cwd: string, tty = false) {
  const stdout = new MemoryOutput();
  const stderr = Object.assign(new MemoryOutput(), { isTTY: tty });
  const code = await run(['scan', ...args], { stdout, stderr, stdin: (async function* () {})(), cwd });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

describe('cli/commands/scan', () => {
  let dir: string;
  before(() => {
    dir = workspace();
  });

  it('summarizes the fixture: verdicts, rules, and the problems it skipped', async () => {
    const r = await scan(['--policy', 'policy.json', 'mail'], dir);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /^Scanned 6 messages in 4 files \(/);
    assert.match(r.stdout, /\n {2}pass {4}3 \(50\.0%\)\n {2}inform {2}0 \(0\.0%\)\n {2}warn {4}2 \(33\.3%\)\n {2}block {3}1 \(16\.7%\)\n/);
    assert.match(r.stdout, /secret\/password +1 +0 +0\n/);
    assert.match(r.stdout, /confidential\/bluebird +0 +1 +0\n/);
    assert.match(r.stdout, /pii\/credit-card +0 +1 +0\n/);
    assert.match(r.stdout, /Not checked: 1 malformed message, 1 unreadable file or folder, 1 directory loop or repeated folder\n$/);
    const lines = r.stderr.trimEnd().split('\n');
    assert.deepEqual(lines.sort(), [
      'second-thought: mail/archive/2026.mbox#3: malformed message: does not start with a header field ("Name: value"): skipped',
      'second-thought: mail/archive/up: directory loop (a link back to a folder above it): not followed',
      'second-thought: mail/inbox/gone.eml: cannot read: no such file or directory',
    ]);
    assert.doesNotMatch(r.stderr, /\x1b/, 'no progress bar when stderr is not a terminal');
  });

  it('the internal mention of the codename is not flagged (externalOnly), the external one is', async () => {
    const r = await scan(['--policy', 'policy.json', '--json', 'mail/archive/2026.mbox', 'mail/inbox/c.eml'], dir);
    const s = JSON.parse(r.stdout);
    assert.equal(s.messages, 4);
    assert.deepEqual(s.rules['confidential/bluebird'].messages, { inform: 0, warn: 1, block: 0 });
    assert.equal(s.problems.malformed, 1);
    assert.equal(typeof s.messagesPerSecond, 'number');
  });

  it('--json prints one object, nothing else on stdout, and no mail text', async () => {
    const r = await scan(['--policy', 'policy.json', '--json', 'mail'], dir);
    const lines = r.stdout.trimEnd().split('\n');
    assert.equal(lines.length, 1);
    const s = JSON.parse(lines[0]!);
    assert.deepEqual(s.verdicts, { pass: 3, inform: 0, warn: 2, block: 1 });
    assert.doesNotMatch(r.stdout, /4111|Zq7v|Bluebird ships/);
  });

  it('draws a progress bar on a terminal only, and clears it', async () => {
    const r = await scan(['--policy', 'policy.json', 'mail/inbox/a.eml', 'mail/inbox/c.eml'], dir, true);
    assert.match(r.stderr, /\r\x1b\[K\[#+-*\] +\d+% +\d+ messages +\d\/2 files/);
    assert.ok(r.stderr.endsWith('\r\x1b[K'));
    const q = await scan(['--quiet', 'mail'], dir, true);
    assert.equal(q.stderr, '');
  });

  it('the default policy: no codename rule, card still warns', async () => {
    const r = await scan(['--json', 'mail/inbox'], dir);
    const s = JSON.parse(r.stdout);
    assert.equal(s.rules['confidential/bluebird'], undefined);
    assert.equal(s.rules['pii/credit-card'].messages.warn, 1);
    assert.equal(s.rules['secret/password'], undefined);
  });

  it('a named file of another kind is reported as skipped; a clean run exits 0', async () => {
    const r = await scan(['mail/notes.txt', 'mail/inbox/a.eml'], dir);
    assert.equal(r.code, 0);
    assert.match(r.stderr, /mail\/notes\.txt: not an \.eml or \.mbox file: skipped/);
    assert.match(r.stdout, /Scanned 1 message in 1 file/);
  });

  it('exit 2 when nothing could be read', async () => {
    const r = await scan(['missing-folder'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /missing-folder: cannot read: no such file or directory/);
  });

  it('writes the report file and says so', async () => {
    const out = join(dir, 'report.html');
    const r = await scan(['--policy', 'policy.json', '--report', 'report.html', 'mail'], dir);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /Report written to report\.html\n$/);
    const html = readFileSync(out, 'utf8');
    assert.match(html, /^<!doctype html>/);
    assert.doesNotMatch(html, /4111|Zq7vR2pLx9Tm4Wd|ana\.ruiz|travel@agency/);
  });

  const errors: Array<[string, string[], RegExp]> = [
    ['no path', [], /scan: no path given/],
    ['unknown option', ['--nope', 'mail'], /scan: .*--nope/],
    ['invalid policy', ['--policy', 'bad.json', 'mail'], /bad\.json: invalid policy: error \$\.categories\.pii\.action/],
    ['unwritable report', ['--report', 'no/such/dir/r.html', 'mail'], /no\/such\/dir\/r\.html: cannot write report: no such file or directory/],
  ];
  for (const [name, args, message] of errors) {
    it(`exit 2 with one line: ${name}`, async () => {
      writeFileSync(join(dir, 'bad.json'), '{"version":1,"categories":{"pii":{"action":"stop"}}}');
      const r = await scan(args, dir);
      assert.equal(r.code, 2);
      assertOneLineError(r.stderr);
      assert.match(r.stderr, message);
    });
  }
});
