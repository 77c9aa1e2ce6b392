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
 * For the rows with labeled `spans` (the pii and secret test vectors) and the
 * `negative_of` look-alikes, the report also counts per rule how the labeled
 * items were found (at warn/block, only at inform, by another rule, not at all),
 * with the reasons that can be read from the findings and the detectors.
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
import { isPrediction, type EvalResult, type EvalRow } from '../src/cli/metrics.js';
import { DETECTORS } from '../src/classifier/detectors/index.js';
import { PHONE_RULE } from '../src/classifier/detectors/pii/phone.js';
import { ACTION_RANK, CATEGORIES, SEVERITIES, SEVERITY_RANK, type Finding } from '../src/classifier/types.js';
import { DEFAULT_POLICY } from '../src/policy/defaults.js';

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
  vectors: VectorTally;
  seconds: number;
  error?: string;
}

/** How the labeled spans of one rule (`category/rule`) were found. A row may hold several spans. */
interface RuleCounts {
  rows: number;
  spans: number;
  /** Spans overlapped by a finding of their category at warn or block. */
  warn: number;
  /** Spans overlapped by findings of their category, all at inform. */
  inform: number;
  /** Found spans (warn or inform) that no finding of their own rule overlaps; and those other rules. */
  otherRuleOnly: number;
  otherRules: Record<string, number>;
  missed: number;
  /** Missed spans whose row has a finding of the same rule elsewhere (another item of the row). */
  missedElsewhere: number;
  /** Missed spans made of digits and separators only; missed spans starting with `+`. */
  missedDigits: number;
  missedPlus: number;
  /** Spans their own rule overlaps: `severity → action` of its strongest overlapping finding. */
  ownActions: Record<string, number>;
}

/** Look-alike rows of one rule (`negative_of`, `also_negative_of`) and how many that rule flagged. */
interface NegativeCounts {
  rows: number;
  /** At any action, and at warn or block. */
  flagged: number;
  warn: number;
}

/** Per file: the test-vector counts (keys `category/rule`, look-alikes by bare rule) and row recall per labeled category. */
interface VectorTally {
  rules: Record<string, RuleCounts>;
  negatives: Record<string, NegativeCounts>;
  /** Rows labeled with the category; of those, predicted (warn/block) and with any finding of it (inform too). */
  recall: Record<string, { rows: number; predicted: number; detected: number }>;
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
      const vectors: VectorTally = { rules: {}, negatives: {}, recall: {} };
      const tally = await evaluateFile(file, classifier, {
        onRow: (row, predicted, findings) => {
          if (flaggedClean && row.labels.length === 0 && predicted.size > 0) flaggedClean.push(row.id);
          tallyVectors(vectors, row, predicted, findings);
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
        vectors,
        seconds: (performance.now() - started) / 1000,
      };
      port.postMessage(report);
    } catch (err) {
      port.postMessage({ file, error: err instanceof Error ? err.message : String(err) });
    }
  });
  port.postMessage({ ready: true, id: workerData?.id });
}

/** The stronger of two findings: by action, then by severity. */
function stronger(a: Finding, b: Finding): Finding {
  const d = ACTION_RANK[b.action] - ACTION_RANK[a.action] || SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity];
  return d > 0 ? b : a;
}

function bump(m: Record<string, number>, key: string, by = 1): void {
  m[key] = (m[key] ?? 0) + by;
}

/** Adds one row's spans, look-alike rules and labels to the file's test-vector counts. */
function tallyVectors(t: VectorTally, row: EvalRow, predicted: ReadonlySet<string>, findings: readonly Finding[]): void {
  for (const c of row.labels) {
    const r = (t.recall[c] ??= { rows: 0, predicted: 0, detected: 0 });
    r.rows++;
    if (predicted.has(c)) r.predicted++;
    if (findings.some((f) => f.category === c)) r.detected++;
  }
  for (const rule of row.negativeOf ?? []) {
    const n = (t.negatives[rule] ??= { rows: 0, flagged: 0, warn: 0 });
    n.rows++;
    const own = findings.filter((f) => f.rule === rule);
    if (own.length) n.flagged++;
    if (own.some(isPrediction)) n.warn++;
  }
  const seen = new Set<string>();
  for (const s of row.spans ?? []) {
    const id = `${s.category}/${s.rule}`;
    const r = (t.rules[id] ??= {
      rows: 0, spans: 0, warn: 0, inform: 0, otherRuleOnly: 0, otherRules: {}, missed: 0, missedElsewhere: 0, missedDigits: 0, missedPlus: 0, ownActions: {},
    });
    if (!seen.has(id)) r.rows++;
    seen.add(id);
    r.spans++;
    const over = findings.filter((f) => (f.field ?? 'body') === 'body' && f.category === s.category && f.start < s.end && s.start < f.end);
    if (over.length === 0) {
      r.missed++;
      if (findings.some((f) => f.category === s.category && f.rule === s.rule)) r.missedElsewhere++;
      const item = row.text.slice(s.start, s.end);
      if (/^[\d\s./-]+$/.test(item)) r.missedDigits++;
      if (item.startsWith('+')) r.missedPlus++;
      continue;
    }
    if (over.some(isPrediction)) r.warn++;
    else r.inform++;
    const own = over.filter((f) => f.rule === s.rule);
    if (own.length) {
      const f = own.reduce(stronger);
      bump(r.ownActions, `${f.severity} → ${f.action}`);
    } else {
      r.otherRuleOnly++;
      for (const other of new Set(over.map((f) => `${f.category}/${f.rule}`))) bump(r.otherRules, other);
    }
  }
}

