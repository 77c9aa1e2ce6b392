/**
 * Screenshots for the README, taken from the built playground in headless Chromium:
 *   docs/screenshots/pane-findings.png  the task pane with findings beside a draft
 *   docs/screenshots/send-prompt.png    the Smart Alerts prompt on Send
 *   docs/screenshots/pane-dark.png      the pane alone, dark theme
 * Run: npx tsx scripts/screenshots.ts   (builds dist/ first when needed; no network but localhost)
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBuilt, launchChromium, offHost, recordTraffic, ROOT, serveDist } from '../test/browser/harness.js';

const out = join(ROOT, 'docs', 'screenshots');
mkdirSync(out, { recursive: true });
ensureBuilt((m) => console.log(m));
const server = await serveDist();
const browser = await launchChromium();
try {
  for (const scheme of ['light', 'dark'] as const) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 760 }, colorScheme: scheme });
    const traffic = recordTraffic(page);
    await page.goto(`${server.url}/playground/`);
    await page.waitForSelector('body[data-handlers]', { state: 'attached', timeout: 120_000 });
    await page.fill('#to', 'dana@contoso.com; procurement@example.org');
    await page.fill('#subject', 'Re: renewal pricing');
    await page.fill(
      '#body',
      [
        'Dana,',
        '',
        'Honestly the buyer is an idiot and a spoiled brat. I told him THIS IS THE LAST TIME WE DISCOUNT!!!',
        'Please delete this email after reading. Project Nightjar ships in May.',
        '',
        'My card for the deposit is 4111 1111 1111 1111.',
        '',
        'Sam',
      ].join('\n'),
    );
    const pane = page.frameLocator('#pane');
    await pane.locator('#status', { hasText: /\d+ things? to review/ }).waitFor({ timeout: 120_000 });
    await page.waitForTimeout(500);
    if (scheme === 'light') {
      await page.screenshot({ path: join(out, 'pane-findings.png') });
      await page.click('#send');
      await page.locator('#alert[open]').waitFor({ timeout: 120_000 });
      await page.waitForTimeout(300);
      await page.screenshot({ path: join(out, 'send-prompt.png') });
    } else {
      await page.locator('#pane').screenshot({ path: join(out, 'pane-dark.png') });
    }
    const away = offHost(traffic.requests);
    if (away.length > 0) throw new Error(`requests left localhost: ${away.join(', ')}`);
    await page.close();
  }
  console.log(`screenshots written to ${out}`);
} finally {
  await browser.close();
  await server.close();
}
