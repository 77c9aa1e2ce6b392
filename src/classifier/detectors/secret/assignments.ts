/**
 * Finds "name → value" pairs where the name says the value is a credential:
 * `password = "…"`, `"api_key": "…"`, `DB_PASSWORD=…`, `<password>…</password>`,
 * `<add key="Password" value="…"/>`, `Authorization: Bearer …`, and in prose
 * `the password is …`, `pw: …`, `password for the drop is …`, `the password was reset, new one
 * is …`, and a user name with its password after a login word: `login is jdoe / …`.
 *
 * One left-to-right pass over identifier-like runs; everything after a name is
 * examined within a bounded window, so the scan is linear. The password and
 * generic-token detectors decide which pairs are real secrets.
 */
import { hasOrdinaryWordPart, isAlnum, isAsciiLetter, isSpaceOrTab } from './shared.js';

export type NameKind = 'password' | 'token' | 'api-key';

export interface Assignment {
  name: string;
  nameStart: number;
  nameEnd: number;
  kind: NameKind;
  /** The name alone is a weak hint (`key`, `auth`): demand a stronger value. */
  weak: boolean;
  value: string;
  valueStart: number;
  valueEnd: number;
  /** The value was quoted (`"…"`, `'…'`, backticks) or inside an XML element. */
  quoted: boolean;
  /** How the pair was written: code/config (`=`, `:`), prose (`is`), or with words between name and value. */
  style: 'config' | 'prose' | 'gap';
  /** The operator text (`=`, `:`, `is` …), for callers that care (ADO strings). */
  operator: string;
}

const MAX_NAME = 64;
const MAX_VALUE = 400;

/** Last name segment → kind. DATA. */
const SEGMENT_KIND: Record<string, NameKind> = {
  password: 'password', passwd: 'password', pwd: 'password', pw: 'password', pass: 'password',
  passcode: 'password', passphrase: 'password', pasword: 'password', passwort: 'password',
  passw: 'password', pword: 'password', passwrd: 'password', contrasena: 'password', 'contraseña': 'password',
  token: 'token', bearer: 'token', jwt: 'token', accesstoken: 'token', authtoken: 'token',
  apitoken: 'token', authorization: 'token',
  key: 'api-key', apikey: 'api-key', secret: 'api-key', secretkey: 'api-key', credential: 'api-key',
  credentials: 'api-key', auth: 'api-key', accesskey: 'api-key', privatekey: 'api-key', clientsecret: 'api-key',
  signingkey: 'api-key', masterkey: 'api-key',
};
/** Last segments that are weak on their own (need a qualifying earlier segment or a strong value). */
const WEAK_SEGMENTS = new Set(['key', 'auth', 'pass']);
/** Earlier segments that make `key` a strong hint. */
const STRONG_QUALIFIERS = new Set([
  'api', 'access', 'secret', 'private', 'client', 'auth', 'master', 'signing', 'account', 'app',
  'application', 'service', 'license', 'encryption', 'consumer', 'admin', 'server', 'subscription',
  'webhook', 'aws', 'azure', 'gcp', 'storage', 'shared', 'sas', 'session', 'bot', 'deploy', 'root',
]);
/** Any of these segments means the name is not about a secret value (`public_key`, `sort_key`, `token_url`). */
const EXCLUDED_SEGMENTS = new Set([
  'public', 'pub', 'publishable', 'primary', 'foreign', 'sort', 'partition', 'cache', 'idempotency',
  'row', 'unique', 'composite', 'lookup', 'index', 'hot', 'shortcut', 'map', 'dict', 'object', 'hash',
  'music', 'musical', 'piano', 'answer', 'ssh', 'gpg', 'pgp', 'fingerprint', 'ignore', 'skip', 'no',
  'forgot', 'reset', 'confirm', 'expired', 'invalid', 'wrong', 'incorrect', 'missing', 'min',
  'max', 'policy', 'field', 'input', 'label', 'hint', 'placeholder', 'type', 'length', 'boarding',
  'hall', 'bus', 'day', 'free', 'by', 'mountain', 'csrf', 'xsrf', 'one', 'time', 'authenticity',
]);

