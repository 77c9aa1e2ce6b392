/**
 * Small helpers shared by the secret detectors: character classes, entropy,
 * placeholder and variable-reference checks, a base64url decoder, and the hit
 * builder. Pure TypeScript: no Node APIs, no atob.
 */
import type { Hit, Severity } from '../../types.js';
import { isAsciiAlnumCode as isAlnum, isAsciiLetterCode as isAsciiLetter, isDigitCode as isDigit } from '../pii/common.js';
import { SUGGESTIONS } from '../../suggestions.js';

export type SecretRule = 'api-key' | 'private-key' | 'password' | 'token' | 'connection-string';

export const REVOKE_SUGGESTION = SUGGESTIONS ? 'Revoke it and share secrets through your password manager, not by email.' : undefined;
export const PASSWORD_SUGGESTION = SUGGESTIONS ? 'Change this password and share it through your password manager instead of email.' : undefined;

export function secretHit(
  rule: SecretRule,
  severity: Severity,
  start: number,
  end: number,
  message: string,
  suggestion: string | undefined = REVOKE_SUGGESTION,
): Hit {
  return { category: 'secret', rule, severity, start, end, message, suggestion };
}

/** A value built around an ordinary lower-case word ("2FA-enabled", "v2-format", "utf-8-strict"): prose, not a password. */
export function hasOrdinaryWordPart(value: string): boolean {
  return /(?:^|[-_/])[a-z]{4,}(?:$|[-_/])/.test(value);
}

// The character classes every detector shares (pii/common.ts), under the names secret detectors use.
export { isAlnum, isAsciiLetter, isDigit };
export function isSpaceOrTab(c: number): boolean {
  return c === 32 || c === 9;
}

/** Shannon entropy in bits per character. */
export function shannonEntropy(s: string): number {
  if (s.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const ch of s) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let h = 0;
  const n = s.length;
  for (const k of counts.values()) {
    const p = k / n;
    h -= p * Math.log2(p);
  }
  return h;
}

export interface CharClasses {
  lower: boolean;
  upper: boolean;
  digit: boolean;
  symbol: boolean;
  count: number;
}
export function charClasses(s: string): CharClasses {
  let lower = false, upper = false, digit = false, symbol = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 97 && c <= 122) lower = true;
    else if (c >= 65 && c <= 90) upper = true;
    else if (isDigit(c)) digit = true;
    else symbol = true;
  }
  return { lower, upper, digit, symbol, count: +lower + +upper + +digit + +symbol };
}

const UUID_RE = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
export function isUuid(s: string): boolean {
  return s.length === 36 && UUID_RE.test(s);
}
export function isHex(s: string): boolean {
  return /^[0-9a-fA-F]+$/.test(s);
}

/** Words that, as the whole value, mean "no real value here". */
const PLACEHOLDER_VALUES = new Set([
  'password', 'passwd', 'pass', 'pwd', 'secret', 'token', 'apikey', 'api_key', 'key', 'null', 'nil',
  'none', 'undefined', 'true', 'false', 'empty', 'changeme', 'change_me', 'example', 'sample',
  'test', 'testing', 'default', 'dummy', 'redacted', 'removed', 'hidden', 'masked', 'placeholder',
  'required', 'optional', 'string', 'str', 'value', 'tbd', 'todo', 'n/a', 'na', 'mypassword',
  'yourpassword', 'password123', 'secret123', 'foobar', 'foo', 'bar', 'baz', 'qwerty', 'letmein',
  'username', 'user', 'login', 'unknown', 'notset', 'not_set', 'sensitive', 'omitted',
]);

/** Fragments that mark a documentation value (`<your-token>`, `YOUR_API_KEY_HERE`, `my-secret-example`). */
const PLACEHOLDER_FRAGMENTS = [
  'your', 'here', 'example', 'sample', 'dummy', 'redacted', 'placeholder', 'changeme', 'change_me',
  'change-me', 'replace', 'insert', 'xxxx', '****', '••••', '....', '…', 'secret_key_base',
  'enter_', 'put_', 'goes_', '_goes', 'fill_in', 'fillme', 'notreal', 'not_real', 'not-real', '...',
];

/** True when the value holds a documentation fragment (`your`, `here`, `example`, `xxxx`...). */
export function hasPlaceholderWord(value: string): boolean {
  const v = value.toLowerCase();
  return PLACEHOLDER_FRAGMENTS.some((f) => v.includes(f));
}

/**
 * True when a candidate value is a placeholder, a mask or an empty slot rather
 * than a real credential. Deliberately broad: a missed placeholder costs a
 * false alarm on the very mail that explains how to configure things.
 */
