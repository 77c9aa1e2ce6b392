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
  /** A clause break (comma, semicolon, colon, parenthesis, dash) stands between the previous token and this one. */
  cl?: boolean;
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
 * - Words split at spaces, punctuation, hyphens and apostrophes (`don't` -> `don t`); a bare
 *   possessive apostrophe after s is read as `'s` (`Jones' bonus` -> `jones s bonus`).
 * - Inside a word that has letters, digits and symbols read as letters (`sh1t`, `@ss`, `sh!t`).
 * - Runs of single letters with the same separator are joined (`f.u.c.k`, `s h i t`).
 * - Letters stretched three times or more get shorter readings as `alts` (`shiiiit`).
 * - Text speak gets the word it stands for as `alts` (`u` -> `you`, TEXT_SPEAK).
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  // The current word is kept one of two ways. Most words are plain ASCII letters and digits
  // with nothing in between: for those only [simpleStart, simpleEnd) is tracked and the token
  // is cut from the text in one slice (simpleToken). Anything else (a leet symbol, a mask, an
  // invisible character, a letter outside ASCII) first turns the plain part into pieces and
  // continues piece by piece (makeToken). Both give the same token.
  let run: Piece[] = [];
  let simpleStart = -1;
  let simpleEnd = 0;
  let simpleLetter = false;
  let simpleDigit = false;
  let brk = true;
  let sawStop = false;
  let clause = false;
  let newlines = 0;
  const len = text.length;

  const flush = (): void => {
    let tok: Token | null;
    if (simpleStart >= 0) {
      tok = simpleToken(text, simpleStart, simpleEnd, simpleLetter, simpleDigit, brk);
      simpleStart = -1;
    } else if (run.length > 0) {
      tok = makeToken(run, text, brk);
      run = [];
    } else return;
    if (tok) {
      if (clause) tok.cl = true;
      pushWord(tokens, tok, text);
      brk = false;
      sawStop = false;
      clause = false;
      newlines = 0;
    }
  };
  /** Turns the plain ASCII part of the current word into pieces, before a piece of another kind joins it. */
  const toPieces = (): void => {
    for (let k = simpleStart; k < simpleEnd; k++) {
      const f = fold(text.charCodeAt(k));
      run.push({ kind: f.kind, text: f.text, raw: text[k]!, s: k, e: k + 1 });
    }
    simpleStart = -1;
  };

  let i = 0;
  while (i < len) {
    const c = text.charCodeAt(i);
    if (c < 128 && PLAIN[c] === 1) {
      if (simpleStart >= 0) {
        simpleEnd = i + 1;
      } else if (run.length === 0) {
        simpleStart = i;
        simpleEnd = i + 1;
        simpleLetter = false;
        simpleDigit = false;
      } else {
        const f = fold(c);
        run.push({ kind: f.kind, text: f.text, raw: text[i]!, s: i, e: i + 1 });
        i++;
        continue;
      }
      if (c <= 0x39) simpleDigit = true;
      else simpleLetter = true;
      i++;
      continue;
    }
    const cp = c >= 0xd800 && c <= 0xdbff ? text.codePointAt(i)! : c;
    const width = cp > 0xffff ? 2 : 1;
    const f = fold(cp);
    switch (f.kind) {
      case Kind.Invisible:
      case Kind.Mark:
        if (simpleStart >= 0) toPieces();
        break;
      case Kind.Letter:
      case Kind.Digit:
      case Kind.Leet:
      case Kind.Mask:
        if (simpleStart >= 0) toPieces();
        run.push({ kind: f.kind, text: f.text, raw: text.slice(i, i + width), s: i, e: i + width });
        break;
      case Kind.Stop:
        // `!` between letters is a letter in disguise (sh!t); otherwise it ends a sentence.
        if (f.text === '!' && (simpleStart >= 0 || run.length > 0) && continuesWord(text, i + width)) {
          if (simpleStart >= 0) toPieces();
          run.push({ kind: Kind.Leet, text: '!', raw: '!', s: i, e: i + width });
          break;
        }
        flush();
        // An ellipsis ("too... flamboyant", "…") trails off; it does not end the sentence.
        if (cp === 0x2026 || (cp === 0x2e && (text.charCodeAt(i + 1) === 0x2e || text.charCodeAt(i - 1) === 0x2e))) {
          sawStop = false;
          clause = true;
        } else sawStop = true;
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
      case Kind.Apostrophe: {
        flush();
        // "Jones' bonus" is read as "Jones's bonus": a word ending in s before a bare apostrophe
        // gets the possessive "s" token, standing on the apostrophe, so "<name>'s" patterns match.
        const prev = tokens[tokens.length - 1];
        if (prev && prev.e === i && !prev.num && prev.n.length > 1 && prev.n.endsWith('s') && !startsWord(text, i + width)) {
          tokens.push(wordPart('s', i, i + width));
        }
        break;
      }
      default:
        flush();
        if (CLAUSE_MARKS.has(cp)) clause = true;
    }
    i += width;
  }
  flush();
  return joinSpacedLetters(tokens, text);
}

