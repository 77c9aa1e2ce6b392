/**
 * pii/passport — passport numbers, only with a passport word nearby.
 *
 * Passport numbers have no shared public checksum and look like any other
 * reference (`A12345678`, `548213967`), so a candidate counts only when
 * "passport", "passport no.", "travel document" (or the word in a few other
 * languages) is within a short window. Formats accepted (letters any case):
 * 9 digits (US), 1 letter + 8 digits (US), 2 letters + 7 digits (UK, IT),
 * 1 letter + 7 digits (IN), 3 letters + 6 digits (ES), Korean `M123A4567` /
 * `M12345678`, German-style 9 characters from the ICAO alphabet, and
 * generic 8-9 character codes with at least six digits.
 * High severity: a passport number with a name is enough to impersonate someone
 * with airlines, hotels and some banks.
 *
 * Not: the same shapes without a passport word (order and booking codes),
 * all-same or sequential digits, dates and phone numbers (not these shapes).
 */
import type { Detector, Hit } from '../../types.js';
import { allSameDigit, hasContext, isLatinWordCharAt, isSequential, makeHit } from './common.js';

export const PASSPORT_RULE = {
  id: 'pii/passport',
  /** Named shapes, tested on whole alphanumeric tokens (bounded length, no nested quantifiers). */
  patterns: [
    { name: 'digits-9', re: /^\d{9}$/ },
    { name: 'digits-8', re: /^\d{8}$/ },
    { name: 'letter-8-digits', re: /^[A-Za-z]\d{8}$/ },
    { name: 'letters2-7-digits', re: /^[A-Za-z]{2}\d{7}$/ },
    { name: 'letter-7-digits', re: /^[A-Za-z]\d{7}$/ },
    { name: 'letters3-6-digits', re: /^[A-Za-z]{3}\d{6}$/ },
    { name: 'kr', re: /^[MSRODmsrod]\d{3}[A-Za-z]\d{4}$/ },
    { name: 'icao-9', re: /^[CFGHJKLMNPRTVWXYZcfghjklmnprtvwxyz][0-9CFGHJKLMNPRTVWXYZcfghjklmnprtvwxyz]{7}\d$/ },
  ],
  context: [
    'passport', 'passports', 'passport no', 'passport number', 'passport #', 'passport num', 'travel document',
    'pasaporte', 'passeport', 'reisepass', 'pass-nr', 'passnummer', 'passaporto', 'paspoort', 'paszport',
    '여권', '여권번호', 'パスポート', '护照',
  ],
  before: 48,
  after: 40,
  message: 'This looks like a passport number. With a name it can be used to impersonate the holder.',
  suggestion: 'Share passport details through a secure channel (your travel or HR system), not by email.',
} as const;

function shapeOk(token: string): boolean {
  if (!PASSPORT_RULE.patterns.some((p) => p.re.test(token))) {
    // Generic: 8-9 letters/digits with at least six digits.
    if (token.length < 8 || token.length > 9) return false;
    let digits = 0;
    for (let k = 0; k < token.length; k++) if (token.charCodeAt(k) >= 48 && token.charCodeAt(k) <= 57) digits++;
    if (digits < 6) return false;
  }
  // Placeholders: all-same or counting digits (only for all-digit tokens: letter-prefixed
  // sample numbers like "A1234567" are still written as someone's passport in mail).
  if (/^\d+$/.test(token) && (allSameDigit(token) || isSequential(token))) return false;
  return true;
}

function detect(text: string): Hit[] {
  const hits: Hit[] = [];
  // Candidate tokens of 8-9 letters/digits with a digit among the first four characters,
  // found by the native scanner (bounded quantifiers only).
  // The boundary before the token is matched, not looked behind (no lookbehind in Outlook's
  // JavaScript-only runtime before build 2403).
  const candidates = /(?:^|[^A-Za-z0-9])((?=[A-Za-z]{0,3}[0-9])[A-Za-z0-9]{8,9})(?![A-Za-z0-9])/g;
  for (let m = candidates.exec(text); m !== null; m = candidates.exec(text)) {
    const value = m[1]!;
    const start = m.index + m[0].length - value.length;
    const tok = { start, end: start + value.length, value };
    // Glued to a Latin letter with a diacritic: part of a longer word.
    if (isLatinWordCharAt(text, tok.start - 1) || isLatinWordCharAt(text, tok.end)) continue;
    if (!shapeOk(tok.value)) continue;
    if (!hasContext(text, tok.start, tok.end, PASSPORT_RULE.context, PASSPORT_RULE.before, PASSPORT_RULE.after)) continue;
    hits.push(makeHit('passport', 'high', tok.start, tok.end, PASSPORT_RULE.message, PASSPORT_RULE.suggestion));
  }
  return hits;
}

export const passportDetector: Detector = { id: 'pii/passport', detect };
