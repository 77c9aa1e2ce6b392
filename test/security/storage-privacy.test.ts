/**
 * Privacy of what is stored (DESIGN.md section 8, issue 7):
 * - What the Outlook add-in writes: today only the send handler's session data on Mailbox 1.12/1.13
 *   (a fingerprint of the findings, for "press Send again"). Checked with a draft full of personal
 *   data: the stored value is a short hex hash and contains no word of the draft.
 * - A tripwire over the add-in's sources: any new use of a storage API (roaming settings, web
 *   storage, IndexedDB, cookies, session data) fails this test until it is reviewed and listed
 *   below with what it may hold (preferences only, never draft text or findings). The browser
 *   test (egress.test.ts) checks what the built pages actually leave in storage.
 * - The scan report (HTML and --json) written from mail full of personal data and markup: none of
 *   the personal values appear, and mail text in the HTML is escaped.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createClassifier } from '../../src/classifier/index.js';
import { MemoryOutput } from '../../src/cli/io.js';
import { run } from '../../src/cli/main.js';
import { DEFAULT_POLICY } from '../../src/policy/defaults.js';
import { onMessageSend, WARNED_KEY } from '../../src/outlook/send-handler.js';
import { ROOT } from '../cli/helpers.js';
import { PREFERENCES_KEY, savePreferences } from '../../src/taskpane/preferences-store.js';
import { OVERRIDE_HEADER, OVERRIDE_KEY, recordOverride } from '../../src/outlook/override.js';
import { mockOffice, recordingEvent } from '../outlook/mock-office.js';
import { tempDir } from '../temp-dir.js';

/** Personal data and secrets, all made up for this test. */
const PERSONAL = {
  email: 'marguerite.okonkwo@example.net',
  phone: '+1 415 555 0173',
  card: '4111 1111 1111 1111',
  ssn: '078-05-1120',
  iban: 'DE89 3704 0044 0532 0130 00',
  password: 'Tr0ub4dor&3xq',
  name: 'Marguerite',
};
const DRAFT = `Hi ${PERSONAL.name},\nmy card is ${PERSONAL.card}, SSN ${PERSONAL.ssn}, IBAN ${PERSONAL.iban}.\nCall me on ${PERSONAL.phone} or write to ${PERSONAL.email}.\nThe admin password is ${PERSONAL.password}\nHonestly the vendor is an idiot.`;

/** Storage APIs the add-in's sources may use, each reviewed: file -> what it stores. */
const REVIEWED: Record<string, string> = {
  'src/outlook/send-handler.ts': 'sessionData: a hex fingerprint of the findings (Mailbox 1.12/1.13 send-again), per item, no text',
  'src/outlook/office-types.ts': 'types only',
  'src/taskpane/preferences-store.ts': 'roamingSettings: one key of preferences (hidden categories, personal allow-list); tested below',
  'src/outlook/override.ts': 'sessionData: the rule ids sent past with a reason, per item; the reason goes in a header, never the draft; tested below',
};
const STORAGE_API = /\b(roamingSettings|localStorage|sessionStorage|indexedDB|document\.cookie|sessionData|caches\.open|storage\??\.(?:sync|local|session))\b/;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

