/**
 * Bundle sizes as a user downloads them: the send handler (dist/launchevent.js, loaded on every
 * send) and the task pane's first load (dist/taskpane.html and the local scripts and stylesheets
 * it references), each minified as built and gzipped with node:zlib at level 9. Deterministic:
 * sizes, never times.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface SizedFile {
  file: string;
  bytes: number;
  gzip: number;
}

export interface BundleSizes {
  sendHandler?: SizedFile;
  taskPane?: { files: SizedFile[]; bytes: number; gzip: number };
}

export function gzipSize(data: string | Uint8Array): number {
  return gzipSync(data, { level: 9 }).length;
}

export function sizeOf(path: string, name: string): SizedFile {
  const data = readFileSync(path);
  return { file: name, bytes: data.length, gzip: gzipSize(data) };
}

/** Local `<script src>` and stylesheet `<link href>` of a page, in document order (no remote URLs). */
export function pageAssets(html: string): string[] {
  const out: string[] = [];
  const tag = /<(script|link)\b[^>]{0,2000}>/gi;
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    const t = m[0];
    const isScript = m[1]!.toLowerCase() === 'script';
    if (!isScript && !/\brel\s{0,4}=\s{0,4}["']?stylesheet/i.test(t)) continue;
    // Attribute values may be quoted or not (minified HTML drops the quotes).
    const attr = new RegExp(`\\b${isScript ? 'src' : 'href'}\\s{0,4}=\\s{0,4}(?:"([^"]{1,500})"|'([^']{1,500})'|([^\\s>"']{1,500}))`, 'i').exec(t);
    const url = attr?.[1] ?? attr?.[2] ?? attr?.[3];
    if (!url || /^[a-z][a-z0-9+.-]{0,20}:|^\/\//i.test(url)) continue;
    out.push(url.replace(/^\.?\//, '').replace(/[?#].*$/, ''));
  }
  return out;
}

/** Sizes from a webpack build in `dist`, or nothing for the parts that are not there. */
export function bundleSizes(dist: string): BundleSizes {
  const out: BundleSizes = {};
  const handler = join(dist, 'launchevent.js');
  if (existsSync(handler)) out.sendHandler = sizeOf(handler, 'launchevent.js');
  const page = join(dist, 'taskpane.html');
  if (existsSync(page)) {
    const files = [sizeOf(page, 'taskpane.html')];
    for (const asset of pageAssets(readFileSync(page, 'utf8'))) {
      const path = join(dist, asset);
      if (existsSync(path)) files.push(sizeOf(path, asset));
    }
    out.taskPane = { files, bytes: files.reduce((s, f) => s + f.bytes, 0), gzip: files.reduce((s, f) => s + f.gzip, 0) };
  }
  return out;
}
