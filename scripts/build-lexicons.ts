/**
 * Checks every lexicon file under lexicons/<lang>/ and writes src/classifier/lexicons/compiled.ts,
 * which the classifier imports (so no YAML parser or file access is needed at run time, in
 * Outlook's event runtime or in a browser). The output is generated: never edit it by hand. It holds
 * the lexicon in the compact line form of encodeLexicon (src/classifier/lexicons/entry.ts), which
 * it decodes when loaded into the same LEXICON and LEXICON_SETS the checks produced.
 */
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { join, basename, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { checkLexicon, decodeLexicon, decodeSets, encodeLexicon, readSets, type LexiconEntry } from '../src/classifier/lexicons/entry.js';
import type { Category } from '../src/classifier/types.js';
import { LearnedModel, packModel, unpackModel } from '../src/classifier/learned/model.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(root, 'lexicons', 'en');
const out = join(root, 'src', 'classifier', 'lexicons', 'compiled.ts');

const all: LexiconEntry[] = [];
const problems: string[] = [];
const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.yml')).sort() : [];
// Two passes: every file's sets first (a pattern may use a set from another file), then entries.
const parsed: Array<[string, string, unknown]> = [];
const sets: Record<string, string> = {};
const setOwner = new Map<string, string>();
for (const file of files) {
  const path = join('lexicons', 'en', file);
  let data: unknown;
  try {
    data = parse(readFileSync(join(dir, file), 'utf8'));
  } catch (e) {
    problems.push(`${path}: not valid YAML: ${(e as Error).message.split('\n')[0]}`);
    continue;
  }
  parsed.push([file, path, data]);
  const found = readSets(data);
  for (const p of found.problems) problems.push(`${path}: ${p}`);
  for (const [name, value] of Object.entries(found.sets)) {
    if (setOwner.has(name)) problems.push(`${path}: set "${name}" is already defined in ${setOwner.get(name)}`);
    setOwner.set(name, path);
    sets[name] = value;
  }
}
for (const [file, path, data] of parsed) {
  const result = checkLexicon(data, basename(file, '.yml') as Category, sets);
  for (const p of result.problems) problems.push(`${path}: ${p}`);
  all.push(...result.entries);
}
if (problems.length > 0) {
  for (const p of problems) console.error(p);
  console.error(`lexicons: ${problems.length} problem(s); nothing written`);
  process.exit(2);
}
/**
 * A term's alternatives are a set to the matcher (`a|b|c` matches any one of them, whatever
 * their order), so the shipped patterns list them sorted: words that start alike then stand
 * together, and the lexicon and its sets compress about 1.8 KB (gzipped) smaller. A term in parentheses is
 * sorted inside them. The YAML keeps the order its authors chose.
 */
function sortAlternatives(pattern: string): string {
  return pattern
    .split(' ')
    .map((term) => {
      const optional = term.startsWith('(') && term.endsWith(')');
      const body = optional ? term.slice(1, -1) : term;
      if (!body.includes('|')) return term;
      const sorted = body.split('|').sort().join('|');
      return optional ? `(${sorted})` : sorted;
    })
    .join(' ');
}
const shipped: LexiconEntry[] = all.map((e) => {
  const out: LexiconEntry = { ...e, patterns: e.patterns.map(sortAlternatives) };
  if (e.exceptions) out.exceptions = e.exceptions.map(sortAlternatives);
  if (e.excusedBy) out.excusedBy = e.excusedBy.map(sortAlternatives);
  if (e.needs) out.needs = e.needs.map(sortAlternatives);
  return out;
});
// The shipped form: lines, not JSON (see encodeLexicon), decoded once when the module loads.
// Decoding must give back exactly what was shipped, or nothing is written.
// A set is one term's alternatives too: sorted the same way.
const shippedSets: Record<string, string> = Object.fromEntries(Object.entries(sets).map(([name, value]) => [name, sortAlternatives(value)]));
const encoded = encodeLexicon(shipped, shippedSets);
if (
  JSON.stringify(decodeLexicon(encoded.entries, encoded.explanations, encoded.suggestions)) !== JSON.stringify(shipped) ||
  JSON.stringify(decodeSets(encoded.sets)) !== JSON.stringify(shippedSets)
) {
  console.error('lexicons: the encoded lexicon does not decode to the checked one; nothing written');
  process.exit(2);
}
// The learned scorer's weights (scripts/train-model.ts), checked by parsing them as the scorer will.
const learnedPath = join(root, 'lexicons', 'learned', 'en.tsv');
const learned = readFileSync(learnedPath, 'utf8')
  .split('\n')
  .filter((l) => l !== '' && !l.startsWith('#'))
  .join('\n');
let learnedSize = 0;
let packedModel = '';
try {
  learnedSize = new LearnedModel(learned).size;
  packedModel = packModel(learned);
  if (unpackModel(packedModel) !== learned) throw new Error('the packed model does not unpack to the same text');
} catch (e) {
  console.error(`lexicons/learned/en.tsv: ${(e as Error).message}; nothing written`);
  process.exit(2);
}
/**
 * `s` as a JavaScript expression that keeps its line breaks and tabs as they are: a JSON string
 * writes each as two characters (`\\n`, `\\t`), and the learned model alone has some 23,000
 * of them, about 1.4 KB of every bundle gzipped. A raw template (String.raw) is the one form the
 * minifier prints back as written; text it cannot hold as it is (a backslash, a backtick, `${`,
 * a carriage return, which a template reads as a line feed) stays a JSON string.
 */
function literal(s: string): string {
  return /[\\`\r]|\$\{/.test(s) ? JSON.stringify(s) : `String.raw\`${s}\``;
}

const text =
  '// Generated by scripts/build-lexicons.ts from lexicons/en/*.yml and lexicons/learned/en.tsv. Do not edit.\n' +
  "import { decodeLexicon, decodeSets, type LexiconEntry } from './entry.js';\n" +
  "import { SUGGESTIONS } from '../suggestions.js';\n\n" +
  `export const LEXICON_SETS: Readonly<Record<string, string>> = decodeSets(${literal(encoded.sets)});\n\n` +
  '/** The send handler\'s build leaves the suggestions out (see ../suggestions.ts). */\n' +
  `const SUGGESTION_LINES: string | undefined = SUGGESTIONS ? ${literal(encoded.suggestions)} : undefined;\n\n` +
  `const EXPLANATION_LINES = ${literal(encoded.explanations)};\n\n` +
  `export const LEXICON: readonly LexiconEntry[] = decodeLexicon(${literal(encoded.entries)}, EXPLANATION_LINES, SUGGESTION_LINES);\n\n` +
  '/** The learned scorer\'s model (src/classifier/learned/model.ts), without its comment lines, packed (packModel). */\n' +
  `export const LEARNED = ${literal(packedModel)};\n`;
if (!existsSync(out) || readFileSync(out, 'utf8') !== text) writeFileSync(out, text);
console.log(`lexicons: ${all.length} entries and ${Object.keys(sets).length} sets from ${files.length} files; learned model of ${learnedSize} features`);