/** The test-vector counts of all files together. */
function mergeVectors(tallies: VectorTally[]): VectorTally {
  const out: VectorTally = { rules: {}, negatives: {}, recall: {} };
  // Every field is a count or a map of counts: add them up field by field.
  const add = (into: Record<string, unknown>, from: Record<string, unknown>): void => {
    for (const [k, v] of Object.entries(from)) {
      if (typeof v === 'number') into[k] = ((into[k] as number | undefined) ?? 0) + v;
      else add((into[k] ??= {}) as Record<string, unknown>, v as Record<string, unknown>);
    }
  };
  for (const t of tallies) add(out as unknown as Record<string, unknown>, t as unknown as Record<string, unknown>);
  return out;
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

/** Rule ids in category order (DESIGN.md), then by name. */
function byCategory(a: string, b: string): number {
  const cat = (id: string): number => {
    const i = (CATEGORIES as readonly string[]).indexOf(id.split('/')[0]!);
    return i < 0 ? CATEGORIES.length : i;
  };
  return cat(a) - cat(b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** Counts as `name n, name n` (biggest first). */
function counts(m: Record<string, number>): string {
  return Object.entries(m)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
}

/** The "Not:" item of a detector's header comment (src/classifier/detectors/CATEGORY/RULE.ts), if it has one. */
function detectorNot(id: string): { file: string; text: string } | undefined {
  const file = join('src', 'classifier', 'detectors', `${id}.ts`);
  if (!existsSync(join(ROOT, file))) return undefined;
  const header = /\/\*\*([\s\S]*?)\*\//.exec(readFileSync(join(ROOT, file), 'utf8'))?.[1] ?? '';
  const items = header
    .split('\n')
    .map((l) => l.replace(/^\s*\* ?/, ''))
    .join('\n')
    .split(/\n\s*\n|\n(?=- )/)
    .map((p) => p.replace(/^- /, '').replace(/\s+/g, ' ').trim());
  const text = items.find((p) => /^Not( reported)?:/.test(p));
  return text ? { file, text } : undefined;
}

/** The "pii and secret test vectors, by rule" section: how the labeled spans and look-alikes of each rule fared. */
function renderVectors(reports: FileReport[]): string[] {
  const withSpans = reports.filter((r) => Object.keys(r.vectors.rules).length > 0);
  const withNegatives = reports.filter((r) => Object.keys(r.vectors.negatives).length > 0);
  if (withSpans.length === 0 && withNegatives.length === 0) return [];
  const v = mergeVectors(reports.map((r) => r.vectors));
  // Look-alikes name a bare rule: its category comes from the labeled spans, else from a detector of that id.
  const full = new Map<string, string>();
  for (const id of [...DETECTORS.map((d) => d.id), ...Object.keys(v.rules)]) full.set(id.slice(id.indexOf('/') + 1), id);
  const negatives = new Map(Object.entries(v.negatives).map(([rule, n]) => [full.get(rule) ?? rule, n]));
  const ids = [...new Set([...Object.keys(v.rules), ...negatives.keys()])].sort(byCategory);
  const names = (rs: FileReport[]): string => rs.map((r) => basename(r.file, '.jsonl')).join(', ');
  const sev = DEFAULT_POLICY.severityActions;

  const lines: string[] = ['## pii and secret test vectors, by rule', ''];
  lines.push(
    `Rows with labeled \`spans\` (${names(withSpans) || 'none'}) and look-alike rows (\`negative_of\`: ${names(withNegatives) || 'none'}), per rule; ids and counts only.`,
  );
  lines.push('');
  lines.push('- Counted per labeled span. A span is **found** when a finding of its category overlaps it: at `warn`/`block` (counts as predicted), or **only at `inform`** (shown to the writer, not counted as predicted). **Only by another rule**: found, but no overlapping finding has the span\'s own rule (part of the two found columns).');
  lines.push('- Look-alike rows count under every rule they name (`negative_of`, `also_negative_of`); **flagged** means that very rule has a finding anywhere in the row.');
  lines.push(`- Default policy (\`DEFAULT_POLICY.severityActions\`): ${SEVERITIES.map((x) => `severity ${x} → \`${sev[x]}\``).join(', ')}.`);
  lines.push('');
  lines.push('| rule | rows | labeled spans | found at warn/block | found only at inform | only by another rule | not found | found at any action | look-alike rows | flagged by the rule (any action) | of these at warn/block |');
  lines.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const id of ids) {
    const r = v.rules[id];
    const n = negatives.get(id);
    const share = (k: number): string => `${k} (${pct(r!.spans ? k / r!.spans : null)})`;
    const spans = r ? [r.rows, r.spans, share(r.warn), r.inform, r.otherRuleOnly, r.missed, share(r.warn + r.inform)] : ['–', '–', '–', '–', '–', '–', '–'];
    const look = n ? [n.rows, n.flagged, n.warn] : ['–', '–', '–'];
    lines.push(`| ${id} | ${[...spans, ...look].join(' | ')} |`);
  }
  lines.push('');

  const notes: string[] = [];
  for (const id of ids) {
    const r = v.rules[id];
    if (!r) continue;
    const parts: string[] = [];
    const own = Object.entries(r.ownActions);
    if (r.inform > 0 && own.length) {
      const informOnly = own.filter(([k]) => k.endsWith('→ inform'));
      if (informOnly.length === own.length) {
        const severities = informOnly.map(([k]) => `\`${k.split(' ')[0]}\``).join(', ');
        parts.push(`every finding of the rule on its spans has severity ${severities}, which the default policy sets to \`inform\`: ${r.inform} span(s) found but not counted`);
      } else {
        parts.push(`found only at \`inform\`: ${r.inform}; the rule's own findings on its spans, severity → action: ${counts(r.ownActions)}`);
      }
    }
    if (r.otherRuleOnly > 0) parts.push(`found only by another rule: ${counts(r.otherRules)}`);
    if (r.missed > 0) {
      const shape = [
        [r.missedDigits, 'digits and separators only'],
        [r.missedPlus, 'with a leading `+`'],
        [r.missedElsewhere, 'in rows where the rule found another item'],
      ].filter(([k]) => k);
      let missed = `not found: ${r.missed}${shape.length ? ` (${shape.map(([k, what]) => `${k} ${what}`).join(', ')})` : ''}`;
      if (id === PHONE_RULE.id && r.missed > r.missedPlus) {
        missed += `; numbers without \`+\` are read as numbers of region ${PHONE_RULE.defaultRegion} (\`PHONE_RULE.defaultRegion\`)`;
      }
      const not = detectorNot(id);
      if (not) missed += `; \`${not.file}\` says: "${not.text.replace(/\.$/, '')}"`;
      parts.push(missed);
    }
    if (parts.length) notes.push(`- **${id}**: ${parts.join('; ')}.`);
  }
  if (notes.length) lines.push(...notes, '');

  // Row recall as in the per-file tables, and the same with inform findings counted.
  for (const c of [...new Set(Object.keys(v.rules).map((id) => id.split('/')[0]!))].sort(byCategory)) {
    const files = withSpans.filter((r) => (r.vectors.recall[c]?.rows ?? 0) > 0);
    const sum = (k: 'rows' | 'predicted' | 'detected'): number => files.reduce((a, r) => a + r.vectors.recall[c]![k], 0);
    const rows = sum('rows');
    lines.push(
      `**${c}** over the ${rows} rows labeled \`${c}\` in ${names(files)}: recall ${num(rows ? sum('predicted') / rows : null)} (DESIGN.md section 5: \`warn\`/\`block\` findings only); **detection recall** ${num(rows ? sum('detected') / rows : null)} when \`inform\` findings count too. Detection recall is NOT the DESIGN.md definition: it shows how much of the gap is severity, not detection.`,
    );
    lines.push('');
  }
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
  lines.push(...renderVectors(reports));
  lines.push('To see which rows a category misses or wrongly flags: `second-thought eval FILE.jsonl --misses 20` (prints ids and excerpts to your terminal; excerpts are not copied here).');
  lines.push('');
  return lines.join('\n');
}