function splitSegments(name: string): string[] {
  const segs: string[] = [];
  let cur = '';
  for (let i = 0; i < name.length; i++) {
    const ch = name[i]!;
    const c = name.charCodeAt(i);
    if (c === 95 || c === 45 || c === 46 || c === 32) {
      if (cur) segs.push(cur);
      cur = '';
      continue;
    }
    const prev = i > 0 ? name.charCodeAt(i - 1) : 0;
    const next = i + 1 < name.length ? name.charCodeAt(i + 1) : 0;
    const isUpper = c >= 65 && c <= 90;
    const prevLower = prev >= 97 && prev <= 122;
    const prevUpper = prev >= 65 && prev <= 90;
    const nextLower = next >= 97 && next <= 122;
    if (isUpper && cur && (prevLower || (prevUpper && nextLower))) {
      segs.push(cur);
      cur = '';
    }
    cur += ch;
  }
  if (cur) segs.push(cur);
  return segs.map((s) => s.toLowerCase().replace(/[0-9]+$/, '')).filter((s) => s.length > 0);
}

export interface NameInfo {
  kind: NameKind;
  weak: boolean;
  /** A login word (`login`, `creds`): its value is a user name, and the password follows it after " / ". */
  pair?: boolean;
}

/** Last segments that name a user name and password written together ("login is jdoe / Xk9!…"). DATA. */
const PAIR_SEGMENTS = new Set(['login', 'logon', 'signin', 'creds', 'credentials', 'wifi']);

/** Classifies a key name by its last segment: `db_password` → password, `stripeKey` → api-key. */
export function classifyName(name: string): NameInfo | null {
  if (name.length === 0 || name.length > MAX_NAME) return null;
  const segs = splitSegments(name);
  if (segs.length === 0) return null;
  for (const s of segs) if (EXCLUDED_SEGMENTS.has(s)) return null;
  const last = segs[segs.length - 1]!;
  const pair = PAIR_SEGMENTS.has(last);
  if (pair && !SEGMENT_KIND[last]) return { kind: 'password', weak: false, pair };
  let kind = SEGMENT_KIND[last];
  if (!kind) {
    // Names written without separators: dbpassword, accesstoken, secretkey, myapikey.
    for (const suffix of ['password', 'passwd', 'token', 'secret', 'apikey', 'secretkey', 'accesskey']) {
      if (last.endsWith(suffix) && last.length > suffix.length) {
        kind = SEGMENT_KIND[suffix];
        break;
      }
    }
    if (!kind) return null;
  }
  let weak = WEAK_SEGMENTS.has(last);
  if (weak && segs.length > 1) {
    for (let i = 0; i < segs.length - 1; i++) if (STRONG_QUALIFIERS.has(segs[i]!)) weak = false;
    if (last === 'pass' && segs.some((s) => s === 'db' || s === 'user' || s === 'admin' || s === 'root' || s === 'smtp')) weak = false;
  }
  return pair ? { kind, weak, pair } : { kind, weak };
}

function isNameChar(c: number): boolean {
  return isAlnum(c) || c === 95 || c === 45 || c === 46;
}

function isQuote(c: number): boolean {
  return c === 34 || c === 39 || c === 96;
}

/** Operators accepted between a name and its value, longest first. DATA. */
const OPERATORS = [':::=', '::=', ':=', '=>', '->', '.=', '?=', '+=', '||=', '=', ':'];
/** Authorization schemes that may sit between the operator and the value. */
const AUTH_SCHEMES = ['Bearer ', 'bearer ', 'Basic ', 'basic ', 'Token ', 'token ', 'Api-Token ', 'Bot ', 'JWT ', 'Digest '];

const PROSE_VERBS = ['is', 'was', 'are', 'r', 'will be', 'has been', 'have been', 'of', 'changed to', 'set to', 'reset to', 'updated to', 'switched to'];
/** "was reset to", "has been changed to": a verb before these is part of them. */
const TO_VERBS = PROSE_VERBS.filter((v) => v.endsWith(' to'));

/** Words between a password name and a colon/verb that show the line is about something else. DATA. */
const GAP_STOP_WORDS = new Set([
  'manager', 'managers', 'policy', 'policies', 'reset', 'resets', 'hint', 'hints', 'requirement', 'requirements',
  'rule', 'rules', 'expiry', 'expires', 'expired', 'expiration', 'change', 'changed', 'changes', 'length',
  'strength', 'field', 'prompt', 'vault', 'protected', 'protection', 'complexity', 'history', 'age', 'format',
  'recovery', 'update', 'updated', 'updates', 'rotation', 'status', 'issue', 'issues', 'problem', 'problems',
]);

