/**
 * Shared pieces of the `pii` detectors: hit construction, a single-pass scanner
 * for digit runs, and context-word lookup in a bounded window.
 *
 * Everything here is linear in the text length: scanners walk the text once,
 * and context lookups read at most a fixed window around each candidate.
 * No regular expression is ever run over the whole user text with an
 * unbounded quantifier; the few regexes in this folder test short, already
 * extracted tokens (bounded length).
 */
import type { Hit, Severity } from '../../types.js';

export type PiiRule =
  | 'ssn'
  | 'credit-card'
  | 'iban'
  | 'bank-account'
  | 'phone'
  | 'email-address'
  | 'street-address'
  | 'date-of-birth'
  | 'passport'
  | 'national-id'
  | 'ip-address';

export function makeHit(
  rule: PiiRule,
  severity: Severity,
  start: number,
  end: number,
  message: string,
  suggestion?: string,
): Hit {
  const hit: Hit = { category: 'pii', rule, severity, start, end, message };
  if (suggestion !== undefined) hit.suggestion = suggestion;
  return hit;
}

export function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

export function isAsciiUpperCode(c: number): boolean {
  return c >= 65 && c <= 90;
}

export function isAsciiLetterCode(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

export function isAsciiAlnumCode(c: number): boolean {
  return isDigitCode(c) || isAsciiLetterCode(c);
}

const LETTER_RE = /\p{L}/u;

/** True when the UTF-16 unit at `i` is a letter or digit of any script (false outside the string). */
export function isWordCharAt(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const c = text.charCodeAt(i);
  if (c < 128) return isAsciiAlnumCode(c) || c === 95; /* _ */
  // Surrogates: treat as word characters only when they form a letter.
  const cp = text.codePointAt(i);
  if (cp === undefined) return false;
  if (c >= 0xdc00 && c <= 0xdfff) {
    // Low surrogate: look at the pair it closes.
    const prev = text.codePointAt(i - 1);
    return prev !== undefined && prev > 0xffff && LETTER_RE.test(String.fromCodePoint(prev));
  }
  return LETTER_RE.test(String.fromCodePoint(cp)) || /\p{N}/u.test(String.fromCodePoint(cp));
}

/** ASCII letters/digits and Latin letters with diacritics (U+00C0-U+024F). */
export function isLatinWordCharAt(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const c = text.charCodeAt(i);
  if (c < 128) return isAsciiAlnumCode(c) || c === 95;
  return c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7;
}

/**
 * True when the token [start, end) stands on its own: it is not glued to a
 * letter or digit, and not part of a longer dotted/dashed/slashed token such as
 * `1.2.3.4.5`, `v-1234`, `a/123456789`.
 */
export function standsAlone(text: string, start: number, end: number): boolean {
  return !isWordCharAt(text, start - 1) && !isWordCharAt(text, end) && !gluedByJoiner(text, start, end);
}

/** True when [start, end) is a piece of a longer dotted/dashed/slashed token (`56789` in `D1234-56789-01234`). */
export function gluedByJoiner(text: string, start: number, end: number): boolean {
  const joiners = '.-/_';
  return (
    (start >= 2 && joiners.includes(text[start - 1]!) && isWordCharAt(text, start - 2)) ||
    (end + 1 < text.length && joiners.includes(text[end]!) && isWordCharAt(text, end + 1))
  );
}

/**
 * Where the one-character class `re` (a global expression such as /[0-9]/g) next matches at or
 * after `from`, or -1: the native scanner jumps over prose much faster than a loop in JavaScript,
 * and `test` builds no match object.
 */
export function nextCharOf(re: RegExp, text: string, from: number): number {
  re.lastIndex = from;
  return re.test(text) ? re.lastIndex - 1 : -1;
}

const DIGIT = /[0-9]/g;

/** The first ASCII digit at or after `from`, or -1. */
export function nextDigit(text: string, from: number): number {
  return nextCharOf(DIGIT, text, from);
}

/** Where a scan resumes after the digit run starting at `i`: past the run and the character that ended it. */
export function afterDigitRun(text: string, i: number): number {
  while (i < text.length && isDigitCode(text.charCodeAt(i))) i++;
  return i + 1;
}

export interface DigitRun {
  start: number;
  end: number;
  /** The digits only. */
  digits: string;
  /** Length of each group of digits between separators. */
  groups: number[];
  /** The separators between groups, in order (length = groups.length - 1). */
  seps: string;
}

/**
 * Finds maximal runs of digits joined by single separator characters from
 * `seps` (e.g. `"4012 8888-8888 1881"` with seps `" -"`). Each character is
 * looked at a bounded number of times: linear. Runs longer than `maxDigits`
 * digits are dropped whole (never reported as a shorter suffix).
 * Runs that do not stand alone (see `standsAlone`) are dropped.
 */
export function digitRuns(text: string, seps: string, maxDigits: number, minDigits = 1): DigitRun[] {
  const out: DigitRun[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isDigitCode(text.charCodeAt(i))) {
      i = nextDigit(text, i);
      if (i < 0) break;
    }
    const r = scanRun(text, i, seps, maxDigits, minDigits);
    if (r.run !== null) out.push(r.run);
    i = r.end;
  }
  return out;
}

