/**
 * The organization policy served as policy.json beside the built playground (the add-in's own
 * origin, fetched by a relative URL), the user's preferences in roaming settings, and override
 * with a reason, in headless Chromium on the real pane and launchevent.js.
 *
 * Each scenario gets a fresh browser context (fresh localStorage: the stand-in's roaming
 * settings) and its own policy.json, answered for `/playground/policy.json` on the test's
 * localhost server. Skipped only when /usr/bin/chromium is missing.
 */
import assert from 'node:assert/strict';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import type { RunningServer } from '../../src/server/static-server.js';
import { offHost, recordTraffic, startPlayground } from './harness.js';

const SLOW = 90_000;

const VALID_POLICY = JSON.stringify({
  version: 1,
  internalDomains: ['contoso.com'],
  requireOverrideReason: true,
  locks: ['categories.insult'],
  terms: [
    {
      id: 'codename-bluebird',
      patterns: ['project bluebird', 'bluebird'],
      category: 'confidential',
      severity: 'medium',
      message: 'Bluebird is an internal codename.',
    },
  ],
});

/** Valid JSON, invalid policy: an action that does not exist. */
const INVALID_POLICY = JSON.stringify({ version: 1, categories: { insult: { action: 'shout' } } });

describe('browser: organization policy, preferences and override reasons (headless Chromium)', function () {
  this.timeout(10 * 60 * 1000);
  let browser: Browser | undefined;
  let server: RunningServer | undefined;

  before(async function () {
    ({ server, browser } = await startPlayground(this));
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  /** A fresh playground whose policy.json (same origin, beside the pages) has `policy` as its text. */
  async function open(policy: string): Promise<{ page: Page; pane: FrameLocator; policyRequests: string[]; traffic: ReturnType<typeof recordTraffic> }> {
    const context = await browser!.newContext({ viewport: { width: 1280, height: 800 } });
    const policyRequests: string[] = [];
    await context.route('**/playground/policy.json', (route) => {
      policyRequests.push(route.request().url());
      return route.fulfill({ status: 200, contentType: 'application/json', body: policy });
    });
    const page = await context.newPage();
    const traffic = recordTraffic(page);
    await page.goto(`${server!.url}/playground/`);
    await page.waitForSelector('body[data-handlers="stOnNewCompose stOnRecipients stOnSend"]', { timeout: SLOW });
    return { page, pane: page.frameLocator('#pane'), policyRequests, traffic };
  }

  const quotes = (pane: FrameLocator) => pane.locator('.finding__quote q').allTextContents();

  it('a valid policy.json reaches the pane: its term is flagged; an allow-list entry saved in roaming settings silences it', async () => {
    const { page, pane, policyRequests, traffic } = await open(VALID_POLICY);
    await page.fill('#to', 'bob@fabrikam.example');
    await page.fill('#body', 'The bluebird launch moves to March.');
    await pane.locator('.finding__quote q', { hasText: /bluebird/i }).first().waitFor({ timeout: SLOW });
    assert.equal(await pane.locator('.notices').count(), 0, 'no notice for a valid policy');
    assert.ok(policyRequests.length >= 1 && policyRequests.every((u) => u.startsWith(`${server!.url}/playground/policy.json`)), policyRequests.join(' '));

    // Preferences: insult is locked by the organization, with the reason; tone is not.
    await pane.locator('#settings-toggle').click();
    await pane.locator('#settings-title').waitFor({ timeout: SLOW });
    assert.equal(await pane.locator('#show-insult').isDisabled(), true);
    assert.match(await pane.locator('#show-insult-locked').innerText(), /Locked: .*categories\.insult/);
    assert.equal(await pane.locator('#show-tone').isDisabled(), false);
    await pane.locator('#allow-list').fill('bluebird');
    await pane.locator('#settings-save').click();
    await pane.locator('#settings-status', { hasText: /Saved/ }).waitFor({ timeout: SLOW });
    await pane.locator('#status', { hasText: /Nothing to review/ }).waitFor({ timeout: SLOW });
    const stored = await page.evaluate(() => localStorage.getItem('secondThought.playground.roamingSettings'));
    assert.ok(stored && stored.includes('bluebird'), String(stored));
    assert.ok(!stored!.includes('March'), 'roaming settings hold preferences, never draft text');
    assert.deepEqual(offHost(traffic.requests), []);
    assert.deepEqual(traffic.errors, []);
    await page.context().close();
  });

  it('with requireOverrideReason, Send asks for a reason; the pane records it and the sent message carries the header', async () => {
    const { page, pane, traffic } = await open(VALID_POLICY);
    await page.fill('#to', 'bob@fabrikam.example');
    await page.fill('#body', 'Frankly, the new intern is an idiot.');
    await pane.locator('.finding__quote q', { hasText: /idiot/ }).first().waitFor({ timeout: SLOW });
    await page.click('#send');
    await page.locator('#alert[open]').waitFor({ timeout: SLOW });
    assert.match(await page.locator('#alert-message').innerText(), /give a reason/);
    assert.deepEqual(await page.locator('#alert-buttons button').allTextContents(), ['Take Action']);
    await page.click('#alert-buttons >> text=Take Action');

    await pane.locator('#override-reason').waitFor({ timeout: SLOW });
    await pane.locator('#override-reason').fill('Quoting the "client" verbatim');
    await pane.locator('#override-record').click();
    await pane.locator('#override-status', { hasText: /Reason recorded/ }).waitFor({ timeout: SLOW });
    const header = await page.evaluate(() => (window as unknown as { __stPlayground: { headers: Map<string, string> } }).__stPlayground.headers.get('x-second-thought-override'));
    assert.match(String(header), /^rules=insult\/[a-z0-9-]+(,[a-z]+\/[a-z0-9-]+)*; reason="Quoting the \\"client\\" verbatim"$/);
    assert.ok(!String(header).includes('intern'), 'the header never carries draft text');

    await page.click('#send');
    await page.locator('#send-status[data-state="sent"]').waitFor({ timeout: SLOW });
    assert.match(await page.locator('#send-status').innerText(), /x-second-thought-override: rules=insult\//);
    assert.deepEqual(offHost(traffic.requests), []);
    assert.deepEqual(traffic.errors, []);
    await page.context().close();
  });

  it('an invalid policy.json: the pane shows a notice and the default still flags', async () => {
    const { page, pane, traffic } = await open(INVALID_POLICY);
    await page.fill('#body', 'The bluebird team is run by an idiot.');
    await pane.locator('.finding__quote q', { hasText: /idiot/ }).first().waitFor({ timeout: SLOW });
    assert.match(await pane.locator('.notices').innerText(), /organization policy is invalid.*\$\.categories\.insult\.action.*built-in default applies/s);
    assert.ok(!(await quotes(pane)).some((q) => /bluebird/i.test(q)), 'terms of a policy that was not applied are not checked');
    // the send handler checks too (never no checking)
    await page.click('#send');
    await page.locator('#alert[open]').waitFor({ timeout: SLOW });
    assert.match(await page.locator('#alert-message').innerText(), /idiot/);
    assert.deepEqual(offHost(traffic.requests), []);
    assert.deepEqual(traffic.errors, []);
    await page.context().close();
  });
});