function skipSpaces(text: string, p: number, max = 12): number {
  const stop = Math.min(text.length, p + max);
  while (p < stop && isSpaceOrTab(text.charCodeAt(p))) p++;
  return p;
}

function matchWordAt(text: string, p: number, word: string): boolean {
  if (!text.startsWith(word, p) && text.slice(p, p + word.length).toLowerCase() !== word) return false;
  const after = text.charCodeAt(p + word.length);
  return !(isAlnum(after) || after === 95);
}

interface ValueSpan {
  start: number;
  end: number;
  quoted: boolean;
}

/** Reads a value at `p`: quoted up to the matching quote on the same line, or a run of non-space characters. */
function readValue(text: string, p: number): ValueSpan | null {
  if (p >= text.length) return null;
  const c = text.charCodeAt(p);
  if (isQuote(c)) {
    const stop = Math.min(text.length, p + 1 + MAX_VALUE);
    for (let j = p + 1; j < stop; j++) {
      const d = text.charCodeAt(j);
      if (d === 10 || d === 13) return null;
      if (d === c && text.charCodeAt(j - 1) !== 92) return j > p + 1 ? { start: p + 1, end: j, quoted: true } : null;
    }
    return null;
  }
  const stop = Math.min(text.length, p + MAX_VALUE);
  let j = p;
  while (j < stop) {
    const d = text.charCodeAt(j);
    if (d <= 32 || d === 0xa0 || d === 34 || d === 39 || d === 96 || d === 60 || d === 62 || d === 59 || d === 44) break;
    // An escaped line break or quote inside a string literal (`"A=x\\nB=y"`) ends the value.
    if (d === 92 && j + 1 < text.length && 'nrt"\''.includes(text[j + 1]!)) break;
    j++;
  }
  if (j === stop && j < text.length) return null; // longer than any credential we care about
  // Trailing sentence punctuation and unbalanced closers are not part of the value.
  let end = j;
  for (;;) {
    if (end <= p) break;
    const last = text.charCodeAt(end - 1);
    // One sentence-ending dot or a colon; an ellipsis stays so the value reads as elided.
    if ((last === 46 && text.charCodeAt(end - 2) !== 46) || last === 58) { end--; continue; }
    const opener = last === 41 ? '(' : last === 93 ? '[' : last === 125 ? '{' : '';
    if (opener && !text.slice(p, end - 1).includes(opener)) { end--; continue; }
    break;
  }
  if (end <= p) return null;
  return { start: p, end, quoted: false };
}

/** The value of an XML element `<name>value</name>` starting after `>` at `p`. */
function readElementValue(text: string, p: number): ValueSpan | null {
  const stop = Math.min(text.length, p + MAX_VALUE);
  let j = p;
  while (j < stop && text.charCodeAt(j) !== 60) j++;
  if (j >= stop) return null;
  let s = p;
  let e = j;
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  if (e <= s) return null;
  for (let k = s; k < e; k++) if (text.charCodeAt(k) === 10) return null;
  return { start: s, end: e, quoted: true };
}

/**
 * After the name (and an optional closing quote), finds the operator and the
 * value. Returns null when the name is not followed by a value.
 */