/**
 * The runs of `digitRuns(text, seps, maxDigits, minDigits)` that contain a match of `anchor`,
 * in order. `anchor` is a global regex whose matches start with a digit and, up to their last
 * digit, stay inside one run (digits and single separators from `seps`). A caller whose runs
 * of interest always contain such a match gets exactly the runs it would keep from digitRuns,
 * while the native scanner skips the rest of the text: with an anchor of several digits in a
 * row (`/\d\d\d\d/`, written out, not `\d{4}`) it jumps over prose several characters at a time.
 */
export function anchoredDigitRuns(text: string, seps: string, maxDigits: number, minDigits: number, anchor: RegExp): DigitRun[] {
  const out: DigitRun[] = [];
  let done = 0;
  anchor.lastIndex = 0;
  for (let m = anchor.exec(text); m !== null; m = anchor.exec(text)) {
    const r = scanRun(text, runStartAt(text, m.index, seps, done), seps, maxDigits, minDigits);
    if (r.run !== null) out.push(r.run);
    done = r.end;
    anchor.lastIndex = r.end;
  }
  return out;
}

/**
 * Start of the digit run (as digitRuns cuts the text into runs) holding the digit at `pos`,
 * looking back no further than `floor` (the end of an earlier run, or 0). A run continues
 * backwards over digits and over a separator with a digit before it.
 */
export function runStartAt(text: string, pos: number, seps: string, floor: number): number {
  let s = pos;
  while (s > floor) {
    if (isDigitCode(text.charCodeAt(s - 1))) {
      s--;
      continue;
    }
    if (s - 2 >= floor && isDigitCode(text.charCodeAt(s - 2)) && seps.includes(text[s - 1]!)) {
      s -= 2;
      continue;
    }
    break;
  }
  return s;
}

/**
 * Reads the maximal run starting at the digit at `start`. `run` is null when digitRuns would
 * drop it (too many or too few digits, not standing alone); `end` is where the run stops.
 */
export function scanRun(
  text: string,
  start: number,
  seps: string,
  maxDigits: number,
  minDigits: number,
): { run: DigitRun | null; end: number } {
  const n = text.length;
  let i = start;
  let digits = '';
  const groups: number[] = [];
  let sepStr = '';
  let group = 0;
  let count = 0;
  let overlong = false;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isDigitCode(c)) {
      if (count < maxDigits) digits += text[i];
      else overlong = true;
      count++;
      group++;
      i++;
      continue;
    }
    if (seps.includes(text[i]!) && i + 1 < n && isDigitCode(text.charCodeAt(i + 1))) {
      groups.push(group);
      group = 0;
      sepStr += text[i];
      i++;
      continue;
    }
    break;
  }
  groups.push(group);
  if (overlong || count < minDigits) return { run: null, end: i };
  if (!standsAlone(text, start, i)) return { run: null, end: i };
  return { run: { start, end: i, digits, groups, seps: sepStr }, end: i };
}

/** All separators in a run are the same character (or there are none). */
export function uniformSeps(run: DigitRun): boolean {
  for (let k = 1; k < run.seps.length; k++) if (run.seps[k] !== run.seps[0]) return false;
  return true;
}

export function sameGroups(run: DigitRun, shape: readonly number[]): boolean {
  if (run.groups.length !== shape.length) return false;
  for (let k = 0; k < shape.length; k++) if (run.groups[k] !== shape[k]) return false;
  return true;
}

/**
 * False when the text holds one of the only two characters whose `toLowerCase()` is or holds an
 * ASCII letter (U+0130 → "i̇", U+212A KELVIN SIGN → "k"). Otherwise a lowercase ASCII word occurs
 * in `toLowerCase()` of a slice exactly where a case-insensitive regular expression finds it in
 * the slice, so detectors can look for context words with one `/…/i` pass over the text and
 * run hasContext only near what it finds.
 */
