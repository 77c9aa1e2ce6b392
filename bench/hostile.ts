/**
 * Hostile inputs: texts built to make a scanner slow down or go quadratic. Each case is a
 * function of the size in UTF-16 code units and returns exactly that many (never splitting
 * a surrogate pair), so the benchmark can time it at 100 KB and 200 KB and check that
 * doubling the input at most doubles the time.
 */
import { Rng } from './rng.js';
import { parsePattern, type Atom } from '../src/classifier/match/pattern.js';

export interface HostileCase {
  name: string;
  /** What the case stresses. */
  stresses: string;
  /**
   * The input at `size`. Seeded cases give different text for each `variant`, so that timing
   * one size after another never reuses what a detector cached from the previous run.
   */
  make(size: number, variant?: number): string;
}

/** Repeats `unit` to exactly `size` code units, never ending on half a surrogate pair. */
export function repeatTo(unit: string, size: number): string {
  if (unit.length === 0) throw new Error('empty unit');
  let s = unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
  const last = s.charCodeAt(s.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) s = s.slice(0, -1) + ' ';
  return s;
}

/** Fills exactly `size` code units by calling `piece` repeatedly (seeded, so deterministic). */
function build(size: number, seed: number, piece: (r: Rng) => string): string {
  const r = new Rng(seed);
  const parts: string[] = [];
  let n = 0;
  while (n < size) {
    const p = piece(r);
    parts.push(p);
    n += p.length;
  }
  return repeatTo(parts.join(''), size);
}

/** The plain words and phrase prefixes of the compiled lexicon (for near-miss cases). */
export interface LexiconShape {
  /** Words that appear in patterns (and stems). */
  words: string[];
  /** Every multi-token phrase without its last token, as text. */
  prefixes: string[];
  /** Phrase parts before a gap `...N` with the gap's size. */
  gapHeads: Array<{ head: string; max: number }>;
}

export function lexiconShape(patterns: readonly string[]): LexiconShape {
  const words = new Set<string>();
  const prefixes = new Set<string>();
  const gapHeads = new Map<string, number>();
  for (const p of patterns) {
    let seqs: Atom[][];
    try {
      seqs = parsePattern(p);
    } catch {
      continue;
    }
    for (const seq of seqs) {
      const text: string[] = [];
      for (let k = 0; k < seq.length; k++) {
        const a = seq[k]!;
        if (a.kind === 'word') {
          words.add(a.word);
          text.push(a.word);
        } else if (a.kind === 'prefix') {
          words.add(a.stem);
          text.push(a.stem + 'x');
        } else if (a.kind === 'class') text.push(a.cls === 'name' ? 'Sam' : a.cls === 'num' ? '42' : 'it');
        else {
          gapHeads.set(text.join(' '), Math.max(gapHeads.get(text.join(' ')) ?? 0, a.max));
          continue;
        }
        if (k > 0 && k === seq.length - 1) prefixes.add(text.slice(0, -1).join(' '));
      }
    }
  }
  return {
    words: [...words].sort(),
    prefixes: [...prefixes].sort(),
    gapHeads: [...gapHeads].sort().map(([head, max]) => ({ head, max })),
  };
}

const FALLBACK_WORDS = ['idiot', 'stupid', 'delete', 'shred', 'confidential', 'salary', 'password', 'kill'];

