/**
 * pii/iban — International Bank Account Numbers.
 *
 * Two-letter country code, two check digits, then the BBAN, for a total that
 * must equal the country's registered IBAN length (table below). Written
 * unbroken or in groups of four separated by single spaces or dashes. The
 * ISO 13616 mod-97 check must give 1. High severity: an IBAN with the holder's
 * name is what payment-redirection fraud needs.
 *
 * Not: wrong check digits, wrong length for the country, format placeholders
 * (`CCkk BBBB ...`: no check digits), numbers glued to more letters/digits.
 */
import type { Detector, Hit } from '../../types.js';
import { isAsciiAlnumCode, isDigitCode, isWordCharAt, makeHit } from './common.js';

/** IBAN length per country (ISO 13616 registry, plus countries using IBAN-format numbers nationally). */
export const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24, AE: 23, AL: 28, AO: 25, AT: 20, AZ: 28, BA: 20, BE: 16, BF: 28, BG: 22, BH: 22, BI: 27, BJ: 28,
  BR: 29, BY: 28, CF: 27, CG: 27, CH: 21, CI: 28, CM: 27, CR: 22, CV: 25, CY: 28, CZ: 24, DE: 22, DJ: 27,
  DK: 18, DO: 28, DZ: 26, EE: 20, EG: 29, ES: 24, FI: 18, FK: 18, FO: 18, FR: 27, GA: 27, GB: 22, GE: 22,
  GI: 23, GL: 18, GQ: 27, GR: 27, GT: 28, GW: 25, HN: 28, HR: 21, HU: 28, IE: 22, IL: 23, IQ: 23, IR: 26,
  IS: 26, IT: 27, JO: 30, KM: 27, KW: 30, KZ: 20, LB: 28, LC: 32, LI: 21, LT: 20, LU: 20, LV: 21, LY: 25,
  MA: 28, MC: 27, MD: 24, ME: 22, MG: 27, MK: 19, ML: 28, MN: 20, MR: 27, MT: 31, MU: 30, MZ: 25, NE: 28,
  NI: 28, NL: 18, NO: 15, OM: 23, PK: 24, PL: 28, PS: 29, PT: 25, QA: 29, RO: 24, RS: 22, RU: 33, SA: 24,
  SC: 31, SD: 18, SE: 24, SI: 19, SK: 24, SM: 27, SN: 28, SO: 23, ST: 25, SV: 28, TD: 27, TL: 23, TN: 24,
  TR: 26, UA: 29, VA: 22, VG: 24, XK: 20, YE: 30,
};

export const IBAN_RULE = {
  id: 'pii/iban',
  lengths: IBAN_LENGTHS,
  /** Separators allowed between groups of four. */
  separators: ' -',
  message: 'This looks like a bank account number (IBAN). With a name attached it can be misused for payment fraud.',
  suggestion: 'Share bank details through a secure channel, or confirm them by phone instead of email.',
} as const;

/** ISO 13616 mod-97 over the compact, upper-case IBAN. */
export function ibanMod97(compact: string): number {
  const s = compact.slice(4) + compact.slice(0, 4);
  let rem = 0;
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (isDigitCode(c)) rem = (rem * 10 + (c - 48)) % 97;
    else if (c >= 65 && c <= 90) rem = (rem * 100 + (c - 55)) % 97;
    else return -1;
  }
  return rem;
}

export function validateIban(compact: string): boolean {
  const upper = compact.toUpperCase();
  const len = IBAN_LENGTHS[upper.slice(0, 2)];
  if (len === undefined || upper.length !== len) return false;
  if (!isDigitCode(upper.charCodeAt(2)) || !isDigitCode(upper.charCodeAt(3))) return false;
  // The BBAN of every registered country has at least some digits.
  return ibanMod97(upper) === 1;
}

function isUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}

function detect(text: string): Hit[] {
  const hits: Hit[] = [];
  const n = text.length;
  let i = 0;
  while (i + 4 <= n) {
    const c0 = text.charCodeAt(i);
    if (!isUpper(c0) || isWordCharAt(text, i - 1)) {
      i++;
      continue;
    }
    const country = text.slice(i, i + 2);
    const len = IBAN_LENGTHS[country];
    if (
      len === undefined ||
      !isUpper(text.charCodeAt(i + 1)) ||
      !isDigitCode(text.charCodeAt(i + 2)) ||
      !isDigitCode(text.charCodeAt(i + 3))
    ) {
      i++;
      continue;
    }
    // Consume exactly `len` letters/digits; a separator is allowed only after every fourth.
    let j = i;
    let count = 0;
    let compact = '';
    let ok = true;
    while (count < len) {
      if (j >= n) {
        ok = false;
        break;
      }
      const c = text.charCodeAt(j);
      if (isAsciiAlnumCode(c)) {
        compact += text[j];
        count++;
        j++;
        continue;
      }
      if (
        count % 4 === 0 &&
        count > 0 &&
        IBAN_RULE.separators.includes(text[j]!) &&
        j + 1 < n &&
        isAsciiAlnumCode(text.charCodeAt(j + 1))
      ) {
        j++;
        continue;
      }
      ok = false;
      break;
    }
    if (ok && !isWordCharAt(text, j) && validateIban(compact)) {
      hits.push(makeHit('iban', 'high', i, j, IBAN_RULE.message, IBAN_RULE.suggestion));
      i = j;
      continue;
    }
    i++;
  }
  return hits;
}

export const ibanDetector: Detector = { id: 'pii/iban', detect };
