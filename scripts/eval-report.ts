/**
 * `npm run eval:report`: runs `eval` over every .jsonl file of the shared
 * evaluation corpus (../shared/corpus/, beside the repository) under the
 * bundled default policy, and writes docs/quality.md.
 *
 *   tsx scripts/eval-report.ts [--corpus DIR] [--out FILE] [--jobs N] [--review FILE]
 *
 * Files are measured in parallel worker threads (one classifier per worker;
 * default: as many workers as cores, at most 2, the size of the shared build
 * machine). The report holds numbers only: no corpus text is copied into it
 * (the corpus is evaluation data, partly under a non-commercial licence).
 *
 * `--review FILE` (default docs/clean-mail-review.tsv, optional): a hand review
 * of flagged clean-mail rows, one `id<TAB>real|fp<TAB>kind` per line. The report
 * then says how many of the clean-mail rows flagged now were judged real content
 * and how many false positives. It never changes clean_flag_rate.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { EvalResult } from '../src/cli/metrics.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** tsx's loader API, resolved here so workers find it whatever the current directory. */
const TSX_API = import.meta.resolve('tsx/esm/api');

/**
 * Files whose rows are e-mail bodies (the rest are tweets, test vectors, code):
 * their `[]` rows together are the "clean business mail" of the DESIGN.md target.
 */
const MAIL_FILES = ['aeslc-enron.jsonl', 'spamassassin-easy-ham.jsonl', 'workplace-dev.jsonl'];

/** What a worker sends back for one file. */
interface FileReport {
  file: string;
  result: EvalResult;
  cleanRows: number;
  cleanFlagged: number;
  lookalikeRows: number;
  lookalikeFlagged: number;
  /** Mail files only: ids of the rows labeled [] that got a predicted category. */
  flaggedClean?: string[];
  seconds: number;
  error?: string;
}

/** One reviewed row of the review file. */
export interface ReviewEntry {
  verdict: 'real' | 'fp';
  kind: string;
}

