/**
 * `second-thought policy validate FILE…` | `policy schema` | `policy init [--out FILE] [--force]`
 *
 * validate: every problem on its own line (`FILE: error $.path: …`, then warnings), then one
 * summary line per file; exit 0 when every file is valid (warnings allowed), 2 otherwise.
 * schema: prints the JSON Schema generated from the zod schema (src/policy/schema.ts).
 * init: writes a starting policy documented in "$comment" fields (JSON has no comments).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { validatePolicyText, formatProblem } from '../../policy/validate.js';
import { parse } from '../args.js';
import { EXIT, InputError, UsageError, describeFsError } from '../errors.js';
import { sanitize, type Io } from '../io.js';
import type { Command } from './command.js';

export const usage = `Usage: second-thought policy validate FILE...
       second-thought policy schema
       second-thought policy init [--out FILE] [--force]

validate  checks organization policies against the schema: every problem on its own
          line with its JSON path, the value found and what was expected. Unknown keys
          are warnings (ignored by the add-in); anything else is an error.
          Exit 0 when every file is valid (warnings allowed), 2 otherwise. FILE may be -.
schema    prints the policy JSON Schema (draft 2020-12), for editors and pipelines.
init      writes a starting policy explained in "$comment" fields (JSON has no
          comments) to standard output, or to --out FILE (never overwritten
          without --force).`;

const options = {
  out: { type: 'string', short: 'o' },
  force: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export const policy: Command = {
  name: 'policy',
  usage,
  async run(args: string[], io: Io): Promise<number> {
    const { values, positionals } = parse('policy', args, options);
    if (values.help) {
      io.stdout.write(`${usage}\n`);
      return EXIT.ok;
    }
    const [sub, ...rest] = positionals;
    const only = (allowed: string[]): void => {
      const given = Object.keys(values).filter((k) => !allowed.includes(k));
      if (given.length > 0) throw new UsageError(`policy ${sub}: option --${given[0]} does not apply here`);
    };
    switch (sub) {
      case 'validate':
        only([]);
        if (rest.length === 0) throw new UsageError('policy validate: no policy file given');
        return validateFiles(rest, io);
      case 'schema': {
        only([]);
        if (rest.length > 0) throw new UsageError(`policy schema: unexpected argument '${rest[0]}'`);
        const { policyJsonSchemaText } = await import('../../policy/json-schema.js');
        io.stdout.write(policyJsonSchemaText());
        return EXIT.ok;
      }
      case 'init':
        only(['out', 'force']);
        if (rest.length > 0) throw new UsageError(`policy init: unexpected argument '${rest[0]}' (use --out FILE)`);
        return init(values.out, values.force === true, io);
      case undefined:
        throw new UsageError("policy: expected 'validate FILE...', 'schema' or 'init'");
      default:
        throw new UsageError(`policy: unknown subcommand '${sub}' (expected validate, schema or init)`);
    }
  },
};

async function validateFiles(files: string[], io: Io): Promise<number> {
  let invalid = 0;
  for (const file of files) {
    let text: string;
    try {
      text = file === '-' ? await readStdin(io) : await readFile(resolve(io.cwd ?? process.cwd(), file), 'utf8');
    } catch (err) {
      io.stdout.write(`${sanitize(file)}: error $: cannot read: ${describeFsError(err)}\n`);
      invalid++;
      continue;
    }
    const { problems } = validatePolicyText(text, 'organization', await builtInRules());
    for (const p of problems) io.stdout.write(`${sanitize(file)}: ${sanitize(formatProblem(p))}\n`);
    const errors = problems.filter((p) => p.level === 'error').length;
    const warnings = problems.length - errors;
    const w = warnings ? `, ${warnings} warning${warnings === 1 ? '' : 's'}` : '';
    if (errors > 0) {
      invalid++;
      io.stdout.write(`${sanitize(file)}: invalid (${errors} error${errors === 1 ? '' : 's'}${w})\n`);
    } else {
      io.stdout.write(`${sanitize(file)}: valid${w ? ` (${w.slice(2)})` : ''}\n`);
    }
  }
  return invalid > 0 ? EXIT.error : EXIT.ok;
}

/**
 * The built-in rules of the categories whose rules are all known up front: the phrase-lexicon
 * categories, with the detectors of `tone` and `confidential` (a detector there has one rule, its
 * id), and `context`. `pii` and `secret` detectors name several rules as they find them, so those
 * categories are not checked and a `rules` key there is never called unknown.
 */
let known: { knownRules: Set<string>; knownRuleCategories: Set<string> } | undefined;
async function builtInRules(): Promise<{ knownRules: Set<string>; knownRuleCategories: Set<string> }> {
  if (known) return known;
  const { LEXICON } = await import('../../classifier/lexicons/compiled.js');
  const { DETECTORS } = await import('../../classifier/detectors/index.js');
  const knownRules = new Set<string>(LEXICON.map((e) => `${e.category}/${e.id}`));
  for (const d of DETECTORS) knownRules.add(d.id);
  // The context checks (src/classifier/context.ts).
  for (const id of ['context/external-recipient', 'context/large-audience', 'context/late-night']) knownRules.add(id);
  // The learned scorer's rule in each category it scores (src/classifier/learned/).
  const { learnedModel, LEARNED_RULE } = await import('../../classifier/learned/hits.js');
  for (const c of learnedModel().categories) knownRules.add(`${c}/${LEARNED_RULE}`);
  known = { knownRules, knownRuleCategories: new Set(['insult', 'identity', 'profanity', 'threat', 'legal', 'confidential', 'tone', 'context']) };
  return known;
}

async function init(out: string | undefined, force: boolean, io: Io): Promise<number> {
  const { starterPolicy } = await import('../../policy/starter.js');
  const text = starterPolicy();
  if (out === undefined) {
    io.stdout.write(text);
    return EXIT.ok;
  }
  try {
    await writeFile(resolve(io.cwd ?? process.cwd(), out), text, { flag: force ? 'w' : 'wx' });
  } catch (err) {
    if ((err as { code?: string }).code === 'EEXIST') throw new InputError('already exists (use --force to overwrite)', out);
    throw new InputError(`cannot write: ${describeFsError(err)}`, out);
  }
  io.stderr.write(`second-thought: wrote ${sanitize(out)}; check it with 'second-thought policy validate ${sanitize(out)}'\n`);
  return EXIT.ok;
}

async function readStdin(io: Io): Promise<string> {
  const parts: Buffer[] = [];
  for await (const chunk of io.stdin) parts.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk));
  return Buffer.concat(parts).toString('utf8');
}

export default policy;
