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

/**
 * What the send handler is made of: each part's share of dist/launchevent.js, found with its
 * source map (every minified character belongs to the source file it maps to). `gzip` is what the
 * part costs gzipped: the gzip size of the whole minus that of the whole without the part's
 * characters (so it counts what the part adds, not what it shares with the rest).
 */
export interface BundlePart {
  part: string;
  bytes: number;
  gzip: number;
}

/** The parts named in the breakdown, by the source path (first match wins); the rest is "other". */
export const SEND_HANDLER_PARTS: ReadonlyArray<readonly [string, RegExp]> = [
  ['lexicon (src/classifier/lexicons)', /src\/classifier\/lexicons\//],
  ['libphonenumber-js metadata', /libphonenumber-js\/metadata[^/]*$/],
  ['libphonenumber-js code', /libphonenumber-js\//],
  ['Unicode property tables', /second-thought-unicode\//],
  ['detectors (src/classifier/detectors)', /src\/classifier\/detectors\//],
  ['classifier core (rest of src/classifier)', /src\/classifier\//],
  ['policy (src/policy)', /src\/policy\//],
  ['send handler (src/outlook)', /src\/outlook\//],
];

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Source index per generated segment, per line: [column, source | -1][] (source map v3 mappings). */
function decodeMappings(mappings: string): Array<Array<[number, number]>> {
  const lines: Array<Array<[number, number]>> = [];
  let source = 0;
  for (const line of mappings.split(';')) {
    const segs: Array<[number, number]> = [];
    let column = 0;
    for (const seg of line.split(',')) {
      if (seg === '') continue;
      const fields: number[] = [];
      let value = 0;
      let shift = 0;
      for (const ch of seg) {
        const digit = B64.indexOf(ch);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      column += fields[0]!;
      if (fields.length > 1) source += fields[1]!;
      segs.push([column, fields.length > 1 ? source : -1]);
    }
    lines.push(segs);
  }
  return lines;
}

/** The send handler's parts (largest gzip cost first), or nothing without a build and its source map. */
export function sendHandlerParts(dist: string): BundlePart[] {
  const file = join(dist, 'launchevent.js');
  if (!existsSync(file) || !existsSync(`${file}.map`)) return [];
  const code = readFileSync(file, 'utf8');
  const map = JSON.parse(readFileSync(`${file}.map`, 'utf8')) as { sources: string[]; mappings: string };
  const partOf = map.sources.map((s) => {
    const found = SEND_HANDLER_PARTS.find(([, re]) => re.test(s.replace(/\\/g, '/')));
    return found ? found[0] : 'other (webpack runtime, glue)';
  });
  const names = [...SEND_HANDLER_PARTS.map(([name]) => name), 'other (webpack runtime, glue)'];
  // owner[i]: the part index of character i
  const owner = new Uint8Array(code.length).fill(names.length - 1);
  const lines = decodeMappings(map.mappings);
  let offset = 0;
  code.split('\n').forEach((text, li) => {
    const segs = lines[li] ?? [];
    segs.forEach(([column, source], k) => {
      const end = k + 1 < segs.length ? segs[k + 1]![0] : text.length;
      const part = source >= 0 ? names.indexOf(partOf[source]!) : names.length - 1;
      owner.fill(part, offset + column, offset + end);
    });
    offset += text.length + 1;
  });
  const whole = gzipSize(code);
  const parts = names.map((part, index) => {
    let without = '';
    let bytes = 0;
    let from = 0;
    for (let i = 0; i <= code.length; i++) {
      const mine = i < code.length && owner[i] === index;
      if (mine) bytes++;
      if (mine && from < 0) continue;
      if (mine) {
        without += code.slice(from, i);
        from = -1;
      } else if (from < 0) from = i;
    }
    if (from >= 0) without += code.slice(from);
    return { part, bytes, gzip: whole - gzipSize(without) };
  });
  return parts.filter((p) => p.bytes > 0).sort((a, b) => b.gzip - a.gzip);
}

// `npx tsx bench/sizes.ts [dist]`: the bundle sizes and the send handler's parts.
if (process.argv[1] && /[\\/]bench[\\/]sizes\.ts$/.test(process.argv[1])) {
  const dist = process.argv[2] ?? 'dist';
  const sizes = bundleSizes(dist);
  if (!sizes.sendHandler) console.log(`no ${join(dist, 'launchevent.js')}: run npm run build:web first`);
  else {
    console.log(`send handler ${sizes.sendHandler.file}: ${sizes.sendHandler.bytes} bytes minified, ${sizes.sendHandler.gzip} gzipped (budget ${100 * 1024})`);
    for (const p of sendHandlerParts(dist)) console.log(`  ${String(p.gzip).padStart(7)} gz ${String(p.bytes).padStart(8)} raw  ${p.part}`);
  }
  if (sizes.taskPane) console.log(`task pane first load: ${sizes.taskPane.bytes} bytes, ${sizes.taskPane.gzip} gzipped (budget ${250 * 1024})`);
}
