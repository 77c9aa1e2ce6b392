/**
 * "Send is never stuck", in the browser: the built playground runs the production launchevent.js
 * and the real pane on the Office.js stand-in. Here its policy.json is made missing (404), invalid,
 * a JSON array, or slow (the request is never answered), before the page loads; a regrettable draft
 * is typed and Send pressed. Every case must end (alert or sent, never "checking" forever) with the
 * bundled default still checking: the insult is in the alert. No request may leave the test server.
 *
 * Skipped (with a message) only when /usr/bin/chromium is missing. Builds dist/ when missing or stale.
 */
import assert from 'node:assert/strict';
import type { Browser, Route } from 'playwright-core';
import type { RunningServer } from '../../src/server/static-server.js';
import { startPlayground } from '../browser/harness.js';

const SLOW = 90_000;

const FAULTS: Array<[string, (route: Route) => unknown]> = [
  ['policy.json is missing (404)', (r) => r.fulfill({ status: 404, body: 'not found' })],
  ['policy.json is not JSON', (r) => r.fulfill({ status: 200, contentType: 'application/json', body: '{"version":1,,' })],
  ['policy.json is a JSON array', (r) => r.fulfill({ status: 200, contentType: 'application/json', body: '[1,2,3]' })],
  ['policy.json answers HTTP 500', (r) => r.fulfill({ status: 500, body: 'oops' })],
  ['policy.json never answers', () => new Promise(() => undefined)],
];

describe('reliability: playground Send with a broken policy.json (headless Chromium)', function () {
  this.timeout(10 * 60 * 1000);
  let browser: Browser | undefined;
  let server: RunningServer | undefined;
  const results: string[] = [];

  before(async function () {
    ({ server, browser } = await startPlayground(this));
  });

  after(async () => {
    if (results.length) console.log(`      ${results.length} policy faults in the browser:\n${results.map((r) => `        ${r}`).join('\n')}`);
    await browser?.close();
    await server?.close();
  });

  for (const [name, answer] of FAULTS) {
    it(`${name}: Send ends with the default policy's alert`, async () => {
      const origin = new URL(server!.url).origin;
      const context = await browser!.newContext();
      const foreign: string[] = [];
      let policyAsked = 0;
      await context.route('**/*', (route) => {
        const url = new URL(route.request().url());
        if (url.origin !== origin) {
          foreign.push(url.href);
          return route.abort();
        }
        if (url.pathname.endsWith('/policy.json')) {
          policyAsked++;
          return answer(route);
        }
        return route.continue();
      });
      try {
        const page = await context.newPage();
        await page.goto(`${origin}/playground/`);
        await page.waitForSelector('body[data-handlers="stOnNewCompose stOnRecipients stOnSend"]', { timeout: SLOW });
        await page.fill('#to', 'buyer@example.org');
        await page.fill('#body', 'Frankly the buyer is an idiot.');
        const started = Date.now();
        await page.click('#send');
        await page.locator('#send-status[data-state="held"], #send-status[data-state="sent"]').waitFor({ timeout: SLOW });
        const ms = Date.now() - started;
        const state = await page.locator('#send-status').getAttribute('data-state');
        const alert = state === 'held' ? await page.locator('#alert-message').innerText() : '';
        results.push(`${name}: ${state} after ${ms} ms${alert ? `, alert: ${alert.slice(0, 60).replace(/\s+/g, ' ')}…` : ''}`);
        assert.ok(policyAsked >= 1, 'the add-in asked for policy.json');
        assert.equal(state, 'held', 'the default policy warns about the insult');
        assert.match(alert, /idiot/);
        assert.deepEqual(foreign, []);
      } finally {
        await context.close();
      }
    });
  }
});
