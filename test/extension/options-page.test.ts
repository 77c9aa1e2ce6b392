/**
 * The options page in the built extension, loaded unpacked into headless Chromium (same setup as
 * content.test.ts): untick a category and add an allow-list line, save, reload and see them kept,
 * then check that the content script on the fixture Gmail page (served through a route) honours
 * them. Locks come from chrome.storage.managed, which only browser policy can set: the lock test
 * replaces `chrome.storage.managed` in the page before options.js runs (an init script).
 *
 * Skipped (with a message) only when /usr/bin/chromium is missing.
 */
import assert from 'node:assert/strict';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { GMAIL, startExtension, unexpected } from './helpers.js';

const WAIT = 20_000;

describe('extension: options page (headless Chromium, unpacked extension)', function () {
  this.timeout(120_000);
  let context: BrowserContext | undefined;
  let worker: Worker;
  let requests: string[];
  let offHost: string[];
  let base: string;
  const pages: Page[] = [];
  const pageErrors: string[] = [];

  before(async function () {
    this.timeout(5 * 60_000);
    ({ context, worker, requests, offHost } = await startExtension(this, 'st-opt-', WAIT));
    base = worker.url().replace(/\/background\.js$/, ''); // URL.origin is "null" for chrome-extension: in Node
  });

  after(async () => {
    await context?.close();
  });

  afterEach(async () => {
    for (const p of pages.splice(0)) await p.close();
  });

  async function open(url: string, init?: string): Promise<Page> {
    const p = await context!.newPage();
    pages.push(p);
    p.on('pageerror', (e) => pageErrors.push(e.message));
    if (init) await p.addInitScript({ content: init });
    await p.goto(url);
    return p;
  }

  const stored = () =>
    worker.evaluate(() =>
      (globalThis as unknown as { chrome: { storage: { sync: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome.storage.sync.get('preferences'),
    );

  it('the manifest declares options.html and the page renders a checkbox per category, all ticked', async () => {
    const manifest = await worker.evaluate(() => (globalThis as unknown as { chrome: { runtime: { getManifest(): { options_ui?: { page: string } } } } }).chrome.runtime.getManifest());
    assert.equal(manifest.options_ui?.page, 'options.html');
    const p = await open(`${base}/options.html`);
    await p.locator('#save').waitFor({ timeout: WAIT });
    const boxes = p.locator('#categories input[type=checkbox]');
    assert.equal(await boxes.count(), 10);
    for (let i = 0; i < 10; i++) {
      assert.equal(await boxes.nth(i).isChecked(), true);
      assert.equal(await boxes.nth(i).isDisabled(), false);
    }
    assert.equal(await p.locator('.locked').count(), 0);
  });

  it('an invalid allow-list line is refused with the reason and nothing is saved', async () => {
    const p = await open(`${base}/options.html`);
    await p.fill('#allow-list', 'fine words\n@nosuchset');
    await p.click('#save');
    await p.locator('#problems li').first().waitFor({ timeout: WAIT });
    assert.match(await p.locator('#problems').innerText(), /@nosuchset.*no such set/);
    assert.match(await p.locator('#status').innerText(), /Not saved/);
    assert.deepEqual(await stored(), {});
  });

  it('untick a category, add an allow-list line, save, reload: kept; Gmail honours them', async () => {
    const p = await open(`${base}/options.html`);
    await p.locator('#show-secret').uncheck();
    await p.fill('#allow-list', 'Moron Mountain');
    await p.click('#save');
    await p.locator('#status', { hasText: 'Saved' }).waitFor({ timeout: WAIT });
    const saved = (await stored()).preferences as { categories?: Record<string, { action?: string }>; allow?: string[] };
    assert.equal(saved.categories?.secret?.action, 'off');
    assert.deepEqual(saved.allow, ['Moron Mountain']);

    await p.reload();
    await p.locator('#save').waitFor({ timeout: WAIT });
    assert.equal(await p.locator('#show-secret').isChecked(), false);
    assert.equal(await p.locator('#show-insult').isChecked(), true);
    assert.equal(await p.locator('#allow-list').inputValue(), 'Moron Mountain');

    const g = await open(GMAIL);
    const badge = g.locator('[data-second-thought="badge"] button.badge');
    await g.click('#compose-button');
    // One change with the whole draft (fill), so no intermediate state can satisfy the wait:
    // an allowed place name, a password (its category hidden) and one insult still reported.
    await g.locator('[g_editable="true"]').fill('The Moron Mountain trail is closed. My password: Tr0ub4dor&3xyz! Honestly he is a moron.');
    await badge.filter({ hasText: /Second Thought: 1$/ }).waitFor({ timeout: WAIT });
    await badge.click();
    const panel = g.locator('[data-second-thought="badge"] .panel');
    await panel.waitFor({ state: 'visible' });
    const text = await panel.innerText();
    assert.match(text, /he is a moron/);
    assert.doesNotMatch(text, /Mountain|Tr0ub4dor|password/i);

    // Ticking the category again brings its findings back in the open tab, without a reload.
    await p.locator('#show-secret').check();
    await p.click('#save');
    await p.locator('#status', { hasText: 'Saved' }).waitFor({ timeout: WAIT });
    await badge.filter({ hasText: /Second Thought: 2$/ }).waitFor({ timeout: WAIT });
  });

  it('settings the organization locks are disabled with the reason, and saving keeps them', async () => {
    // A string, not a function: tsx's transpiled functions reference helpers the page lacks.
    const p = await open(
      `${base}/options.html`,
      `Object.defineProperty(chrome.storage, 'managed', { configurable: true, value: { get: () => Promise.resolve(${JSON.stringify({ version: 1, locks: ['categories.insult', 'allow'] })}) } });`,
    );
    await p.locator('#save').waitFor({ timeout: WAIT });
    assert.equal(await p.locator('#show-insult').isDisabled(), true);
    assert.equal(await p.locator('#show-insult').isChecked(), true);
    assert.match(await p.locator('#show-insult-locked').innerText(), /Locked: .*categories\.insult/);
    assert.equal(await p.locator('#show-tone').isDisabled(), false);
    assert.equal(await p.locator('#allow-list').isDisabled(), true);
    assert.match(await p.locator('#allow-locked').innerText(), /Locked: .*allow-list/);
    assert.equal(await p.locator('#allow-list').inputValue(), 'Moron Mountain', 'the stored list is shown, not edited');

    await p.locator('#show-tone').uncheck();
    await p.click('#save');
    await p.locator('#status', { hasText: 'Saved' }).waitFor({ timeout: WAIT });
    const saved = (await stored()).preferences as { categories?: Record<string, { action?: string }>; allow?: string[] };
    assert.equal(saved.categories?.tone?.action, 'off');
    assert.equal(saved.categories?.insult, undefined);
    assert.deepEqual(saved.allow, ['Moron Mountain']);
  });

  it('no request left the machine, and no page errors', () => {
    assert.deepEqual(offHost, []);
    assert.deepEqual(unexpected(requests), []);
    assert.deepEqual(pageErrors, []);
  });
});