/**
 * Contractions typed without the apostrophe ("dont", "youre", "Im"), each with the place the
 * apostrophe would stand: they become the two tokens "don't" and "you're" give, so every pattern
 * written with the apostrophe matches text-speak too. Only forms that are no other word: not
 * its, were, well, wed, lets, hell, shell, shed or hed; "Ill" and "Id" only as typed with a
 * capital I (see capitalIContraction).
 */
export const CONTRACTIONS: ReadonlyMap<string, number> = new Map(
  (
    'dont:3 doesnt:4 didnt:3 isnt:2 arent:3 wasnt:3 werent:4 wont:3 cant:3 couldnt:5 shouldnt:6 wouldnt:5 ' +
    'havent:4 hasnt:3 hadnt:3 mustnt:4 neednt:4 aint:3 im:1 ive:1 youre:3 youve:3 youll:3 youd:3 theyre:4 ' +
    'theyve:4 theyll:4 theyd:4 thats:4 whats:4 theres:5 heres:4 whos:3 wheres:5 hes:2 shes:3'
  )
    .split(' ')
    .map((w) => {
      const [word, at] = w.split(':');
      return [word!, Number(at)] as const;
    }),
);

/** Pushes a word's token, or the two tokens of a contraction typed without its apostrophe. */
function pushWord(tokens: Token[], tok: Token, text: string): void {
  const at = CONTRACTIONS.get(tok.n) ?? capitalIContraction(tokens, tok, text);
  // Only a word typed one character per letter, so the split falls between the right characters
  // ("d0nt" splits like "dont"; "do\u200bnt", with an invisible character inside, stays whole).
  if (at === undefined || tok.e - tok.s !== tok.n.length || tok.alts) {
    tokens.push(tok);
    return;
  }
  const first: Token = { n: tok.n.slice(0, at), s: tok.s, e: tok.s + at, brk: tok.brk, cap: tok.cap, num: false, masked: false };
  if (tok.cl) first.cl = true;
  tokens.push(first, wordPart(tok.n.slice(at), tok.s + at, tok.e));
}

/** A token the tokenizer adds after a word, as part of it: the "s" of "Jones'", the "t" of "dont". */
function wordPart(n: string, s: number, e: number): Token {
  return { n, s, e, brk: false, cap: false, num: false, masked: false };
}

/** Words before "ill" that make it the adjective ("is ill", "fell ill", "mentally ill"). */
const ILL_AS_ADJECTIVE: ReadonlySet<string> = new Set(
  (
    'am m is s was were be been being fell feel feels felt feeling get gets got getting become became ' +
    'very so too quite rather really seriously mentally critically terminally chronically'
  ).split(' '),
);

/**
 * "Ill" and "Id" typed with a capital I are "I'll" and "I'd" ("Ill bury him", "and Ill ruin you");
 * as the adjective, "ill" follows a verb of being or an adverb, or leads "ill-advised". Returns
 * where the apostrophe would stand, or undefined.
 */