if (isMainThread) {
  main().catch((err) => {
    process.stderr.write(`eval-report: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 2;
  });
} else {
  void workerLoop();
}

async function workerLoop(): Promise<void> {
  const { createClassifier } = await import('../src/classifier/index.js');
  const { evaluateFile } = await import('../src/cli/commands/eval.js');
  const classifier = createClassifier();
  const mail = new Set(MAIL_FILES);
  const port = parentPort!;
  port.on('message', async (file: string | null) => {
    if (file === null) {
      port.close();
      return;
    }
    const started = performance.now();
    try {
      // Mail files also keep the ids of their flagged clean rows, for the review counts.
      const flaggedClean: string[] | undefined = mail.has(basename(file)) ? [] : undefined;
      const tally = await evaluateFile(file, classifier, {
        onRow: (row, predicted) => {
          if (flaggedClean && row.labels.length === 0 && predicted.size > 0) flaggedClean.push(row.id);
        },
      });
      const report: FileReport = {
        file,
        result: tally.result(),
        cleanRows: tally.cleanRows,
        cleanFlagged: tally.cleanFlagged,
        lookalikeRows: tally.lookalikeRows,
        lookalikeFlagged: tally.lookalikeFlagged,
        flaggedClean,
        seconds: (performance.now() - started) / 1000,
      };
      port.postMessage(report);
    } catch (err) {
      port.postMessage({ file, error: err instanceof Error ? err.message : String(err) });
    }
  });
  port.postMessage({ ready: true, id: workerData?.id });
}

/** Reads the review file: `id<TAB>real|fp<TAB>kind` lines; `#` comments and blank lines are skipped. */
export function parseReview(text: string, name: string): Map<string, ReviewEntry> {
  const out = new Map<string, ReviewEntry>();
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '' || line.startsWith('#')) return;
    const [id, verdict, kind, ...rest] = line.split('\t');
    if (!id || (verdict !== 'real' && verdict !== 'fp') || !kind || rest.length > 0) {
      throw new Error(`${name}: line ${i + 1}: expected "id<TAB>real|fp<TAB>kind"`);
    }
    if (out.has(id)) throw new Error(`${name}: line ${i + 1}: ${id} is listed twice`);
    out.set(id, { verdict, kind });
  });
  return out;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { corpus: { type: 'string' }, out: { type: 'string' }, jobs: { type: 'string' }, review: { type: 'string' } },
    strict: true,
  });
  const reviewPath = resolve(values.review ?? join(ROOT, 'docs', 'clean-mail-review.tsv'));
  if (values.review !== undefined && !existsSync(reviewPath)) throw new Error(`no review file ${reviewPath}`);
  const review = existsSync(reviewPath)
    ? { path: reviewPath, entries: parseReview(readFileSync(reviewPath, 'utf8'), relative(ROOT, reviewPath) || reviewPath) }
    : undefined;
  const corpus = resolve(values.corpus ?? join(ROOT, '..', 'shared', 'corpus'));
  const out = resolve(values.out ?? join(ROOT, 'docs', 'quality.md'));
  const files = readdirSync(corpus)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .map((f) => join(corpus, f));
  if (files.length === 0) throw new Error(`no .jsonl files in ${corpus}`);
  const jobs = Math.max(1, Math.min(files.length, Number(values.jobs ?? Math.min(2, availableParallelism()))));

  const started = performance.now();
  const reports = await runPool(files, jobs);
  const seconds = (performance.now() - started) / 1000;
  const failed = reports.filter((r) => r.error);
  if (failed.length) throw new Error(failed.map((r) => `${basename(r.file)}: ${r.error}`).join('; '));

  const byName = new Map(reports.map((r) => [r.file, r]));
  const ordered = files.map((f) => byName.get(f)!);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, render(ordered, corpus, seconds, jobs, review));
  process.stdout.write(`eval-report: ${ordered.reduce((n, r) => n + r.result.messages, 0)} rows in ${files.length} files, ${seconds.toFixed(1)} s with ${jobs} worker(s); wrote ${relative(process.cwd(), out) || out}\n`);
}

/** Measures the files on `jobs` workers, biggest files first so the pool ends together. */
function runPool(files: string[], jobs: number): Promise<FileReport[]> {
  const queue = [...files].sort((a, b) => statSync(b).size - statSync(a).size);
  const reports: FileReport[] = [];
  return new Promise((resolvePool, reject) => {
    let running = 0;
    for (let id = 0; id < jobs; id++) {
      // The worker runs this same TypeScript file, so it registers the tsx loader first.
      const boot = `import(${JSON.stringify(TSX_API)}).then((m) => { m.register(); return import(${JSON.stringify(import.meta.url)}); })`;
      const worker = new Worker(boot, { eval: true, workerData: { id } });
      running++;
      const next = (): void => {
        const file = queue.shift();
        worker.postMessage(file ?? null);
      };
      worker.on('message', (msg: FileReport | { ready: true }) => {
        if ('file' in msg) reports.push(msg);
        next();
      });
      worker.on('error', reject);
      worker.on('exit', () => {
        running--;
        if (running === 0) resolvePool(reports);
      });
    }
  });
}

