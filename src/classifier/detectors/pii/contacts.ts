/**
 * Scanners shared by pii/phone, pii/email-address and pii/street-address, and the
 * contact-list rule that ties them together.
 *
 * One phone number or address in a signature is normal mail (low: inform only).
 * A message that lists many people's contacts — a call tree, a roster, an
 * exported address book, a list of home addresses — is a privacy problem, so when
 * the text holds at least CONTACT_LIST_MIN distinct phone numbers, or that many
 * distinct personal e-mail addresses or street addresses, every phone, e-mail and
 * street-address hit in it becomes medium (warns).
 * Role and list addresses (info@, support@, noreply@, *-request@...) and
 * addresses in header lines (`From:`, `To:`, `Cc:`...) do not count towards
 * the list: mailing-list traffic and forwarded headers are full of them.
 * Nor does one organization's block: numbers of one office exchange count
 * once (a signature's phone, fax and desk lines; a help desk's staff), and a
 * bulk mailing with unsubscribe instructions publishes its staff box.
 */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';
import { afterDigitRun, containsWord, isAsciiAlnumCode, isDigitCode, isWordCharAt, hasContext, nextCharOf } from './common.js';
import { findStreetAddresses } from './street.js';

export const CONTACT_LIST_MIN = 4;

export interface Span {
  start: number;
  end: number;
  /** Canonical value, for counting distinct entries. */
  key: string;
}

/* ------------------------------------------------------------------ phones */

export const PHONE_CONTEXT = [
  'phone', 'tel', 'tel.', 'telephone', 'mobile', 'mob', 'cell', 'cellphone', 'call', 'text', 'sms', 'whatsapp',
  'fax', 'contact', 'number', 'ph', 'ph.', 'direct', 'office', 'home', 'work',
];