function valueAfterName(
  text: string,
  nameStart: number,
  nameEnd: number,
  kind: NameKind,
  /** Words may stand between name and value ("the API key you asked for: …"): passwords and strong key names. */
  gapAllowed = false,
  /** A login word: the password is the second of "user / password" (`paired`); for a login word alone, nothing. */
  pair = false,
): { v: ValueSpan; style: Assignment['style']; operator: string; paired?: true } | null {
  let p = nameEnd;
  const before = nameStart > 0 ? text.charCodeAt(nameStart - 1) : 0;
  // <password>value</password>
  if (before === 60 && text.charCodeAt(p) === 62) {
    const v = readElementValue(text, p + 1);
    return v ? { v, style: 'config', operator: '>' } : null;
  }
  if (isQuote(before) && text.charCodeAt(p) === before) p++;
  else if (text.charCodeAt(p) === 93 && before === 91) p++; // ["password"] handled by quote above; [password] ini-ish
  // <add key="Password" value="..."/>
  if (p > nameEnd) {
    const q = skipSpaces(text, p);
    if (text.startsWith('value=', q)) {
      const v = readValue(text, q + 6);
      return v && v.quoted ? { v, style: 'config', operator: 'value=' } : null;
    }
  }
  // setProperty("API_TOKEN", "value"), getenv("api_token", "default-value")
  if (p > nameEnd && text.charCodeAt(p) === 44) {
    const q = skipSpaces(text, p + 1);
    if (isQuote(text.charCodeAt(q))) {
      const v = readValue(text, q);
      return v ? { v, style: 'config', operator: ',' } : null;
    }
    return null;
  }
  p = skipSpaces(text, p);
  // A type between the name and the operator: `var apiToken string = "…"`, `token: str = "…"`.
  for (const t of ['string', 'String', 'str', '&str', 'char*']) {
    if (text.startsWith(t, p) && !isAlnum(text.charCodeAt(p + t.length))) {
      const q = skipSpaces(text, p + t.length);
      if (text.charCodeAt(q) === 61 || text.startsWith(':=', q)) p = q;
      break;
    }
  }
  let operator = '';
  for (const op of OPERATORS) {
    if (text.startsWith(op, p)) {
      operator = op;
      break;
    }
  }
  let style: Assignment['style'] = 'config';
  if (operator === '=' && text.charCodeAt(p + 1) === 61) return null; // comparison ==
  if (!operator) {
    if (p === nameEnd) {
      // "Bearer abc…" written without an operator.
      if (/^bearer$/i.test(text.slice(nameStart, nameEnd)) && text.charCodeAt(p) === 32) {
        const v = readValue(text, p + 1);
        return v ? { v, style: 'config', operator: ' ' } : null;
      }
      return null;
    }
    // "user jdoe password Xk9!lantern": a password right after its name, no operator. Only a
    // value that cannot be an ordinary word counts (the detector demands three character classes).
    if (kind === 'password' && p === nameEnd + 1 && text.charCodeAt(nameEnd) === 32) {
      const v = readValue(text, p);
      const second = pair && v ? secondOfPair(text, v.end) : null;
      if (second) return { v: second, style: 'gap', operator: ' ', paired: true };
      const s = v ? text.slice(v.start, v.end) : '';
      if (v && !pair && !v.quoted && !hasOrdinaryWordPart(s) && /[0-9]/.test(s) && /[A-Za-z]/.test(s) && /[^A-Za-z0-9]/.test(s)) {
        return { v, style: 'gap', operator: ' ' };
      }
    }
    // Prose: "password is X", "the token was X"; for passwords also "password for the sftp drop is X".
    let q = p;
    let words = 0;
    const stop = Math.min(text.length, p + 60);
    while (q < stop) {
      let verb = '';
      for (const w of PROSE_VERBS) if (matchWordAt(text, q, w)) { verb = w; break; }
      if (verb && verb !== 'of') {
        operator = verb;
        p = q + verb.length;
        const r = skipSpaces(text, p);
        for (const w of TO_VERBS) if (matchWordAt(text, r, w)) { operator = `${verb} ${w}`; p = r + w.length; verb = w; break; }
        // "changed to", "reset to" also take non-passwords ("reset to 90 days"): always the strict standard.
        style = words === 0 && !verb.endsWith(' to') ? 'prose' : 'gap';
        break;
      }
      if ((kind !== 'password' && !gapAllowed) || words >= 5) return null;
      // Skip one plain word and the spaces after it.
      let r = q;
      while (r < stop && (isAsciiLetter(text.charCodeAt(r)) || text.charCodeAt(r) === 45 || text.charCodeAt(r) === 39)) r++;
      if (r === q) {
        // A colon after the words also introduces the value: "password for the vendor portal: X".
        if (text.charCodeAt(q) === 58 && words > 0) {
          operator = ':';
          p = q + 1;
          style = 'gap';
          break;
        }
        return null;
      }
      if (words === 0 && GAP_STOP_WORDS.has(text.slice(q, r).toLowerCase())) return null;
      words++;
      q = r;
      if (!isSpaceOrTab(text.charCodeAt(q)) && text.charCodeAt(q) !== 58) return null;
      q = skipSpaces(text, q);
    }
    if (!operator) return null;
  } else {
    p += operator.length;
    if (operator === ':' && text.charCodeAt(p) === 58) return null; // C++ scope, IPv6
    if (operator === ':' || operator === '=') {
      // `: is`, `= was` are not operators of prose; fine as is.
    }
  }
  p = skipSpaces(text, p);
  // Optional words in prose after the verb: "the password is now X", "is: X".
  if (style !== 'config') {
    if (text.charCodeAt(p) === 58) p = skipSpaces(text, p + 1);
    for (const w of ['now', 'still', 'just', 'simply']) {
      if (matchWordAt(text, p, w)) {
        p = skipSpaces(text, p + w.length);
        break;
      }
    }
  }
  for (const scheme of AUTH_SCHEMES) {
    if (text.startsWith(scheme, p)) {
      p = skipSpaces(text, p + scheme.length);
      break;
    }
  }
  const v = readValue(text, p);
  if (!v) return null;
  if (pair) {
    const second = secondOfPair(text, v.end);
    if (second) return { v: second, style: 'gap', operator, paired: true };
    if (kind === 'password') return null; // "login: jsmith" names a user, not a password
  }
  return { v, style, operator };
}