export function isPlaceholder(value: string): boolean {
  const v = value.toLowerCase();
  if (v.length === 0) return true;
  // Trim spaces and quotes by hand (a regex with `+$` would backtrack over long inner runs).
  let a = 0;
  let b = v.length;
  while (a < b && /[\s"'`]/.test(v[a]!)) a++;
  while (b > a && /[\s"'`]/.test(v[b - 1]!)) b--;
  const bare = v.slice(a, b);
  if (bare.length === 0) return true;
  if (PLACEHOLDER_VALUES.has(bare)) return true;
  if (hasPlaceholderWord(v)) return true;
  // Enclosed in markers: <...>, [...], {...}, %...%, __...__
  const first = bare.charCodeAt(0);
  const last = bare.charCodeAt(bare.length - 1);
  if ((first === 60 && last === 62) || (first === 91 && last === 93) || (first === 123 && last === 125)) return true;
  if (first === 37 && last === 37 && bare.length > 2) return true;
  if (bare.startsWith('__') && bare.endsWith('__')) return true;
  // Masks: mostly x/X/* or one repeated character.
  let maskish = 0;
  const counts = new Map<number, number>();
  for (let i = 0; i < bare.length; i++) {
    const c = bare.charCodeAt(i);
    if (c === 120 || c === 42 || c === 0x2022 || c === 35 /* # */) maskish++;
    counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  if (maskish * 2 >= bare.length) return true;
  let maxRepeat = 0;
  for (const k of counts.values()) if (k > maxRepeat) maxRepeat = k;
  if (bare.length >= 4 && counts.size <= 2) return true;
  if (bare.length >= 8 && maxRepeat / bare.length > 0.6) return true;
  // Sequential demo values: 123456..., abcdef..., klmnop..., and long runs of one character.
  let asc = 1;
  let same = 1;
  for (let i = 1; i < bare.length; i++) {
    const d = bare.charCodeAt(i) - bare.charCodeAt(i - 1);
    asc = d === 1 && isAlnum(bare.charCodeAt(i)) ? asc + 1 : 1;
    // Runs of `a`/`A`/`0`/`=` occur naturally in base64 of binary data (zero bytes); other long runs are typed by hand.
    same = d === 0 && !'a0='.includes(v[i]!) ? same + 1 : 1;
    if (asc >= 6 || same >= 6) return true;
  }
  if (/qwerty|asdfgh/.test(bare)) return true;
  // A bracketed word inside: [IP], <HOST>, {PASSWORD}
  if (/[<[{][A-Za-z_ -]{2,30}[>\]}]/.test(bare)) return true;
  return false;
}

/**
 * True when the "value" is code or templating that refers to a secret kept
 * elsewhere: `$DB_PASS`, `${API_KEY}`, `{{ .Values.password }}`,
 * `os.environ["X"]`, `process.env.X`, `var.db_password`, `getPassword()`.
 */
export function isVariableReference(value: string, quoted = false): boolean {
  const v = value.trim();
  if (v.length === 0) return true;
  if (quoted) {
    // Inside a string literal only templating refers elsewhere: "${DB_PASS}", "{{ .Values.x }}", "%DB_PASS%", "$DB_PASS".
    return /^\$[A-Za-z_{(]/.test(v) || v.includes('${') || v.includes('{{') || v.includes('#{') || /^%[A-Za-z_]+%$/.test(v);
  }
  const c = v.charCodeAt(0);
  if (c === 36 /* $ */ || c === 64 /* @ */ && v.length > 1 && isAsciiLetter(v.charCodeAt(1)) && !/[^A-Za-z0-9_.]/.test(v)) return true;
  if (v.includes('${') || v.includes('{{') || v.includes('$(') || v.includes('#{') || v.includes('%(')) return true;
  if (/^(?:process\.env|os\.environ|os\.getenv|env\[|ENV\[|System\.getenv|getenv|Environment\.|config\.|settings\.|self\.|this\.|secrets\.|vars?\.|params\.|args?\.|input\.|options\.|request\.|req\.)/.test(v)) return true;
  // A call or an index: identifier followed by ( or [
  if (/^[A-Za-z_][A-Za-z0-9_.]*[([]/.test(v)) return true;
  // Dotted identifier path: a.b.c (but not a token that merely contains a dot, like s.ZC9Ecf4M5g9o34Q6)
  if (/^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)+$/.test(v) && !v.split('.').some((seg) => seg.length >= 12 && /[0-9]/.test(seg))) return true;
  // CONSTANT_NAME (an environment variable or constant), snake_case or camelCase name
  // that itself names a secret (db_password, apiToken).
  if (/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(v)) return true;
  if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(v) && /pass|pwd|secret|token|key|cred|auth/i.test(v) && !/\d/.test(v)) return true;
  return false;
}

/** Decodes base64 or base64url (padding optional). Returns null on invalid input. */
export function decodeBase64Url(s: string): string | null {
  let bits = 0;
  let acc = 0;
  let out = '';
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === 61 /* = */) end--;
  if (s.length - end > 2) return null;
  for (let i = 0; i < end; i++) {
    const c = s.charCodeAt(i);
    let v: number;
    if (c >= 65 && c <= 90) v = c - 65;
    else if (c >= 97 && c <= 122) v = c - 71;
    else if (c >= 48 && c <= 57) v = c + 4;
    else if (c === 45 || c === 43) v = 62;
    else if (c === 95 || c === 47) v = 63;
    else return null;
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += String.fromCharCode((acc >> bits) & 0xff);
      acc &= (1 << bits) - 1;
    }
  }
  if (end % 4 === 1) return null;
  return out; // Latin-1 view of the bytes: enough to look for JSON punctuation and ASCII keys.
}
