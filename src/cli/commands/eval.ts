/**
 * `second-thought eval FILE.jsonl [--json] [--policy FILE] [--misses N]`
 *
 * Measures detection quality over labeled rows (see src/cli/metrics.ts for the
 * definitions). Exit 0 whenever the measurement ran (eval is a measurement, not
 * a gate); 2 on a usage error, an invalid policy, or an unreadable or malformed
 * file (the message names the line of the bad row).
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { CATEGORIES, type Classifier, type Draft, type Finding } from '../../classifier/types.js';
import type { Policy } from '../../policy/types.js';
import { intOption, parse } from '../args.js';
import { loadClassifier } from '../classifier.js';
import { EXIT, InputError, UsageError, describeFsError, isCliError, oneLine } from '../errors.js';
import { sanitize, type Io } from '../io.js';
import { EvalTally, type EvalResult, type EvalRow, type LabeledSpan, type MissList, type Scores } from '../metrics.js';
import { loadPolicy } from '../policy.js';
import type { Command } from './command.js';

export const usage = `Usage: second-thought eval FILE.jsonl [--json] [--policy FILE] [--misses N]

Runs the classifier over labeled rows, one JSON object per line:
  {"id": "...", "text": "...", "labels": ["pii", ...], "to"?, "cc"?, "from"?, "subject"?}
A row's predicted labels are the categories of its findings at warn or block.
Prints tp fp fn precision recall f1 per category (only categories that occur
in the labels or the predictions), the micro average, and clean_flag_rate
(share of rows labeled [] with any predicted label). A ratio with nothing to
divide by prints as "-" (null in JSON).

Options:
  --json           {"messages","categories":{...},"micro":{...},"clean_flag_rate"}
  --policy FILE    organization policy (JSON); default: the bundled policy
  --misses N       also list up to N false negatives and N false positives per
                   category (id and a short excerpt)

Exit: 0 when the measurement ran, 2 usage error, invalid policy, or an
      unreadable or malformed file.`;

const options = {
  json: { type: 'boolean' },
  policy: { type: 'string' },
  misses: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export const evalCommand: Command = {
  name: 'eval',
  usage,
  async run(args: string[], io: Io): Promise<number> {
    const { values, positionals } = parse('eval', args, options);
    if (values.help) {
      io.stdout.write(`${usage}\n`);
      return EXIT.ok;
    }
    if (positionals.length !== 1) {
      throw new UsageError(
        positionals.length === 0 ? 'eval: no input given (name one .jsonl file)' : `eval: expects one .jsonl file, got ${positionals.length}`,
      );
    }
    const misses = intOption('eval', 'misses', values.misses, 0);
    const path = positionals[0]!;
    let policy: Policy | undefined;
    if (values.policy !== undefined) policy = await loadPolicy(values.policy, io.cwd, (line) => io.stderr.write(`second-thought: ${sanitize(line)}\n`));
    const classifier = await loadClassifier(policy, values.policy);
    const tally = await evaluateFile(path, classifier, { misses, cwd: io.cwd });
    const result = tally.result();
    if (values.json) {
      const out: EvalResult & { misses?: Record<string, MissList> } = { ...result };
      if (misses > 0) out.misses = tally.missesByCategory();
      io.stdout.write(`${JSON.stringify(out)}\n`);
    } else {
      io.stdout.write(formatEval(path, tally, values.policy));
      if (misses > 0) io.stdout.write(formatMisses(tally.missesByCategory()));
    }
    return EXIT.ok;
  },
};

export default evalCommand;

/**
 * Reads a .jsonl file row by row (streaming) and tallies the classifier's
 * predictions against the labels. Throws InputError naming the file (and the
 * line of a bad row).
 */
export async function evaluateFile(
  path: string,
  classifier: Classifier,
  options: {
    misses?: number;
    cwd?: string;
    /** Called with each row, the categories predicted for it and its findings (the eval report's extra tables). */
    onRow?: (row: EvalRow, predicted: ReadonlySet<string>, findings: readonly Finding[]) => void;
  } = {},
): Promise<EvalTally> {
  const full = resolve(options.cwd ?? process.cwd(), path);
  try {
    const info = await stat(full);
    if (info.isDirectory()) throw new InputError('is a directory (expected a .jsonl file)', path);
  } catch (err) {
    if (isCliError(err)) throw err;
    throw new InputError(`cannot read: ${describeFsError(err)}`, path);
  }
  const tally = new EvalTally(options.misses ?? 0);
  const stream = createReadStream(full, { encoding: 'utf8' });
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let lineNo = 0;
  try {
    for await (const line of lines) {
      lineNo++;
      if (line.trim() === '') continue;
      const row = parseRow(line, lineNo, path);
      let findings;
      try {
        findings = classifier.classify(row.draft).findings;
      } catch (err) {
        throw new InputError(`line ${lineNo} (id ${row.row.id}): checking failed: ${oneLine(err)}`, path);
      }
      const predicted = tally.add(row.row, findings);
      options.onRow?.(row.row, predicted, findings);
    }
  } catch (err) {
    if (isCliError(err)) throw err;
    throw new InputError(`cannot read: ${describeFsError(err)}`, path);
  } finally {
    lines.close();
    stream.destroy();
  }
  return tally;
}

