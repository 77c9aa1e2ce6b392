/**
 * The built playground in headless Chromium: the real task pane (iframe) and the real
 * launchevent.js on the Office.js stand-in. Served on localhost by this test; every request is
 * recorded and any request that leaves localhost fails the test, as does any CSP violation.
 *
 * Skipped (with a message) only when /usr/bin/chromium is missing. Builds dist/ first when it
 * is missing or older than the sources.
 */
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, FrameLocator, Page } from 'playwright-core';
import type { RunningServer } from '../../src/server/static-server.js';
import { offHost, recordTraffic, startPlayground } from './harness.js';

const SLOW = 90_000; // the classifier compiles its lexicons once per runtime; CI machines are slow

describe('browser: playground (headless Chromium)', function () {
  this.timeout(10 * 60 * 1000);
  let browser: Browser | undefined;
  let context: BrowserContext;
  let server: RunningServer | undefined;
  let page: Page;
  let pane: FrameLocator;
  let traffic: ReturnType<typeof recordTraffic>;

  before(async function () {
    ({ server, browser } = await startPlayground(this));
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    // Count CSP violations in every frame (an init script is injected by the browser, not by the page).
    await context.addInitScript(() => {
      const w = window as unknown as { __csp: string[] };
      w.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    page = await context.newPage();
    traffic = recordTraffic(page);
    await page.goto(`${server.url}/playground/`);
    await page.waitForSelector('body[data-handlers="stOnNewCompose stOnRecipients stOnSend"]', { timeout: SLOW });
    pane = page.frameLocator('#pane');
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  async function paneStatus(pattern: RegExp) {
    await pane.locator('#status', { hasText: pattern }).waitFor({ timeout: SLOW });
  }

  it('shows a finding in the pane, and the info bar, as a regrettable draft is typed', async () => {
    await page.fill('#subject', 'Re: the renewal');
    await page.fill('#body', 'Frankly the client is an idiot.\nPlease delete this email after reading.\n\nRegards');
    await page.fill('#to', 'amy@contoso.com; buyer@example.org');
    await paneStatus(/\d+ things? to review/);
    const quotes = await pane.locator('.finding__quote q').allTextContents();
    assert.ok(quotes.some((q) => /idiot/i.test(q)), quotes.join(' | '));
    assert.ok(quotes.some((q) => /delete this email/i.test(q)), quotes.join(' | '));
    await pane.locator('section.group h2').first().waitFor();
    assert.match(await pane.locator('.recipients').innerText(), /1 external recipient\s+buyer@example\.org/);
    await page.locator('#infobar', { hasText: /Second Thought: \d+ things? to review/ }).waitFor({ timeout: SLOW });
  });

  it('Send shows the Smart Alerts prompt with the words and Send Anyway; Take Action keeps the draft', async () => {
    await page.click('#send');
    const dialog = page.locator('#alert[open]');
    await dialog.waitFor({ timeout: SLOW });
    const text = await page.locator('#alert-message').innerText();
    assert.match(text, /Insult: "[^"]*idiot[^"]*"/);
    assert.match(text, /Legal risk/);
    assert.ok(text.length <= 500);
    assert.deepEqual(await page.locator('#alert-buttons button').allTextContents(), ['Take Action', 'Send Anyway']);
    await page.click('#alert-buttons >> text=Take Action');
    await dialog.waitFor({ state: 'detached' }).catch(() => undefined);
    assert.equal(await page.locator('#send-status').getAttribute('data-state'), 'held');
  });

  it('renders draft text as text: markup in the draft is never executed or parsed', async () => {
    await page.fill('#body', 'you idiot <img src=x onerror="window.parent.__pwned=1"><script>window.parent.__pwned=2</script>');
    await pane.locator('.finding__quote q', { hasText: 'idiot' }).first().waitFor({ timeout: SLOW });
    await page.waitForTimeout(500);
    assert.equal(await pane.locator('#content img').count(), 0);
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
  });

  it('Replace changes the draft only when clicked', async () => {
    await page.fill('#body', 'My card is 4111 1111 1111 1111, expiry next May.');
    const replace = pane.getByRole('button', { name: /^Replace/ }).first();
    await replace.waitFor({ timeout: SLOW });
    assert.equal(await page.inputValue('#body'), 'My card is 4111 1111 1111 1111, expiry next May.');
    await replace.click();
    await page.waitForFunction(() => (document.getElementById('body') as HTMLTextAreaElement).value.includes('[removed]'), undefined, { timeout: SLOW });
    assert.equal(await page.inputValue('#body'), 'My card is [removed], expiry next May.');
  });

  it('a fixed draft passes: the pane says what was checked and Send goes through', async () => {
    await page.fill('#body', 'Could we meet on Tuesday to go over the renewal terms?\n\nRegards');
    await paneStatus(/Nothing to review/);
    assert.match(await pane.locator('.empty').innerText(), /Checked the subject, the body \(\d+ words\) and 2 recipients/);
    await page.click('#send');
    await page.locator('#send-status[data-state="sent"]').waitFor({ timeout: SLOW });
    assert.equal(await page.locator('#alert[open]').count(), 0);
    // the pane keeps the compose info bar in step: nothing left to review, no bar
    await page.locator('#infobar').waitFor({ state: 'hidden', timeout: SLOW });
  });

  it('on an older Outlook (Mailbox 1.12) a warning is shown once and the second Send goes through', async () => {
    await page.selectOption('#mailbox-version', '1.12');
    await page.fill('#body', 'Honestly, he is an idiot.');
    await page.click('#send');
    await page.locator('#alert[open]').waitFor({ timeout: SLOW });
    assert.match(await page.locator('#alert-message').innerText(), /press Send again/);
    assert.deepEqual(await page.locator('#alert-buttons button').allTextContents(), ["Don't Send"]);
    await page.click('#alert-buttons >> text=Don\'t Send');
    await page.click('#send');
    await page.locator('#send-status[data-state="sent"]').waitFor({ timeout: SLOW });
  });

  it('made no request outside localhost, broke no CSP rule and logged no error', async () => {
    assert.ok(traffic.requests.length > 5, 'requests were recorded');
    assert.deepEqual(offHost(traffic.requests), []);
    const violations = [];
    for (const frame of page.frames()) violations.push(...(await frame.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])));
    assert.deepEqual(violations, []);
    assert.deepEqual(traffic.errors, []);
  });
});