function capitalIContraction(tokens: Token[], tok: Token, text: string): number | undefined {
  const at = CAPITAL_I_CONTRACTIONS.get(tok.n);
  if (at === undefined || text.charCodeAt(tok.s) !== 73 || text.slice(tok.s + 1, tok.e) !== tok.n.slice(1)) return undefined;
  if (tok.n === 'ill') {
    if (text.charCodeAt(tok.e) === 45) return undefined;
    const before = tokens[tokens.length - 1];
    if (before && !tok.brk && ILL_AS_ADJECTIVE.has(before.n)) return undefined;
  }
  return at;
}

/** Contractions that are also other words, split only when typed with a capital I: "Ill", "Id". */
export const CAPITAL_I_CONTRACTIONS: ReadonlyMap<string, number> = new Map([
  ['ill', 1],
  ['id', 1],
]);

/** Whether a letter or digit starts at `at` (after an apostrophe: "don't" is not a possessive). */
function startsWord(text: string, at: number): boolean {
  if (at >= text.length) return false;
  const kind = fold(text.codePointAt(at)!).kind;
  return kind === Kind.Letter || kind === Kind.Digit;
}

/** Punctuation that separates clauses: `,` `;` `:` `(` `)` and dashes. */
const CLAUSE_MARKS: ReadonlySet<number> = new Set([0x2c, 0x3b, 0x3a, 0x28, 0x29, 0x2013, 0x2014, 0xff0c, 0xff1b]);

/**
 * Whether digits and symbols in a word stand for letters (`sh1t`, `1d10t`, `a$$`): not in a word
 * with a run of three digits or with digits and a single letter, so codes (`D490`, `A1`) stay codes.
 */
function readsAsLeet(letters: number, longestDigitRun: number): boolean {
  return longestDigitRun === 0 || (letters >= 2 && longestDigitRun < 3);
}

/**
 * 1 for ASCII characters that fold to themselves as a plain letter (lowercased) or digit: the
 * fast path of `tokenize`. Built from `fold`, so the two paths cannot disagree.
 */
const PLAIN: Uint8Array = (() => {
  const table = new Uint8Array(128);
  for (let c = 0; c < 128; c++) {
    const ch = String.fromCharCode(c);
    const f = fold(c);
    if ((f.kind === Kind.Letter && /^[A-Za-z]$/.test(ch) && f.text === ch.toLowerCase()) || (f.kind === Kind.Digit && /^[0-9]$/.test(ch) && f.text === ch)) {
      table[c] = 1;
    }
  }
  return table;
})();

/**
 * The token for text[s, e): ASCII letters and digits only, nothing between them. The same token
 * `makeToken` builds from the pieces: a number keeps its digits; in a word, letters are
 * lowercased and digits read as the letters they stand for (`sh1t`).
 */
