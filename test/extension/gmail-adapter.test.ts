/**
 * The Gmail adapter against the fixture page (test/fixtures/gmail/compose.html), in headless
 * Chromium: no DOM library is installed for Node, and innerText/getComputedStyle need a real
 * layout engine anyway. The adapter module is bundled alone and injected as `window.STAdapter`;
 * no extension is involved here (test/extension/content.test.ts loads the real one).
 */
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { adapterBundle, CHROMIUM, CHROMIUM_ARGS, chromiumAvailable, GMAIL, routeFixture } from './helpers.js';

type Scan = { composes: Array<{ kind: string; draft: unknown; sendLabel: string | null }>; broken: number };

describe('extension: gmail-adapter (fixture page in headless Chromium)', function () {
  this.timeout(60_000);
  let browser: Browser | undefined;
  let context: BrowserContext;
  let page: Page;
  let script: string;
  let offHost: string[];

  before(async function () {
    if (!chromiumAvailable()) {
      console.log('      SKIPPED: /usr/bin/chromium is missing (apt-get install -y chromium)');
      this.skip();
    }
    script = await adapterBundle();
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    context = await browser.newContext();
    ({ offHost } = await routeFixture(context));
  });

  after(async () => {
    await browser?.close();
  });

  async function open(url = GMAIL): Promise<Page> {
    page = await context.newPage();
    await page.goto(url);
    await page.addScriptTag({ content: script });
    return page;
  }

  afterEach(async () => {
    await page?.close();
  });

  function scan(p: Page): Promise<Scan> {
    return p.evaluate(() => {
      const A = (window as unknown as { STAdapter: typeof import('../../src/extension/gmail-adapter.js') }).STAdapter;
      const s = A.findComposes(document);
      return {
        composes: s.composes.map((c) => ({ kind: c.kind, draft: A.readDraft(c), sendLabel: c.send.getAttribute('aria-label') })),
        broken: s.broken.length,
      };
    });
  }

  it('finds nothing on a page without compose windows', async () => {
    const p = await open();
    assert.deepEqual(await scan(p), { composes: [], broken: 0 });
  });

  it('finds a new message, and reads its body (line breaks kept), subject and recipients by field', async () => {
    const p = await open();
    await p.click('#compose-button');
    await p.fill('input[name=subjectbox]', 'Budget');
    await p.locator('input[aria-label="To recipients"]').fill('amy@contoso.com, Bob <bob@example.org>');
    await p.locator('input[aria-label="Cc recipients"]').fill('carol@example.net');
    await p.locator('[g_editable="true"]').click();
    await p.keyboard.type('Hello team');
    await p.keyboard.press('Enter');
    await p.keyboard.type('Second line');
    const s = await scan(p);
    assert.equal(s.composes.length, 1);
    assert.equal(s.composes[0]!.kind, 'new');
    assert.match(s.composes[0]!.sendLabel ?? '', /^Send/);
    const draft = s.composes[0]!.draft as { body: string; subject: string; to: unknown[]; cc: unknown[]; bcc: unknown[] };
    assert.equal(draft.subject, 'Budget');
    assert.match(draft.body, /^Hello team\nSecond line\n?$/);
    assert.deepEqual(draft.to, ['amy@contoso.com', 'bob@example.org']);
    assert.deepEqual(draft.cc, ['carol@example.net']);
    assert.deepEqual(draft.bcc, []);
  });

  it('finds an inline reply: chips are recipients, the quoted text is part of the body', async () => {
    const p = await open();
    await p.click('#reply-button');
    const s = await scan(p);
    assert.equal(s.composes.length, 1);
    assert.equal(s.composes[0]!.kind, 'reply');
    const draft = s.composes[0]!.draft as { body: string; subject: string; to: unknown[] };
    assert.deepEqual(draft.to, [{ emailAddress: 'dana@partner.example', displayName: 'Dana Reyes' }]);
    assert.equal(draft.subject, '');
    assert.match(draft.body, /wrote:\n/);
  });

  it('a chip inside the body (a mention) is not a recipient', async () => {
    const p = await open();
    await p.click('#compose-button');
    await p.evaluate(() => {
      const chip = document.createElement('span');
      chip.setAttribute('data-hovercard-id', 'mention@example.org');
      chip.textContent = '@Mention';
      document.querySelector('[g_editable="true"]')!.append(chip);
    });
    const draft = (await scan(p)).composes[0]!.draft as { to: unknown[]; body: string };
    assert.deepEqual(draft.to, []);
    assert.match(draft.body, /@Mention/);
  });

  it('finds the pop-out compose (a page of its own)', async () => {
    const p = await open(`${GMAIL}?view=cm&fs=1`);
    const s = await scan(p);
    assert.deepEqual(
      s.composes.map((c) => c.kind),
      ['popout'],
    );
  });

  it('finds two compose windows at once, each with its own Send button', async () => {
    const p = await open();
    await p.click('#compose-button');
    await p.click('#reply-button');
    const s = await scan(p);
    assert.deepEqual(s.composes.map((c) => c.kind).sort(), ['new', 'reply']);
  });

  it('falls back when Gmail drops a hook: body without g_editable, Send without tooltip or label', async () => {
    const p = await open();
    await p.click('#compose-button');
    await p.evaluate(() => {
      document.querySelector('[g_editable]')!.removeAttribute('g_editable');
      const send = document.querySelector('[data-tooltip^="Send"]')!;
      send.removeAttribute('data-tooltip');
      send.removeAttribute('aria-label');
    });
    const s = await scan(p);
    assert.equal(s.composes.length, 1, 'found through role=textbox and the .aoO class');
    assert.equal(s.broken, 0);
  });

  it('reports a compose whose Send button it cannot recognize as broken (never guesses)', async () => {
    const p = await open(`${GMAIL}?broken=1`);
    await p.click('#compose-button');
    const s = await scan(p);
    assert.equal(s.composes.length, 0);
    assert.equal(s.broken, 1);
  });

  it('an editor in a dialog that no body selector knows is broken, not ignored', async () => {
    const p = await open();
    await p.click('#compose-button');
    await p.evaluate(() => {
      const body = document.querySelector('[g_editable]')!;
      for (const a of ['g_editable', 'role', 'aria-multiline', 'aria-label', 'class']) body.removeAttribute(a);
    });
    const s = await scan(p);
    assert.equal(s.composes.length, 0);
    assert.equal(s.broken, 1);
  });

  it('ignores hidden compose windows', async () => {
    const p = await open();
    await p.click('#compose-button');
    await p.evaluate(() => ((document.querySelector('[role=dialog]') as HTMLElement).style.display = 'none'));
    assert.deepEqual(await scan(p), { composes: [], broken: 0 });
  });

  it('tells the Send button (and what is inside it) from "More send options"', async () => {
    const p = await open();
    await p.click('#compose-button');
    const r = await p.evaluate(() => {
      const A = (window as unknown as { STAdapter: typeof import('../../src/extension/gmail-adapter.js') }).STAdapter;
      const c = A.findComposes(document).composes[0]!;
      return {
        label: A.isSendTarget(c.send.querySelector('span'), c),
        more: A.isSendTarget(document.querySelector('[aria-label="More send options"]'), c),
        body: A.isSendTarget(c.body, c),
        owner: A.composeOf(c.body, [c]) === c,
        outside: A.composeOf(document.getElementById('thread'), [c]),
      };
    });
    assert.deepEqual(r, { label: true, more: false, body: false, owner: true, outside: null });
  });

  it('every selector in SELECTORS parses in Chromium', async () => {
    const p = await open();
    const bad = await p.evaluate(() => {
      const A = (window as unknown as { STAdapter: typeof import('../../src/extension/gmail-adapter.js') }).STAdapter;
      const out: string[] = [];
      for (const list of Object.values(A.SELECTORS)) {
        for (const sel of list) {
          try {
            document.querySelector(sel);
          } catch {
            out.push(sel);
          }
        }
      }
      return out;
    });
    assert.deepEqual(bad, []);
  });

  it('observeCompose reports typing, opening and input edits', async () => {
    const p = await open();
    await p.evaluate(() => {
      const A = (window as unknown as { STAdapter: typeof import('../../src/extension/gmail-adapter.js') }).STAdapter;
      const w = window as unknown as { changes: number };
      w.changes = 0;
      A.observeCompose(document, () => w.changes++);
    });
    const changes = () => p.evaluate(() => (window as unknown as { changes: number }).changes);
    await p.click('#compose-button');
    const afterOpen = await changes();
    assert.ok(afterOpen > 0);
    await p.fill('input[name=subjectbox]', 'x');
    const afterSubject = await changes();
    assert.ok(afterSubject > afterOpen);
    await p.locator('[g_editable="true"]').click();
    await p.keyboard.type('y');
    assert.ok((await changes()) > afterSubject);
  });

  it('no request left the machine', () => {
    assert.deepEqual(offHost, []);
  });
});

describe('extension: gmail-adapter addressesIn (pure)', () => {
  it('reads typed recipient text', async () => {
    const { addressesIn } = await import('../../src/extension/gmail-adapter.js');
    const rows: Array<[string, string[]]> = [
      ['a@b.co', ['a@b.co']],
      ['a@b.co, c@d.org; e@f.net', ['a@b.co', 'c@d.org', 'e@f.net']],
      ['Amy Lee <amy@x.org>', ['amy@x.org']],
      // must not match
      ['', []],
      ['amy', []],
      ['@b.co', []],
      ['a@', []],
      ['not an address @ all', []],
    ];
    for (const [text, want] of rows) assert.deepEqual(addressesIn(text), want, text);
  });
});
