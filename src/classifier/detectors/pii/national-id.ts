/**
 * pii/national-id — national identity and tax numbers with a public format or
 * checksum. Depth over breadth: each scheme below has a real validator.
 *
 * Two kinds of scheme:
 * - Digit-only numbers (Canadian SIN, UK NHS, Polish PESEL, Swedish
 *   personnummer, Indian Aadhaar, Turkish TC Kimlik, bare US ITIN): a random
 *   number passes these checksums one time in ten or so, so they count ONLY
 *   with a context word for that scheme ("SIN", "NHS number", "PESEL"...) or a
 *   generic one ("national id", "id number") nearby. Then high.
 * - Self-describing formats that mix letters and digits and carry a check
 *   character (Spanish NIF/NIE, Finnish HETU, Italian codice fiscale, US
 *   Medicare MBI, UK NINO written in spaced pairs, a dashed US ITIN): these
 *   rarely occur by chance, so they count without context at medium, and high
 *   with context. A NINO written unspaced needs context.
 *
 * Not: the digit-only numbers without context (orders, phones, accounts),
 * anything failing its checksum, impossible dates in date-bearing ids.
 */
import type { Detector, Hit, Severity } from '../../types.js';
import {
  allSameDigit,
  gluedByJoiner,
  hasContext,
  isAsciiAlnumCode,
  isAsciiLetterCode,
  isDigitCode,
  isLatinWordCharAt,
  isRealDate,
  isSequential,
  luhnValid,
  makeHit,
  runStartAt,
  sameGroups,
  scanRun,
  uniformSeps,
  type DigitRun,
} from './common.js';
import { SUGGESTIONS } from '../../suggestions.js';

/** Generic words that make any validated national number count. */
export const GENERIC_ID_CONTEXT = [
  // Not "ID number" alone: customer, employee and contract ids are called that too.
  'national id', 'national identity', 'national identification', 'national insurance', 'identity number',
  'identification number', 'personal id', 'personal identity', 'citizen id', 'identity card', 'id card',
  'tax id', 'tax number', 'tin',
];

/* ------------------------------------------------------------- validators */

const NIF_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';

export function validateNif(digits: string, letter: string): boolean {
  if (digits.length < 7 || digits.length > 8) return false;
  return NIF_LETTERS[Number(digits) % 23] === letter.toUpperCase();
}

export function validateNie(prefix: string, digits: string, letter: string): boolean {
  const p = 'XYZ'.indexOf(prefix.toUpperCase());
  if (p < 0 || digits.length !== 7) return false;
  return NIF_LETTERS[Number(String(p) + digits) % 23] === letter.toUpperCase();
}

const HETU_CHECK = '0123456789ABCDEFHJKLMNPRSTUVWXY';

export function validateHetu(date: string, sign: string, individual: string, check: string): boolean {
  const century = sign === '+' ? 1800 : '-YXWVU'.includes(sign) ? 1900 : 'ABCDEF'.includes(sign) ? 2000 : -1;
  if (century < 0) return false;
  const d = Number(date.slice(0, 2));
  const m = Number(date.slice(2, 4));
  const y = century + Number(date.slice(4, 6));
  if (!isRealDate(y, m, d)) return false;
  const ind = Number(individual);
  if (ind < 2) return false; // 900-999 are temporary numbers, still personal
  return HETU_CHECK[Number(date + individual) % 31] === check.toUpperCase();
}

const CF_ODD: Record<string, number> = {
  '0': 1, '1': 0, '2': 5, '3': 7, '4': 9, '5': 13, '6': 15, '7': 17, '8': 19, '9': 21,
  A: 1, B: 0, C: 5, D: 7, E: 9, F: 13, G: 15, H: 17, I: 19, J: 21, K: 2, L: 4, M: 18, N: 20, O: 11, P: 3,
  Q: 6, R: 8, S: 12, T: 14, U: 16, V: 10, W: 22, X: 25, Y: 24, Z: 23,
};

