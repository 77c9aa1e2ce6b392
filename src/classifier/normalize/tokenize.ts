import { Kind, fold, leet } from './fold.js';

/**
 * A word of the draft after normalization, with its place in the original text.
 * `text.slice(s, e)` is what the writer typed, whatever normalization ran.
 */
export interface Token {
  /** Normalized form: lowercase ASCII letters/digits (other scripts kept as lowercase), `*` for masked letters. */
  n: string;
  /** UTF-16 offset of the first code unit in the original text. */
  s: number;
  /** UTF-16 offset just past the last code unit in the original text. */
  e: number;
  /** A sentence ends between the previous token and this one (or this is the first token). */
  brk: boolean;
  /** Written like a name: a capital followed by a lowercase letter. */
  cap: boolean;
  /** Holds a digit. */
  num: boolean;
  /** Holds `*` standing for hidden letters (`f*ck`). */
  masked: boolean;
  /** Other readings when letters were stretched (`shiiiit` -> `shiit`, `shit`). */
  alts?: string[];
}

interface Piece {
  kind: Kind;
  /** Folded text of this code point (a letter may fold to more than one, e.g. ß -> ss). */
  text: string;
  /** The original character (needed for leet symbols and capitals). */
  raw: string;
  s: number;
  e: number;
}

/**
 * Splits text into normalized word tokens in one pass. Linear in the text length.
 *
 * - Case, NFKD compatibility forms, accents and homoglyphs are folded (fold.ts).
 * - Invisible characters (zero-width, soft hyphen, bidi controls) vanish without splitting a word.
 * - Words split at spaces, punctuation, hyphens and apostrophes (`don't` -> `don t`).
 * - Inside a word that has letters, digits and symbols read as letters (`sh1t`, `@ss`, `sh!t`).
 * - Runs of single letters with the same separator are joined (`f.u.c.k`, `s h i t`).
 * - Letters stretched three times or more get shorter readings as `alts` (`shiiiit`).
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let run: Piece[] = [];
  let brk = true;
  let sawStop = false;
  let newlines = 0;
  const len = text.length;

  const flush = (): void => {
    if (run.length === 0) return;
    const tok = makeToken(run, text, brk);
    run = [];
    if (tok) {
      tokens.push(tok);
      brk = false;
      sawStop = false;
      newlines = 0;
    }
  };

  let i = 0;
  while (i < len) {
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const f = fold(cp);
    switch (f.kind) {
      case Kind.Invisible:
      case Kind.Mark:
        break;
      case Kind.Letter:
      case Kind.Digit:
      case Kind.Leet:
      case Kind.Mask:
        run.push({ kind: f.kind, text: f.text, raw: text.slice(i, i + width), s: i, e: i + width });
        break;
      case Kind.Stop:
        // `!` between letters is a letter in disguise (sh!t); otherwise it ends a sentence.
        if (f.text === '!' && run.length > 0 && continuesWord(text, i + width)) {
          run.push({ kind: Kind.Leet, text: '!', raw: '!', s: i, e: i + width });
          break;
        }
        flush();
        sawStop = true;
        break;
      case Kind.Newline:
        flush();
        if (text.charCodeAt(i) !== 0x0d) newlines++;
        if (sawStop || newlines >= 2) brk = true;
        break;
      case Kind.Space:
        flush();
        if (sawStop) brk = true;
        break;
      default:
        flush();
    }
    i += width;
  }
  flush();
  return joinSpacedLetters(tokens, text);
}

/** Whether the code point at `i` continues a word (a letter, digit or leet symbol). */
function continuesWord(text: string, i: number): boolean {
  if (i >= text.length) return false;
  const k = fold(text.codePointAt(i)!).kind;
  return k === Kind.Letter || k === Kind.Digit || k === Kind.Leet;
}

