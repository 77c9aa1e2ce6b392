/**
 * Shared by the extension's browser tests: the system Chromium, the fixture page served for
 * https://mail.google.com/ through a route (nothing leaves the machine), the adapter bundled
 * alone for the adapter tests, and the built extension (built when missing or stale).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Request, Worker } from 'playwright-core';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
// One system Chromium and one set of flags for every browser test.
import { CHROMIUM, CHROMIUM_ARGS, chromiumAvailable } from '../browser/harness.js';
import { tempDir } from '../temp-dir.js';
export { CHROMIUM, CHROMIUM_ARGS, chromiumAvailable } from '../browser/harness.js';
export const FIXTURE = join(ROOT, 'test', 'fixtures', 'gmail', 'compose.html');
export const EXTENSION_DIR = join(ROOT, 'dist', 'extension');
export const GMAIL = 'https://mail.google.com/mail/u/0/';

/** Serves the fixture for every mail.google.com URL; anything else off this machine is aborted and recorded. */
export async function routeFixture(context: BrowserContext): Promise<{ offHost: string[] }> {
  const offHost: string[] = [];
  const html = readFileSync(FIXTURE, 'utf8');
  await context.route('https://mail.google.com/**', (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
  await context.route(/^(https?|wss?):\/\//, (route) => {
    const url = route.request().url();
    if (url.startsWith('https://mail.google.com/')) return route.fallback();
    const host = new URL(url).hostname;
    if (host === 'localhost' || host === '127.0.0.1') return route.fallback();
    offHost.push(url);
    return route.abort();
  });
  return { offHost };
}

/** Requests that are neither the routed fixture, localhost, nor the extension's own files. */
export function unexpected(requests: readonly string[]): string[] {
  return requests.filter((u) => {
    if (u.startsWith('https://mail.google.com/') || u.startsWith('chrome-extension://') || u.startsWith('data:') || u === 'about:blank') return false;
    try {
      const host = new URL(u).hostname;
      return !(host === 'localhost' || host === '127.0.0.1');
    } catch {
      return true;
    }
  });
}

export function recordRequests(context: BrowserContext): string[] {
  const seen: string[] = [];
  context.on('request', (r: Request) => seen.push(r.url()));
  return seen;
}

/** The adapter alone, as a script defining `window.STAdapter` (esbuild, which tsx already ships). */
export function adapterBundle(): Promise<string> {
  return bundle('gmail-adapter.ts', 'STAdapter');
}

/** A module of src/extension as a script defining `window[globalName]`. */
export async function bundle(file: string, globalName: string): Promise<string> {
  const esbuild = await import('esbuild');
  const out = await esbuild.build({
    entryPoints: [join(ROOT, 'src', 'extension', file)],
    bundle: true,
    write: false,
    format: 'iife',
    globalName,
    target: 'es2020',
    logLevel: 'silent',
  });
  return out.outputFiles[0]!.text;
}

function newest(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let n = st.mtimeMs;
  for (const name of readdirSync(path)) n = Math.max(n, newest(join(path, name)));
  return n;
}

/** Why dist/extension must be rebuilt, or null. ST_REUSE_DIST=1 skips the freshness check. */
export function extensionStale(): string | null {
  const stamp = join(EXTENSION_DIR, 'content.js');
  if (!existsSync(stamp) || !existsSync(join(EXTENSION_DIR, 'managed_schema.json'))) return 'dist/extension is missing';
  if (process.env.ST_REUSE_DIST === '1') return null;
  const built = statSync(stamp).mtimeMs;
  const inputs = ['src/extension', 'src/classifier', 'src/policy', 'src/outlook/alert-message.ts', 'src/taskpane/pane-logic.ts', 'lexicons', 'webpack.extension.config.js'];
  const latest = Math.max(...inputs.map((p) => (existsSync(join(ROOT, p)) ? newest(join(ROOT, p)) : 0)));
  return latest > built ? 'sources changed since it was built' : null;
}

export function ensureExtensionBuilt(log: (m: string) => void = () => undefined): void {
  const why = extensionStale();
  if (!why) return;
  log(`building the extension (${why})…`);
  execFileSync('npm', ['run', '--silent', 'build:extension'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
}

/** A browser with the extension loaded, the fixture routed, and what it requested so far. */
export interface ExtensionSession {
  context: BrowserContext;
  worker: Worker;
  /** Every request the browser made. */
  requests: string[];
  /** Requests off this machine, aborted. */
  offHost: string[];
}

/**
 * What every extension suite starts with: skips the suite when Chromium is missing, builds the
 * extension if needed, launches it, records requests, routes the fixture and waits for the
 * service worker. Close `context` when done.
 */
export async function startExtension(suite: Mocha.Context, prefix: string, wait: number): Promise<ExtensionSession> {
  if (!chromiumAvailable()) {
    console.log('      SKIPPED: /usr/bin/chromium is missing (apt-get install -y chromium)');
    suite.skip();
  }
  ensureExtensionBuilt((m) => console.log(`      ${m}`));
  const context = await launchWithExtension(prefix);
  const requests = recordRequests(context);
  const { offHost } = await routeFixture(context);
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: wait }));
  return { context, worker, requests, offHost };
}

/**
 * Headless Chromium with the built extension loaded, from a private copy in a new temp folder
 * (another build emptying dist/ meanwhile cannot pull the extension from under the browser).
 */
export async function launchWithExtension(prefix: string): Promise<BrowserContext> {
  const tmp = tempDir(prefix);
  const dir = join(tmp, 'extension');
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  const { chromium } = await import('playwright-core');
  const context = await chromium.launchPersistentContext(join(tmp, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [...CHROMIUM_ARGS, `--disable-extensions-except=${dir}`, `--load-extension=${dir}`],
  });
  return context;
}
