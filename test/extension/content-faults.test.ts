/**
 * The content script's fault paths, which the real extension cannot be made to hit: the script
 * (src/extension/content.ts) is bundled and started in the fixture page with an injected policy
 * and a classifier that throws, or a policy that cannot be loaded. Outside an extension it does
 * not start by itself (no chrome.runtime), so `startContent` is called here.
 * Headless Chromium without the extension; skipped only when /usr/bin/chromium is missing.
 */
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEFAULT_POLICY } from '../../src/policy/defaults.js';
import { bundle, CHROMIUM, CHROMIUM_ARGS, chromiumAvailable, GMAIL, routeFixture } from './helpers.js';

type Mode = { onError: 'send' | 'hold'; fault: 'classify' | 'policy' };

describe('extension: content script when checking fails (onError)', function () {
  this.timeout(60_000);
  let browser: Browser | undefined;
  let context: BrowserContext;
  let script: string;
  let page: Page;

  before(async function () {
    if (!chromiumAvailable()) {
      console.log('      SKIPPED: /usr/bin/chromium is missing (apt-get install -y chromium)');
      this.skip();
    }
    script = await bundle('content.ts', 'STContent');
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    context = await browser.newContext();
    // tsx compiles the functions passed to page.evaluate with esbuild's keepNames, which calls __name().
    await context.addInitScript('window.__name = (f) => f;');
    await routeFixture(context);
  });

  after(async () => {
    await browser?.close();
  });

  afterEach(async () => {
    await page?.close();
  });

  async function start(mode: Mode): Promise<Page> {
    page = await context.newPage();
    await page.goto(GMAIL);
    await page.addScriptTag({ content: script });
    await page.evaluate(
      ({ policy, fault }) => {
        const w = window as unknown as { STContent: typeof import('../../src/extension/content.js'); reports: unknown[] };
        w.reports = [];
        w.STContent.startContent({
          report: (m) => w.reports.push(m),
          loadPolicy: () => (fault === 'policy' ? Promise.reject(new Error('storage exploded')) : Promise.resolve({ policy, notices: [] })),
          createClassifier: () => ({
            classify() {
              throw new Error('lexicon table is corrupt');
            },
          }),
        });
      },
      { policy: { ...DEFAULT_POLICY, onError: mode.onError }, fault: mode.fault },
    );
    await page.click('#compose-button');
    await page.locator('[data-second-thought="badge"] button.badge').filter({ hasText: 'not checked' }).waitFor({ timeout: 10_000 });
    await page.locator('[g_editable="true"]').click();
    await page.keyboard.type('Anything at all.');
    return page;
  }

  const sent = (p: Page) => p.evaluate(() => (window as unknown as { sentMessages: unknown[] }).sentMessages.length);
  const dialog = (p: Page) => p.locator('[data-second-thought="dialog"] [role="alertdialog"]');

  it('onError "hold": a check that throws stops the send and says why; the draft stays', async () => {
    const p = await start({ onError: 'hold', fault: 'classify' });
    await p.click('[data-tooltip^="Send"]');
    await dialog(p).waitFor({ timeout: 10_000 });
    assert.equal(await dialog(p).getAttribute('data-kind'), 'hold');
    assert.match(await dialog(p).innerText(), /could not check this message \(lexicon table is corrupt\)/);
    assert.equal(await dialog(p).getByRole('button', { name: 'Send anyway' }).count(), 0);
    assert.equal(await sent(p), 0);
    assert.match(await p.locator('[g_editable="true"]').innerText(), /Anything at all/);
  });

  it('onError "send": a check that throws lets the message go', async () => {
    const p = await start({ onError: 'send', fault: 'classify' });
    await p.keyboard.press('Control+Enter');
    await p.waitForFunction(() => (window as unknown as { sentMessages: unknown[] }).sentMessages.length === 1);
    assert.equal(await dialog(p).count(), 0);
  });

  it('a policy that cannot be loaded: the toolbar says unavailable, and the default onError (send) applies', async () => {
    const p = await start({ onError: 'hold', fault: 'policy' });
    const reports = await p.evaluate(() => (window as unknown as { reports: Array<{ state: string; detail?: string }> }).reports);
    assert.ok(reports.some((r) => r.state === 'unavailable' && /storage exploded/.test(r.detail ?? '')), JSON.stringify(reports));
    await p.click('[data-tooltip^="Send"]');
    await p.waitForFunction(() => (window as unknown as { sentMessages: unknown[] }).sentMessages.length === 1);
  });
});
