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
import { allSameDigit, caseFoldsLikeAscii, hasContext, isLatinWordCharAt, isSequential, makeHit } from './common.js';
import { SUGGESTIONS } from '../../suggestions.js';

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
  suggestion: SUGGESTIONS ? 'Share passport details through a secure channel (your travel or HR system), not by email.' : undefined,
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

// Candidate tokens of 8-9 letters/digits with a digit among the first four characters,
// found by the native scanner (bounded quantifiers only).
// The boundary before the token is matched, not looked behind (no lookbehind in Outlook's
// JavaScript-only runtime before build 2403).
const CANDIDATES = /(?:^|[^A-Za-z0-9])((?=[A-Za-z]{0,3}[0-9])[A-Za-z0-9]{8,9})(?![A-Za-z0-9])/g;

/**
 * A literal piece of every context word, matched case-insensitively: a number counts only with
 * a context word near it, so tokens are looked for only around these. Every Latin word above
 * holds "pas" or is "travel document"; the others hold one of the CJK/Hangul stems.
 */
const CONTEXT_STEMS = /pas|travel document|여권|パスポート|护照/gi;
/** A token counts only if it starts within this distance of a stem (context window plus word and token length). */
const BEFORE_STEM = 72;
const AFTER_STEM = 64;

function checkToken(text: string, start: number, value: string, hits: Hit[]): void {
  const end = start + value.length;
  // Glued to a Latin letter with a diacritic: part of a longer word.
  if (isLatinWordCharAt(text, start - 1) || isLatinWordCharAt(text, end)) return;
  if (!shapeOk(value)) return;
  if (!hasContext(text, start, end, PASSPORT_RULE.context, PASSPORT_RULE.before, PASSPORT_RULE.after)) return;
  hits.push(makeHit('passport', 'high', start, end, PASSPORT_RULE.message, PASSPORT_RULE.suggestion));
}

function detect(text: string): Hit[] {
  const hits: Hit[] = [];
  if (!caseFoldsLikeAscii(text)) {
    // toLowerCase could turn a character of this text into an ASCII letter the stems would miss: check every token.
    CANDIDATES.lastIndex = 0;
    for (let m = CANDIDATES.exec(text); m !== null; m = CANDIDATES.exec(text)) {
      checkToken(text, m.index + m[0].length - m[1]!.length, m[1]!, hits);
    }
    return hits;
  }
  // Tokens are read only in windows around context stems, left to right, each once: every token
  // whose boundary character (the one before it) lies before `next` has been checked already.
  let next = 0;
  CONTEXT_STEMS.lastIndex = 0;
  for (let g = CONTEXT_STEMS.exec(text); g !== null; g = CONTEXT_STEMS.exec(text)) {
    const from = Math.max(next, g.index - BEFORE_STEM);
    const limit = g.index + AFTER_STEM;
    if (from > limit) continue;
    // A slice ending two characters after the longest token that may start at `limit`, so every
    // token starting by then is whole in it and its end check reads the same character as in the text.
    const part = text.slice(from, Math.min(text.length, limit + 11));
    CANDIDATES.lastIndex = 0;
    for (let m = CANDIDATES.exec(part); m !== null; m = CANDIDATES.exec(part)) {
      const value = m[1]!;
      const rel = m.index + m[0].length - value.length;
      // `^` of the slice is not the start of the text: its boundary lies before `from`.
      if (rel === 0 && from > 0) continue;
      if (from + rel > limit) break;
      checkToken(text, from + rel, value, hits);
    }
    next = limit;
  }
  return hits;
}

export const passportDetector: Detector = { id: 'pii/passport', detect };
