/**
 * The built extension (dist/extension, built first when missing or stale) loaded unpacked into
 * headless Chromium (/usr/bin/chromium; `headless: true` is Chromium's new headless mode, which
 * loads extensions), against the fixture compose page (test/fixtures/gmail/compose.html) served
 * for https://mail.google.com/ through a route: no traffic leaves the machine, and the test
 * fails if any request other than the routed page and the extension's own files happens.
 *
 * Skipped (with a message) only when /usr/bin/chromium is missing.
 */
import assert from 'node:assert/strict';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { GMAIL, startExtension, unexpected } from './helpers.js';

const WAIT = 20_000; // the classifier compiles its lexicons once per page

describe('extension: content script in Gmail compose windows (headless Chromium, unpacked extension)', function () {
  this.timeout(120_000);
  let context: BrowserContext | undefined;
  let worker: Worker;
  let requests: string[];
  let offHost: string[];
  let page: Page;
  const pageErrors: string[] = [];

  before(async function () {
    this.timeout(5 * 60_000); // a cold build of the extension on a busy machine
    ({ context, worker, requests, offHost } = await startExtension(this, 'st-ext-', WAIT));
    context.on('page', (p) => p.on('pageerror', (e) => pageErrors.push(e.message)));
  });

  after(async () => {
    await context?.close();
  });

  afterEach(async () => {
    await page?.close();
  });

  async function openGmail(url = GMAIL): Promise<Page> {
    page = await context!.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(url);
    return page;
  }

  const badge = (p: Page) => p.locator('[data-second-thought="badge"] button.badge');
  const dialog = (p: Page) => p.locator('[data-second-thought="dialog"] [role="alertdialog"]');
  const sent = (p: Page) => p.evaluate(() => (window as unknown as { sentMessages: Array<{ kind: string; subject: string; body: string }> }).sentMessages);

  async function toolbarBadges(): Promise<string[]> {
    return worker.evaluate(async () => {
      const c = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<Array<{ id: number }>> }; action: { getBadgeText(d: object): Promise<string> } } }).chrome;
      const tabs = await c.tabs.query({});
      return Promise.all(tabs.map((t) => c.action.getBadgeText({ tabId: t.id })));
    });
  }

  it('loads: the service worker of the extension is running', () => {
    assert.match(worker.url(), /^chrome-extension:\/\/[a-p]{32}\/background\.js$/);
  });

  it('type, see the badge, press Send, see the prompt, review, fix, send cleanly', async () => {
    const p = await openGmail();
    await p.click('#compose-button');
    await p.fill('input[name=subjectbox]', 'The renewal');
    await p.locator('[g_editable="true"]').click();
    await p.keyboard.type('Frankly the client is an idiot. <img src=x onerror="window.__xss=1">');
    await badge(p).filter({ hasText: /Second Thought: [1-9]/ }).waitFor({ timeout: WAIT });
    assert.equal(await badge(p).getAttribute('data-verdict'), 'warn');

    await p.click('[data-tooltip^="Send"]');
    await dialog(p).waitFor({ timeout: WAIT });
    const text = await dialog(p).innerText();
    assert.match(text, /you may regret sending/);
    assert.match(text, /Insult: "[^"]*idiot/);
    assert.deepEqual(await sent(p), [], 'the prompt held the message');
    assert.match(await p.locator('[g_editable="true"]').innerText(), /client is an idiot/, 'the draft is intact');

    await dialog(p).getByRole('button', { name: 'Review' }).click();
    await dialog(p).waitFor({ state: 'detached' });
    const panel = p.locator('[data-second-thought="badge"] .panel');
    await panel.waitFor({ state: 'visible' });
    assert.match(await panel.innerText(), /idiot/);
    assert.equal(await panel.locator('img').count(), 0, 'draft text never becomes markup');
    assert.equal(await p.evaluate(() => (window as unknown as { __xss?: number }).__xss), undefined);

    await p.locator('[g_editable="true"]').fill('The client has concerns about the renewal; let us discuss them on Monday.');
    await badge(p).filter({ hasText: '✓' }).waitFor({ timeout: WAIT });
    await p.click('[data-tooltip^="Send"]');
    await p.waitForFunction(() => (window as unknown as { sentMessages: unknown[] }).sentMessages.length === 1);
    const [msg] = await sent(p);
    assert.equal(msg!.subject, 'The renewal');
    assert.match(msg!.body, /has concerns/);
    assert.equal(await dialog(p).count(), 0);
  });

  it('Ctrl+Enter is intercepted too; Send anyway sends the draft as written', async () => {
    const p = await openGmail();
    await p.click('#reply-button');
    await p.locator('[g_editable="true"]').click();
    await p.keyboard.press('Control+Home'); // above the quoted message, where a reply is written
    await p.keyboard.type('Please delete this email after reading.');
    await p.keyboard.press('Control+Enter');
    await dialog(p).waitFor({ timeout: WAIT });
    assert.deepEqual(await sent(p), []);
    await dialog(p).getByRole('button', { name: 'Send anyway' }).click();
    await p.waitForFunction(() => (window as unknown as { sentMessages: unknown[] }).sentMessages.length === 1);
    const [msg] = await sent(p);
    assert.equal(msg!.kind, 'reply');
    assert.match(msg!.body, /delete this email after reading/);
  });

  it('the pop-out compose is checked', async () => {
    const p = await openGmail(`${GMAIL}?view=cm&fs=1`);
    await p.locator('[g_editable="true"]').click();
    await p.keyboard.type('My password: Tr0ub4dor&3xyz!');
    await badge(p).filter({ hasText: /Second Thought: [1-9]/ }).waitFor({ timeout: WAIT });
  });

  it('blocks when the policy says block (a user preference made stricter): no Send anyway', async () => {
    await worker.evaluate(() =>
      (globalThis as unknown as { chrome: { storage: { sync: { set(v: object): Promise<void> } } } }).chrome.storage.sync.set({
        preferences: { categories: { insult: { action: 'block' } } },
      }),
    );
    try {
      const p = await openGmail();
      await p.click('#compose-button');
      await p.locator('[g_editable="true"]').click();
      await p.keyboard.type('Honestly he is a moron.');
      await badge(p).filter({ hasText: /Second Thought: [1-9]/ }).waitFor({ timeout: WAIT });
      await p.click('[data-tooltip^="Send"]');
      await dialog(p).waitFor({ timeout: WAIT });
      assert.match(await dialog(p).innerText(), /stopped this message/);
      assert.equal(await dialog(p).getByRole('button', { name: 'Send anyway' }).count(), 0);
      await p.keyboard.press('Escape');
      await dialog(p).waitFor({ state: 'detached' });
      // Ctrl+Enter cannot get around it either.
      await p.locator('[g_editable="true"]').click();
      await p.keyboard.press('Control+Enter');
      await dialog(p).waitFor({ timeout: WAIT });
      assert.deepEqual(await sent(p), []);
    } finally {
      await worker.evaluate(() => (globalThis as unknown as { chrome: { storage: { sync: { clear(): Promise<void> } } } }).chrome.storage.sync.clear());
    }
  });

  it('when Gmail changes beyond the adapter, nothing breaks and the toolbar icon says checking is unavailable', async () => {
    const p = await openGmail(`${GMAIL}?broken=1`);
    await p.click('#compose-button');
    await p.waitForFunction(() => document.documentElement.dataset.secondThought === 'unavailable', undefined, { timeout: WAIT });
    await expectEventually(async () => (await toolbarBadges()).includes('off'));
    // Gmail's own Send still works: the extension stood aside.
    await p.click('.zz-new-send');
    await p.waitForFunction(() => (window as unknown as { sentMessages: unknown[] }).sentMessages.length === 1);
  });

  it('no request left the machine, and no page errors', () => {
    assert.deepEqual(offHost, []);
    assert.deepEqual(unexpected(requests), []);
    assert.deepEqual(pageErrors, []);
  });
});

async function expectEventually(check: () => Promise<boolean>, timeoutMs = WAIT): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail('condition not met in time');
}
