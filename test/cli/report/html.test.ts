import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createClassifier } from '../../../src/classifier/index.js';
import { barChart, escapeHtml, renderReport } from '../../../src/cli/report/html.js';
import { ScanSummary } from '../../../src/cli/report/summary.js';
import { ROOT } from '../helpers.js';
import { tempDir } from '../../temp-dir.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

function sampleSummary(): ScanSummary {
  const c = createClassifier({
    terms: [{ id: 'bluebird', patterns: ['project bluebird'], category: 'confidential', severity: 'high', message: 'Codename.' }],
    categories: { secret: { action: 'block' } },
  });
  const s = new ScanSummary();
  const drafts = [
    { body: 'Lunch at noon?' },
    { body: 'Card 4111 1111 1111 1111 for the hotel.' },
    { body: 'Project Bluebird slips to <b>May</b> & "June".' },
    { body: 'db password: Zq7vR2pLx9Tm4Wd' },
  ];
  drafts.forEach((d, i) => s.add(i === 2 ? '<img src=x onerror=alert(1)>.eml' : `m${i}.eml`, d, c.classify(d)));
  s.problem('malformed', 'x.mbox#2', 'malformed message: <script>alert(1)</script>');
  s.problem('loop', 'mail/up', 'directory loop');
  s.files = 3;
  s.finish();
  return s;
}

describe('cli/report/html', () => {
  it('escapes every character that could open markup', () => {
    assert.equal(escapeHtml(`<a href="x" onclick='y'>&</a>`), '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('charts are inline SVG with one bar per row, scaled to the largest', () => {
    const svg = barChart('t', [
      { label: 'a', value: 10, color: '#000' },
      { label: 'b', value: 5, color: '#000' },
      { label: 'c', value: 0, color: '#000' },
    ], 'c1');
    const widths = [...svg.matchAll(/<rect [^>]*width="(\d+)"/g)].map((m) => Number(m[1]));
    assert.deepEqual(widths, [360, 180, 0]);
  });

  it('is self-contained: no script, no external resource, a CSP that forbids them, no raw personal data', () => {
    const html = renderReport(sampleSummary(), { paths: ['mail'], generatedAt: new Date('2026-11-23T10:00:00Z') });
    assert.doesNotMatch(html, /<script/i);
    assert.doesNotMatch(html, /<(link|img|iframe|object|embed)\b/i);
    assert.doesNotMatch(html, /\b(src|href)="(https?:)?\/\//i);
    assert.match(html, /Content-Security-Policy" content="default-src 'none'/);
    assert.doesNotMatch(html, /4111|Zq7vR2pLx9Tm4Wd/);
    assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt;/);
  });

  describe('in headless Chromium', function () {
    this.timeout(90000);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    let browser: any;
    before(async function () {
      if (!existsSync(CHROMIUM)) {
        console.log(`      (skipped: ${CHROMIUM} is missing; the HTML report was not opened in a browser)`);
        this.skip();
      }
      const { chromium } = await import('playwright-core');
      browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    });
    after(async () => {
      await browser?.close();
    });

    it('opens with no console or script errors, fetches nothing, and shows the counts', async () => {
      const summary = sampleSummary();
      const dir = tempDir('st-report-');
      const file = join(dir, 'report.html');
      writeFileSync(file, renderReport(summary, { paths: ['mail'], policy: 'policy.json' }));
      const page = await browser.newPage();
      const errors: string[] = [];
      const requests: string[] = [];
      let dialogs = 0;
      page.on('console', (m: { type(): string; text(): string }) => {
        if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text());
      });
      page.on('pageerror', (e: Error) => errors.push(String(e)));
      page.on('request', (r: { url(): string }) => requests.push(r.url()));
      page.on('dialog', async (d: { dismiss(): Promise<void> }) => {
        dialogs++;
        await d.dismiss();
      });
      const url = pathToFileURL(file).href;
      await page.goto(url);
      await page.waitForLoadState('load');

      assert.deepEqual(errors, []);
      assert.deepEqual(requests, [url]);
      assert.equal(dialogs, 0);
      assert.equal(await page.locator('script, img, iframe').count(), 0);

      assert.equal(await page.textContent('#messages'), String(summary.messages));
      for (const v of ['pass', 'inform', 'warn', 'block'] as const) {
        assert.equal(await page.textContent(`[data-verdict="${v}"]`), String(summary.verdicts[v]), v);
        assert.equal(await page.getAttribute(`#chart-verdicts g[data-label="${v}"]`, 'data-value'), String(summary.verdicts[v]));
      }
      for (const [id, r] of summary.rules) {
        const row = page.locator(`#rules tr[data-rule="${id}"]`);
        assert.equal(await row.locator('[data-field="block"]').textContent(), String(r.messages.block), id);
        assert.equal(await row.locator('[data-field="warn"]').textContent(), String(r.messages.warn), id);
        assert.equal(await row.locator('[data-field="findings"]').textContent(), String(r.findings), id);
      }
      assert.equal(await page.textContent('#categories tr[data-category="pii"] [data-field="findings"]'), '1');
      assert.equal(await page.textContent('[data-problem="malformed"] b'), '1');
      const box = await page.locator('#chart-categories').boundingBox();
      assert.ok(box && box.width > 100 && box.height > 100, 'the chart is drawn');
      const text = await page.textContent('body');
      assert.doesNotMatch(String(text), /4111|Zq7vR2pLx9Tm4Wd/);
      assert.match(String(text), /\[pii\/credit-card\]/);
      await page.close();
    });

    it('a report written by scan over the fixture opens cleanly too', async () => {
      const { run } = await import('../../../src/cli/main.js');
      const { MemoryOutput } = await import('../../../src/cli/io.js');
      const dir = tempDir('st-report-');
      const stdout = new MemoryOutput();
      const code = await run(['scan', '--quiet', '--json', '--policy', 'policy.json', '--report', join(dir, 'r.html'), 'mail'], {
        stdout,
        stderr: new MemoryOutput(),
        stdin: (async function* () {})(),
        cwd: join(ROOT, 'test', 'fixtures', 'scan'),
      });
      assert.equal(code, 1);
      const summary = JSON.parse(stdout.text);
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('console', (m: { type(): string; text(): string }) => m.type() === 'error' && errors.push(m.text()));
      page.on('pageerror', (e: Error) => errors.push(String(e)));
      await page.goto(pathToFileURL(join(dir, 'r.html')).href);
      assert.deepEqual(errors, []);
      assert.equal(await page.textContent('#messages'), String(summary.messages));
      assert.equal(await page.textContent('[data-verdict="block"]'), String(summary.verdicts.block));
      assert.equal(await page.locator('#rules tbody tr').count(), Object.keys(summary.rules).length);
      assert.doesNotMatch(readFileSync(join(dir, 'r.html'), 'utf8'), /4111|Zq7vR2pLx9Tm4Wd/);
      await page.close();
    });
  });
});