function simpleToken(text: string, s: number, e: number, hasLetter: boolean, hasDigit: boolean, brk: boolean): Token {
  const raw = text.slice(s, e);
  if (!hasLetter) return { n: raw, s, e, brk, cap: false, num: true, masked: false };
  let n: string;
  if (hasDigit) {
    let letters = 0;
    let digitRun = 0;
    let longest = 0;
    for (let k = 0; k < raw.length; k++) {
      if (raw.charCodeAt(k) <= 0x39) longest = Math.max(longest, ++digitRun);
      else {
        letters++;
        digitRun = 0;
      }
    }
    const asLeet = readsAsLeet(letters, longest);
    n = '';
    for (let k = 0; k < raw.length; k++) {
      const ch = raw[k]!;
      const c = raw.charCodeAt(k);
      n += c <= 0x39 ? (asLeet ? leet(ch) : ch) : ch.toLowerCase();
    }
  } else n = raw.toLowerCase();
  const c0 = raw.charCodeAt(0);
  const c1 = raw.length > 1 ? raw.charCodeAt(1) : 0;
  const cap = c0 >= 0x41 && c0 <= 0x5a && (raw.length === 1 || (c1 >= 0x61 && c1 <= 0x7a));
  const tok: Token = { n, s, e, brk, cap, num: hasDigit, masked: false };
  const alts = readings(n);
  if (alts) tok.alts = alts;
  return tok;
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
  // A single `*` that closes an emphasis opened earlier on the line (`*$680 mil*`, `*so* what`)
  // is markup, not a hidden letter.
  else if (b > a && run[b]!.kind === Kind.Mask && run[b - 1]!.kind !== Kind.Mask && closesEmphasis(text, run[b]!.s)) b--;
  let realLetters = 0;
  let digitRun = 0;
  let longest = 0;
  for (let k = a; k <= b; k++) {
    const kind = run[k]!.kind;
    if (kind === Kind.Digit) longest = Math.max(longest, ++digitRun);
    else {
      digitRun = 0;
      if (kind === Kind.Letter) realLetters++;
    }
  }
  const asLeet = readsAsLeet(realLetters, longest);

  let n = '';
  let masked = false;
  for (let k = a; k <= b; k++) {
    const p = run[k]!;
    if (p.kind === Kind.Letter) n += p.text;
    else if (p.kind === Kind.Mask) {
      n += '*';
      masked = true;
    } else if (asLeet) n += leet(p.raw);
    else if (p.kind === Kind.Digit) n += p.text;
  }
  const first = run[a]!;
  const cap = first.kind === Kind.Letter && isUpper(first.raw) && (a === b || isLower(run[a + 1]!.raw));
  const tok: Token = { n, s: first.s, e: run[b]!.e, brk, cap, num: hasDigit, masked };
  const alts = readings(n);
  if (alts) tok.alts = alts;
  return tok;
}

/** How far back (characters, on the same line) a closing `*` looks for the one that opened the emphasis. */
const EMPHASIS_REACH = 80;

/**
 * Whether the `*` at `at` closes an emphasis: the nearest `*` before it on the line starts a
 * word (nothing but a space, punctuation or the line start before it, not a space after it).
 * In `f*ck*` the nearest one sits inside the word, so the last `*` still hides a letter.
 */
function closesEmphasis(text: string, at: number): boolean {
  for (let q = at - 1; q >= 0 && q >= at - EMPHASIS_REACH; q--) {
    const c = text.charCodeAt(q);
    if (c === 0x0a) return false;
    if (c !== 0x2a) continue;
    const before = q > 0 ? text.charCodeAt(q - 1) : 0x20;
    const after = text.charCodeAt(q + 1);
    const wordBefore = before >= 0x80 || PLAIN[before] === 1;
    return !wordBefore && after !== 0x20 && after !== 0x2a && after !== 0x0a && after !== 0x09;
  }
  return false;
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
 * Words typed the way texts are ("see u in the car park", "ur shifts are gone"), with the word
 * each stands for, read as an alternative: the word itself is kept too. The sentence gate reads
 * them the same way (match/gate.ts), so that it never passes less than the tokens hold. Not "r"
 * (a list label, a mail encoding's "r=") nor "ya" (you, your or yeah).
 */
export const TEXT_SPEAK: ReadonlyMap<string, string> = new Map([
  ['u', 'you'],
  ['ur', 'your'],
]);

/** Other readings of a word: stretched letters read short, and text speak read in full. */
function readings(n: string): string[] | undefined {
  const full = TEXT_SPEAK.get(n);
  return full === undefined ? stretchedReadings(n) : [full];
}

/** Longest stretched reading built (see stretchedReadings). */
const MAX_READING = 256;

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
  // Only a reading's beginning can match (no word is MAX_READING letters long, and stems are
  // short): a huge stretched token stops there, instead of building strings as long as itself.
  while (k < n.length && two.length < MAX_READING) {
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
      if (t.cl) joined.cl = true;
      // "a r e t a r d": the article "a" (or "I") may have been swallowed into the run.
      const alts = [...(stretchedReadings(n) ?? []), ...((n[0] === 'a' || n[0] === 'i') && n.length >= 4 ? [n.slice(1)] : [])];
      if (alts.length > 0) joined.alts = alts;
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