/** Italian codice fiscale check character (positions 1-15, odd positions via the table). */
export function validateCodiceFiscale(code: string): boolean {
  const s = code.toUpperCase();
  if (s.length !== 16) return false;
  let sum = 0;
  for (let k = 0; k < 15; k++) {
    const ch = s[k]!;
    if (k % 2 === 0) {
      const v = CF_ODD[ch];
      if (v === undefined) return false;
      sum += v;
    } else {
      const c = ch.charCodeAt(0);
      sum += c <= 57 ? c - 48 : c - 65;
    }
  }
  return String.fromCharCode(65 + (sum % 26)) === s[15];
}

export function validateNhs(digits: string): boolean {
  if (digits.length !== 10 || allSameDigit(digits)) return false;
  let sum = 0;
  for (let k = 0; k < 9; k++) sum += (digits.charCodeAt(k) - 48) * (10 - k);
  let r = 11 - (sum % 11);
  if (r === 11) r = 0;
  if (r === 10) return false;
  return r === digits.charCodeAt(9) - 48;
}

export function validateSin(digits: string): boolean {
  if (digits.length !== 9 || digits[0] === '0' || digits[0] === '8' || allSameDigit(digits)) return false;
  return luhnValid(digits);
}

export function validatePesel(digits: string): boolean {
  if (digits.length !== 11 || allSameDigit(digits)) return false;
  const w = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];
  let sum = 0;
  for (let k = 0; k < 10; k++) sum += (digits.charCodeAt(k) - 48) * w[k]!;
  if ((10 - (sum % 10)) % 10 !== digits.charCodeAt(10) - 48) return false;
  const yy = Number(digits.slice(0, 2));
  let mm = Number(digits.slice(2, 4));
  const dd = Number(digits.slice(4, 6));
  let century = 1900;
  if (mm > 80) [century, mm] = [1800, mm - 80];
  else if (mm > 60) [century, mm] = [2200, mm - 60];
  else if (mm > 40) [century, mm] = [2100, mm - 40];
  else if (mm > 20) [century, mm] = [2000, mm - 20];
  return isRealDate(century + yy, mm, dd);
}

/** Swedish personnummer / samordningsnummer, 10 or 12 digits (century prefix). */
export function validatePersonnummer(digits: string): boolean {
  let ten = digits;
  let century: number | undefined;
  if (digits.length === 12) {
    century = Number(digits.slice(0, 2)) * 100;
    if (century < 1800 || century > 2000) return false;
    ten = digits.slice(2);
  }
  if (ten.length !== 10 || allSameDigit(ten)) return false;
  const yy = Number(ten.slice(0, 2));
  const mm = Number(ten.slice(2, 4));
  let dd = Number(ten.slice(4, 6));
  if (dd > 60) dd -= 60; // samordningsnummer
  const y = century !== undefined ? century + yy : 1900 + yy;
  if (!isRealDate(y, mm, dd) && !isRealDate(y + 100, mm, dd)) return false;
  return luhnValid(ten);
}