describe('security: privacy of what is stored', function () {
  this.timeout(120_000);

  it('the send handler stores a fingerprint, never draft text, subject or addresses (Mailbox 1.12)', async () => {
    const { office, state } = mockOffice({ body: DRAFT, subject: `For ${PERSONAL.name}`, to: [PERSONAL.email], mailbox: '1.12' });
    const classifier = createClassifier(DEFAULT_POLICY);
    const { calls, event } = recordingEvent();
    const out = await onMessageSend(event, { office, getPolicy: () => Promise.resolve({ policy: DEFAULT_POLICY, source: 'default' }), getClassifier: () => classifier, log: () => undefined });
    assert.equal(out.kind, 'warn', 'the draft is warned about, so the fallback stores its fingerprint');
    assert.equal(calls.length, 1);
    assert.deepEqual(Object.keys(state.session), [WARNED_KEY]);
    const stored = JSON.stringify(state.session);
    assert.match(state.session[WARNED_KEY]!, /^[0-9a-f]{1,8}$/);
    for (const value of Object.values(PERSONAL)) assert.ok(!stored.includes(value), `session data holds "${value}"`);
    for (const word of ['idiot', 'vendor', 'card', 'password']) assert.ok(!stored.includes(word));
  });

  it('the pane keeps preferences only in roaming settings: hidden categories and the allow-list, one key', async () => {
    const store = new Map<string, unknown>();
    const office = {
      context: {
        roamingSettings: {
          get: (k: string) => store.get(k),
          set: (k: string, v: unknown) => void store.set(k, v),
          remove: (k: string) => void store.delete(k),
          saveAsync: (cb: (r: { status: string }) => void) => cb({ status: 'succeeded' }),
        },
      },
    } as unknown as Parameters<typeof savePreferences>[0];
    await savePreferences(office, { hidden: ['tone'], allow: ['Killer App'] });
    assert.deepEqual([...store.keys()], [PREFERENCES_KEY]);
    const doc = JSON.parse(String(store.get(PREFERENCES_KEY)));
    assert.deepEqual(Object.keys(doc).sort(), ['allow', 'categories', 'version']);
    assert.deepEqual(doc.categories, { tone: { action: 'off' } });
    assert.deepEqual(doc.allow, ['Killer App']);
  });

  it('an override keeps only rule ids in session data, and only rule ids and the reason in its header', async () => {
    const session = new Map<string, string>();
    const headers: Record<string, string>[] = [];
    const office = {
      context: {
        requirements: { isSetSupported: () => true },
        mailbox: {
          item: {
            internetHeaders: { setAsync: (h: Record<string, string>, cb: (r: { status: string }) => void) => (headers.push(h), cb({ status: 'succeeded' })) },
            sessionData: { setAsync: (k: string, v: string, cb: (r: { status: string }) => void) => (session.set(k, v), cb({ status: 'succeeded' })) },
          },
        },
      },
    } as unknown as Parameters<typeof recordOverride>[0];
    await recordOverride(office, ['insult/idiot', 'tone/per-my-last-email'], 'client asked for blunt feedback');
    assert.deepEqual([...session.entries()], [[OVERRIDE_KEY, 'insult/idiot,tone/per-my-last-email']]);
    assert.equal(headers.length, 1);
    const value = headers[0]![OVERRIDE_HEADER]!;
    assert.match(value, /^rules=insult\/idiot,tone\/per-my-last-email; reason="client asked for blunt feedback"$/);
  });

  it('tripwire: every storage API use in the add-in sources is reviewed', () => {
    const found: string[] = [];
    for (const dir of ['src/outlook', 'src/taskpane', 'src/playground']) {
      for (const file of walk(join(ROOT, dir)).filter((f) => f.endsWith('.ts'))) {
        const rel = relative(ROOT, file);
        if (rel === 'src/playground/office-standin.ts') continue; // the simulated Outlook's own store
        const code = readFileSync(file, 'utf8')
          .split('\n')
          .filter((l) => !/^\s*(\/\/|\*|\/\*)/.test(l))
          .join('\n');
        if (STORAGE_API.test(code)) found.push(rel);
      }
    }
    const unreviewed = found.filter((f) => !(f in REVIEWED));
    assert.deepEqual(unreviewed, [], 'new storage use: check it holds preferences only (no draft text, no findings), test that here, then list it in REVIEWED');
    assert.ok(found.includes('src/outlook/send-handler.ts'), 'the scanner still sees the known use');
  });

  describe('the scan report', () => {
    let dir: string;
    before(() => {
      dir = tempDir('st-privacy-');
      writeFileSync(
        join(dir, 'a.eml'),
        `From: ${PERSONAL.email}\nTo: colleague@example.org\nSubject: <script>alert(1)</script> for ${PERSONAL.name}\n\n${DRAFT}\n<img src=x onerror=alert(2)> the vendor is an idiot\n`,
      );
    });

    async function scan(args: string[]) {
      const stdout = new MemoryOutput();
      const stderr = new MemoryOutput();
      const code = await run(['scan', ...args], { stdout, stderr, stdin: (async function* () {})(), cwd: dir });
      return { code, stdout: stdout.text, stderr: stderr.text };
    }

    it('the HTML report names rules but holds none of the personal data, and escapes mail markup', async () => {
      const r = await scan(['--report', 'report.html', 'a.eml']);
      assert.ok(r.code === 1 || r.code === 0, r.stderr);
      const html = readFileSync(join(dir, 'report.html'), 'utf8');
      assert.match(html, /pii\//, 'findings are reported by rule');
      for (const [kind, value] of Object.entries(PERSONAL)) {
        if (kind === 'name') continue; // a first name in a greeting is context, not a detected value
        assert.ok(!html.includes(value), `report holds ${kind}: ${value}`);
        const digits = value.replace(/\D/g, '');
        if (digits.length >= 6) assert.ok(!html.replace(/\D/g, ' ').split(/\s+/).some((run) => run.length >= 6 && digits.includes(run)), `report holds a digit run of the ${kind}`);
      }
      assert.doesNotMatch(html, /<script>alert|<img src=x/i, 'mail markup is escaped, not written as markup');
      // Nothing fetched from elsewhere (the SVG xmlns URI is a name, not a request).
      assert.doesNotMatch(html, /\b(?:src|href|action)\s*=\s*["']?(?:https?:)?\/\/|url\(\s*["']?(?:https?:)?\/\/|@import/i, 'the report loads nothing remote');
    });

    it('--json holds counts and rule ids only: no mail text at all', async () => {
      const r = await scan(['--json', 'a.eml']);
      for (const value of [...Object.values(PERSONAL), 'idiot', 'vendor', 'alert(']) assert.ok(!r.stdout.includes(value), `--json holds "${value}"`);
      const s = JSON.parse(r.stdout);
      assert.equal(s.messages, 1);
    });
  });
});
