/**
 * `second-thought check [--json] [--policy FILE] [--to ADDR]… [--cc ADDR]… [--from ADDR] [--subject TEXT] FILE…|-`
 *
 * Checks plain text, `.eml` and `.mbox` files (each message), or standard input
 * (`-`, plain text). Exit 0 when nothing is at warn or above, 1 when something
 * is, 2 on a usage error, an invalid policy, or when any input (a file, or one
 * message of an mbox) could not be read: every other input is still checked
 * and reported, but the run does not claim a clean result for what it could
 * not read.
 */
import type { Policy } from '../../policy/types.js';
import { parse } from '../args.js';
import { loadClassifier } from '../classifier.js';
import { EXIT, UsageError, oneLine } from '../errors.js';
import { CheckSummary, formatFindings } from '../format.js';
import { readInput } from '../input.js';
import type { Io } from '../io.js';
import { emit, sanitize } from '../io.js';
import { loadPolicy } from '../policy.js';
import type { Command } from './command.js';

export const usage = `Usage: second-thought check [--json] [--policy FILE] [--to ADDR]... [--cc ADDR]...
                          [--from ADDR] [--subject TEXT] FILE... | -

Checks each message and prints its findings:
  source:line:col  severity  category/rule  message
followed by the excerpt and a suggestion. Line and column refer to the checked
text (for .eml, the decoded body); subject findings print source:subject:col.

Inputs: .eml (MIME), .mbox (every message; source file.mbox#N), anything else
as plain UTF-8 text, and - for standard input.

Options:
  --json           one JSON object per message per line: {"source","verdict","findings"}
  --policy FILE    organization policy (JSON); default: the bundled policy
  --to ADDR        recipient (repeatable); replaces the message's To
  --cc ADDR        copy recipient (repeatable); replaces the message's Cc
  --from ADDR      sender; replaces the message's From
  --subject TEXT   subject; replaces the message's Subject

Exit: 0 nothing at warn or above, 1 something at warn or block,
      2 usage error, invalid policy or an input that could not be read.`;

const options = {
  json: { type: 'boolean' },
  policy: { type: 'string' },
  to: { type: 'string', multiple: true },
  cc: { type: 'string', multiple: true },
  from: { type: 'string' },
  subject: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export const check: Command = {
  name: 'check',
  usage,
  async run(args: string[], io: Io): Promise<number> {
    const { values, positionals } = parse('check', args, options);
    if (values.help) {
      io.stdout.write(`${usage}\n`);
      return EXIT.ok;
    }
    if (positionals.length === 0) throw new UsageError("check: no input given (name files, or '-' for standard input)");
    if (positionals.filter((p) => p === '-').length > 1) throw new UsageError("check: '-' (standard input) given more than once");

    let policy: Policy | undefined;
    if (values.policy !== undefined) policy = await loadPolicy(values.policy, io.cwd, (line) => io.stderr.write(`second-thought: ${sanitize(line)}\n`));
    const classifier = await loadClassifier(policy, values.policy);

    const overrides = { to: values.to, cc: values.cc, from: values.from, subject: values.subject };
    const summary = new CheckSummary();
    let flagged = false;

    for (const path of positionals) {
      for await (const item of readInput(path, { stdin: io.stdin, cwd: io.cwd, overrides })) {
        if (item.error !== undefined) {
          summary.unreadable++;
          io.stderr.write(`second-thought: ${sanitize(item.source)}: ${sanitize(item.error)}\n`);
          continue;
        }
        let result;
        try {
          result = classifier.classify(item.draft);
        } catch (err) {
          summary.unreadable++;
          io.stderr.write(`second-thought: ${sanitize(item.source)}: checking failed: ${sanitize(oneLine(err))}\n`);
          continue;
        }
        summary.add(result);
        if (result.verdict === 'warn' || result.verdict === 'block') flagged = true;
        if (values.json) {
          const line: Record<string, unknown> = { source: item.source, verdict: result.verdict, findings: result.findings };
          if (result.notices.length) line.notices = result.notices;
          await emit(io.stdout, `${JSON.stringify(line)}\n`);
        } else {
          await emit(io.stdout, formatFindings(item.source, item.draft, result));
        }
      }
    }
    if (!values.json) io.stdout.write(`${summary.line()}\n`);
    if (summary.unreadable > 0) return EXIT.error;
    return flagged ? EXIT.flagged : EXIT.ok;
  },
};

export default check;