/** The characters a written phone number is made of: digits and `+()-. /`. */
function isPhoneChar(c: number): boolean {
  return isDigitCode(c) || c === 43 || c === 40 || c === 41 || c === 45 || c === 46 || c === 32 || c === 47;
}
const MAX_PHONE_CANDIDATE = 26;
/** What a phone number can start with: a digit, `+` or `(`. */
const PHONE_START = /[0-9+(]/g;

/**
 * Phone numbers in `text`, validated with libphonenumber (default region US).
 * A number written with no separator at all (`4155550132`) counts only with a
 * phone word nearby: bare digit runs are more often references.
 */
export function findPhones(text: string): Span[] {
  parsesLeft = MAX_PARSES_PER_TEXT;
  const out: Span[] = [];
  const n = text.length;
  let i = 0;
  while (i < n && parsesLeft > 0) {
    i = nextCharOf(PHONE_START, text, i);
    if (i < 0) break;
    const c = text.charCodeAt(i);
    if (isWordCharAt(text, i - 1) || (i > 0 && '#$€£.-/'.includes(text[i - 1]!))) {
      // Not where a number starts; nor is the rest of a digit run or the character after it (each follows a digit).
      i = isDigitCode(c) ? afterDigitRun(text, i) : i + 1;
      continue;
    }
    // Greedy bounded candidate: phone characters, no double space, at most MAX chars.
    let j = i;
    let digits = 0;
    while (j < n && j - i < MAX_PHONE_CANDIDATE && isPhoneChar(text.charCodeAt(j))) {
      if (text[j] === ' ' && text[j + 1] === ' ') break;
      if (text[j] === '+' && j > i) break;
      if (isDigitCode(text.charCodeAt(j))) digits++;
      j++;
    }
    if (digits < 7) {
      // Too few digits for any phone number: skip the whole run.
      i = j > i ? j : i + 1;
      continue;
    }
    // Trim to the last digit.
    let end = j;
    while (end > i && !isDigitCode(text.charCodeAt(end - 1))) end--;
    const found = end > i ? tryPhone(text, i, end) : undefined;
    if (found) {
      out.push(found);
      i = found.end;
      continue;
    }
    // Skip to the next token so a failed candidate does not hide the rest of it.
    while (i < n && isPhoneChar(text.charCodeAt(i)) && text[i] !== ' ') i++;
    i++;
  }
  return out;
}

/** Try [start, end) and, if it fails, its prefixes that end before a space. */
function tryPhone(text: string, start: number, end: number): Span | undefined {
  let e = end;
  for (let attempts = 0; attempts < 4 && e > start; attempts++) {
    const span = phoneAt(text, start, e);
    if (span) return span;
    // Cut at the last space before e (a following token may not belong to the number).
    let k = e - 1;
    while (k > start && text[k] !== ' ') k--;
    if (k <= start) break;
    e = k;
    while (e > start && !isDigitCode(text.charCodeAt(e - 1))) e--;
  }
  return undefined;
}

function phoneAt(text: string, start: number, end: number): Span | undefined {
  if (isWordCharAt(text, end)) return undefined;
  // Glued to a longer dotted/dashed token (`1.2.3.4`, `2002-08-22-1`).
  if (end + 1 < text.length && '.-/'.includes(text[end]!) && isDigitCode(text.charCodeAt(end + 1))) return undefined;
  const cand = text.slice(start, end);
  let digits = 0;
  let seps = 0;
  let dots = 0;
  let parens = 0;
  for (let k = 0; k < cand.length; k++) {
    const ch = cand.charCodeAt(k);
    if (isDigitCode(ch)) digits++;
    else {
      seps++;
      if (ch === 46) dots++;
      if (ch === 40 || ch === 41) parens++;
    }
  }
  if (digits < 7 || digits > 15) return undefined;
  if (cand.includes('/')) return undefined; // dates and fractions
  if (parens % 2 !== 0) return undefined;
  const plus = cand[0] === '+';
  // Dotted numbers read as versions, IPs or dates unless shaped like 415.555.0132.
  if (dots > 0 && !plus && !/^\(?\d{3}\)?\.\d{3}\.\d{4}$/.test(cand)) return undefined;
  // ISO dates and times: 2024-05-01, 2024 05 01
  if (/^\d{4}[-. ]\d{2}[-. ]\d{2}$/.test(cand)) return undefined;
  if (seps === 0 && !hasContext(text, start, end, PHONE_CONTEXT, 24, 8)) return undefined;
  if (!groupsLookLikePhone(cand)) return undefined;
  const us = parseCached(cand, 'US');
  if (us !== null) return { start, end, key: us };
  // National formats of other countries: a country named nearby, or the UK for a leading 0.
  if (plus) return undefined;
  for (const region of regionHints(text, start, cand)) {
    const key = parseCached(cand, region);
    if (key !== null) return { start, end, key };
  }
  return undefined;
}

/**
 * Cheap shape test before libphonenumber (whose parser is slow on long
 * runs of tiny groups such as "1 1 1 1 1 1 1"): written numbers have at most
 * seven digit groups, and at most two of one digit ("+1 415 ...", "+33 1 42 ...").
 */
function groupsLookLikePhone(cand: string): boolean {
  let groups = 0;
  let singles = 0;
  let len = 0;
  for (let k = 0; k <= cand.length; k++) {
    if (k < cand.length && isDigitCode(cand.charCodeAt(k))) {
      len++;
      continue;
    }
    if (len > 0) {
      groups++;
      if (len === 1) singles++;
    }
    len = 0;
  }
  return groups <= 7 && singles <= 2;
}

/** Parse results by region and candidate; bounded so memory stays constant. */
const parseCache = new Map<string, string | null>();
const PARSE_CACHE_MAX = 1024;

/**
 * New libphonenumber parses one text may ask for (each costs tens of microseconds). Past this,
 * the text is a table of figures rather than mail with phone numbers in it ("1024 2048 4096 ..."
 * pasted from a spreadsheet made a 1 MB draft take 20 s), and the rest of it is not searched
 * for phones. Mail with hundreds of distinct phone numbers is a contact list long before.
 */
const MAX_PARSES_PER_TEXT = 400;
let parsesLeft = MAX_PARSES_PER_TEXT;

function parseCached(cand: string, region: CountryCode): string | null {
  const k = region + '|' + cand;
  const hit = parseCache.get(k);
  if (hit !== undefined) return hit;
  if (parsesLeft <= 0) return null;
  parsesLeft--;
  const p = parsePhoneNumberFromString(cand, region);
  const v = p && (p.isValid() || isDramaMobile(p.countryCallingCode, p.nationalNumber)) ? p.number : null;
  if (parseCache.size >= PARSE_CACHE_MAX) parseCache.clear();
  parseCache.set(k, v);
  return v;
}

/**
 * Ofcom keeps UK mobiles 07700 900000-900999 for drama and examples, so libphonenumber calls them
 * invalid; but sample data, training mail and people trying the add-in write exactly these, and
 * a list of them reads as a list of people's mobiles all the same. (The US 555-0100..0199 range
 * with an area code is valid to libphonenumber already.)
 */
function isDramaMobile(callingCode: string, nationalNumber: string): boolean {
  return callingCode === '44' && nationalNumber.length === 10 && nationalNumber.startsWith('7700900');
}

/** Country words that say how to read a national-format number. */
export const PHONE_REGION_HINTS: ReadonlyArray<readonly [CountryCode, readonly string[]]> = [
  ['GB', ['uk', 'british', 'england', 'london', 'britain']],
  ['IE', ['ireland', 'irish']],
  ['DE', ['germany', 'german', 'deutschland']],
  ['FR', ['france', 'french']],
  ['ES', ['spain', 'spanish']],
  ['IT', ['italy', 'italian']],
  ['NL', ['netherlands', 'dutch']],
  ['IL', ['israel', 'israeli']],
  ['JP', ['japan', 'japanese']],
  ['CN', ['china', 'chinese', 'cn']],
  ['IN', ['india', 'indian']],
  ['PH', ['philippines', 'filipino', 'ph', 'telepono']],
  ['TR', ['turkey', 'türkiye', 'turkish', 'cep', 'telefon']],
  ['AU', ['australia', 'australian']],
  ['BR', ['brazil', 'brazilian']],
  ['MX', ['mexico', 'mexican']],
];

function regionHints(text: string, start: number, cand: string): CountryCode[] {
  const out: CountryCode[] = [];
  // hasContext(text, start, start, words, 40, 0) for each region, with the window lowered once.
  const before = text.slice(Math.max(0, start - 40), start).toLowerCase();
  for (const [region, words] of PHONE_REGION_HINTS) if (containsWord(before, words)) out.push(region);
  if (cand[0] === '0' && !out.includes('GB')) out.push('GB');
  return out;
}

/* ------------------------------------------------------------------ e-mail */

const LOCAL_EXTRA = ".!#$%&'*+/=?^_`{|}~-";
const MAX_LOCAL = 64;
const MAX_DOMAIN = 253;

function isLocalChar(c: number): boolean {
  return isAsciiAlnumCode(c) || (c < 128 && LOCAL_EXTRA.includes(String.fromCharCode(c)));
}

function isDomainChar(c: number): boolean {
  // Internationalized domain names: letters of any script in the labels.
  return isAsciiAlnumCode(c) || c === 45 /* - */ || c === 46 /* . */ || (c >= 128 && LETTER.test(String.fromCharCode(c)));
}

const LETTER = /\p{L}/u;

/**
 * E-mail addresses. A linear scanner: for each `@`, walk left over local-part
 * characters (at most 64) and right over domain characters (at most 253),
 * then check the parts. No regular expression.
 */
export function findEmails(text: string): Span[] {
  const out: Span[] = [];
  const n = text.length;
  let from = 0;
  for (;;) {
    const at = text.indexOf('@', from);
    if (at < 0) break;
    from = at + 1;
    let s = at;
    // "|" is legal in a local part but in practice separates two addresses ("a@x.example|b@x.example").
    while (s > 0 && at - s < MAX_LOCAL && isLocalChar(text.charCodeAt(s - 1)) && text.charCodeAt(s - 1) !== 124) s--;
    // Leading punctuation is not part of the address ("<a@b.c>", "'a@b.c'", "..a@b.c").
    while (s < at && !isAsciiAlnumCode(text.charCodeAt(s)) && text[s] !== '_') s++;
    if (s === at) continue;
    if (s > 0 && isLocalChar(text.charCodeAt(s - 1)) && at - s >= MAX_LOCAL) continue; // local part too long
    let e = at + 1;
    while (e < n && e - at <= MAX_DOMAIN && isDomainChar(text.charCodeAt(e))) e++;
    // Trailing dots/hyphens end the sentence, not the domain.
    while (e > at + 1 && (text[e - 1] === '.' || text[e - 1] === '-')) e--;
    const local = text.slice(s, at);
    const domain = text.slice(at + 1, e);
    if (!validLocal(local) || !validDomain(domain)) continue;
    if (isWordCharAt(text, e) && text[e] !== '_') continue; // glued to non-ASCII letters
    out.push({ start: s, end: e, key: (local + '@' + domain).toLowerCase() });
    from = e;
  }
  return out;
}

function validLocal(local: string): boolean {
  if (local.length === 0 || local.length > MAX_LOCAL) return false;
  if (local[0] === '.' || local[local.length - 1] === '.' || local.includes('..')) return false;
  return true;
}

export function validDomain(domain: string): boolean {
  if (domain.length < 4 || domain.length > MAX_DOMAIN) return false;
  const labels = domain.split('.');
  if (labels.length < 2) return false;
  for (const l of labels) {
    if (l.length === 0 || l.length > 63) return false;
    if (l[0] === '-' || l[l.length - 1] === '-') return false;
  }
  const tld = labels[labels.length - 1]!;
  if (tld.startsWith('xn--')) return tld.length > 4;
  if (tld.length < 2) return false;
  for (let k = 0; k < tld.length; k++) if (!isAsciiAlnumCode(tld.charCodeAt(k)) || isDigitCode(tld.charCodeAt(k))) return false;
  return true;
}

/* ------------------------------------------------------------ contact list */

/** Local parts of role, list and robot addresses: not a person's contact. */
export const ROLE_LOCAL_PARTS = new Set([
  'info', 'support', 'help', 'helpdesk', 'sales', 'admin', 'administrator', 'webmaster', 'postmaster', 'hostmaster',
  'abuse', 'noreply', 'no-reply', 'donotreply', 'do-not-reply', 'mailer-daemon', 'listserv', 'majordomo', 'mailman',
  'list', 'lists', 'owner', 'contact', 'office', 'hr', 'billing', 'accounts', 'ap', 'ar', 'jobs', 'careers', 'press',
  'media', 'marketing', 'newsletter', 'news', 'team', 'hello', 'service', 'services', 'security', 'root', 'bugs',
  'feedback', 'orders', 'reception', 'enquiries', 'inquiries', 'subscribe', 'unsubscribe', 'bounce', 'bounces',
  // Placeholders in instructions ("use name@corp.example").
  'name', 'user', 'username', 'someone', 'you', 'yourname', 'your.name', 'firstname', 'lastname', 'first.last',
  'firstname.lastname', 'email', 'test', 'example',
]);

function isRoleAddress(key: string): boolean {
  const local = key.slice(0, key.indexOf('@'));
  if (ROLE_LOCAL_PARTS.has(local)) return true;
  return /(^owner-|-request$|-owner$|-admin$|-bounces?$|-help$|-subscribe$|-unsubscribe$|-list$|-users$|-devel$|-talk$|-discuss$)/.test(local);
}

const HEADER_LINE = /^(from|to|cc|bcc|reply-to|sender|return-path|delivered-to|x-[a-z-]+|envelope-to|resent-[a-z]+|errors-to|in-reply-to|message-id|references|list-[a-z]+|sent|date|subject|forwarded-by|organization)\s*:/;
/** "-- " and its dash-escaped form "- -- " in a PGP-signed message. */
const SIGNATURE_DASHES = /^(?:- )?--\s?$/;
const QUOTE_START = /^(-{2,}\s*(original message|forwarded message|begin forwarded message)|_{5,}|begin forwarded message)/;

/**
 * Start offsets of the lines whose contacts do not count towards a contact
 * list: quoted lines (`>`), header lines of forwarded mail, attribution lines
 * ("... wrote:", "... said:", "Quoting ..."), the signature after a `-- `
 * line, and everything after an "Original Message"/"Forwarded message"
 * separator. One pass over the lines; each line's test reads at most its
 * first 80 characters plus a fixed-size tail.
 */
function excludedLines(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let pos = 0;
  let rest = false;
  let prevHeader = false;
  while (pos <= text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = text.length;
    if (rest) {
      out.push([pos, text.length]);
      break;
    }
    const head = text.slice(pos, Math.min(nl, pos + 80)).trimStart().toLowerCase();
    const tail = text.slice(Math.max(pos, nl - 12), nl).trimEnd().toLowerCase();
    if (head === '--' || SIGNATURE_DASHES.test(text.slice(pos, Math.min(nl, pos + 8))) || QUOTE_START.test(head)) {
      rest = true;
      out.push([pos, text.length]);
      break;
    }
    const first = text[pos];
    // A folded header continues on lines that start with white space.
    const header: boolean = HEADER_LINE.test(head) || (prevHeader && (first === ' ' || first === '\t'));
    prevHeader = header;
    if (header || head.startsWith('>') || head.startsWith('|') || head.startsWith(')') || head.startsWith('quoting ') ||
        tail.endsWith('wrote:') || tail.endsWith('said:') || tail.endsWith('writes:')) {
      out.push([pos, nl]);
    }
    pos = nl + 1;
  }
  return out;
}

function isExcluded(ranges: Array<[number, number]>, at: number): boolean {
  // Ranges are sorted and disjoint: binary search.
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [s, e] = ranges[mid]!;
    if (at < s) hi = mid - 1;
    else if (at > e) lo = mid + 1;
    else return true;
  }
  return false;
}