const VERHOEFF_D = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 0, 6, 7, 8, 9, 5], [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
  [3, 4, 0, 1, 2, 8, 9, 5, 6, 7], [4, 0, 1, 2, 3, 9, 5, 6, 7, 8], [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
  [6, 5, 9, 8, 7, 1, 0, 4, 3, 2], [7, 6, 5, 9, 8, 2, 1, 0, 4, 3], [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
  [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];
const VERHOEFF_P = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 5, 7, 6, 2, 8, 3, 0, 9, 4], [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
  [8, 9, 1, 6, 0, 4, 3, 5, 2, 7], [9, 4, 5, 3, 1, 2, 6, 8, 7, 0], [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
  [2, 7, 9, 3, 8, 0, 6, 4, 1, 5], [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
];

export function verhoeffValid(digits: string): boolean {
  let c = 0;
  for (let k = 0; k < digits.length; k++) {
    const d = digits.charCodeAt(digits.length - 1 - k) - 48;
    if (d < 0 || d > 9) return false;
    c = VERHOEFF_D[c]![VERHOEFF_P[k % 8]![d]!]!;
  }
  return c === 0;
}

export function validateAadhaar(digits: string): boolean {
  if (digits.length !== 12 || digits[0] === '0' || digits[0] === '1') return false;
  if (digits === [...digits].reverse().join('')) return false;
  return verhoeffValid(digits);
}

export function validateTcKimlik(digits: string): boolean {
  if (digits.length !== 11 || digits[0] === '0' || allSameDigit(digits)) return false;
  const d = (k: number) => digits.charCodeAt(k) - 48;
  const odd = d(0) + d(2) + d(4) + d(6) + d(8);
  const even = d(1) + d(3) + d(5) + d(7);
  if ((((odd * 7 - even) % 10) + 10) % 10 !== d(9)) return false;
  let sum = 0;
  for (let k = 0; k < 10; k++) sum += d(k);
  return sum % 10 === d(10);
}

export function validateItin(digits: string): boolean {
  if (digits.length !== 9 || digits[0] !== '9') return false;
  const g = Number(digits.slice(3, 5));
  return (g >= 50 && g <= 65) || (g >= 70 && g <= 88) || (g >= 90 && g <= 92) || (g >= 94 && g <= 99);
}

/** Korean resident / foreigner registration number: YYMMDD + gender/century digit + 6. No checksum since 2020. */
export function validateKrRrn(digits: string): boolean {
  if (digits.length !== 13) return false;
  const g = digits.charCodeAt(6) - 48;
  const century = g === 1 || g === 2 || g === 5 || g === 6 ? 1900 : g === 3 || g === 4 || g === 7 || g === 8 ? 2000 : g === 9 || g === 0 ? 1800 : -1;
  if (century < 0) return false;
  return isRealDate(century + Number(digits.slice(0, 2)), Number(digits.slice(2, 4)), Number(digits.slice(4, 6)));
}

/** South African ID: YYMMDD SSSS C A Z, citizenship C in 0-2, Luhn. */
export function validateZaId(digits: string): boolean {
  if (digits.length !== 13) return false;
  const y = Number(digits.slice(0, 2));
  const m = Number(digits.slice(2, 4));
  const d = Number(digits.slice(4, 6));
  if (!isRealDate(1900 + y, m, d) && !isRealDate(2000 + y, m, d)) return false;
  if (digits[10] !== '0' && digits[10] !== '1' && digits[10] !== '2') return false;
  return luhnValid(digits);
}

/** Thai national id: 13 digits, first 1-8, mod-11 check digit. */
export function validateThaiId(digits: string): boolean {
  if (digits.length !== 13 || digits[0] === '0' || digits[0] === '9') return false;
  let sum = 0;
  for (let k = 0; k < 12; k++) sum += (digits.charCodeAt(k) - 48) * (13 - k);
  return (11 - (sum % 11)) % 10 === digits.charCodeAt(12) - 48;
}

/** German tax id (Steuer-IdNr): 11 digits, one digit repeated 2-3 times in the first ten, ISO 7064 MOD 11,10. */
export function validateDeTaxId(digits: string): boolean {
  if (digits.length !== 11 || digits[0] === '0') return false;
  const counts = new Array<number>(10).fill(0);
  for (let k = 0; k < 10; k++) counts[digits.charCodeAt(k) - 48]!++;
  // Issued numbers repeat exactly one digit (2-3 times); sample numbers in
  // documentation often use ten distinct digits, which we accept too.
  const repeated = counts.filter((c) => c >= 2);
  if (repeated.length > 1 || (repeated.length === 1 && repeated[0]! > 3)) return false;
  let product = 10;
  for (let k = 0; k < 10; k++) {
    let sum = (digits.charCodeAt(k) - 48 + product) % 10;
    if (sum === 0) sum = 10;
    product = (sum * 2) % 11;
  }
  let check = 11 - product;
  if (check === 10) check = 0;
  return check === digits.charCodeAt(10) - 48;
}

/** German pension insurance number: area(2) DDMMYY letter serial(2) check. */
export function validateDeSvnr(code: string): boolean {
  if (code.length !== 12) return false;
  const up = code.toUpperCase();
  const d = Number(up.slice(2, 4));
  const m = Number(up.slice(4, 6));
  if (!isRealDate(2000, m, d)) return false; // leap-year safe: year unknown
  const letter = up.charCodeAt(8) - 64;
  if (letter < 1 || letter > 26) return false;
  const nums = up.slice(0, 8) + String(letter).padStart(2, '0') + up.slice(9, 11);
  const w = [2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1];
  let sum = 0;
  for (let k = 0; k < 12; k++) {
    const prod = (nums.charCodeAt(k) - 48) * w[k]!;
    sum += Math.floor(prod / 10) + (prod % 10);
  }
  return sum % 10 === up.charCodeAt(11) - 48;
}

/** Singapore NRIC/FIN (S, T, F, G series) check letter. */
export function validateSgNric(prefix: string, digits: string, check: string): boolean {
  const p = prefix.toUpperCase();
  const w = [2, 7, 6, 5, 4, 3, 2];
  let sum = 0;
  for (let k = 0; k < 7; k++) sum += (digits.charCodeAt(k) - 48) * w[k]!;
  if (p === 'T' || p === 'G') sum += 4;
  const table = p === 'S' || p === 'T' ? 'JZIHGFEDCBA' : p === 'F' || p === 'G' ? 'XWUTRQPNMLK' : '';
  return table !== '' && table[sum % 11] === check.toUpperCase();
}

function looksLikeCompactDate(d: string): boolean {
  const y = Number(d.slice(0, 4));
  return y >= 1900 && y <= 2099 && isRealDate(y, Number(d.slice(4, 6)), Number(d.slice(6, 8)));
}

const NINO_BAD_PREFIX = new Set(['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ']);

export function validateNino(prefix: string): boolean {
  const p = prefix.toUpperCase();
  if ('DFIQUV'.includes(p[0]!) || 'DFIQUVO'.includes(p[1]!)) return false;
  return !NINO_BAD_PREFIX.has(p);
}

/* ---------------------------------------------------------------- schemes */

interface DigitScheme {
  name: string;
  /** Accepted group shapes of the digit run (single separator kind). */
  shapes: readonly (readonly number[])[];
  seps: string;
  validate: (digits: string) => boolean;
  context: readonly string[];
}

export const DIGIT_SCHEMES: readonly DigitScheme[] = [
  {
    name: 'ca-sin', shapes: [[9], [3, 3, 3]], seps: ' -', validate: validateSin,
    context: ['sin', 'sin#', 'social insurance', 'nas', "numéro d'assurance sociale", 'assurance sociale'],
  },
  {
    name: 'uk-nhs', shapes: [[10], [3, 3, 4]], seps: ' -', validate: validateNhs,
    context: ['nhs', 'nhs number', 'nhs no', 'health service number', 'chi number'],
  },
  { name: 'pl-pesel', shapes: [[11]], seps: '', validate: validatePesel, context: ['pesel'] },
  {
    name: 'se-personnummer', shapes: [[10], [12], [6, 4], [8, 4]], seps: '-', validate: validatePersonnummer,
    context: ['personnummer', 'pnr', 'samordningsnummer', 'personal identity number', 'personal identity code', 'swedish id', 'personal number'],
  },
  {
    name: 'in-aadhaar', shapes: [[12], [4, 4, 4]], seps: ' -:', validate: validateAadhaar,
    context: ['aadhaar', 'aadhar', 'adhaar', 'uidai', 'uid', 'आधार'],
  },
  {
    name: 'tr-kimlik', shapes: [[11]], seps: '', validate: validateTcKimlik,
    context: ['tc kimlik', 'kimlik', 'tckn', 'tc no', 'turkish id', 'türk kimlik', 'kimlik numarası'],
  },
  {
    name: 'kr-rrn', shapes: [[13], [6, 7]], seps: '-', validate: validateKrRrn,
    context: ['rrn', 'frn', 'resident registration', 'foreigner registration', 'registration number', '주민등록번호', '외국인등록번호', '주민번호'],
  },
  {
    name: 'za-id', shapes: [[13]], seps: '', validate: validateZaId,
    context: ['south african id', 'rsa id', 'sa id', 'resident number', 'refugee id', 'id number', 'identity number'],
  },
  {
    name: 'th-id', shapes: [[13]], seps: '', validate: validateThaiId,
    context: ['thai id', 'tnin', 'thai national id', 'เลขประจำตัวประชาชน', 'บัตรประชาชน', 'เลขบัตรประชาชน'],
  },
  {
    name: 'de-tax-id', shapes: [[11]], seps: '', validate: validateDeTaxId,
    context: ['steuer-id', 'steuerid', 'steuer-idnr', 'idnr', 'identifikationsnummer', 'steueridentifikationsnummer', 'tax id', 'german tax'],
  },
  {
    name: 'us-itin', shapes: [[9], [3, 2, 4], [3, 6], [5, 4]], seps: ' -', validate: validateItin,
    context: ['itin', 'individual taxpayer', 'taxpayer identification', 'tax id', 'tax identification', 'tin'],
  },
];

interface PatternScheme {
  name: string;
  /** Global regex with bounded quantifiers only; run over the text once. */
  re: RegExp;
  validate: (m: RegExpExecArray) => boolean;
  context: readonly string[];
  /** Severity without context; undefined = context required. */
  alone: (m: RegExpExecArray) => Severity | undefined;
  /** Schemes without a checksum need their own words; "ID number" alone is not enough. */
  ownContextOnly?: boolean;
}

const MBI_L = 'AC-HJKMNP-RT-Yac-hjkmnp-rt-y';

export const PATTERN_SCHEMES: readonly PatternScheme[] = [
  {
    name: 'uk-nino',
    re: /([A-Za-z]{2})( ?)(\d{2})( ?)(\d{2})( ?)(\d{2})( ?)([A-Da-d])/g,
    validate: (m) => validateNino(m[1]!),
    context: ['national insurance', 'ni number', 'ni no', 'ni no.', 'ni', 'nino', 'nin', 'insurance number'],
    alone: (m) => (m[2] === ' ' && m[4] === ' ' && m[6] === ' ' && m[8] === ' ' && /^[A-Z]+$/.test(m[1]! + m[9]!) ? 'medium' : undefined),
  },
  {
    name: 'es-nie',
    re: /([XYZxyz])(-?)(\d{7})(-?)([A-Za-z])/g,
    validate: (m) => validateNie(m[1]!, m[3]!, m[5]!),
    context: ['nie', 'extranjero', 'foreigner identity', 'número de identidad', 'identificación'],
    alone: () => 'medium',
  },
  {
    name: 'es-nif',
    re: /(\d{7,8})(-?)([A-Za-z])/g,
    validate: (m) => validateNif(m[1]!, m[3]!),
    context: ['dni', 'nif', 'documento nacional', 'número de identidad', 'identificación fiscal'],
    // Alone only for 8 digits that are not a YYYYMMDD date ("20240115-B" is a document revision).
    alone: (m) => (m[1]!.length === 8 && !looksLikeCompactDate(m[1]!) ? 'medium' : undefined),
  },
  {
    name: 'fi-hetu',
    re: /(\d{6})([-+ABCDEFUVWXY])(\d{3})([0-9A-FHJ-NPR-Y])/g,
    validate: (m) => validateHetu(m[1]!, m[2]!, m[3]!, m[4]!),
    context: ['hetu', 'henkilötunnus', 'personal identity code', 'finnish id', 'personbeteckning'],
    alone: () => 'medium',
  },
  {
    name: 'it-codice-fiscale',
    re: /[A-Za-z]{6}[0-9LMNP-Vlmnp-v]{2}[ABCDEHLMPR-Tabcdehlmpr-t][0-9LMNP-Vlmnp-v]{2}[A-Za-z][0-9LMNP-Vlmnp-v]{3}[A-Za-z]/g,
    validate: (m) => validateCodiceFiscale(m[0]),
    context: ['codice fiscale', 'cod. fisc', 'c.f.', 'cf', 'fiscal code', 'tax code'],
    alone: () => 'medium',
  },
  {
    name: 'de-svnr',
    re: /\d{8}[A-Za-z]\d{3}/g,
    validate: (m) => validateDeSvnr(m[0]),
    context: ['rvnr', 'rentenversicherungsnummer', 'sozialversicherungsnummer', 'versicherungsnummer', 'sv-nummer', 'svnr', 'sozialversicherung', 'pension insurance'],
    alone: () => undefined,
  },
  {
    name: 'sg-nric',
    re: /([STFGstfg])(\d{7})([A-Za-z])/g,
    validate: (m) => validateSgNric(m[1]!, m[2]!, m[3]!),
    context: ['nric', 'fin', 'ic number', 'ic no', 'identity card', 'singapore ic'],
    alone: () => undefined,
  },
  {
    name: 'in-pan',
    re: /[A-Za-z]{3}[ABCFGHLJPTKabcfghljptk][A-Za-z]\d{4}[A-Za-z]/g,
    validate: () => true,
    context: ['pan', 'pan number', 'pan card', 'pan no', 'permanent account number', 'income tax'],
    alone: () => undefined,
    ownContextOnly: true,
  },
  {
    name: 'in-voter',
    re: /[A-Za-z]{3}\d{7}/g,
    validate: () => true,
    context: ['voter', 'voter id', 'voter card', 'epic', 'electoral', 'election card', 'vote'],
    alone: () => undefined,
    ownContextOnly: true,
  },
  {
    // Driving licences have no shared format; a licence word is required.
    name: 'driving-licence',
    re: /[A-Za-z]{0,2}\d{5,12}[A-Za-z]{0,2}|[A-Za-z]\d{3}-\d{4}-\d{4}/g,
    validate: (m) => /\d{5}/.test(m[0]) && !allSameDigit(m[0].replace(/\D/g, '')),
    context: ["driver's license", 'drivers license', 'driver license', "driver's licence", 'driving licence', 'driving license', 'dl#', 'dl #', 'dl no', 'licence number', "driver's lic"],
    alone: () => undefined,
    ownContextOnly: true,
  },
  {
    name: 'us-mbi',
    re: new RegExp(`[1-9][${MBI_L}][0-9${MBI_L}]\\d(-?)[${MBI_L}][0-9${MBI_L}]\\d(-?)[${MBI_L}]{2}\\d{2}`, 'g'),
    validate: (m) => m[1] === m[2] && /\d/.test(m[0].slice(1)) && /[A-Za-z].*[A-Za-z].*[A-Za-z]/.test(m[0]),
    context: ['medicare', 'mbi', 'beneficiary identifier', 'medicare id', 'medicare number'],
    alone: (m) => (m[1] === '-' ? 'medium' : undefined),
  },
];

export const NATIONAL_ID_RULE = {
  id: 'pii/national-id',
  genericContext: GENERIC_ID_CONTEXT,
  digitSchemes: DIGIT_SCHEMES,
  patternSchemes: PATTERN_SCHEMES,
  message: 'This looks like a national identity or tax number. With a name it is enough for identity theft.',
  suggestion: SUGGESTIONS ? 'Remove the number, or share it through a secure channel (HR or the official portal) instead of email.' : undefined,
} as const;

/* ----------------------------------------------------------------- detect */

interface Found {
  start: number;
  end: number;
  severity: Severity;
}

function contextFor(text: string, start: number, end: number, words: readonly string[], ownOnly = false): boolean {
  if (hasContext(text, start, end, words, 48, 32)) return true;
  return !ownOnly && hasContext(text, start, end, GENERIC_ID_CONTEXT, 48, 24);
}

/** The digit-only schemes, on one run of digits (see scan). */
function digitRunMatches(text: string, run: DigitRun, out: Found[]): void {
  if (!uniformSeps(run)) return;
  for (const s of DIGIT_SCHEMES) {
    if (!matchesShape(run, s)) continue;
    if (isSequential(run.digits) || !s.validate(run.digits)) continue;
    const severity = severityForDigits(text, run, s);
    if (severity === undefined) continue;
    out.push({ start: run.start, end: run.end, severity });
    break;
  }
}

function matchesShape(run: DigitRun, s: DigitScheme): boolean {
  if (run.seps.length > 0 && !s.seps.includes(run.seps[0]!)) return false;
  return s.shapes.some((shape) => sameGroups(run, shape));
}

function severityForDigits(text: string, run: DigitRun, s: DigitScheme): Severity | undefined {
  if (contextFor(text, run.start, run.end, s.context)) return 'high';
  // A dashed ITIN (9XX-7X-XXXX) is as recognisable as a dashed SSN.
  if (s.name === 'us-itin' && sameGroups(run, [3, 2, 4]) && run.seps === '--') return 'high';
  return undefined;
}

/** Sticky copies of the scheme regexes, tried only at token starts (see tryStart). */
const STICKY = PATTERN_SCHEMES.map((s) => new RegExp(s.re.source, 'y'));

/**
 * Where an id can start: at the start of an ASCII letter/digit token whose first digit comes
 * after at most six letters and is followed by another digit (or, for the MBI,
 * letter-alnum-digit): true of every pattern scheme above. Bounded look-ahead, no nesting.
 * The boundary before the token is checked by hand (no lookbehind in Outlook's JavaScript-only
 * runtime before build 2403).
 */
const START_AHEAD = /(?=[A-Za-z]{0,6}[ -]?[0-9](?:[0-9]|[A-Za-z][A-Za-z0-9][0-9]))[A-Za-z0-9]/y;

/**
 * Every id of either kind holds one of these, starting with a digit: five digits in a row; two
 * digits, a space and two digits (a spaced NINO); three digits, a separator and two digits (a
 * grouped number such as 123-45-6789, 123 456 789, or a dashed licence A123-4567-8901); or a
 * digit followed by a letter (a PAN's last digit, a codice fiscale's 7th-9th character, an MBI's
 * first). One native pass finds them, so ordinary mail (years, times, amounts) costs little more
 * than that pass. Each alternative starts with a digit and keeps, up to its last digit, to one
 * run of digits and ` -:` separators.
 */
const ID_ANCHOR = /\d(?:\d\d\d\d|\d \d\d|\d\d[ \-:]\d\d|[A-Za-z])/g;
/** Longer than any pattern scheme's match (16), so a token start this far before an anchor is still tried. */
const MAX_ID = 20;

function digitsAt(text: string, i: number): number {
  let k = i;
  while (k < text.length && isDigitCode(text.charCodeAt(k))) k++;
  return k - i;
}

/**
 * Whether some pattern scheme can match at `p`, from the letters and digits it starts with
 * (L letters, then D digits, or a separator and D' digits). Read off the scheme regexes:
 * digits first: NIF 7+, HETU 6+, SVNR 8+, licence 5+, MBI one digit then a letter; one letter:
 * NIE/NRIC 7 (NIE may have a dash first), licence 3+; two letters: NINO 2+ (a space may come
 * first), licence 5+; three: voter 7; five: PAN 4; six: codice fiscale. A true answer only means
 * the regexes are worth running.
 */
function schemeMayStart(text: string, p: number): boolean {
  let q = p;
  while (q < text.length && q - p < 6 && isAsciiLetterCode(text.charCodeAt(q))) q++;
  const letters = q - p;
  const d = digitsAt(text, q);
  const sep = text.charCodeAt(q);
  switch (letters) {
    case 0:
      return d >= 5 || (d === 1 && isAsciiLetterCode(text.charCodeAt(p + 1)));
    case 1:
      return d >= 3 || (sep === 45 /* - */ && digitsAt(text, q + 1) >= 7);
    case 2:
      return d >= 2 || (sep === 32 && digitsAt(text, q + 1) >= 2);
    case 3:
      return d >= 7;
    case 5:
      return d >= 4;
    case 6:
      return true;
    default:
      return false;
  }
}

/** Tries every pattern scheme at `p` when a token starts there. */
function tryStart(text: string, p: number, out: Found[]): void {
  if (!isAsciiAlnumCode(text.charCodeAt(p))) return;
  if (p > 0 && isAsciiAlnumCode(text.charCodeAt(p - 1))) return;
  if (!schemeMayStart(text, p)) return;
  START_AHEAD.lastIndex = p;
  if (!START_AHEAD.test(text)) return;
  for (let k = 0; k < PATTERN_SCHEMES.length; k++) {
    const s = PATTERN_SCHEMES[k]!;
    const re = STICKY[k]!;
    re.lastIndex = p;
    const m = re.exec(text);
    if (m === null) continue;
    const start = m.index;
    const end = start + m[0].length;
    if (isLatinWordCharAt(text, start - 1) || isLatinWordCharAt(text, end)) continue;
    // A piece of a longer dashed or dotted token ("56789" in "D1234-56789-01234") is not an id.
    if (gluedByJoiner(text, start, end)) continue;
    if (!s.validate(m)) continue;
    const severity: Severity | undefined = contextFor(text, start, end, s.context, s.ownContextOnly) ? 'high' : s.alone(m);
    if (severity !== undefined) out.push({ start, end, severity });
  }
}

/**
 * One pass over the anchors. For each: every token start up to MAX_ID characters before it is
 * tried with the pattern schemes (each position once, left to right), and the run of digits
 * holding it is tried with the digit-only schemes (each run once). Any id contains an anchor
 * occurrence, and an occurrence the scanner stepped over lies inside the anchor it reported,
 * so nothing is missed; the whole is linear.
 */
function scan(text: string, patterns: Found[], digits: Found[]): void {
  let startNext = 0;
  let runDone = 0;
  ID_ANCHOR.lastIndex = 0;
  for (let m = ID_ANCHOR.exec(text); m !== null; m = ID_ANCHOR.exec(text)) {
    const q = m.index;
    const qEnd = q + m[0].length;
    for (let p = Math.max(startNext, q - MAX_ID); p < qEnd; p++) tryStart(text, p, patterns);
    if (qEnd > startNext) startNext = qEnd;
    if (q >= runDone) {
      const r = scanRun(text, runStartAt(text, q, ' -:', runDone), ' -:', 13, 9);
      if (r.run !== null) digitRunMatches(text, r.run, digits);
      runDone = r.end;
    }
  }
}

function detect(text: string): Hit[] {
  const found: Found[] = [];
  const digits: Found[] = [];
  scan(text, found, digits);
  for (const d of digits) found.push(d);
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const hits: Hit[] = [];
  let lastEnd = -1;
  for (const f of found) {
    if (f.start < lastEnd) continue;
    hits.push(makeHit('national-id', f.severity, f.start, f.end, NATIONAL_ID_RULE.message, NATIONAL_ID_RULE.suggestion));
    lastEnd = f.end;
  }
  return hits;
}

export const nationalIdDetector: Detector = { id: 'pii/national-id', detect };