export function hostileCases(shape: LexiconShape): HostileCase[] {
  const words = shape.words.filter((w) => w.length >= 3);
  const nearWords = words.length > 0 ? words : FALLBACK_WORDS;
  const prefixes = shape.prefixes.length > 0 ? shape.prefixes : ['what a', 'delete this', 'you will'];
  const gapHeads = shape.gapHeads.length > 0 ? shape.gapHeads : [{ head: 'delete this', max: 4 }];
  return [
    { name: 'one repeated character', stresses: 'one endless token', make: (n) => repeatTo('a', n) },
    { name: 'repeated letter pairs', stresses: 'stretched-letter readings of one huge token', make: (n) => repeatTo('aaab', n) },
    {
      name: 'no spaces',
      stresses: 'one endless mixed token (letters, digits, leet symbols)',
      make: (n, v = 0) => build(n, 11 + 7919 * v, (r) => r.chars('abcdefghijklmnopqrstuvwxyz0123456789@$!|', 64)),
    },
    { name: 'only punctuation', stresses: 'no tokens at all', make: (n, v = 0) => build(n, 12 + 7919 * v, (r) => r.chars('.,;:!?-_()[]{}"\'/\\*&^%#~`<>=+', 64)) },
    { name: 'zero-width runs', stresses: 'invisible characters inside words', make: (n) => repeatTo('\u200b\u200c\u200d\u2060\ufeff'.repeat(20) + 'id\u200bi\u200bot ', n) },
    { name: 'only zero-width', stresses: 'one invisible run, no token', make: (n) => repeatTo('\u200b\u200d\ufeff\u00ad', n) },
    {
      name: 'near-miss word prefixes',
      stresses: 'lexicon words missing their last letter (trie and stem walks that fail late)',
      make: (n, v = 0) => build(n, 13 + 7919 * v, (r) => r.pick(nearWords).slice(0, -1) + ' '),
    },
    {
      name: 'near-miss phrase prefixes',
      stresses: 'every multi-word phrase without its last word, no sentence breaks',
      make: (n, v = 0) => build(n, 14 + 7919 * v, (r) => r.pick(prefixes) + ' '),
    },
    {
      name: 'gap-walk heads',
      stresses: 'phrase heads before a gap, followed by filler and never the tail',
      make: (n, v = 0) => build(n, 15 + 7919 * v, (r) => {
        const g = r.pick(gapHeads);
        return g.head + ' ' + 'the '.repeat(r.int(0, g.max));
      }),
    },
    { name: 'capitalized words', stresses: '<name> class steps on every token', make: (n, v = 0) => build(n, 16 + 7919 * v, (r) => r.pick(['Sam ', 'Priya ', 'Jordan ', 'Contoso ', 'Atlas '])) },
    { name: 'spaced letters', stresses: 'single-letter runs joined into one token', make: (n, v = 0) => build(n, 17 + 7919 * v, (r) => r.chars('abcdefghijklmnopqrstuvwxyz', 1) + ' ') },
    { name: 'dotted letters', stresses: 'f.u.c.k-style runs with one separator', make: (n, v = 0) => build(n, 18 + 7919 * v, (r) => r.chars('abcdefghijklmnopqrstuvwxyz', 1) + '.') },
    { name: 'masked words', stresses: 'masked tokens (f*ck) against the word index', make: (n, v = 0) => build(n, 19 + 7919 * v, (r) => r.chars('abcdefghijklmnopqrstuvwxyz', 1) + '*'.repeat(r.int(1, 3)) + r.chars('abcdefghijklmnopqrstuvwxyz', r.int(1, 3)) + ' ') },
    { name: '1 MB line of digits and dashes', stresses: 'card, phone, SSN, IBAN and account-number scanners', make: (n, v = 0) => build(n, 20 + 7919 * v, (r) => r.chars('0123456789', r.int(1, 6)) + '-') },
    { name: 'digits and spaces', stresses: 'number grouping in the PII detectors', make: (n, v = 0) => build(n, 21 + 7919 * v, (r) => r.chars('0123456789', r.int(1, 4)) + ' ') },
    { name: 'dotted numbers', stresses: 'IP-address and date scanners', make: (n, v = 0) => build(n, 22 + 7919 * v, (r) => String(r.int(0, 300)) + r.pick(['.', '.', '.', '/', ':'])) },
    { name: 'at signs', stresses: 'e-mail address scanner', make: (n, v = 0) => build(n, 23 + 7919 * v, (r) => r.chars('abcdefghij', r.int(0, 3)) + r.pick(['@', '@.', '.', '@@'])) },
    { name: 'long base64 run', stresses: 'secret entropy scanner on one endless value', make: (n, v = 0) => build(n, 24 + 7919 * v, (r) => r.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/', 64)) },
    { name: 'key=value chains', stresses: 'password and assignment scanners', make: (n, v = 0) => build(n, 25 + 7919 * v, (r) => r.pick(['password', 'pwd', 'secret', 'token', 'key', 'pass']) + r.pick(['=', ': ', ':', ' = ', '=>']) + r.chars('abcXYZ123!', r.int(0, 8)) + r.pick([';', ' ', ',', '&'])) },
    { name: 'key prefixes', stresses: 'known-key scanners: prefixes that never complete', make: (n, v = 0) => build(n, 26 + 7919 * v, (r) => r.pick(['AKIA', 'ghp_', 'xoxb-', 'sk_live_', 'eyJ', 'AIza', 'sk-', 'glpat-']) + r.chars('ABCDEFGHIJ0123', r.int(0, 10)) + ' ') },
    { name: 'unterminated PEM headers', stresses: 'private-key scanner looking for an END line', make: (n) => repeatTo('-----BEGIN RSA PRIVATE KEY-----\nMIIEow', n) },
    { name: 'connection-string heads', stresses: 'URL scanners on schemes with no end', make: (n, v = 0) => build(n, 27 + 7919 * v, (r) => r.pick(['postgres://', 'mongodb+srv://', 'mysql://u:', 'redis://:', 'https://a:b@']) + r.chars('abc:@/.', r.int(0, 6))) },
    {
      name: 'deeply nested quoted replies',
      stresses: 'segmenter on quote prefixes that grow with depth',
      make: (n, v = 0) => build(n, 28 + 7919 * v, (r) => {
        const depth = r.int(1, 60);
        return '> '.repeat(depth) + 'On Monday, Sam Lee <sam@x.example> wrote:\n' + '> '.repeat(depth + 1) + 'Thanks, that works.\n';
      }),
    },
    {
      name: 'reply-header near misses',
      stresses: 'segmenter header patterns on long lines that never say "wrote"',
      make: (n, v = 0) => build(n, 29 + 7919 * v, (r) => 'On ' + r.chars('abc ,', r.int(100, 290)) + '\nFrom: x\n'),
    },
    { name: 'replies below quotes', stresses: 'segmenter: reply headers, "> " runs and answers after them', make: (n) => repeatTo('On Mon, 2 Jun 2025, Sam Lee <sam@x.example> wrote:\n> is it done?\n\nYes.\n', n) },
    {
      name: 'names and sums on one line',
      stresses: 'pay-list and street-address scanners looking back for names, no line break',
      make: (n, v = 0) => build(n, 31 + 7919 * v, (r) => r.pick(['Ana ', 'Lee ', 'Oak ', 'Park ', 'salary ', '- ', '$', '12 ', '48,000 ', '9k ', 'St ', '(lead) '])),
    },
    { name: 'birth dates in a row', stresses: 'date-of-birth columns: every date a birth date, no line break', make: (n) => repeatTo('Ana Ruiz - DOB - 01/02/1990 | ', n) },
    { name: 'only newlines', stresses: 'empty lines for the segmenter', make: (n) => repeatTo('\n', n) },
    { name: 'sign-off lines', stresses: 'signature search over many sign-offs', make: (n) => repeatTo('Best,\nSam\n\n', n) },
    {
      name: 'excusable requests in a row',
      stresses: 'look-back for excusedBy phrases before every match of an entry that has them',
      make: (n, v = 0) => build(n, 32 + 7919 * v, (r) => r.pick(['Surprise party on Friday. ', 'Keep this between us. ', 'The door code changes. ', "Don't write it down. ", 'Noted. ', '\n\n'])),
    },
    {
      name: 'traits beside decisions',
      stresses: 'windows on both sides of every match of an entry with needs, half of them cut by blank lines',
      make: (n, v = 0) => build(n, 33 + 7919 * v, (r) => r.pick(["She's pregnant. ", "Let's not. ", 'Give it to Sam. ', 'She asked. ', 'Noted. ', '\n\n'])),
    },
    {
      name: 'distinct code points',
      stresses: 'per-code-point fold cache misses (CJK, accents, math letters)',
      make: (n, v = 0) => build(n, 30 + 7919 * v, (r) => String.fromCodePoint(r.pick([r.int(0x4e00, 0x9fff), r.int(0xc0, 0x24f), r.int(0x1d400, 0x1d7ff), r.int(0x400, 0x4ff)]))),
    },
    { name: 'emoji and surrogates', stresses: 'astral code points between letters', make: (n) => repeatTo('ok\u{1f600}sh\u{1f4a9}it ', n) },
  ];
}
