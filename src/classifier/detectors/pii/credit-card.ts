/**
 * pii/credit-card — payment card numbers (PAN).
 *
 * 13-19 digits, written plain or in groups separated by single spaces or
 * dashes (one kind of separator per number), that pass the Luhn check and
 * start with a known issuer range (IIN) whose card lengths include this one.
 * High severity: a full card number is enough to commit fraud.
 *
 * Not: numbers failing Luhn (typo'd or invented test cards), masked numbers
 * (`**** 4242`, `XXXX-XXXX-XXXX-1234`: not a 13+ digit run), numbers glued to
 * letters, reference numbers after `#`/`order`/`invoice`... (unless a card word
 * is nearby), all-same-digit runs.
 */
import type { Detector, Hit } from '../../types.js';
import { allSameDigit, anchoredDigitRuns, hasContext, luhnValid, makeHit, precededByReference } from './common.js';
import { SUGGESTIONS } from '../../suggestions.js';

interface IinRange {
  brand: string;
  /** Inclusive prefix range, compared on the first `from.length` digits. */
  from: string;
  to: string;
  lengths: readonly number[];
  /** Only with a card word nearby (ranges that collide with ordinary numbers). */
  needsContext?: boolean;
}

const L16_19 = [16, 17, 18, 19] as const;

export const CARD_RULE = {
  id: 'pii/credit-card',
  /** Issuer ranges (public IIN tables). */
  iins: [
    { brand: 'Visa', from: '4', to: '4', lengths: [13, 16, 19] },
    { brand: 'Mastercard', from: '51', to: '55', lengths: [16] },
    { brand: 'Mastercard', from: '2221', to: '2720', lengths: [16] },
    { brand: 'American Express', from: '34', to: '34', lengths: [15] },
    { brand: 'American Express', from: '37', to: '37', lengths: [15] },
    { brand: 'Discover', from: '6011', to: '6011', lengths: L16_19 },
    { brand: 'Discover', from: '644', to: '649', lengths: L16_19 },
    { brand: 'Discover', from: '65', to: '65', lengths: L16_19 },
    { brand: 'JCB', from: '3528', to: '3589', lengths: L16_19 },
    { brand: 'Diners Club', from: '300', to: '305', lengths: [14, 15, 16, 17, 18, 19] },
    { brand: 'Diners Club', from: '36', to: '36', lengths: [14, 15, 16, 17, 18, 19] },
    { brand: 'Diners Club', from: '38', to: '39', lengths: [14, 15, 16, 17, 18, 19] },
    { brand: 'UnionPay', from: '62', to: '62', lengths: L16_19 },
    { brand: 'UnionPay', from: '81', to: '81', lengths: L16_19 },
    { brand: 'Maestro', from: '50', to: '50', lengths: [12, 13, 14, 15, 16, 17, 18, 19] },
    { brand: 'Maestro', from: '56', to: '58', lengths: [12, 13, 14, 15, 16, 17, 18, 19] },
    { brand: 'Maestro', from: '6304', to: '6304', lengths: [16, 17, 18, 19] },
    { brand: 'Maestro', from: '6759', to: '6763', lengths: [16, 17, 18, 19] },
    { brand: 'Maestro', from: '67', to: '67', lengths: [16, 17, 18, 19] },
    { brand: 'Mir', from: '2200', to: '2204', lengths: L16_19 },
    { brand: 'UATP', from: '1', to: '1', lengths: [15], needsContext: true },
  ] as readonly IinRange[],
  context: [
    'card', 'cards', 'credit', 'debit', 'visa', 'mastercard', 'amex', 'american express', 'discover', 'jcb',
    'diners', 'unionpay', 'maestro', 'cc', 'cc#', 'ccn', 'pan', 'cvv', 'cvc', 'exp', 'expiry', 'expires',
  ],
  minDigits: 13,
  maxDigits: 19,
  message: 'This looks like a full payment card number. Anyone who receives it can use it to make purchases.',
  suggestion: SUGGESTIONS ? 'Remove the number or send only the last four digits; share card details through a secure payment channel.' : undefined,
} as const;

