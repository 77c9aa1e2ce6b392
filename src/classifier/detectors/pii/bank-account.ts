/**
 * pii/bank-account — US bank routing (ABA) and account numbers.
 *
 * - ABA routing number: 9 digits (or `XXXX-XXXX-X`), ABA checksum
 *   3·(d1+d4+d7) + 7·(d2+d5+d8) + (d3+d6+d9) ≡ 0 (mod 10), first two digits in a
 *   Federal Reserve range (01-12, 21-32, 61-72, 80). Reported only with a
 *   banking word nearby ("routing", "ABA", "account", "acct", "wire"...): a
 *   lone 9-digit number passes the checksum one time in ten, so without
 *   context it is more often an order number or a zip+4 than a bank.
 * - Account number: 6-17 digits right after an explicit label
 *   ("account number:", "acct #", "a/c no."), or after a bare "account"/"acct"
 *   when a valid routing number is close by.
 *
 * Severity: routing + account together high; either one alone medium.
 */
import type { Detector, Hit, Severity } from '../../types.js';
import { allSameDigit, anchoredDigitRuns, hasContext, isSequential, isWordCharAt, makeHit, type DigitRun } from './common.js';
import { SUGGESTIONS } from '../../suggestions.js';

export const BANK_RULE = {
  id: 'pii/bank-account',
  routingContext: [
    'routing', 'aba', 'rtn', 'routing number', 'transit', 'account', 'acct', 'bank', 'wire', 'ach',
    'direct deposit', 'checking', 'savings',
  ],
  /** Labels that make the next number an account number on their own. */
  accountLabels: [
    'account number', 'account no', 'account no.', 'account num', 'account #', 'account nr', 'acct number',
    'acct no', 'acct no.', 'acct #', 'acct', 'a/c', 'a/c no', 'a/c no.', 'bank account', 'checking account',
    'savings account', 'account', 'konto', 'kontonummer',
  ],
  /** Labels strong enough alone (the rest need a routing number nearby). */
  strongLabels: new Set([
    'account number', 'account no', 'account no.', 'account num', 'account #', 'account nr', 'acct number',
    'acct no', 'acct no.', 'acct #', 'a/c', 'a/c no', 'a/c no.', 'bank account', 'checking account',
    'savings account', 'kontonummer',
  ]),
  /** Prefixes whose digits are not a person's bank account. */
  notAccount: ['account id', 'account manager', 'account code'],
  routingMessage: 'This looks like a bank routing number with account details. Bank details in email are a favourite target of payment fraud.',
  accountMessage: 'This looks like a bank account number. Bank details in email are a favourite target of payment fraud.',
  suggestion: SUGGESTIONS ? 'Share bank details through a secure channel, or confirm them by phone instead of email.' : undefined,
} as const;

export function validateAba(digits: string): boolean {
  if (digits.length !== 9 || allSameDigit(digits)) return false;
  const p = Number(digits.slice(0, 2));
  const prefixOk = (p >= 1 && p <= 12) || (p >= 21 && p <= 32) || (p >= 61 && p <= 72) || p === 80;
  if (!prefixOk) return false;
  const d = (k: number) => digits.charCodeAt(k) - 48;
  const sum = 3 * (d(0) + d(3) + d(6)) + 7 * (d(1) + d(4) + d(7)) + (d(2) + d(5) + d(8));
  return sum % 10 === 0;
}

function isRoutingShape(run: DigitRun): boolean {
  if (run.digits.length !== 9) return false;
  if (run.groups.length === 1) return true;
  return run.groups.length === 3 && run.groups[0] === 4 && run.groups[1] === 4 && run.groups[2] === 1 && run.seps === '--';
}

/**
 * The label that ends right before `start` (after skipping `: # - = is`), or
 * undefined. `strong` when the label names an account number explicitly or is
 * followed by `:`/`#` ("acct # 775100432", "account: 40018823").
 */
