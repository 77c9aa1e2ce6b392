import { tokenize } from '../normalize/tokenize.js';

/** One step of a compiled phrase. */
export type Atom =
  | { kind: 'word'; word: string }
  | { kind: 'prefix'; stem: string }
  | { kind: 'class'; cls: TokenClass }
  | { kind: 'gap'; max: number };

export type TokenClass = 'name' | 'num' | 'any';

const CLASSES: Record<string, TokenClass> = { '<name>': 'name', '<num>': 'num', '<any>': 'any' };

/** Most phrases `parsePattern` lists for one pattern (the trie itself never expands patterns). */
export const MAX_EXPANSIONS = 512;
/** Longest gap `...N`. */
export const MAX_GAP = 6;
/** Shortest stem for `stem*`: shorter ones would hit innocent words (`ass*` in "assess"). */
export const MIN_STEM = 4;

export class PatternError extends Error {}

/**
 * Parses a phrase pattern (syntax in lexicons/README.md) into the token sequences it
 * stands for: alternatives and optional terms are expanded here, once, so the matcher
 * only walks plain sequences. Throws PatternError with a reason a lexicon author understands.
 */
export function parsePattern(source: string, sets?: PatternSets): Atom[][] {
  const terms = parseTerms(source, sets);
  let count = 1;
  for (const choices of terms) {
    count *= choices.length;
    if (count > MAX_EXPANSIONS) throw new PatternError(`expands to more than ${MAX_EXPANSIONS} phrases`);
  }
  // Each sequence carries a string key, built as it grows, so duplicates are found without
  // serializing every sequence at the end.
  let sequences: Atom[][] = [[]];
  let keys: string[] = [''];
  for (const choices of terms) {
    const choiceKeys = choices.map((choice) => choice.map(atomKey).join(''));
    const next: Atom[][] = [];
    const nextKeys: string[] = [];
    for (let k = 0; k < sequences.length; k++) {
      const seq = sequences[k]!;
      for (let c = 0; c < choices.length; c++) {
        const choice = choices[c]!;
        next.push(choice.length === 0 ? seq.slice() : seq.concat(choice));
        nextKeys.push(keys[k]! + choiceKeys[c]!);
      }
    }
    sequences = next;
    keys = nextKeys;
  }
  for (const seq of sequences) checkSequence(seq, source);
  // Optional terms can make two choices equal ("(a) idiot" with "a" dropped twice): keep one.
  const seen = new Set<string>();
  return sequences.filter((_, k) => {
    const key = keys[k]!;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Named word lists a pattern may use as `@name` (lexicon files' `sets`). Values are alternatives: `a|b|c`. */
export type PatternSets = Readonly<Record<string, string>>;

/** An alternative that is exactly one set reference. */
const SET_ALTERNATIVE = /^@([a-z0-9]+(?:-[a-z0-9]+)*)$/;
/** How deep sets may refer to other sets. */
const MAX_SET_DEPTH = 4;

/**
 * The terms of a pattern, each as its list of choices (a choice is zero or more atoms; an
 * optional term's last choice is empty). Sets (`@name`) are resolved here. Nothing is expanded,
 * so a pattern may stand for any number of phrases: the trie builds only what a walk needs.
 * The shape of every phrase the terms stand for is checked (`checkTerms`).
 */
export function parseTerms(source: string, sets?: PatternSets): Atom[][][] {
  const terms = source.trim().split(/\s+/);
  if (terms.length === 0 || terms[0] === '') throw new PatternError('empty pattern');
  const out = terms.map((term) => parseTerm(term, sets));
  checkTerms(out, source);
  return out;
}

/**
 * Checks, without expanding, what `checkSequence` checks on every expanded phrase: not empty,
 * no gap at either end, no two gaps in a row, no `<any>` first.
 */
export function checkTerms(terms: readonly Atom[][][], source: string): void {
  const nullable = terms.map((choices) => choices.some((c) => c.length === 0));
  if (nullable.every(Boolean)) throw new PatternError(`"${source}" can match nothing (every term is optional)`);
  const isGap = (k: number): boolean => terms[k]!.length === 1 && terms[k]![0]!.length === 1 && terms[k]![0]![0]!.kind === 'gap';
  for (let k = 0; k < terms.length && (k === 0 || nullable[k - 1]); k++) {
    for (const c of terms[k]!) {
      const a = c[0];
      if (a?.kind === 'gap') throw new PatternError(`"${source}": a gap must stand between words`);
      if (a?.kind === 'class' && a.cls === 'any') throw new PatternError(`"${source}": cannot start with <any>`);
    }
  }
  for (let k = terms.length - 1; k >= 0 && (k === terms.length - 1 || nullable[k + 1]); k--) {
    if (isGap(k)) throw new PatternError(`"${source}": a gap must stand between words`);
  }
  for (let k = 0; k < terms.length; k++) {
    if (!isGap(k)) continue;
    for (let j = k + 1; j < terms.length; j++) {
      if (isGap(j)) throw new PatternError(`"${source}": two gaps in a row`);
      if (!nullable[j]) break;
    }
  }
}

/** A string naming one atom, unambiguous when keys are concatenated (each ends in U+0001). */
function atomKey(atom: Atom): string {
  switch (atom.kind) {
    case 'word':
      return 'w' + atom.word + '\u0001';
    case 'prefix':
      return 'p' + atom.stem + '\u0001';
    case 'class':
      return 'c' + atom.cls + '\u0001';
    case 'gap':
      return 'g' + atom.max + '\u0001';
  }
}

/**
 * Parsed terms by their text, and the choices of a set by its name. Lexicons repeat the same terms
 * (`you|he|she`, `(the|a)`, `@groups`) across thousands of patterns; parsing each once keeps
 * creating a classifier fast. A set is parsed once and its choices shared by every term that uses
 * it, so a term naming a set of hundreds of words is not first written out as one long string.
 * Terms with sets are kept per sets object (another object may give a name other words). Only
 * what parses is kept; callers never modify what they get.
 */
const TERM_CACHE = new Map<string, Atom[][]>();
interface SetsCache {
  terms: Map<string, Atom[][]>;
  sets: Map<string, Atom[][]>;
}
const SETS_CACHE = new WeakMap<PatternSets, SetsCache>();
/** Parsed alternatives by their text: the same word is one shared atom wherever it stands. */
const ALTERNATIVE_CACHE = new Map<string, Atom[]>();

function parseTerm(term: string, sets: PatternSets | undefined): Atom[][] {
  let cache = TERM_CACHE;
  if (term.includes('@') && sets) {
    let entry = SETS_CACHE.get(sets);
    if (!entry) SETS_CACHE.set(sets, (entry = { terms: new Map(), sets: new Map() }));
    cache = entry.terms;
  }
  let choices = cache.get(term);
  if (!choices) {
    choices = parseTermUncached(term, sets);
    cache.set(term, choices);
  }
  return choices;
}

function parseTermUncached(term: string, sets: PatternSets | undefined): Atom[][] {
  const gap = /^\.\.\.(\d*)$/.exec(term);
  if (gap) {
    const max = gap[1] ? Number(gap[1]) : 3;
    if (max < 1 || max > MAX_GAP) throw new PatternError(`gap "${term}" must allow 1 to ${MAX_GAP} words`);
    return [[{ kind: 'gap', max }]];
  }
  let body = term;
  let optional = false;
  if (body.startsWith('(') && body.endsWith(')')) {
    optional = true;
    body = body.slice(1, -1);
  } else if (body.includes('(') || body.includes(')')) {
    throw new PatternError(`"${term}": parentheses must wrap a whole term`);
  }
  const choices = alternatives(body, term, sets, 0);
  if (optional) choices.push([]);
  return choices;
}

/** The choices of `a|@set|b`: each set's words in its place. */
function alternatives(body: string, term: string, sets: PatternSets | undefined, depth: number): Atom[][] {
  const choices: Atom[][] = [];
  for (const alt of body.split('|')) {
    const ref = alt.startsWith('@') ? SET_ALTERNATIVE.exec(alt) : null;
    if (ref) for (const choice of setChoices(ref[1]!, sets, depth)) choices.push(choice);
    else if (alt.includes('@')) throw new PatternError(`"${alt}": a set is named as a whole alternative (@name)`);
    else choices.push(parseAlternative(alt, term));
  }
  return choices;
}

/** A set's words as choices. Throws on an unknown name, or sets referring to each other too deeply (or in a circle). */
function setChoices(name: string, sets: PatternSets | undefined, depth: number): Atom[][] {
  const value = sets?.[name];
  if (value === undefined) throw new PatternError(`"@${name}": no such set`);
  if (depth > MAX_SET_DEPTH) throw new PatternError(`"@${name}": sets refer to each other too deeply (or in a circle)`);
  const cache = SETS_CACHE.get(sets!)?.sets;
  let choices = cache?.get(name);
  if (!choices) {
    if (value.includes('(') || value.includes(')')) throw new PatternError(`"@${name}": a set holds words, not parentheses`);
    choices = alternatives(value, `@${name}`, sets, depth + 1);
    cache?.set(name, choices);
  }
  return choices;
}

/** A word the tokenizer reads as itself (test/classifier/match/pattern.test.ts checks this on the lexicons). */
const PLAIN_WORD = /^[a-z]{2,}$/;

function parseAlternative(alt: string, term: string): Atom[] {
  let atoms = ALTERNATIVE_CACHE.get(alt);
  if (!atoms) {
    atoms = parseAlternativeUncached(alt, term);
    ALTERNATIVE_CACHE.set(alt, atoms);
  }
  return atoms;
}

function parseAlternativeUncached(alt: string, term: string): Atom[] {
  if (alt === '') throw new PatternError(`"${term}" has an empty alternative`);
  // Most alternatives are one plain lowercase word, which the tokenizer reads as itself.
  if (PLAIN_WORD.test(alt)) return [{ kind: 'word', word: alt }];
  const cls = CLASSES[alt];
  if (cls) return [{ kind: 'class', cls }];
  // A class with a suffix: `<name>'s` is a name followed by the token `s`.
  const withSuffix = /^(<[a-z]+>)(['\u2019][a-z]+)$/.exec(alt);
  if (withSuffix && CLASSES[withSuffix[1]!]) {
    return [{ kind: 'class', cls: CLASSES[withSuffix[1]!]! }, ...tokenize(withSuffix[2]!).map((t) => ({ kind: 'word', word: t.n }) as Atom)];
  }
  if (alt.includes('<') || alt.includes('>')) throw new PatternError(`"${alt}": unknown token class (use <name>, <num> or <any>)`);
  if (alt.startsWith('...')) throw new PatternError(`"${term}": a gap cannot be an alternative`);
  if (alt.endsWith('*') && !alt.slice(0, -1).includes('*')) {
    const tokens = tokenize(alt.slice(0, -1));
    if (tokens.length !== 1) throw new PatternError(`"${alt}": a stem must be one word`);
    const stem = tokens[0]!.n;
    if (stem.length < MIN_STEM) throw new PatternError(`"${alt}": stem shorter than ${MIN_STEM} letters; list the word's forms instead`);
    return [{ kind: 'prefix', stem }];
  }
  const tokens = tokenize(alt);
  if (tokens.length === 0) throw new PatternError(`"${alt}" has no letters or digits`);
  return tokens.map((t) => {
    if (t.masked) throw new PatternError(`"${alt}": "*" only ends a stem`);
    return { kind: 'word', word: t.n } as Atom;
  });
}

/** Throws a PatternError when an expanded sequence has a shape the matcher cannot use. */
export function checkSequence(seq: readonly Atom[], source: string): void {
  if (seq.length === 0) throw new PatternError(`"${source}" can match nothing (every term is optional)`);
  const first = seq[0]!;
  const last = seq[seq.length - 1]!;
  if (first.kind === 'gap' || last.kind === 'gap') throw new PatternError(`"${source}": a gap must stand between words`);
  if (first.kind === 'class' && first.cls === 'any') throw new PatternError(`"${source}": cannot start with <any>`);
  for (let k = 1; k < seq.length; k++) {
    if (seq[k]!.kind === 'gap' && seq[k - 1]!.kind === 'gap') throw new PatternError(`"${source}": two gaps in a row`);
  }
}
