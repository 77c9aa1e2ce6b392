/**
 * pii/ssn — US Social Security numbers.
 *
 * - `123-45-6789` (dashes): high on its own; `123 45 6789` / `123.45.6789`: medium
 *   alone, high with a context word.
 * - Bare `123456789` and odd groupings (`123-456789`, `12345-6789`): only with a
 *   context word nearby (a 9-digit number alone is far more often an order,
 *   zip+4 or account reference).
 * - Validation: area not 000, 666 or 900-999 (9xx are ITINs, see national-id),
 *   group not 00, serial not 0000; published sample/advertising numbers rejected.
 * - Not: masked `XXX-XX-1234` (not a 9-digit run), numbers after `#`/order words.
 */
import type { Detector, Hit } from '../../types.js';
import {
  allSameDigit,
  anchoredDigitRuns,
  hasContext,
  isSequential,
  makeHit,
  precededByReference,
  sameGroups,
  uniformSeps,
} from './common.js';
import { SUGGESTIONS } from '../../suggestions.js';

export const SSN_RULE = {
  id: 'pii/ssn',
  patterns: [
    { name: 'ssn-dashed', groups: [3, 2, 4], seps: '-', severity: 'high', needsContext: false },
    { name: 'ssn-spaced', groups: [3, 2, 4], seps: ' .', severity: 'medium', needsContext: false },
    { name: 'ssn-bare', groups: [9], seps: '', severity: 'high', needsContext: true },
    { name: 'ssn-3-6', groups: [3, 6], seps: '- ', severity: 'high', needsContext: true },
    { name: 'ssn-5-4', groups: [5, 4], seps: '- ', severity: 'high', needsContext: true },
  ],
  /** Words that raise a match (and are required for the bare forms). */
  context: ['ssn', 'ssns', 'ss#', 'ssn#', 'ss #', 'ss no', 'social security', 'soc sec', 'soc. sec', 'social sec'],
  /** Numbers published as samples (wallet card, advertising) and obvious fakes. */
  invalid: new Set(['078051120', '219099999', '457555462', '123456789', '987654321']),
  message: 'This looks like a US Social Security number. Anyone who receives it can use it for identity theft.',
  suggestion: SUGGESTIONS ? 'Remove the number, or send only the last four digits and share the full number through a secure channel.' : undefined,
} as const;

export function validateSsn(digits: string): boolean {
  if (digits.length !== 9) return false;
  const area = Number(digits.slice(0, 3));
  const group = Number(digits.slice(3, 5));
  const serial = Number(digits.slice(5));
  if (area === 0 || area === 666 || area >= 900) return false;
  if (group === 0 || serial === 0) return false;
  if (SSN_RULE.invalid.has(digits) || allSameDigit(digits) || isSequential(digits)) return false;
  return true;
}

/**
 * Every accepted shape (3-2-4, 9, 3-6, 5-4) ends in a digit, a digit or separator, then four
 * digits: only runs holding that are read. Written out so the native scanner can skip ahead.
 */
const SSN_ANCHOR = /\d[\d\- .]\d\d\d\d/g;

function detect(text: string): Hit[] {
  const hits: Hit[] = [];
  for (const run of anchoredDigitRuns(text, '- .', 9, 9, SSN_ANCHOR)) {
    if (run.digits.length !== 9 || !uniformSeps(run)) continue;
    const pattern = SSN_RULE.patterns.find(
      (p) => sameGroups(run, p.groups) && (run.seps === '' || p.seps.includes(run.seps[0]!)),
    );
    if (!pattern) continue;
    if (!validateSsn(run.digits)) continue;
    const context = hasContext(text, run.start, run.end, SSN_RULE.context);
    if (pattern.needsContext && !context) continue;
    if (!context && precededByReference(text, run.start)) continue;
    const severity = context ? 'high' : pattern.severity;
    hits.push(makeHit('ssn', severity, run.start, run.end, SSN_RULE.message, SSN_RULE.suggestion));
  }
  return hits;
}

export const ssnDetector: Detector = { id: 'pii/ssn', detect };