/** Inside a URL (`...?x=list%2Cname@host`, `:pserver:anon@cvs...`): not a contact. */
function inUrlOrPath(text: string, start: number): boolean {
  const c = text[start - 1];
  return c === '=' || c === ':' || c === '/' || (start >= 3 && text.slice(start - 3, start).toUpperCase() === '%2C');
}

/**
 * One organization's numbers count once: numbers that share a North American area code and
 * exchange (`+1 713 853 ....`) are the lines of one office (a signature's phone, fax and mobile
 * desk, a help desk's staff), not several people's private numbers. The 555 exchange is reserved
 * for fiction and directory service, so sharing it says nothing about an office.
 */
function phoneOwner(key: string): string {
  if (key.length === 12 && key.startsWith('+1') && key.slice(5, 8) !== '555') return key.slice(0, 8);
  return key;
}

/**
 * A bulk mailing (newsletter, list digest) says how to leave it. Its staff box and contact lines
 * are published for every subscriber, so they are not a private list being passed on.
 */
const BULK_MAIL = /\bunsubscribe\b|\bremoved? from (?:this|our|the) (?:mailing |e-?mail )?list\b|\bmanage (?:your )?(?:subscription|e-?mail preferences)\b|\bsubscriber information\b/i;

/** Words that tie street addresses to people: where they live, or a list of addresses. */
const HOME_WORDS = /\b(?:homes?|houses?|residences?|residential|lives?|living|personal|private|addresses|mailing)\b/i;