export function cardBrand(digits: string, withContext: boolean): string | undefined {
  for (const r of CARD_RULE.iins) {
    if (!r.lengths.includes(digits.length)) continue;
    if (r.needsContext && !withContext) continue;
    const p = digits.slice(0, r.from.length);
    if (p >= r.from && p <= r.to) return r.brand;
  }
  return undefined;
}

/** Checksum and known-bad values. */
export function validateCard(digits: string, withContext = false): boolean {
  if (digits.length < 12 || digits.length > 19) return false;
  if (allSameDigit(digits)) return false;
  if (!luhnValid(digits)) return false;
  return cardBrand(digits, withContext) !== undefined;
}

/** seps[from..to] (inclusive) are all the same character. */
function sameChar(seps: string, from: number, to: number): boolean {
  for (let k = from + 1; k <= to; k++) if (seps[k] !== seps[from]) return false;
  return true;
}

/**
 * A reported number is one group of 12-19 digits, or groups of 3-6 digits joined by single
 * spaces or dashes: either way it holds three digits, a separator and three digits, or twelve
 * digits in a row. Only runs holding that are read (written out so the native scanner skips ahead).
 */
const CARD_ANCHOR = /\d\d\d[ \-]\d\d\d|\d\d\d\d\d\d\d\d\d\d\d\d/g;

function detect(text: string): Hit[] {
  const hits: Hit[] = [];
  // Runs may hold more than one number ("qty 2 4111 ..."): try group-aligned windows.
  for (const run of anchoredDigitRuns(text, ' -', 64, 12, CARD_ANCHOR)) {
    const g = run.groups;
    // Offsets of each group's start and end inside the original text.
    const starts: number[] = [];
    const ends: number[] = [];
    let pos = run.start;
    for (let k = 0; k < g.length; k++) {
      starts.push(pos);
      pos += g[k]!;
      ends.push(pos);
      pos += 1; // separator
    }
    // Windows are group-aligned: an unbroken run is one candidate; a run holding two
    // numbers ("qty 2 4111 1111 ...", a list on one line) is split at group boundaries.
    // Prefix sums of digits and of groups whose size does not fit a written card (3-6).
    const sum: number[] = [0];
    const bad: number[] = [0];
    for (let k = 0; k < g.length; k++) {
      sum.push(sum[k]! + g[k]!);
      bad.push(bad[k]! + (g[k]! < 3 || g[k]! > 6 ? 1 : 0));
    }
    let a = 0;
    while (a < g.length) {
      let matchedTo = -1;
      for (let b = g.length - 1; b >= a && matchedTo < 0; b--) {
        // One kind of separator inside a number; a dash never splits two numbers.
        if (a > 0 && run.seps[a - 1] !== ' ') continue;
        if (b < g.length - 1 && run.seps[b] !== ' ') continue;
        if (b > a && !sameChar(run.seps, a, b - 1)) continue;
        const total = sum[b + 1]! - sum[a]!;
        if (total < 12 || total > CARD_RULE.maxDigits) continue;
        if (b > a && bad[b + 1]! - bad[a]! > 0) continue;
        const digits = run.digits.slice(sum[a]!, sum[a]! + total);
        if (!luhnValid(digits)) continue;
        const start = starts[a]!;
        const end = ends[b]!;
        const context = hasContext(text, start, end, CARD_RULE.context, 40, 24);
        if (!validateCard(digits, context)) continue;
        if (digits.length < CARD_RULE.minDigits && !context) continue;
        if (!context && a === 0 && precededByReference(text, start)) continue;
        hits.push(makeHit('credit-card', 'high', start, end, CARD_RULE.message, CARD_RULE.suggestion));
        matchedTo = b;
      }
      a = matchedTo >= 0 ? matchedTo + 1 : a + 1;
    }
  }
  return hits;
}

export const creditCardDetector: Detector = { id: 'pii/credit-card', detect };
