/**
 * Shared by the browser tests and scripts/screenshots.ts: builds dist/ when it is missing or older
 * than its sources, serves it on localhost, launches the system Chromium with no background
 * traffic, and records every request a page makes.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { startStaticServer } from '../../src/server/static-server.js';
import type { RunningServer } from '../../src/server/static-server.js';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST = join(ROOT, 'dist');
export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Sources of the web build: anything newer than dist/ means rebuild. */
const INPUTS = ['src', 'assets', 'lexicons', 'manifest.xml', 'webpack.config.js', 'package.json'];

function newestMtime(path: string): number {
  let st;
  try {
    st = statSync(path);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const name of readdirSync(path)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(join(path, name)));
  }
  return newest;
}

/** Why dist/ must be rebuilt, or null when it is current. */
export function staleReason(): string | null {
  const stamp = join(DIST, 'launchevent.js');
  if (!existsSync(stamp) || !existsSync(join(DIST, 'playground', 'index.html'))) return 'dist/ is missing';
  // For local iteration only: ST_REUSE_DIST=1 tests the dist/ that is there.
  if (process.env.ST_REUSE_DIST === '1') return null;
  const built = Math.min(statSync(stamp).mtimeMs, statSync(join(DIST, 'playground', 'index.html')).mtimeMs);
  const newest = Math.max(...INPUTS.map((p) => newestMtime(join(ROOT, p))));
  return newest > built ? 'sources changed since dist/ was built' : null;
}

/** Builds the web bundles (npm run build:web) when dist/ is missing or stale. */
export function ensureBuilt(log: (m: string) => void = () => undefined): void {
  const why = staleReason();
  if (!why) return;
  log(`building the web bundles (${why})…`);
  execFileSync('npm', ['run', '--silent', 'build:web'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
}

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM);
}

export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

export function serveDist(): Promise<RunningServer> {
  return startStaticServer({ root: DIST, port: 0 });
}

/**
 * The common start of a browser test of the built pages: skip (with a message) where Chromium is
 * missing, build dist/ if it is stale, serve it on localhost and launch Chromium.
 */
export async function startPlayground(test: Mocha.Context): Promise<{ server: RunningServer; browser: Browser }> {
  if (!chromiumAvailable()) {
    console.log('      SKIPPED: /usr/bin/chromium is missing (apt-get install -y chromium)');
    test.skip();
  }
  ensureBuilt((m) => console.log(`      ${m}`));
  const server = await serveDist();
  return { server, browser: await launchChromium() };
}

/** Every URL a page (and its frames and workers) asks for, plus CSP violations and page errors. */
export function recordTraffic(page: Page) {
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  return { requests, errors };
}

/** Requests that went anywhere but this machine. */
export function offHost(requests: string[]): string[] {
  return requests.filter((u) => {
    if (u.startsWith('data:') || u.startsWith('blob:') || u === 'about:blank') return false;
    try {
      const host = new URL(u).hostname;
      return !(host === 'localhost' || host === '127.0.0.1' || host === '[::1]');
    } catch {
      return true;
    }
  });
}