export interface ContactScan {
  phones: Span[];
  emails: Span[];
  streets: Span[];
  isList: boolean;
}

let memoText: string | undefined;
let memoScan: ContactScan | undefined;

/** Phones, e-mails, street addresses and whether the text is a contact list. Memoized for the last text (three detectors ask). */
export function scanContacts(text: string): ContactScan {
  if (memoText === text && memoScan) return memoScan;
  const phones = findPhones(text);
  const emails = findEmails(text);
  const streets = findStreetAddresses(text);
  const excluded = phones.length >= CONTACT_LIST_MIN || emails.length >= CONTACT_LIST_MIN ? excludedLines(text) : [];
  const phoneKeys = new Set<string>();
  for (const p of phones) if (!isExcluded(excluded, p.start)) phoneKeys.add(phoneOwner(p.key));
  const personal = new Set<string>();
  for (const e of emails) {
    if (isRoleAddress(e.key) || isExcluded(excluded, e.start) || inUrlOrPath(text, e.start)) continue;
    personal.add(e.key);
  }
  // Street addresses make a list of people's addresses only where the mail says so: venues,
  // shops and car parks have addresses too.
  const streetList = new Set(streets.map((s) => s.key)).size >= CONTACT_LIST_MIN && HOME_WORDS.test(text);
  const isList = (phoneKeys.size >= CONTACT_LIST_MIN || personal.size >= CONTACT_LIST_MIN || streetList) && !BULK_MAIL.test(text);
  memoText = text;
  memoScan = { phones, emails, streets, isList };
  return memoScan;
}