/** The "Reviewed clean-mail hits" section: the flagged clean-mail rows split by the hand review. */
function renderReview(mail: FileReport[], review: { path: string; entries: Map<string, ReviewEntry> } | undefined): string[] {
  const lines: string[] = ['## Reviewed clean-mail hits', ''];
  const flagged = mail.flatMap((r) => r.flaggedClean ?? []);
  const rows = mail.reduce((n, r) => n + r.cleanRows, 0);
  if (!review) {
    lines.push(`No review file (docs/clean-mail-review.tsv): the ${flagged.length} flagged clean-mail rows are not split into real content and false positives.`, '');
    return lines;
  }
  const tally = { real: new Map<string, number>(), fp: new Map<string, number>() };
  let unreviewed = 0;
  for (const id of flagged) {
    const e = review.entries.get(id);
    if (!e) unreviewed++;
    else tally[e.verdict].set(e.kind, (tally[e.verdict].get(e.kind) ?? 0) + 1);
  }
  const sum = (m: Map<string, number>): number => [...m.values()].reduce((a, b) => a + b, 0);
  const kinds = (m: Map<string, number>): string =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .map(([k, n]) => `${k} ${n}`)
      .join(', ') || '–';
  const real = sum(tally.real);
  const fp = sum(tally.fp);
  const flaggedSet = new Set(flagged);
  const stale = [...review.entries.keys()].filter((id) => !flaggedSet.has(id)).length;
  lines.push(
    `Each flagged clean-mail row was read by hand and judged on whether what the rule is about is really there (\`${relative(ROOT, review.path) || review.path}\`: ids and verdicts only, no corpus text). This does not change clean_flag_rate above, which counts every flagged row.`,
  );
  lines.push('');
  lines.push('| flagged clean-mail rows | rows | share of the clean-mail rows | kinds |');
  lines.push('| --- | ---: | ---: | --- |');
  lines.push(`| real content (swearing, insults, credentials... really there) | ${real} | ${pct(rows ? real / rows : null)} | ${kinds(tally.real)} |`);
  lines.push(`| false positives | ${fp} | ${pct(rows ? fp / rows : null)} | ${kinds(tally.fp)} |`);
  lines.push(`| not reviewed | ${unreviewed} | ${pct(rows ? unreviewed / rows : null)} | |`);
  lines.push(`| **all flagged** | ${flagged.length} | ${pct(rows ? flagged.length / rows : null)} | |`);
  lines.push('');
  if (stale > 0) lines.push(`${stale} reviewed row(s) are no longer flagged.`, '');
  lines.push('The review is one reader\'s judgement on data the developers have seen; the held-out set has no such review.', '');
  return lines;
}

function pct(value: number | null): string {
  return value === null ? '–' : `${(value * 100).toFixed(1)} %`;
}

function num(value: number | null): string {
  return value === null ? '–' : value.toFixed(3);
}

function git(args: string[]): string {
  try {
    return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return '';
  }
}

