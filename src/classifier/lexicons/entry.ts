import { CATEGORIES, SEVERITIES, type Category, type Severity } from '../types.js';
import { PatternError, parseTerms, type PatternSets } from '../match/pattern.js';

/** One phrase rule of a lexicon file (format in lexicons/README.md). */
export interface LexiconEntry {
  category: Category;
  /** Rule id inside the category. */
  id: string;
  severity: Severity;
  patterns: string[];
  /** Phrases containing a match that are fine. */
  exceptions?: string[];
  /**
   * Phrases that make a match fine when they stand earlier in its paragraph: what "keep this
   * between us" or "don't write it down" refers to (a surprise party, a door code) is often said
   * a sentence or two before.
   */
  excusedBy?: string[];
  /**
   * Phrases of which one must stand near a match, in its paragraph, for the match to count: a trait
   * named ("she's pregnant") is a finding only beside a decision taken on it ("let's not give her
   * the branch").
   */
  needs?: string[];
  /** Shown to the writer as the finding's message. */
  explanation: string;
  suggestion?: string;
  /** Still a finding at full severity inside a reported quotation (a slur, quoted, is still written out). */
  keepWhenQuoted?: true;
}

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Checks one lexicon file's parsed content and returns its entries, or the list of
 * problems, each naming the entry. `sets` are the named word lists patterns may use (`@name`).
 */