/** The password of "user / password": the value after a slash with a space beside it, at `p` (the end of the user name). */
function secondOfPair(text: string, p: number): ValueSpan | null {
  const slash = skipSpaces(text, p, 3);
  if (text.charCodeAt(slash) !== 47) return null;
  const q = skipSpaces(text, slash + 1, 3);
  if (slash === p && q === slash + 1) return null; // "reports/Q3": a path, not a pair
  const v = text.charCodeAt(q) === 47 ? null : readValue(text, q);
  // "user / pw: X", "user / password X": a plain word is the password's own name, read next.
  return v && text.charCodeAt(v.end) !== 58 && !isPlainWord(text.slice(v.start, v.end)) ? v : null;
}

/** Letters only ("reset", "pw"): a word, never a password value. */
function isPlainWord(s: string): boolean {
  return /^[A-Za-z]+$/.test(s);
}

/**
 * "the password got reset, new one is X", "pw changed, the new one: X": the value after "new one" in the
 * rest of the name's sentence (80 characters at most), always held to the strict standard.
 */
function newOneValue(text: string, from: number): { v: ValueSpan; style: Assignment['style']; operator: string } | null {
  const window = text.slice(from, Math.min(text.length, from + 80));
  const k = window.toLowerCase().indexOf('new one');
  if (k < 0 || /[\n\r]|[.!?]\s/.test(window.slice(0, k))) return null;
  let p = from + k;
  if ((k > 0 && isAlnum(text.charCodeAt(p - 1))) || isAlnum(text.charCodeAt(p + 7))) return null; // "renew one", "new ones"
  p = skipSpaces(text, p + 7);
  let operator = '';
  if (text.charCodeAt(p) === 58 || text.charCodeAt(p) === 61) operator = text[p]!;
  else if (matchWordAt(text, p, 'is')) operator = 'is';
  else if (text.startsWith("'s", p) || text.startsWith('\u2019s', p)) operator = "'s";
  else return null;
  p = skipSpaces(text, p + operator.length);
  if (matchWordAt(text, p, 'now')) p = skipSpaces(text, p + 3);
  const v = readValue(text, p);
  return v ? { v, style: 'gap', operator } : null;
}

/** Credential words; a name without one of them is never looked at. */
const NAME_HINT_G = /pass|pasw|pw|secret|token|key|auth|bearer|cred|jwt|contrase|log[io]n|signin|wifi/gi;

// The password and generic detectors both read the pairs of the same text: keep the last result.
let lastText: string | undefined;
let lastResult: Assignment[] = [];

/** Every name/value pair in `text` whose name looks like a credential name. */
export function findAssignments(text: string): Assignment[] {
  if (text === lastText) return lastResult.map((a) => ({ ...a }));
  const result = scanAssignments(text);
  lastText = text;
  lastResult = result;
  return result.map((a) => ({ ...a }));
}

