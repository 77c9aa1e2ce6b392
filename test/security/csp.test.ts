/**
 * DESIGN.md section 8, "the draft never leaves the device", checked on the BUILT output (dist/):
 * every page carries a Content-Security-Policy that only allows its own origin, and nothing in the
 * HTML, CSS or JavaScript would fetch from elsewhere.
 *
 * The URL rule, since bundles legitimately contain URL-looking strings:
 * - HTML: every src/href that would be fetched (script, link, img, iframe, source…) is relative,
 *   except <script src> of the Office.js host, and only on the two pages Outlook loads
 *   (taskpane.html, launchevent.html). Plain <a href> documentation links are not fetched and are
 *   allowed anywhere.
 * - CSS: url(...) and @import are relative (no remote fonts, images or stylesheets).
 * - JavaScript: any absolute URL with a real host ("scheme://name.tld" or localhost) must be the
 *   origin the add-in was built for (ST_ORIGIN, default https://localhost:3000: where policy.json
 *   comes from in the JavaScript-only runtime). Bare prefixes such as "https://" or "https://discord"
 *   (secret detectors looking FOR such URLs in the draft) carry no host and fetch nothing. And no
 *   channel that exists only to talk to servers: sendBeacon, WebSocket, EventSource, XMLHttpRequest,
 *   importScripts.
 *
 * Builds dist/ first when it is missing or older than the sources (same helper as test/browser).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DIST, ensureBuilt } from '../browser/harness.js';

const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const OFFICE_PAGES = new Set(['taskpane.html', 'launchevent.html']);
const BUILD_ORIGIN = (process.env.ST_ORIGIN || 'https://localhost:3000').replace(/\/+$/, '');

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...walk(p));
    else out.push(p);
  }
  return out;
}

/** Tags with their attributes (the built HTML is small, trusted build output; a simple scanner is enough). */
function tags(html: string): Array<{ name: string; attrs: Record<string, string>; inner: string }> {
  const out: Array<{ name: string; attrs: Record<string, string>; inner: string }> = [];
  const tagRe = /<([a-zA-Z][a-zA-Z0-9-]{0,30})((?:\s+[^\s=>]+(?:=(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*\/?>/g;
  for (let m = tagRe.exec(html); m; m = tagRe.exec(html)) {
    const attrs: Record<string, string> = {};
    const attrRe = /([^\s=>]+)(?:=("[^"]*"|'[^']*'|[^\s>]+))?/g;
    for (let a = attrRe.exec(m[2]!); a; a = attrRe.exec(m[2]!)) {
      let v = a[2] ?? '';
      if (v.startsWith('"') || v.startsWith("'")) v = v.slice(1, -1);
      attrs[a[1]!.toLowerCase()] = v.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'");
    }
    const name = m[1]!.toLowerCase();
    let inner = '';
    if (name === 'script' || name === 'style') {
      const close = html.indexOf(`</${name}>`, tagRe.lastIndex);
      inner = close < 0 ? '' : html.slice(tagRe.lastIndex, close);
    }
    out.push({ name, attrs, inner });
  }
  return out;
}

function parseCsp(value: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of value.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) map.set(name.toLowerCase(), sources);
  }
  return map;
}

const isRelative = (url: string) => !/^[a-z][a-z0-9+.-]*:/i.test(url) && !url.startsWith('//');

describe('security: Content-Security-Policy and remote URLs in dist/', function () {
  this.timeout(10 * 60 * 1000);
  let files: string[];
  let pages: string[];

  before(() => {
    ensureBuilt((m) => console.log(`      ${m}`));
    files = walk(DIST).filter((f) => !f.endsWith('.map'));
    pages = files.filter((f) => f.endsWith('.html'));
  });

  it('finds the pages Outlook and the playground load', () => {
    const names = pages.map((p) => relative(DIST, p)).sort();
    for (const must of ['taskpane.html', 'launchevent.html', 'playground/index.html', 'playground/pane.html']) assert.ok(names.includes(must), `${must} in ${names}`);
  });

  it("every page has one CSP meta tag: default-src 'self', connect-src 'self', strict script-src, no plugins", () => {
    for (const page of pages) {
      const name = relative(DIST, page);
      const metas = tags(readFileSync(page, 'utf8')).filter((t) => t.name === 'meta' && (t.attrs['http-equiv'] ?? '').toLowerCase() === 'content-security-policy');
      assert.equal(metas.length, 1, `${name}: one CSP meta tag`);
      const csp = parseCsp(metas[0]!.attrs.content ?? '');
      assert.deepEqual(csp.get('default-src'), ["'self'"], `${name} default-src`);
      assert.deepEqual(csp.get('connect-src'), ["'self'"], `${name} connect-src`);
      const script = csp.get('script-src');
      assert.ok(script, `${name} has script-src`);
      assert.equal(script![0], "'self'", name);
      for (const bad of ["'unsafe-inline'", "'unsafe-eval'", "'wasm-unsafe-eval'", "'unsafe-hashes'", '*', 'data:', 'blob:', 'http:', 'https:']) {
        assert.ok(!script!.includes(bad), `${name}: script-src must not allow ${bad}`);
      }
      // Only the Office.js host beyond 'self', and only where Outlook loads the page.
      const extra = script!.slice(1);
      assert.deepEqual(extra, OFFICE_PAGES.has(name) ? ['https://appsforoffice.microsoft.com'] : [], `${name} script-src`);
      assert.deepEqual(csp.get('object-src'), ["'none'"], `${name} object-src`);
      // No inline style either: the pane's controls are plain elements styled by its own stylesheet.
      assert.deepEqual(csp.get('style-src'), ["'self'"], `${name} style-src`);
      assert.deepEqual(csp.get('base-uri'), ["'none'"], `${name} base-uri`);
      for (const dir of ['font-src', 'img-src', 'style-src', 'frame-src']) {
        for (const src of csp.get(dir) ?? []) assert.ok(!/^(https?:|\*|\/\/)/.test(src), `${name} ${dir} allows remote ${src}`);
      }
    }
  });

  it('no inline script, no inline event handlers, no javascript: URLs in the HTML', () => {
    for (const page of pages) {
      const name = relative(DIST, page);
      for (const t of tags(readFileSync(page, 'utf8'))) {
        if (t.name === 'script') assert.equal(t.inner.trim(), '', `${name}: inline script`);
        for (const [k, v] of Object.entries(t.attrs)) {
          assert.ok(!/^on[a-z]+$/.test(k), `${name}: <${t.name} ${k}=…> inline handler`);
          assert.ok(!/^\s*javascript:/i.test(v), `${name}: javascript: URL in ${k}`);
        }
      }
    }
  });

  it('the HTML fetches only relative files, plus Office.js on the Outlook pages', () => {
    let remote = 0;
    for (const page of pages) {
      const name = relative(DIST, page);
      for (const t of tags(readFileSync(page, 'utf8'))) {
        if (t.name === 'a') continue; // documentation links are followed by the user, not fetched
        for (const attr of ['src', 'href', 'srcset', 'poster', 'data', 'action', 'formaction']) {
          const v = t.attrs[attr];
          if (v === undefined || v === '' || isRelative(v) || v.startsWith('data:')) continue;
          const allowed = t.name === 'script' && attr === 'src' && v === OFFICE_JS && OFFICE_PAGES.has(name);
          assert.ok(allowed, `${name}: <${t.name} ${attr}="${v}"> would be fetched from elsewhere`);
          remote++;
        }
      }
    }
    assert.equal(remote, OFFICE_PAGES.size, 'Office.js exactly once on each Outlook page, nothing else remote');
  });

  it('CSS loads nothing remote (no web fonts, no @import from elsewhere)', () => {
    const css = files.filter((f) => f.endsWith('.css'));
    assert.ok(css.length >= 2);
    for (const f of css) {
      const text = readFileSync(f, 'utf8');
      for (const m of text.matchAll(/url\(\s*(['"]?)([^'")]*)\1\s*\)/g)) {
        assert.ok(isRelative(m[2]!) || m[2]!.startsWith('data:'), `${relative(DIST, f)}: url(${m[2]})`);
      }
      for (const m of text.matchAll(/@import\s+(?:url\()?\s*['"]?([^'")\s;]+)/g)) assert.ok(isRelative(m[1]!), `${relative(DIST, f)}: @import ${m[1]}`);
    }
  });

  it('JavaScript names no host but the build origin, and has no beacon/socket/XHR channel', () => {
    const js = files.filter((f) => f.endsWith('.js'));
    assert.ok(js.length >= 3);
    let hosts = 0;
    for (const f of js) {
      const text = readFileSync(f, 'utf8');
      // A URL with a host: localhost or a dotted name ending in a TLD-like label.
      for (const m of text.matchAll(/\b(?:https?|wss?):\/\/(localhost(?::\d{1,5})?|(?:[a-z0-9-]{1,63}\.){1,10}[a-z]{2,24}(?::\d{1,5})?)(?![a-z0-9.-])/gi)) {
        hosts++;
        assert.equal(`${m[0]}`, BUILD_ORIGIN, `${relative(DIST, f)}: names ${m[0]}`);
      }
      for (const api of ['sendBeacon', 'WebSocket', 'EventSource', 'XMLHttpRequest', 'importScripts']) {
        assert.ok(!text.includes(api), `${relative(DIST, f)} uses ${api}`);
      }
    }
    assert.ok(hosts >= 1, 'the build origin is in the event runtime bundle (policy.json address)');
  });

  it('the rule would catch a remote URL (self-check of the scanner)', () => {
    const sample = '<script src="https://cdn.example.net/x.js"></script><link rel=stylesheet href=//fonts.example.com/a.css>';
    const t = tags(sample);
    assert.equal(t[0]!.attrs.src, 'https://cdn.example.net/x.js');
    assert.equal(isRelative(t[0]!.attrs.src!), false);
    assert.equal(isRelative(t[1]!.attrs.href!), false);
    assert.equal(isRelative('taskpane.js'), true);
  });
});