export function checkLexicon(data: unknown, expectedCategory?: Category, sets?: PatternSets): { entries: LexiconEntry[]; problems: string[] } {
  const problems: string[] = [];
  const entries: LexiconEntry[] = [];
  if (!isObject(data)) return { entries, problems: ['the file must be a mapping with "category" and "entries"'] };
  const category = data.category;
  if (typeof category !== 'string' || !(CATEGORIES as readonly string[]).includes(category)) {
    problems.push(`category: expected one of ${CATEGORIES.join(', ')}, found ${JSON.stringify(category)}`);
    return { entries, problems };
  }
  if (expectedCategory && category !== expectedCategory) problems.push(`category "${category}" does not match the file name "${expectedCategory}"`);
  if (!Array.isArray(data.entries)) return { entries, problems: [...problems, 'entries: expected a list'] };
  const ids = new Set<string>();
  const phrases = new Map<string, string>();
  data.entries.forEach((raw: unknown, index: number) => {
    const where = isObject(raw) && typeof raw.id === 'string' ? `entry "${raw.id}"` : `entries[${index}]`;
    if (!isObject(raw)) return problems.push(`${where}: expected a mapping`);
    const { id, severity, patterns, exceptions, excusedBy, needs, explanation, suggestion, keepWhenQuoted } = raw;
    if (typeof id !== 'string' || !ID.test(id)) problems.push(`${where}: id must be lowercase words joined by "-"`);
    else if (ids.has(id)) problems.push(`${where}: duplicate id`);
    else ids.add(id as string);
    if (typeof severity !== 'string' || !(SEVERITIES as readonly string[]).includes(severity)) {
      problems.push(`${where}: severity must be low, medium or high`);
    }
    if (typeof explanation !== 'string' || explanation.trim() === '') problems.push(`${where}: explanation is required`);
    if (suggestion !== undefined && typeof suggestion !== 'string') problems.push(`${where}: suggestion must be text`);
    if (keepWhenQuoted !== undefined && keepWhenQuoted !== true) problems.push(`${where}: keepWhenQuoted must be true when given`);
    const lists: Array<[string, unknown]> = [['patterns', patterns], ['exceptions', exceptions ?? []], ['excusedBy', excusedBy ?? []], ['needs', needs ?? []]];
    for (const [name, list] of lists) {
      if (!Array.isArray(list) || (name === 'patterns' && list.length === 0) || list.some((p) => typeof p !== 'string')) {
        problems.push(`${where}: ${name} must be a list of text${name === 'patterns' ? ' with at least one pattern' : ''}`);
        continue;
      }
      for (const p of list as string[]) {
        try {
          parseTerms(p, sets);
        } catch (e) {
          if (e instanceof PatternError) problems.push(`${where}: ${name}: ${e.message}`);
          else throw e;
        }
        if (name === 'patterns') {
          const key = p.trim().toLowerCase();
          const owner = phrases.get(key);
          if (owner !== undefined && owner !== id) problems.push(`${where}: pattern "${p}" also in entry "${owner}"`);
          phrases.set(key, id as string);
        }
      }
    }
    entries.push({
      category: category as Category,
      id: id as string,
      severity: severity as Severity,
      patterns: patterns as string[],
      ...(Array.isArray(exceptions) && exceptions.length > 0 ? { exceptions: exceptions as string[] } : {}),
      ...(Array.isArray(excusedBy) && excusedBy.length > 0 ? { excusedBy: excusedBy as string[] } : {}),
      ...(Array.isArray(needs) && needs.length > 0 ? { needs: needs as string[] } : {}),
      explanation: explanation as string,
      ...(typeof suggestion === 'string' ? { suggestion } : {}),
      ...(keepWhenQuoted === true ? { keepWhenQuoted: true as const } : {}),
    });
  });
  return { entries, problems };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const SET_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Reads a lexicon file's `sets`: named word lists that patterns use as `@name`, so a long list
 * (groups, pay words) is written, and shipped, once. A value is a list of alternatives or one
 * `a|b|c` string; multi-word alternatives are hyphenated like everywhere in patterns.
 */
export function readSets(data: unknown): { sets: Record<string, string>; problems: string[] } {
  const sets: Record<string, string> = {};
  const problems: string[] = [];
  if (!isObject(data) || data.sets === undefined) return { sets, problems };
  if (!isObject(data.sets)) return { sets, problems: ['sets: expected a mapping of name to word list'] };
  for (const [name, value] of Object.entries(data.sets)) {
    if (!SET_NAME.test(name)) problems.push(`set "${name}": name must be lowercase words joined by "-"`);
    const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split('|') : null;
    if (!list || list.length === 0 || list.some((w) => typeof w !== 'string' || w.trim() === '' || /\s/.test(w.trim()))) {
      problems.push(`set "${name}": expected a non-empty list of single terms (hyphenate multi-word ones)`);
      continue;
    }
    const words = (list as string[]).map((w) => w.trim());
    const twice = words.filter((w, k) => words.indexOf(w) !== k);
    if (twice.length > 0) problems.push(`set "${name}": lists ${[...new Set(twice)].map((w) => `"${w}"`).join(', ')} more than once`);
    sets[name] = words.join('|');
  }
  return { sets, problems };
}

/*
 * The compiled lexicon's shipped form (src/classifier/lexicons/compiled.ts). Every byte of it is in
 * the send handler, which loads on every Send and has a budget (DESIGN.md section 7), so it is
 * plain lines rather than JSON: the quotes, commas and keys of 110 objects and 1,900 strings cost
 * about 6 KB gzipped. One entry is
 *
 *   <category> <id> <severity> [keep-quoted]
 *   <pattern>            (one or more)
 *   ~                    (only when there are exceptions)
 *   <exception>          (one or more)
 *   ^                    (only when there are excusedBy phrases)
 *   <excusedBy phrase>   (one or more)
 *   +                    (only when there are needs phrases)
 *   <needs phrase>       (one or more)
 *
 * and entries are separated by an empty line. Explanations are a separate text, one line per
 * entry: prose beside prose and word lists beside word lists compress better (about 700 bytes
 * gzipped of the send handler) than the two interleaved. Suggestions (shown by the pane, never by
 * the send handler) are a third text, one line per entry, so that a bundle can leave them out; an
 * empty line is an entry without one. Sets are `<name> <a|b|c>` lines. No field may hold a line break,
 * and a pattern is never empty nor a mark: encodeLexicon refuses what it could not decode back.
 */
const EXCEPTIONS_MARK = '~';
const EXCUSED_BY_MARK = '^';
const NEEDS_MARK = '+';
const KEEP_QUOTED = 'keep-quoted';

export interface EncodedLexicon {
  entries: string;
  explanations: string;
  suggestions: string;
  sets: string;
}

/** The shipped form of `entries` and `sets`; throws when a field cannot be written as one line. */
export function encodeLexicon(entries: readonly LexiconEntry[], sets: Readonly<Record<string, string>>): EncodedLexicon {
  const line = (s: string, what: string): string => {
    if (/[\r\n\u2028\u2029]/.test(s)) throw new Error(`${what}: a line break cannot be encoded`);
    return s;
  };
  const blocks = entries.map((e) => {
    const where = `entry "${e.id}"`;
    if (e.explanation === '' || e.patterns.length === 0) throw new Error(`${where}: an entry needs an explanation and a pattern`);
    if (/\s/.test(e.category + e.id + e.severity)) throw new Error(`${where}: category, id and severity cannot hold spaces`);
    const head = `${e.category} ${line(e.id, where)} ${e.severity}${e.keepWhenQuoted ? ` ${KEEP_QUOTED}` : ''}`;
    const lines = [head];
    const lists: Array<[string, readonly string[]]> = [
      ['', e.patterns],
      [EXCEPTIONS_MARK, e.exceptions ?? []],
      [EXCUSED_BY_MARK, e.excusedBy ?? []],
      [NEEDS_MARK, e.needs ?? []],
    ];
    for (const [mark, list] of lists) {
      if (mark && list.length > 0) lines.push(mark);
      for (const p of list) {
        if (p === '' || p === EXCEPTIONS_MARK || p === EXCUSED_BY_MARK || p === NEEDS_MARK) throw new Error(`${where}: pattern ${JSON.stringify(p)} cannot be encoded`);
        lines.push(line(p, where));
      }
    }
    return lines.join('\n');
  });
  const explanations = entries.map((e) => line(e.explanation, `entry "${e.id}"`));
  const suggestions = entries.map((e) => {
    if (e.suggestion === '') throw new Error(`entry "${e.id}": an empty suggestion cannot be encoded`);
    return line(e.suggestion ?? '', `entry "${e.id}"`);
  });
  const setLines = Object.entries(sets).map(([name, value]) => {
    if (/\s/.test(name) || /[\r\n]/.test(value)) throw new Error(`set "${name}" cannot be encoded`);
    return `${name} ${value}`;
  });
  return { entries: blocks.join('\n\n'), explanations: explanations.join('\n'), suggestions: suggestions.join('\n'), sets: setLines.join('\n') };
}

/**
 * The entries back, with the same fields in the same order as checkLexicon makes them;
 * without `suggestions` (the send handler's bundle), entries have none.
 */
export function decodeLexicon(entries: string, explanations: string, suggestions?: string): LexiconEntry[] {
  if (entries === '') return [];
  const texts = explanations.split('\n');
  const tips = suggestions === undefined ? [] : suggestions.split('\n');
  return entries.split('\n\n').map((block, index) => {
    const lines = block.split('\n');
    const [category, id, severity, flag] = lines[0]!.split(' ') as [Category, string, Severity, string?];
    // The lists in their order, each up to the next mark that is there.
    const needs = lines.indexOf(NEEDS_MARK, 1);
    const excused = lines.indexOf(EXCUSED_BY_MARK, 1);
    const mark = lines.indexOf(EXCEPTIONS_MARK, 1);
    const needsEnd = lines.length;
    const excusedEnd = needs < 0 ? needsEnd : needs;
    const exceptionsEnd = excused < 0 ? excusedEnd : excused;
    const tip = tips[index];
    return {
      category,
      id,
      severity,
      patterns: lines.slice(1, mark < 0 ? exceptionsEnd : mark),
      ...(mark >= 0 ? { exceptions: lines.slice(mark + 1, exceptionsEnd) } : {}),
      ...(excused >= 0 ? { excusedBy: lines.slice(excused + 1, excusedEnd) } : {}),
      ...(needs >= 0 ? { needs: lines.slice(needs + 1) } : {}),
      explanation: texts[index]!,
      ...(tip ? { suggestion: tip } : {}),
      ...(flag === KEEP_QUOTED ? { keepWhenQuoted: true as const } : {}),
    };
  });
}

/** The named sets back, in their order. */
export function decodeSets(sets: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (sets === '') return out;
  for (const line of sets.split('\n')) {
    const space = line.indexOf(' ');
    out[line.slice(0, space)] = line.slice(space + 1);
  }
  return out;
}