function render(
  reports: FileReport[],
  corpus: string,
  seconds: number,
  jobs: number,
  review: { path: string; entries: Map<string, ReviewEntry> } | undefined,
): string {
  const commit = git(['rev-parse', '--short=12', 'HEAD']) || 'unknown';
  const dirty = git(['status', '--porcelain', '--', 'src/classifier', 'src/policy', 'lexicons']) !== '';
  const date = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  const lines: string[] = [];
  const totalRows = reports.reduce((n, r) => n + r.result.messages, 0);
  const cleanRows = reports.reduce((n, r) => n + r.cleanRows, 0);
  const cleanFlagged = reports.reduce((n, r) => n + r.cleanFlagged, 0);

  lines.push('# Detection quality');
  lines.push('');
  lines.push(
    `Generated by \`npm run eval:report\` (scripts/eval-report.ts) on ${date} at commit \`${commit}\`${dirty ? ' (with uncommitted changes in src/classifier, src/policy or lexicons)' : ''}. Do not edit by hand: run the script again.`,
  );
  lines.push('');
  lines.push(
    `Corpus: every \`.jsonl\` file of \`${relative(ROOT, corpus) || corpus}\` (${totalRows} rows, ${reports.length} files), checked under the bundled default policy; ${seconds.toFixed(1)} s with ${jobs} worker thread(s).`,
  );
  lines.push('');
  lines.push('How to read it (definitions as in `second-thought eval`):');
  lines.push('');
  lines.push('- A row\'s **predicted** categories are those of its findings at `warn` or `block`; `inform` findings do not count.');
  lines.push('- Per category: tp = labeled and predicted, fp = predicted but not labeled, fn = labeled but not predicted; precision = tp/(tp+fp), recall = tp/(tp+fn), F1 = 2tp/(2tp+fp+fn). "–" means there was nothing to divide by.');
  lines.push('- Only categories that occur in a file\'s labels or predictions are listed for it.');
  lines.push('- **clean_flag_rate** is the share of rows labeled `[]` that got any predicted category. DESIGN.md target for clean business mail: at most 2 %.');
  lines.push('- Rows marked `unlabeled` in the corpus (all of `aeslc-enron` and `spamassassin-easy-ham`) were not checked by hand: there a "false positive" is a candidate only (real phone numbers, swearing or confidential talk do occur). Rows with `negative_of` are look-alikes of one rule; the look-alike column counts rows flagged by that very rule.');
  lines.push('- `workplace-dev` is seen by the developers, so its numbers flatter rules tuned on it; final figures belong to the held-out set.');
  lines.push('');
  lines.push('## Summary');
  lines.push('');
  lines.push('| file | rows | rows labeled `[]` | clean_flag_rate | micro precision | micro recall | micro F1 | look-alikes flagged by their rule |');
  lines.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of reports) {
    const m = r.result.micro;
    const look = r.lookalikeRows ? `${r.lookalikeFlagged} of ${r.lookalikeRows} (${pct(r.lookalikeFlagged / r.lookalikeRows)})` : '–';
    lines.push(
      `| ${basename(r.file)} | ${r.result.messages} | ${r.cleanRows} | ${pct(r.result.clean_flag_rate)} (${r.cleanFlagged}) | ${num(m.precision)} | ${num(m.recall)} | ${num(m.f1)} | ${look} |`,
    );
  }
  const mail = reports.filter((r) => MAIL_FILES.includes(basename(r.file)));
  if (mail.length) {
    const rows = mail.reduce((n, r) => n + r.cleanRows, 0);
    const flagged = mail.reduce((n, r) => n + r.cleanFlagged, 0);
    lines.push(
      `| **clean mail** (\`[]\` rows of ${mail.map((r) => basename(r.file, '.jsonl')).join(', ')}) | | ${rows} | ${pct(rows ? flagged / rows : null)} (${flagged}) | | | | |`,
    );
  }
  lines.push(`| **all files** | ${totalRows} | ${cleanRows} | ${pct(cleanRows ? cleanFlagged / cleanRows : null)} (${cleanFlagged}) | | | | |`);
  lines.push('');
  if (mail.length) lines.push(...renderReview(mail, review));

  for (const r of reports) {
    lines.push(`## ${basename(r.file)}`);
    lines.push('');
    lines.push(
      `${r.result.messages} rows, ${r.cleanRows} labeled \`[]\`; clean_flag_rate ${pct(r.result.clean_flag_rate)} (${r.cleanFlagged} of ${r.cleanRows}); measured in ${r.seconds.toFixed(1)} s.`,
    );
    lines.push('');
    const cats = Object.entries(r.result.categories);
    if (cats.length === 0) {
      lines.push('No category occurs in the labels or the predictions.');
      lines.push('');
      continue;
    }
    lines.push('| category | labeled | predicted | tp | fp | fn | precision | recall | F1 |');
    lines.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const [c, s] of [...cats, ['**micro**', r.result.micro] as const]) {
      lines.push(`| ${c} | ${s.tp + s.fn} | ${s.tp + s.fp} | ${s.tp} | ${s.fp} | ${s.fn} | ${num(s.precision)} | ${num(s.recall)} | ${num(s.f1)} |`);
    }
    lines.push('');
  }
  lines.push('To see which rows a category misses or wrongly flags: `second-thought eval FILE.jsonl --misses 20` (prints ids and excerpts to your terminal; excerpts are not copied here).');
  lines.push('');
  return lines.join('\n');
}