function makeToken(run: Piece[], text: string, brk: boolean): Token | null {
  let hasLetter = false;
  let hasDigit = false;
  for (const p of run) {
    if (p.kind === Kind.Letter) hasLetter = true;
    else if (p.kind === Kind.Digit) hasDigit = true;
  }
  if (!hasLetter) {
    if (!hasDigit) return null;
    // A number: keep its digits; `$` and other symbols around it are not letters here.
    let first = -1;
    let last = -1;
    let n = '';
    for (let k = 0; k < run.length; k++) {
      if (run[k]!.kind === Kind.Digit) {
        if (first < 0) first = k;
        last = k;
        n += run[k]!.text;
      }
    }
    return { n, s: run[first]!.s, e: run[last]!.e, brk, cap: false, num: true, masked: false };
  }
  // Trim symbols at the edges that are punctuation, not letters: `|x|`, `+word`, `*emphasis*`.
  let a = 0;
  let b = run.length - 1;
  while (a < b && (run[a]!.kind === Kind.Mask || isEdgeSymbol(run[a]!))) a++;
  while (b > a && isEdgeSymbol(run[b]!)) b--;
  let letters = 0;
  for (let k = a; k <= b; k++) if (run[k]!.kind !== Kind.Mask) letters++;
  if (letters >= 4) while (b > a && run[b]!.kind === Kind.Mask) b--;

  let n = '';
  let masked = false;
  for (let k = a; k <= b; k++) {
    const p = run[k]!;
    if (p.kind === Kind.Letter) n += p.text;
    else if (p.kind === Kind.Mask) {
      n += '*';
      masked = true;
    } else n += leet(p.raw);
  }
  const first = run[a]!;
  const cap = first.kind === Kind.Letter && isUpper(first.raw) && (a === b || isLower(run[a + 1]!.raw));
  const tok: Token = { n, s: first.s, e: run[b]!.e, brk, cap, num: hasDigit, masked };
  const alts = stretchedReadings(n);
  if (alts) tok.alts = alts;
  return tok;
}

function isEdgeSymbol(p: Piece): boolean {
  return p.kind === Kind.Leet && (p.raw === '|' || p.raw === '+' || p.raw === '!');
}

function isUpper(ch: string): boolean {
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

function isLower(ch: string): boolean {
  return ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}

/**
 * Readings of a word whose letters were stretched: every run of three or more of the
 * same letter read as two and as one (`shiiiit` -> `shiit`, `shit`; `asssss` -> `ass`, `as`).
 * English words never have a letter three times in a row, so this is safe.
 */
export function stretchedReadings(n: string): string[] | undefined {
  let stretched = false;
  for (let k = 2; k < n.length; k++) {
    if (n[k] !== '*' && n[k] === n[k - 1] && n[k] === n[k - 2]) {
      stretched = true;
      break;
    }
  }
  if (!stretched) return undefined;
  let two = '';
  let one = '';
  let k = 0;
  while (k < n.length) {
    let j = k;
    while (j < n.length && n[j] === n[k]) j++;
    const count = j - k;
    const stretch = count >= 3 && n[k] !== '*';
    two += stretch ? n[k]!.repeat(2) : n.slice(k, j);
    one += stretch ? n[k] : n.slice(k, j);
    k = j;
  }
  return two === one ? [two] : [two, one];
}

/**
 * Joins runs of three or more single-letter tokens separated by the same short separator
 * (`f.u.c.k`, `s h i t`, `f-u-c-k`) into one token spanning them all.
 */
function joinSpacedLetters(tokens: Token[], text: string): Token[] {
  let out: Token[] | null = null;
  let k = 0;
  while (k < tokens.length) {
    const t = tokens[k]!;
    if (!isSingleLetter(t)) {
      if (out) out.push(t);
      k++;
      continue;
    }
    let j = k + 1;
    const gap = (m: number): string => text.slice(tokens[m - 1]!.e, tokens[m]!.s);
    const sep = j < tokens.length ? gap(j) : '';
    const joins = (m: number, with_: string): boolean =>
      m < tokens.length && isSingleLetter(tokens[m]!) && !tokens[m]!.brk && gap(m) === with_;
    if (sep.length > 0 && sep.length <= 2 && !sep.includes('\n')) {
      // A letter between a space and another separator belongs to the other run, since
      // spaces also separate ordinary words: `s h i t f-u-c-k`, `f.u.c.k s h i t`.
      const startsOtherRun = (m: number): boolean => {
        if (m + 1 >= tokens.length || sep.trim() !== '') return false;
        const next = gap(m + 1);
        return next !== sep && next.length > 0 && next.length <= 2 && joins(m + 1, next);
      };
      while (joins(j, sep) && !startsOtherRun(j)) j++;
    }
    if (j - k >= 3) {
      out ??= tokens.slice(0, k);
      let n = '';
      for (let m = k; m < j; m++) n += tokens[m]!.n;
      const joined: Token = { n, s: t.s, e: tokens[j - 1]!.e, brk: t.brk, cap: false, num: false, masked: false };
      const alts = stretchedReadings(n);
      if (alts) joined.alts = alts;
      out.push(joined);
      k = j;
    } else {
      if (out) out.push(t);
      k++;
    }
  }
  return out ?? tokens;
}

function isSingleLetter(t: Token): boolean {
  return t.n.length === 1 && !t.num && t.e - t.s <= 2;
}