const KNOWN = new Set<string>(CATEGORIES);

/** Parses and checks one row; InputError with the line number when it is malformed. */
export function parseRow(line: string, lineNo: number, path: string): { row: EvalRow; draft: Draft } {
  const bad = (what: string): InputError => new InputError(`line ${lineNo}: ${what}`, path);
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (err) {
    throw bad(`invalid JSON (${oneLine(err)})`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw bad('expected a JSON object');
  const o = value as Record<string, unknown>;
  if (typeof o.text !== 'string') throw bad('"text" must be a string');
  if (!Array.isArray(o.labels)) throw bad('"labels" must be an array of category ids ([] for a clean row)');
  o.labels.forEach((label, i) => {
    if (typeof label !== 'string' || !KNOWN.has(label)) {
      throw bad(`labels[${i}] ${JSON.stringify(label)} is not a category id (${CATEGORIES.join(', ')})`);
    }
  });
  let id: string;
  if (typeof o.id === 'string') id = o.id;
  else if (typeof o.id === 'number') id = String(o.id);
  else if (o.id === undefined) id = `line ${lineNo}`;
  else throw bad('"id" must be a string or a number');

  const draft: Draft = { body: o.text };
  const addresses = (key: 'to' | 'cc'): void => {
    const v = o[key];
    if (v === undefined || v === null) return;
    if (typeof v === 'string') draft[key] = [v];
    else if (Array.isArray(v) && v.every((a) => typeof a === 'string')) draft[key] = v as string[];
    else throw bad(`"${key}" must be an address or an array of addresses`);
  };
  addresses('to');
  addresses('cc');
  if (o.from !== undefined && o.from !== null) {
    if (typeof o.from !== 'string') throw bad('"from" must be an address');
    draft.from = o.from;
  }
  if (o.subject !== undefined && o.subject !== null) {
    if (typeof o.subject !== 'string') throw bad('"subject" must be a string');
    draft.subject = o.subject;
  }
  const negativeOf: string[] = [];
  if (typeof o.negative_of === 'string') negativeOf.push(o.negative_of);
  if (Array.isArray(o.also_negative_of)) for (const r of o.also_negative_of) if (typeof r === 'string') negativeOf.push(r);

  // Spans only feed the eval report's per-rule table, so one that is not well formed is skipped, not an error.
  const spans: LabeledSpan[] = [];
  if (Array.isArray(o.spans)) {
    for (const s of o.spans as Record<string, unknown>[]) {
      if (s && typeof s.category === 'string' && typeof s.rule === 'string' && Number.isInteger(s.start) && Number.isInteger(s.end)) {
        spans.push({ category: s.category, rule: s.rule, start: s.start as number, end: s.end as number });
      }
    }
  }

  const row: EvalRow = { id, text: o.text, labels: o.labels as string[] };
  if (negativeOf.length) row.negativeOf = negativeOf;
  if (spans.length) row.spans = spans;
  return { row, draft };
}

/** A ratio with 3 decimals, or "-" when undefined. */
export function fmt(value: number | null): string {
  return value === null ? '-' : value.toFixed(3);
}

function tableRow(name: string, s: Scores): string {
  return [
    name.padEnd(13),
    String(s.tp).padStart(6),
    String(s.fp).padStart(6),
    String(s.fn).padStart(6),
    fmt(s.precision).padStart(10),
    fmt(s.recall).padStart(8),
    fmt(s.f1).padStart(7),
  ].join('');
}

export function formatEval(path: string, tally: EvalTally, policyPath?: string): string {
  const r = tally.result();
  const lines: string[] = [];
  lines.push(`${sanitize(path)}: ${r.messages} messages, policy: ${policyPath ? sanitize(policyPath) : 'bundled default'}`);
  lines.push(`${'category'.padEnd(13)}${'tp'.padStart(6)}${'fp'.padStart(6)}${'fn'.padStart(6)}${'precision'.padStart(10)}${'recall'.padStart(8)}${'f1'.padStart(7)}`);
  for (const [c, s] of Object.entries(r.categories)) lines.push(tableRow(c, s));
  lines.push(tableRow('micro', r.micro));
  lines.push(`clean_flag_rate ${fmt(r.clean_flag_rate)} (${tally.cleanFlagged} of ${tally.cleanRows} rows labeled [] have a predicted label)`);
  lines.push('Only categories that occur in the labels or the predictions are listed; "-" means nothing to divide by.');
  return `${lines.join('\n')}\n`;
}

export function formatMisses(misses: Record<string, MissList>): string {
  const lines: string[] = [];
  for (const [c, list] of Object.entries(misses)) {
    for (const kind of ['fn', 'fp'] as const) {
      if (!list[kind].length) continue;
      lines.push(`${c} ${kind === 'fn' ? 'false negatives (labeled, not flagged)' : 'false positives (flagged, not labeled)'}:`);
      for (const m of list[kind]) lines.push(`  ${sanitize(m.id)}  ${sanitize(m.excerpt)}`);
    }
  }
  return lines.length ? `\n${lines.join('\n')}\n` : '';
}
