/**
 * After webpack (`npm run build:extension`): writes dist/extension/managed_schema.json from the
 * policy schema, stamps the manifest with package.json's version, and packs the directory into
 * dist/second-thought-gmail.zip (for the Chrome Web Store or a self-hosted update).
 */
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';
import { managedStorageSchemaText } from '../managed-schema.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const EXTENSION_DIR = join(root, 'dist', 'extension');
export const EXTENSION_ZIP = join(root, 'dist', 'second-thought-gmail.zip');

function files(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...files(path));
    else out.push(path);
  }
  return out;
}

export interface ZipEntry {
  /** Forward slashes, relative, e.g. `icons/icon-16.png`. */
  name: string;
  data: Uint8Array;
}

/** fflate writes the MS-DOS timestamp in local time, so a local-time moment gives the same bytes in every time zone. */
const MTIME = new Date(2024, 0, 1);

/** Deflated ZIP with a fixed timestamp on every entry, so the same inputs give the same archive. */
export function zip(entries: readonly ZipEntry[]): Buffer {
  const byName: Record<string, Uint8Array> = {};
  for (const e of entries) {
    if (e.name.startsWith('/') || e.name.includes('\\') || e.name.split('/').includes('..')) throw new Error(`zip: bad entry name ${e.name}`);
    byName[e.name] = e.data;
  }
  return Buffer.from(zipSync(byName, { level: 9, mtime: MTIME }));
}

export function pack(dir = EXTENSION_DIR, zipPath = EXTENSION_ZIP): { entries: number; bytes: number } {
  writeFileSync(join(dir, 'managed_schema.json'), managedStorageSchemaText());
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
  manifest.version = pkg.version.replace(/[^0-9.]/g, '') || '0.0.0';
  writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  // Source maps stay in dist/extension for debugging unpacked; the packed extension ships without.
  const entries: ZipEntry[] = files(dir)
    .filter((p) => !p.endsWith('.map'))
    .map((p) => ({ name: relative(dir, p).split(sep).join('/'), data: readFileSync(p) }));
  const archive = zip(entries);
  writeFileSync(zipPath, archive);
  return { entries: entries.length, bytes: archive.length };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { entries, bytes } = pack();
  console.log(`packed ${entries} files into ${relative(root, EXTENSION_ZIP)} (${Math.round(bytes / 1024)} KB)`);
}