function labelBefore(text: string, start: number): { label: string; strong: boolean } | undefined {
  const raw = text.slice(Math.max(0, start - 40), start).toLowerCase();
  let k = raw.length;
  // Skip punctuation and "is" between the label and the number.
  for (;;) {
    while (k > 0 && ' \t:#-=.'.includes(raw[k - 1]!)) k--;
    if (k >= 2 && raw.slice(k - 2, k) === 'is' && (k === 2 || raw[k - 3] === ' ')) {
      k -= 2;
      continue;
    }
    break;
  }
  const head = raw.slice(0, k);
  const punct = raw.slice(k);
  let best: string | undefined;
  for (const label of BANK_RULE.accountLabels) {
    // Try the label with and without a trailing '.'/'#' (stripped above).
    const bare = label.replace(/[.#]$/, '').trimEnd();
    if (!head.endsWith(bare)) continue;
    const at = head.length - bare.length;
    if (isWordCharAt(head, at - 1)) continue;
    if (best === undefined || bare.length > best.length) best = bare;
  }
  if (best === undefined) return undefined;
  for (const bad of BANK_RULE.notAccount) if (head.endsWith(bad)) return undefined;
  const strong = (BANK_RULE.strongLabels as Set<string>).has(best) || punct.includes(':') || punct.includes('#');
  return { label: best, strong };
}

/** Is some start in `sorted` (ascending) within `dist` of `pos`? Binary search: O(log n). */
function nearAny(sorted: readonly number[], pos: number, dist: number): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < pos - dist) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length && sorted[lo]! <= pos + dist;
}

/**
 * Routing numbers (9 digits, or 4-4-1 with dashes) and account numbers (one group of 6+ digits,
 * or groups joined by dashes only: runs with a space are skipped below) all hold six digits in a
 * row or a digit, a dash and a digit. Only runs holding that are read.
 */
const BANK_ANCHOR = /\d\d\d\d\d\d|\d-\d/g;

function detect(text: string): Hit[] {
  const runs = anchoredDigitRuns(text, '- ', 17, 6, BANK_ANCHOR);
  const routing: DigitRun[] = [];
  for (const run of runs) {
    if (isRoutingShape(run) && validateAba(run.digits) && hasContext(text, run.start, run.end, BANK_RULE.routingContext, 48, 40)) {
      routing.push(run);
    }
  }
  const routingStarts = routing.map((r) => r.start);
  const routingSet = new Set(routing);
  const accounts: DigitRun[] = [];
  for (const run of runs) {
    if (routingSet.has(run)) continue;
    if (run.digits.length < 6 || run.digits.length > 17) continue;
    if (run.groups.length > 1 && run.seps.includes(' ')) continue; // "12 345 678" reads as an amount, not an account
    if (allSameDigit(run.digits) || isSequential(run.digits)) continue;
    const label = labelBefore(text, run.start);
    if (label === undefined) continue;
    const strong = label.strong;
    const routingNear = nearAny(routingStarts, run.start, 120);
    if (!strong && !routingNear) continue;
    accounts.push(run);
  }
  const accountStarts = accounts.map((a) => a.start);
  const hits: Hit[] = [];
  for (const r of routing) {
    const paired = nearAny(accountStarts, r.start, 120);
    const severity: Severity = paired ? 'high' : 'medium';
    hits.push(makeHit('bank-account', severity, r.start, r.end, BANK_RULE.routingMessage, BANK_RULE.suggestion));
  }
  for (const a of accounts) {
    const paired = nearAny(routingStarts, a.start, 120);
    const severity: Severity = paired ? 'high' : 'medium';
    hits.push(makeHit('bank-account', severity, a.start, a.end, BANK_RULE.accountMessage, BANK_RULE.suggestion));
  }
  hits.sort((x, y) => x.start - y.start);
  return hits;
}

export const bankAccountDetector: Detector = { id: 'pii/bank-account', detect };
