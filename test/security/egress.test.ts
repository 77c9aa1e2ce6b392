/**
 * No egress, in a real browser: every built page (the task pane and the send handler's event page
 * as Outlook loads them, the playground with the real pane and launchevent.js on the Office.js
 * stand-in, the index and help pages) is loaded from a localhost server and exercised; every
 * request of every frame is recorded at the browser context, and anything whose origin is not the
 * test server's fails the test. The one exception is Office.js on the two Outlook pages: it is
 * aborted (never fetched from the internet) and counted, and nothing else may leave.
 *
 * Also here: the XSS check (markup typed into the draft stays text, no handler runs in either
 * frame) and what the pages store (no draft text in web storage, cookies, IndexedDB or the
 * session data the send handler writes).
 *
 * Skipped (with a message) only when /usr/bin/chromium is missing. Builds dist/ when missing or stale.
 */
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import type { RunningServer } from '../../src/server/static-server.js';
import { startPlayground } from '../browser/harness.js';

const SLOW = 90_000;
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
/** A marker that cannot come from anywhere but the draft we type. */
const MARKER = 'Zyxqvortle';

describe('security: no egress from any built page (headless Chromium)', function () {
  this.timeout(10 * 60 * 1000);
  let browser: Browser | undefined;
  let context: BrowserContext;
  let server: RunningServer | undefined;
  let origin: string;
  const requests: string[] = [];
  const foreign: string[] = [];
  const officeAborted: string[] = [];

  before(async function () {
    ({ server, browser } = await startPlayground(this));
    origin = new URL(server.url).origin;
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    context.on('request', (r) => requests.push(r.url()));
    // Nothing off-origin is ever fetched: Office.js is aborted and counted, anything else is a failure.
    await context.route('**/*', (route) => {
      const url = route.request().url();
      let same = false;
      try {
        same = new URL(url).origin === origin;
      } catch {
        same = false;
      }
      if (same || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
      if (url === OFFICE_JS) officeAborted.push(url);
      else foreign.push(url);
      return route.abort('blockedbyclient');
    });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Requests that neither went to the test server nor were data:/blob:/about: URLs. */
  function offOrigin(): string[] {
    return requests.filter((u) => {
      if (u.startsWith('data:') || u.startsWith('blob:') || u.startsWith('about:')) return false;
      try {
        return new URL(u).origin !== origin;
      } catch {
        return true;
      }
    });
  }

  async function open(path: string): Promise<Page> {
    const page = await context.newPage();
    await page.goto(`${origin}/${path}`, { waitUntil: 'load' });
    return page;
  }

  it('the task pane and the event page as Outlook loads them: only their own files, Office.js aborted', async () => {
    for (const path of ['taskpane.html', 'launchevent.html', 'index.html', 'help.html']) {
      const page = await open(path);
      await page.waitForTimeout(1500); // let deferred scripts run and try whatever they would try
      await page.close();
    }
    assert.deepEqual(foreign, []);
    assert.deepEqual(officeAborted, [OFFICE_JS, OFFICE_JS], 'Office.js asked for once by each Outlook page, and never fetched');
    assert.ok(requests.some((u) => u.startsWith(`${origin}/launchevent.js`)), 'the event page loaded its handler');
    assert.ok(requests.some((u) => /\/taskpane\.[0-9a-f]+\.js$/.test(u)), 'the pane loaded its bundle');
  });

  describe('the playground, exercised', () => {
    let page: Page;
    let paneFrame: Frame;

    before(async () => {
      page = await open('playground/');
      await page.waitForSelector('body[data-handlers="stOnNewCompose stOnRecipients stOnSend"]', { timeout: SLOW });
      const f = page.frame({ url: /\/playground\/pane\.html/ });
      assert.ok(f, 'pane frame');
      paneFrame = f;
    });

    it('types a regrettable draft, sees the finding, presses Send (twice on Mailbox 1.12): own origin only', async () => {
      await page.selectOption('#mailbox-version', '1.12');
      await page.fill('#to', 'amy@contoso.com; buyer@example.org');
      await page.fill('#subject', `Quarter ${MARKER}`);
      await page.fill('#body', `Frankly the buyer is an idiot. Project ${MARKER} numbers attached.\nMy card is 4111 1111 1111 1111.`);
      await page.frameLocator('#pane').locator('.finding__quote q').first().waitFor({ timeout: SLOW });
      await page.click('#send');
      await page.locator('#alert[open]').waitFor({ timeout: SLOW });
      await page.click('#alert-buttons button >> nth=0');
      await page.click('#send');
      await page.waitForTimeout(1000);
      assert.ok(requests.filter((u) => u.startsWith(`${origin}/playground/`)).length >= 3);
      assert.deepEqual(foreign, []);
      assert.deepEqual(offOrigin().filter((u) => u !== OFFICE_JS), []);
    });

    it('stores no draft text: web storage, cookies, IndexedDB and session data hold no part of it', async () => {
      for (const frame of [page.mainFrame(), paneFrame]) {
        const stored = await frame.evaluate(async () => {
          const parts: string[] = [];
          for (const s of [localStorage, sessionStorage]) for (let i = 0; i < s.length; i++) parts.push(`${s.key(i)}=${s.getItem(s.key(i)!)}`);
          parts.push(document.cookie);
          const dbs = indexedDB.databases ? await indexedDB.databases() : [];
          parts.push(...dbs.map((d) => String(d.name)));
          const mb = (window as unknown as { __stPlayground?: { session: Map<string, string> } }).__stPlayground;
          if (mb) parts.push(...[...mb.session].map(([k, v]) => `${k}=${v}`));
          return parts;
        });
        const all = stored.join('\n');
        for (const secret of [MARKER, 'idiot', '4111', 'Frankly', 'buyer@example.org']) assert.ok(!all.includes(secret), `${frame.url()} stored "${secret}": ${all}`);
      }
      // The send-again fallback on 1.12 did write session data: a fingerprint, not words.
      const session = await page.evaluate(() => [...(window as unknown as { __stPlayground: { session: Map<string, string> } }).__stPlayground.session.values()]);
      assert.ok(session.length >= 1, 'the 1.12 path remembers what was warned about');
      for (const v of session) assert.match(v, /^[0-9a-f]{1,8}$/);
    });

    it('XSS: markup typed into the draft is shown as text and runs in neither frame', async () => {
      await page.selectOption('#mailbox-version', '1.15');
      const payload = `you idiot, password: <img src=x onerror="window.__xss=1;window.parent.__xss=1"> <script>window.__xss=2;window.parent.__xss=2</script> ${MARKER}`;
      await page.fill('#body', payload);
      const pane = page.frameLocator('#pane');
      await pane.locator('.finding__quote q', { hasText: 'idiot' }).first().waitFor({ timeout: SLOW });
      await page.click('#send');
      await page.locator('#alert[open]').waitFor({ timeout: SLOW });
      await page.waitForTimeout(500);
      for (const frame of [page.mainFrame(), paneFrame]) {
        assert.equal(await frame.evaluate(() => (window as unknown as { __xss?: number }).__xss), undefined, `__xss set in ${frame.url()}`);
        assert.equal(await frame.locator('img[src="x"], script:not([src])').count(), 0, `markup parsed into ${frame.url()}`);
      }
      // The draft is still exactly the characters typed, and the alert is plain text.
      assert.equal(await page.inputValue('#body'), payload);
      const alertText = await page.locator('#alert-message').innerText();
      assert.equal(await page.locator('#alert-message *').count(), 0, 'alert message has no child elements');
      assert.match(alertText, /idiot/);
      await page.click('#alert-buttons button >> nth=0');
      assert.deepEqual(foreign, []);
    });
  });

  describe('in all (runs last)', () => {
    it('many requests recorded, none off-origin except the aborted Office.js', () => {
    console.log(`      ${requests.length} requests recorded, ${officeAborted.length} Office.js aborted, ${foreign.length} foreign`);
    assert.ok(requests.length > 10);
    assert.deepEqual(offOrigin().filter((u) => u !== OFFICE_JS), []);
    assert.deepEqual(foreign, []);
  });
  });
});