export function caseFoldsLikeAscii(text: string): boolean {
  return !FOLDS_TO_ASCII.test(text);
}
const FOLDS_TO_ASCII = /[\u0130\u212A]/;

/**
 * True when one of `words` (lowercase; may contain spaces and punctuation)
 * occurs as a whole word within `before` characters before `start` or
 * `after` characters after `end`. Reads a bounded window only.
 */
export function hasContext(
  text: string,
  start: number,
  end: number,
  words: readonly string[],
  before = 48,
  after = 32,
): boolean {
  if (words.length === 0) return false;
  const left = text.slice(Math.max(0, start - before), start).toLowerCase();
  const right = text.slice(end, Math.min(text.length, end + after)).toLowerCase();
  return containsWord(left, words) || containsWord(right, words);
}

/** True when `hay` contains one of `words` with no letter/digit glued to either end. */
export function containsWord(hay: string, words: readonly string[]): boolean {
  for (const w of words) {
    let from = 0;
    for (;;) {
      const at = hay.indexOf(w, from);
      if (at < 0) break;
      const endAt = at + w.length;
      // Scripts written without spaces (CJK, Hangul, Thai) have no word boundary to check.
      const leftOk = !isLatinWordCharAt(w, 0) || !isWordCharAt(hay, at - 1);
      const rightOk = !isLatinWordCharAt(w, w.length - 1) || !isWordCharAt(hay, endAt);
      if (leftOk && rightOk) return true;
      from = at + 1;
    }
  }
  return false;
}

/** Luhn (mod 10) check over a string of ASCII digits. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  let dbl = false;
  for (let k = digits.length - 1; k >= 0; k--) {
    let d = digits.charCodeAt(k) - 48;
    if (d < 0 || d > 9) return false;
    if (dbl) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    dbl = !dbl;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/** All digits equal (`000000000`, `111111111`): never a real identifier. */
export function allSameDigit(digits: string): boolean {
  for (let k = 1; k < digits.length; k++) if (digits[k] !== digits[0]) return false;
  return true;
}

/** A plain ascending/descending run like `123456789` / `987654321`. */
export function isSequential(digits: string): boolean {
  if (digits.length < 6) return false;
  let up = true;
  let down = true;
  for (let k = 1; k < digits.length; k++) {
    const a = digits.charCodeAt(k - 1);
    const b = digits.charCodeAt(k);
    if ((a - 48 + 1) % 10 !== b - 48) up = false;
    if ((b - 48 + 1) % 10 !== a - 48) down = false;
  }
  return up || down;
}

/** Is `y-m-d` a real calendar date (Gregorian)? */
export function isRealDate(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
  return d <= days;
}

/**
 * Tokens of ASCII letters and digits (maximal runs), with their offsets.
 * One pass. Used by detectors for alphanumeric ids (passports, NINO, NIE...).
 */
export interface AlnumToken {
  start: number;
  end: number;
  value: string;
}

export function alnumTokens(text: string, maxLen: number, minLen = 1, needDigit = false): AlnumToken[] {
  const out: AlnumToken[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isAsciiAlnumCode(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    let digit = false;
    while (i < n && isAsciiAlnumCode(text.charCodeAt(i))) {
      if (isDigitCode(text.charCodeAt(i))) digit = true;
      i++;
    }
    if (i - start > maxLen || i - start < minLen || (needDigit && !digit)) continue;
    // Glued to a Latin letter: part of a longer word. CJK/Hangul neighbours are fine ("M123A4567입니다").
    if (isLatinWordCharAt(text, start - 1) || isLatinWordCharAt(text, i)) continue;
    out.push({ start, end: i, value: text.slice(start, i) });
  }
  return out;
}

/** Words right before a number that mark it as a reference number (order, ticket...), not personal data. */
export const REFERENCE_WORDS: readonly string[] = [
  'order', 'orders', 'po', 'p.o.', 'invoice', 'inv', 'ticket', 'case', 'claim', 'ref', 'reference', 'tracking',
  'part', 'model', 'sku', 'serial', 'item', 'confirmation', 'booking', 'transaction', 'txn', 'msg', 'message',
  'id', 'build', 'version', 'ver', 'issue', 'bug', 'pr', 'cl', 'changeset', 'revision', 'rev', 'patch',
];

/** True when the number at `start` is introduced by `#`/`No.` or a reference word just before it. */
export function precededByReference(text: string, start: number, words: readonly string[] = REFERENCE_WORDS): boolean {
  let k = start - 1;
  while (k >= 0 && text[k] === ' ') k--;
  if (k >= 0 && (text[k] === '#' || text[k] === '№')) return true;
  return hasContext(text, start, start, words, 24, 0);
}
