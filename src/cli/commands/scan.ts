/**
 * `second-thought scan PATH… [--policy FILE] [--report FILE.html] [--json]`
 *
 * The admin's dry run: walks folders, `.eml` and `.mbox` files (mbox streamed message by
 * message with the CLI's mbox reader, so a 1 GB export never sits in memory), classifies every
 * message under the policy and prints what would have happened: how many messages passed,
 * were informed, warned and blocked, and by which rules. `--report` writes a self-contained,
 * redacted HTML report (src/cli/report/); `--json` prints the summary as one JSON object.
 *
 * A progress bar is drawn on stderr when it is a terminal, never into pipes or files.
 * Malformed messages, unreadable files and directory loops are reported (stderr) and skipped;
 * they do not stop the scan. Exit: 0 nothing at warn or above, 1 something at warn or block,
 * 2 usage error, invalid policy, a report that cannot be written, or nothing readable at all.
 */
import { readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import type { Classifier, Draft } from '../../classifier/types.js';
import type { Policy } from '../../policy/types.js';
import { parse } from '../args.js';
import { loadClassifier } from '../classifier.js';
import { MalformedMessageError, parseEmlDraft } from '../eml.js';
import { EXIT, InputError, UsageError, describeFsError, oneLine } from '../errors.js';
import { sanitize, type Io } from '../io.js';
import { DEFAULT_MAX_MESSAGE_BYTES, readMboxFile } from '../mbox.js';
import { loadPolicy } from '../policy.js';
import { ScanSummary } from '../report/summary.js';
import type { Command } from './command.js';

export const usage = `Usage: second-thought scan PATH... [--policy FILE] [--report FILE.html] [--json]

Dry run of a policy over exported mail: walks folders (recursively), .eml files and
.mbox files (every message, streamed), checks each message and prints how many would
have passed, been informed, warned or blocked, and by which rules.

Options:
  --policy FILE         organization policy (JSON); default: the bundled policy
  --report FILE.html    write a self-contained HTML report: counts per category and
                        rule, charts, redacted excerpts (no personal data is written)
  --json                print the summary as one JSON object instead of text
  --quiet               no progress bar and no per-message problem lines

Other files in folders are ignored. Malformed messages, unreadable files and
directory loops are reported on stderr and skipped.

Exit: 0 nothing at warn or above, 1 something at warn or block, 2 usage error,
      invalid policy, unwritable report, or no input could be read.`;

const options = {
  policy: { type: 'string' },
  report: { type: 'string' },
  json: { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  help: { type: 'boolean', short: 'h' },
} as const;

type MailKind = 'eml' | 'mbox';

interface MailFile {
  /** As shown in output: the argument, joined with the path below it. */
  display: string;
  full: string;
  kind: MailKind;
  size: number;
}

export const scan: Command = {
  name: 'scan',
  usage,
  async run(args: string[], io: Io): Promise<number> {
    const { values, positionals } = parse('scan', args, options);
    if (values.help) {
      io.stdout.write(`${usage}\n`);
      return EXIT.ok;
    }
    if (positionals.length === 0) throw new UsageError('scan: no path given (name folders, .eml or .mbox files)');
    const cwd = io.cwd ?? process.cwd();

    let policy: Policy | undefined;
    const warn = (line: string): void => void io.stderr.write(`second-thought: ${sanitize(line)}\n`);
    if (values.policy !== undefined) policy = await loadPolicy(values.policy, cwd, warn);
    const classifier = await loadClassifier(policy, values.policy);

    const reportPath = values.report !== undefined ? resolve(cwd, values.report) : undefined;
    if (reportPath !== undefined) {
      // Fail before a long scan, not after it.
      try {
        await writeFile(reportPath, '', { flag: 'w' });
      } catch (err) {
        throw new InputError(`cannot write report: ${describeFsError(err)}`, values.report);
      }
    }

    const summary = new ScanSummary();
    const quiet = values.quiet === true;
    const say = (source: string, message: string): void => {
      if (!quiet) io.stderr.write(`second-thought: ${sanitize(source)}: ${sanitize(message)}\n`);
    };

    const files = await collect(positionals, cwd, summary, say);
    const progress = new Progress(io, files, !quiet && isTty(io));
    for (const file of files) {
      await scanFile(file, classifier, summary, say, progress);
      progress.fileDone(file);
    }
    progress.clear();
    summary.finish();

    if (values.json) io.stdout.write(`${JSON.stringify(summary.toJSON())}\n`);
    else io.stdout.write(formatSummary(summary));

    if (reportPath !== undefined) {
      const { renderReport } = await import('../report/html.js');
      try {
        await writeFile(reportPath, renderReport(summary, { paths: positionals, policy: values.policy }), 'utf8');
      } catch (err) {
        throw new InputError(`cannot write report: ${describeFsError(err)}`, values.report);
      }
      if (!values.json) io.stdout.write(`Report written to ${sanitize(values.report!)}\n`);
    }

    if (summary.messages === 0 && summary.problemCounts.unreadable + summary.problemCounts.malformed > 0) return EXIT.error;
    return summary.verdicts.warn + summary.verdicts.block > 0 ? EXIT.flagged : EXIT.ok;
  },
};

export function kindOfMail(path: string): MailKind | undefined {
  const ext = extname(path).toLowerCase();
  return ext === '.eml' ? 'eml' : ext === '.mbox' ? 'mbox' : undefined;
}

/**
 * The mail files under the given paths, in a stable order (names sorted). Symbolic links are
 * followed; a folder met again below itself is a loop and is not entered, a folder or file
 * met twice by another route is scanned once.
 */
export async function collect(paths: string[], cwd: string, summary: ScanSummary, say: (s: string, m: string) => void): Promise<MailFile[]> {
  const out: MailFile[] = [];
  const seen = new Map<string, string>();
  const idOf = (s: { dev: number; ino: number }): string => `${s.dev}:${s.ino}`;

  const visit = async (display: string, full: string, ancestors: Set<string>, named: boolean): Promise<void> => {
    let info;
    try {
      info = await stat(full);
    } catch (err) {
      summary.problem('unreadable', display, `cannot read: ${describeFsError(err)}`);
      say(display, `cannot read: ${describeFsError(err)}`);
      return;
    }
    const id = idOf(info);
    if (info.isDirectory()) {
      if (ancestors.has(id)) {
        const message = 'directory loop (a link back to a folder above it): not followed';
        summary.problem('loop', display, message);
        say(display, message);
        return;
      }
      if (seen.has(id)) {
        summary.problem('loop', display, `same folder as ${seen.get(id)}: scanned once`);
        return;
      }
      seen.set(id, display);
      let names: string[];
      try {
        names = (await readdir(full)).sort();
      } catch (err) {
        summary.problem('unreadable', display, `cannot read folder: ${describeFsError(err)}`);
        say(display, `cannot read folder: ${describeFsError(err)}`);
        return;
      }
      const below = new Set(ancestors).add(id);
      for (const name of names) await visit(join(display, name), join(full, name), below, false);
      return;
    }
    const kind = kindOfMail(full);
    if (!info.isFile() || kind === undefined) {
      if (named) {
        summary.problem('skipped', display, 'not an .eml or .mbox file: skipped');
        say(display, 'not an .eml or .mbox file: skipped');
      }
      return;
    }
    if (seen.has(id)) return;
    seen.set(id, display);
    out.push({ display, full, kind, size: info.size });
  };

  for (const p of paths) await visit(p, resolve(cwd, p), new Set(), true);
  return out;
}

async function scanFile(
  file: MailFile,
  classifier: Classifier,
  summary: ScanSummary,
  say: (s: string, m: string) => void,
  progress: Progress,
): Promise<void> {
  summary.files++;
  const check = async (source: string, raw: Buffer): Promise<void> => {
    let draft: Draft;
    try {
      draft = await parseEmlDraft(raw);
    } catch (err) {
      const message = err instanceof MalformedMessageError ? err.message : `cannot parse message: ${oneLine(err)}`;
      summary.problem('malformed', source, message);
      say(source, `${message}: skipped`);
      return;
    }
    try {
      summary.add(source, draft, classifier.classify(draft));
    } catch (err) {
      summary.problem('malformed', source, `checking failed: ${oneLine(err)}`);
      say(source, `checking failed: ${oneLine(err)}`);
    }
  };

  if (file.kind === 'eml') {
    let raw: Buffer;
    try {
      raw = await readFile(file.full);
    } catch (err) {
      summary.problem('unreadable', file.display, `cannot read: ${describeFsError(err)}`);
      say(file.display, `cannot read: ${describeFsError(err)}`);
      return;
    }
    await check(file.display, raw);
    progress.tick(0);
    return;
  }
  try {
    for await (const m of readMboxFile(file.full, { maxMessageBytes: DEFAULT_MAX_MESSAGE_BYTES })) {
      const source = `${file.display}#${m.index}`;
      if (m.truncated) {
        const message = `message of ${m.size} bytes is over the ${DEFAULT_MAX_MESSAGE_BYTES}-byte limit: skipped`;
        summary.problem('malformed', source, message);
        say(source, message);
      } else {
        await check(source, m.raw);
      }
      progress.tick(m.offset + m.size);
    }
  } catch (err) {
    // A read error in the middle of a file: what was read counts, the rest is reported.
    summary.problem('unreadable', file.display, `cannot read: ${describeFsError(err)}`);
    say(file.display, `cannot read: ${describeFsError(err)}`);
  }
}


export function formatSummary(s: ScanSummary): string {
  const n = (x: number): string => x.toLocaleString('en-US');
  const lines: string[] = [];
  lines.push(`Scanned ${n(s.messages)} message${s.messages === 1 ? '' : 's'} in ${n(s.files)} file${s.files === 1 ? '' : 's'} (${s.seconds.toFixed(1)} s, ${n(s.messagesPerSecond)} messages/s)`);
  const width = Math.max(...Object.values(s.verdicts).map((v) => n(v).length));
  for (const v of ['pass', 'inform', 'warn', 'block'] as const) {
    const share = s.messages ? ` (${((100 * s.verdicts[v]) / s.messages).toFixed(1)}%)` : '';
    lines.push(`  ${v.padEnd(6)}  ${n(s.verdicts[v]).padStart(width)}${share}`);
  }
  const rules = s.sortedRules();
  if (rules.length) {
    lines.push('Rules (messages blocked / warned / informed):');
    const idWidth = Math.min(40, Math.max(...rules.map(([id]) => id.length)));
    for (const [id, r] of rules.slice(0, 20)) {
      lines.push(`  ${id.padEnd(idWidth)}  ${n(r.messages.block).padStart(6)} ${n(r.messages.warn).padStart(6)} ${n(r.messages.inform).padStart(6)}`);
    }
    if (rules.length > 20) lines.push(`  … and ${rules.length - 20} more rules (see --report or --json)`);
  }
  const c = s.problemCounts;
  const skipped = [
    c.malformed ? `${n(c.malformed)} malformed message${c.malformed === 1 ? '' : 's'}` : '',
    c.unreadable ? `${n(c.unreadable)} unreadable file${c.unreadable === 1 ? '' : 's'} or folder${c.unreadable === 1 ? '' : 's'}` : '',
    c.loop ? `${n(c.loop)} directory loop${c.loop === 1 ? '' : 's'} or repeated folder${c.loop === 1 ? '' : 's'}` : '',
    c.skipped ? `${n(c.skipped)} file${c.skipped === 1 ? '' : 's'} not .eml or .mbox` : '',
  ].filter(Boolean);
  if (skipped.length) lines.push(`Not checked: ${skipped.join(', ')}`);
  return `${lines.join('\n')}\n`;
}

function isTty(io: Io): boolean {
  return (io.stderr as { isTTY?: boolean }).isTTY === true;
}

/** A one-line progress bar on a terminal, redrawn at most every 100 ms. */
class Progress {
  private readonly total: number;
  private done = 0;
  private fileBase = 0;
  private last = 0;
  private readonly started = Date.now();
  private drawn = false;
  private messages = 0;
  private filesDone = 0;

  constructor(
    private readonly io: Io,
    private readonly files: MailFile[],
    private readonly enabled: boolean,
  ) {
    this.total = files.reduce((a, f) => a + f.size, 0);
  }

  tick(offsetInFile: number): void {
    this.messages++;
    this.done = this.fileBase + offsetInFile;
    this.draw();
  }

  fileDone(file: MailFile): void {
    this.fileBase += file.size;
    this.done = this.fileBase;
    this.filesDone++;
    this.draw();
  }

  private draw(): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.last < 100 && this.filesDone < this.files.length) return;
    this.last = now;
    const share = this.total > 0 ? Math.min(1, this.done / this.total) : 1;
    const width = 24;
    const full = Math.round(share * width);
    const rate = Math.round(this.messages / Math.max(0.001, (now - this.started) / 1000));
    this.io.stderr.write(
      `\r\x1b[K[${'#'.repeat(full)}${'-'.repeat(width - full)}] ${(share * 100).toFixed(0).padStart(3)}%  ${this.messages.toLocaleString('en-US')} messages  ${this.filesDone}/${this.files.length} files  ${rate.toLocaleString('en-US')} msg/s`,
    );
    this.drawn = true;
  }

  clear(): void {
    if (this.drawn) this.io.stderr.write('\r\x1b[K');
  }
}

export default scan;