function scanAssignments(text: string): Assignment[] {
  const out: Assignment[] = [];
  const n = text.length;
  // Only runs that contain a credential word matter: let the regex engine find those words,
  // then widen each hit to its identifier run. Every character is visited a bounded number of times.
  let done = 0;
  NAME_HINT_G.lastIndex = 0;
  for (let m = NAME_HINT_G.exec(text); m; m = NAME_HINT_G.exec(text)) {
    const pos = m.index;
    if (pos < done) {
      NAME_HINT_G.lastIndex = done;
      continue;
    }
    let i = pos;
    while (i > done && pos - i <= MAX_NAME && isNameChar(text.charCodeAt(i - 1))) i--;
    let j = pos;
    while (j < n && j - i <= MAX_NAME && isNameChar(text.charCodeAt(j))) j++;
    if (j - i > MAX_NAME) {
      while (j < n && j - pos <= 4 * MAX_NAME && isNameChar(text.charCodeAt(j))) j++;
      done = j;
      NAME_HINT_G.lastIndex = j;
      continue;
    }
    // Leading dots and dashes are punctuation, not part of the name.
    while (i < j && (text.charCodeAt(i) === 46 || text.charCodeAt(i) === 45)) i++;
    if (i >= j) {
      NAME_HINT_G.lastIndex = pos + 1;
      continue;
    }
    // Trailing dots and dashes belong to the sentence, not the name.
    let nameEnd = j;
    while (nameEnd > i && (text.charCodeAt(nameEnd - 1) === 46 || text.charCodeAt(nameEnd - 1) === 45)) nameEnd--;
    let nameStart = i;
    let name = text.slice(nameStart, nameEnd);
    let info = classifyName(name);
    if (info && info.weak) {
      // "API key", "access token", "secret key": a qualifier written as a separate word.
      let k = nameStart - 1;
      if (k > 0 && isSpaceOrTab(text.charCodeAt(k))) {
        let s = k;
        while (s > 0 && s > k - 20 && isAlnum(text.charCodeAt(s - 1))) s--;
        if (s < k) {
          const joined = text.slice(s, nameEnd);
          const better = classifyName(joined);
          if (better && !better.weak) {
            info = better;
          }
        }
      }
    }
    // <add key="ClearTextPassword" value="…"/>: the real name is the quoted key.
    if (/^key$/i.test(name) && text.charCodeAt(nameEnd) === 61 && isQuote(text.charCodeAt(nameEnd + 1))) {
      const q = text.charCodeAt(nameEnd + 1);
      const rel = text.slice(nameEnd + 2, nameEnd + 2 + MAX_NAME).indexOf(String.fromCharCode(q));
      const close = rel < 0 ? -1 : nameEnd + 2 + rel;
      if (close > 0) {
        const inner = classifyName(text.slice(nameEnd + 2, close));
        const after = skipSpaces(text, close + 1);
        if (text.startsWith('value=', after)) {
          if (inner) {
            nameStart = nameEnd + 2;
            nameEnd = close;
            name = text.slice(nameStart, nameEnd);
            info = inner;
          } else {
            info = null; // key="some.setting" value="…": the quoted text is a setting name, not a key
          }
        }
      }
    }
    if (info) {
      let found = valueAfterName(text, nameStart, nameEnd, info.kind, !info.weak, info.pair);
      // Nothing, or a plain word ("was reset"), after a password name: the value may come as "new one is …".
      if (info.kind === 'password' && !info.pair && (!found || isPlainWord(text.slice(found.v.start, found.v.end)))) {
        found = newOneValue(text, found ? found.v.end : nameEnd) ?? found;
      }
      if (found) {
        out.push({
          name,
          nameStart,
          nameEnd,
          kind: 'paired' in found ? 'password' : info.kind,
          weak: info.weak,
          value: text.slice(found.v.start, found.v.end),
          valueStart: found.v.start,
          valueEnd: found.v.end,
          quoted: found.v.quoted,
          style: found.style,
          operator: found.operator,
        });
        done = Math.max(j, found.v.end);
        NAME_HINT_G.lastIndex = done;
        continue;
      }
    }
    done = j;
    NAME_HINT_G.lastIndex = j;
  }
  return out;
}
