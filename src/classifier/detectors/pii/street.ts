/**
 * Street addresses in the English-speaking form "house number, street name, street type"
 * ("1427 Marigold Terrace Apt 3, Los Angeles CA 90026", "41 Saltmeadow Rd", "10 Downing
 * Street, London SW1A 2AA"), for the contact-list rule (contacts.ts) and pii/street-address.
 *
 * A bounded scanner, linear in the text: each candidate starts at a digit run standing alone
 * and reads at most MAX_NAME_WORDS short words after it; what follows the street type (unit,
 * town, state and ZIP code, or a UK postcode) is read from at most TAIL_CHARS characters of the
 * same line, by regular expressions over that short slice only.
 *
 * Not: numbers followed by ordinary words ("3 Main points", "12 Park"), a street type with no
 * name before it ("12 Street"), words in lower case ("10 main st") — a prose number followed
 * by a lower-case noun is far more common than an address typed that way.
 */
import { isAsciiUpperCode, isDigitCode as isDigit, isWordCharAt } from './common.js';
import { lineEndOf } from '../lines.js';
import type { Span } from './contacts.js';

/** Street types, lower-cased, with their usual abbreviations (a trailing "." is allowed). */
const STREET_TYPES: ReadonlySet<string> = new Set(
  (
    'street st avenue ave av road rd lane ln drive dr court ct boulevard blvd way place pl terrace ter terr close ' +
    'crescent cres circle cir parkway pkwy highway hwy square sq trail trl grove gardens gdns mews row alley plaza ' +
    'quay wharf'
  ).split(' '),
);

/** Street types whose abbreviation may take a dot ("Oak St.", "Marigold Rd."). */
const ABBREVIATED: ReadonlySet<string> = new Set('st ave av rd ln dr ct blvd pl ter terr cres cir pkwy hwy sq trl gdns'.split(' '));

/** Words that make "... Court" a court of law, not a street ("the 246th Family Court"). */
const COURT_KINDS: ReadonlySet<string> = new Set(
  'district family supreme county high crown circuit appeals magistrates juvenile probate federal superior municipal bankruptcy tax claims tennis'.split(' '),
);

/** Compass words that may stand before the street name ("615 N Orrinwood Dr"). */
const DIRECTIONS: ReadonlySet<string> = new Set('n s e w ne nw se sw north south east west'.split(' '));

const MAX_NAME_WORDS = 4;
const MAX_WORD = 24;
const TAIL_CHARS = 80;

