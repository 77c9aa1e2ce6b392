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
import { hasContext, isAsciiAlnumCode, isAsciiLetterCode, isAsciiUpperCode, isDigitCode, isWordCharAt, makeHit } from './common.js';
import { SUGGESTIONS } from '../../suggestions.js';

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

/**
 * BBAN structure per country (ISO 13616 registry notation: `n` digits, `a`
 * upper-case letters, `c` letters or digits). Countries missing here are
 * checked by length and mod-97 only.
 */
export const BBAN_FORMATS: Readonly<Record<string, string>> = {
  AD: '4n4n12c', AE: '3n16n', AL: '8n16c', AT: '5n11n', AZ: '4a20c', BA: '3n3n8n2n', BE: '3n7n2n',
  BG: '4a4n2n8c', BH: '4a14c', BR: '8n5n10n1a1c', BY: '4c4n16c', CH: '5n12c', CR: '4n14n', CY: '3n5n16c',
  CZ: '4n6n10n', DE: '8n10n', DK: '4n9n1n', DO: '4c20n', EE: '2n2n11n1n', EG: '4n4n17n', ES: '4n4n1n1n10n',
  FI: '3n11n', FO: '4n9n1n', FR: '5n5n11c2n', GB: '4a6n8n', GE: '2a16n', GI: '4a15c', GL: '4n9n1n',
  GR: '3n4n16c', GT: '4c20c', HR: '7n10n', HU: '3n4n1n15n1n', IE: '4a6n8n', IL: '3n3n13n', IQ: '4a3n12n',
  IS: '4n2n6n10n', IT: '1a5n5n12c', JO: '4a4n18c', KW: '4a22c', KZ: '3n13c', LB: '4n20c', LC: '4a24c',
  LI: '5n12c', LT: '5n11n', LU: '3n13c', LV: '4a13c', LY: '3n3n15n', MC: '5n5n11c2n', MD: '2c18c',
  ME: '3n13n2n', MK: '3n10c2n', MR: '5n5n11n2n', MT: '4a5n18c', MU: '4a2n2n12n3n3a', NL: '4a10n',
  NO: '4n6n1n', PK: '4a16c', PL: '8n16n', PS: '4a21c', PT: '4n4n11n2n', QA: '4a21c', RO: '4a16c',
  RS: '3n13n2n', SA: '2n18c', SC: '4a2n2n16n3a', SE: '3n16n1n', SI: '5n8n2n', SK: '4n6n10n', SM: '1a5n5n12c',
  ST: '8n11n2n', SV: '4a20n', TL: '3n14n2n', TN: '2n3n13n2n', TR: '5n1n16c', UA: '6n19c', VA: '3n15n',
  VG: '4a16n', XK: '4n10n2n',
};

/** Does the BBAN (upper-case, compact) fit the country's registered structure? */
export function bbanFits(country: string, bban: string): boolean {
  const spec = BBAN_FORMATS[country];
  if (spec === undefined) return true;
  let pos = 0;
  for (const m of spec.matchAll(/(\d+)([nac])/g)) {
    const len = Number(m[1]);
    for (let k = 0; k < len; k++, pos++) {
      const c = bban.charCodeAt(pos);
      const digit = c >= 48 && c <= 57;
      const upper = c >= 65 && c <= 90;
      if (m[2] === 'n' ? !digit : m[2] === 'a' ? !upper : !(digit || upper)) return false;
    }
  }
  return pos === bban.length;
}

export const IBAN_RULE = {
  id: 'pii/iban',
  lengths: IBAN_LENGTHS,
  /** Words that let an all-lower-case IBAN count ("iban de44 5001 ..."). */
  context: ['iban', 'iban:', 'iban no', 'iban number'],
  /** Separators allowed between groups of four. */
  separators: ' -',
  message: 'This looks like a bank account number (IBAN). With a name attached it can be misused for payment fraud.',
  suggestion: SUGGESTIONS ? 'Share bank details through a secure channel, or confirm them by phone instead of email.' : undefined,
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

/** Length, structure and mod-97 of a compact IBAN. Letters must be upper case, as IBANs are printed. */
export function validateIban(compact: string): boolean {
  const country = compact.slice(0, 2);
  const len = IBAN_LENGTHS[country];
  if (len === undefined || compact.length !== len) return false;
  if (!isDigitCode(compact.charCodeAt(2)) || !isDigitCode(compact.charCodeAt(3))) return false;
  if (!bbanFits(country, compact.slice(4))) return false;
  return ibanMod97(compact) === 1;
}

function detect(text: string): Hit[] {
  const hits: Hit[] = [];
  const n = text.length;
  let i = 0;
  const shape = /[A-Za-z]{2}[0-9]{2}/g;
  while (i + 4 <= n) {
    // Jump to the next "letter letter digit digit" with the native scanner.
    shape.lastIndex = i;
    const m = shape.exec(text);
    if (m === null) break;
    i = m.index;
    const c0 = text.charCodeAt(i);
    if (!isAsciiLetterCode(c0) || (i > 0 && isAsciiAlnumCode(text.charCodeAt(i - 1))) || isWordCharAt(text, i - 1)) {
      i++;
      continue;
    }
    // Cheap shape test first: letter, letter, digit, digit.
    if (!isAsciiLetterCode(text.charCodeAt(i + 1)) || !isDigitCode(text.charCodeAt(i + 2)) || !isDigitCode(text.charCodeAt(i + 3))) {
      i++;
      continue;
    }
    // Upper case as printed; lower case only right after the word "IBAN".
    const lower = !isAsciiUpperCode(c0);
    if (lower && !hasContext(text, i, i, IBAN_RULE.context, 12, 0)) {
      i++;
      continue;
    }
    const country = text.slice(i, i + 2).toUpperCase();
    const len = IBAN_LENGTHS[country];
    if (
      len === undefined ||
      isAsciiUpperCode(text.charCodeAt(i + 1)) === lower ||
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
    if (ok && !isWordCharAt(text, j) && validateIban(lower ? compact.toUpperCase() : compact)) {
      hits.push(makeHit('iban', 'high', i, j, IBAN_RULE.message, IBAN_RULE.suggestion));
      i = j;
      continue;
    }
    i++;
  }
  return hits;
}

export const ibanDetector: Detector = { id: 'pii/iban', detect };
