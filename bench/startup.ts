/**
 * Cold start, as the event runtime pays it on every send: load the classifier, create it
 * (compile the lexicons into the trie) and run the first check. Each sample is a fresh
 * `node` process running a minified ESM bundle of src/classifier (built here with esbuild,
 * which tsx already brings), so no TypeScript transform is timed. Process start-up itself is
 * not counted: the clock starts just before the import.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSize } from './sizes.js';
import { median } from './stats.js';

export interface StartupResult {
  /** How the classifier was loaded in the child. */
  loader: 'esbuild bundle' | 'tsx';
  samples: number;
  importMs: number;
  createMs: number;
  firstCheckMs: number;
  /** import + create + first check. */
  totalMs: number;
  /** A second check of the same draft in the same process, for contrast. */
  secondCheckMs: number;
  /** The classifier core alone, minified (esbuild) and gzipped; undefined when esbuild is missing. */
  coreBytes?: number;
  coreGzip?: number;
}

const CHILD = `
const [url, draftPath] = process.argv.slice(1);
const draft = (await import('node:fs')).readFileSync(draftPath, 'utf8');
const t0 = performance.now();
const mod = await import(url);
const t1 = performance.now();
const c = mod.createClassifier();
const t2 = performance.now();
c.classify(draft);
const t3 = performance.now();
c.classify(draft);
const t4 = performance.now();
console.log(JSON.stringify({ importMs: t1 - t0, createMs: t2 - t1, firstCheckMs: t3 - t2, secondCheckMs: t4 - t3 }));
`;

export async function buildCore(root: string, outfile: string, entry = 'src/classifier/index.ts'): Promise<string | undefined> {
  try {
    const esbuild = (await import('esbuild' as string)) as {
      build(o: Record<string, unknown>): Promise<unknown>;
    };
    mkdirSync(dirname(outfile), { recursive: true });
    await esbuild.build({
      entryPoints: [join(root, entry)],
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'neutral',
      target: 'es2020',
      outfile,
      logLevel: 'silent',
    });
    return outfile;
  } catch {
    return undefined;
  }
}

export async function measureStartup(root: string, resultsDir: string, draft: string, samples: number): Promise<StartupResult> {
  const bundle = await buildCore(root, join(resultsDir, 'classifier.min.mjs'));
  const draftPath = join(resultsDir, 'startup-draft.txt');
  writeFileSync(draftPath, draft);
  const url = bundle ? pathToFileURL(bundle).href : pathToFileURL(join(root, 'src/classifier/index.ts')).href;
  const args = bundle ? ['--input-type=module', '-e', CHILD, url, draftPath] : ['--import', 'tsx', '--input-type=module', '-e', CHILD, url, draftPath];
  const runs: Array<Omit<StartupResult, 'loader' | 'samples' | 'totalMs'>> = [];
  for (let k = 0; k < samples; k++) {
    const out = execFileSync(process.execPath, args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    runs.push(JSON.parse(out.trim().split('\n').pop()!));
  }
  const pick = (key: 'importMs' | 'createMs' | 'firstCheckMs' | 'secondCheckMs'): number => median(runs.map((r) => r[key]));
  const result: StartupResult = {
    loader: bundle ? 'esbuild bundle' : 'tsx',
    samples,
    importMs: pick('importMs'),
    createMs: pick('createMs'),
    firstCheckMs: pick('firstCheckMs'),
    secondCheckMs: pick('secondCheckMs'),
    totalMs: median(runs.map((r) => r.importMs + r.createMs + r.firstCheckMs)),
  };
  if (bundle) {
    const code = readFileSync(bundle);
    result.coreBytes = code.length;
    result.coreGzip = gzipSize(code);
  }
  return result;
}