/** After the street type, on the same line: a unit, then a town with a US state and ZIP code or a UK postcode. */
const UNIT = /^(?:\s(?:N|S|E|W|NE|NW|SE|SW)\b)?,?\s{1,2}(?:(?:apt|apartment|unit|suite|ste|flat|fl|floor|room|rm)\.?\s{1,2}#?|#\s?)[0-9A-Za-z-]{1,6}\b/i;
const US_TOWN_ZIP = /^(?:\s(?:N|S|E|W|NE|NW|SE|SW)\b)?,?\s{1,2}(?:[A-Z][A-Za-z.'-]{1,20},?\s){1,3}[A-Z]{2},?\s{1,2}\d{5}(?:-\d{4})?(?!\d)/;
const UK_TOWN_POSTCODE = /^,?\s{1,2}(?:[A-Z][A-Za-z.'-]{1,20},?\s){0,3}[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}\b/;

/**
 * What every address has right after its house number (see streetAt): the number's last digit,
 * perhaps a capital letter ("221B"), one or two spaces, and a capital or digit starting the next
 * word. Most numbers in mail are followed by a lower-case word or punctuation, so the native
 * scanner jumps from one possible address to the next and the rest of the text is never read here.
 */
const NUMBER_THEN_WORD = /\d[A-Z]? {1,2}[A-Z0-9]/g;

/** The street addresses in `text`; `key` is the house number, street name and type, lower-cased. */
export function findStreetAddresses(text: string): Span[] {
  const out: Span[] = [];
  let done = 0;
  NUMBER_THEN_WORD.lastIndex = 0;
  for (let m = NUMBER_THEN_WORD.exec(text); m !== null; m = NUMBER_THEN_WORD.exec(text)) {
    const last = m.index;
    // The next number may start inside this match ("12 3 Main St"): search again right after its digit.
    NUMBER_THEN_WORD.lastIndex = last + 1;
    // The house number: 1-5 digits standing alone ("#5-6253" and "4.12" are not), with an optional letter ("221B").
    let start = last;
    while (start > 0 && last - start < 5 && isDigit(text.charCodeAt(start - 1))) start--;
    if (start < done || last - start >= 5 || isWordCharAt(text, start - 1) || '-#/.:'.includes(text[start - 1] ?? ' ')) continue;
    let j = last + 1;
    if (isAsciiUpperCode(text.charCodeAt(j)) && !isWordCharAt(text, j + 1)) j++;
    const found = streetAt(text, start, j);
    if (found) {
      out.push(found);
      done = NUMBER_THEN_WORD.lastIndex = found.end;
    }
  }
  return out;
}

/** The address whose house number is [start, numberEnd), if the words after it make one. */
function streetAt(text: string, start: number, numberEnd: number): Span | undefined {
  let k = numberEnd;
  const words: string[] = [];
  for (let w = 0; w <= MAX_NAME_WORDS; w++) {
    // One space (two at most) between words, never a line break.
    let s = k;
    while (s < text.length && s - k < 2 && text.charCodeAt(s) === 32) s++;
    if (s === k) return undefined;
    // Most numbers in mail are followed by a lower-case word or punctuation: out before any slicing.
    const first = text.charCodeAt(s);
    if (!isAsciiUpperCode(first) && !isDigit(first)) return undefined;
    let e = s;
    while (e < text.length && e - s <= MAX_WORD && isStreetWordChar(text.charCodeAt(e))) e++;
    if (e === s || e - s > MAX_WORD || isWordCharAt(text, e)) return undefined;
    const lower = text.slice(s, e).toLowerCase();
    const capitalized = isAsciiUpperCode(text.charCodeAt(s));
    const dot = text.charCodeAt(e) === 46; /* . */
    // A street type ends the name ("Rd", "Rd.", "Street"); at least one name word must come first.
    if (words.length > 0 && capitalized && STREET_TYPES.has(lower) && !(lower === 'court' && COURT_KINDS.has(words[words.length - 1]!))) {
      return { start, end: tailEnd(text, dot && ABBREVIATED.has(lower) ? e + 1 : e), key: `${text.slice(start, numberEnd)} ${words.join(' ')} ${lower}`.toLowerCase() };
    }
    // Name words: capitalized ("Marigold") or ordinals ("5th"); a dot only after a compass
    // letter or "St" (Saint): any other word with a dot ends a sentence, not a street name.
    if (!(capitalized || isOrdinal(lower))) return undefined;
    if (dot && !DIRECTIONS.has(lower) && lower !== 'st') return undefined;
    words.push(lower);
    k = dot ? e + 1 : e;
  }
  return undefined;
}

/** Where the address ends: after a unit and a town with its postal code on the same line, if there. */
function tailEnd(text: string, from: number): number {
  let end = from;
  let tail = lineSlice(text, end);
  const unit = UNIT.exec(tail);
  if (unit) {
    end += unit[0].length;
    tail = lineSlice(text, end);
  }
  const town = US_TOWN_ZIP.exec(tail) ?? UK_TOWN_POSTCODE.exec(tail);
  return town ? end + town[0].length : end;
}

function lineSlice(text: string, from: number): string {
  return text.slice(from, lineEndOf(text, from, TAIL_CHARS));
}

function isStreetWordChar(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || isDigit(c) || c === 39 /* ' */ || c === 45 /* - */;
}

function isOrdinal(word: string): boolean {
  return /^\d{1,3}(?:st|nd|rd|th)$/.test(word);
}
