/**
 * Passwords written out with their value: `password = "…"`, `pwd: …`,
 * `"password": "…"`, `<add key="Password" value="…"/>`, "the password is …",
 * "pw: …", and `curl -u user:password`.
 *
 * Not reported: the bare word, reset notices and policies ("your password must
 * be 12 characters"), code that reads a variable (`password = os.environ[…]`,
 * `$DB_PASS`, `${…}`), placeholders (`<your-password>`, `changeme`, `xxxx`,
 * `****`, `example`, `redacted`) and masked values.
 *
 * Decision on `changeme` and friends: treated as placeholders. They are
 * default values in documentation far more often than real passwords, and a
 * real password that weak is better caught by the organization's password
 * policy than by a mail warning.
 */
import type { Detector, Hit, Severity } from '../../types.js';
import { findAssignments } from './assignments.js';
import { isKnownKey } from './known-keys.js';
import { findJwts } from './jwt.js';
import {
  PASSWORD_SUGGESTION,
  charClasses,
  hasOrdinaryWordPart,
  isPlaceholder,
  isSpaceOrTab,
  isVariableReference,
  secretHit,
} from './shared.js';
import { lineEndOf, lineStartOf } from '../lines.js';

const MIN_LENGTH = 6;

/** Keys that mark an ADO-style connection string (`Server=…;Password=…`), reported by the connection-string detector. */
export const ADO_CONTEXT = /(?:^|;)\s*(?:server|data source|host|address|addr|uid|user id|user|username|initial catalog|database|accountname|endpoint|port)\s*=/i;

/** A plain dictionary-looking word ("reset", "Changed", "required"): not a password value in prose. */
function isPlainWord(v: string): boolean {
  return /^[A-Z]?[a-z]+(?:[/-][A-Za-z]+)*$/.test(v) || /^[A-Z]+$/.test(v);
}

/** How convincing `value` is as a password, or null when it is not one. */
export function passwordStrength(value: string, quoted: boolean, style: 'config' | 'prose' | 'gap'): Severity | null {
  if (value.length < MIN_LENGTH || value.length > 128) return null;
  if (/\s/.test(value)) return null;
  if (isPlaceholder(value) || isVariableReference(value, quoted)) return null;
  if (value.includes('//') || value.startsWith('/')) return null; // a URL or a path; URLs with credentials are the connection-string detector's
  const cls = charClasses(value);
  if (style !== 'config' || !quoted) {
    if (isPlainWord(value)) return null;
    if (/^[0-9]+$/.test(value) && style !== 'config') return null; // "password is 2024" reads like a year or count
    if (cls.count < 2) return null;
  }
  if (style === 'gap') {
    // "password for the sftp drop is X": words in between make it weaker evidence; demand a strong value.
    if (cls.count < 3 || value.length < 8) return null;
    if (hasOrdinaryWordPart(value)) return null;
    return 'medium';
  }
  if (cls.count >= 2 && value.length >= 8) return 'high';
  return 'medium';
}

function curlUserPasswords(text: string, out: Hit[]): void {
  // `curl … -u user:password` / `--user "user:password"`
  let from = 0;
  for (;;) {
    const i = text.indexOf('curl ', from);
    if (i < 0) return;
    from = i + 5;
    // Look for -u / --user on the same logical command (up to 600 characters, continuing over `\` line ends).
    const stop = Math.min(text.length, i + 600);
    let p = i + 4;
    while (p < stop) {
      const c = text.charCodeAt(p);
      if (c === 10 && text.charCodeAt(p - 1) !== 92) break;
      let flagEnd = -1;
      if (text.startsWith(' -u', p) && (isSpaceOrTab(text.charCodeAt(p + 3)) || text.charCodeAt(p + 3) === 34 || text.charCodeAt(p + 3) === 39)) flagEnd = p + 3;
      else if (text.startsWith(' --user', p) && (isSpaceOrTab(text.charCodeAt(p + 7)) || text.charCodeAt(p + 7) === 61)) flagEnd = p + 7;
      if (flagEnd < 0) {
        p++;
        continue;
      }
      let q = flagEnd;
      while (q < stop && (isSpaceOrTab(text.charCodeAt(q)) || text.charCodeAt(q) === 61)) q++;
      // The credential runs to the next space outside quotes.
      let e = q;
      let quote = 0;
      while (e < stop) {
        const d = text.charCodeAt(e);
        if (quote) {
          if (d === quote) quote = 0;
        } else if (d === 34 || d === 39) quote = d;
        else if (d <= 32) break;
        e++;
      }
      const raw = text.slice(q, e);
      const bare = raw.replace(/["']/g, '');
      if (/[<[]/.test(bare)) {
        p = Math.max(e, p + 1);
        continue; // <user:password>, [PASSWORD]: documentation
      }
      const colon = bare.indexOf(':');
      if (colon >= 0) {
        const user = bare.slice(0, colon);
        const pass = bare.slice(colon + 1).replace(/^\{|\}$/g, '');
        // `-u ":secret"` / `-u "token:"`: one side empty means the other one is the secret.
        const secret = pass.length > 0 ? pass : user;
        const clean = !/\$[A-Za-z_{(]/.test(bare) && !isPlaceholder(secret) && !isVariableReference(secret, true) && !/^\[|\]$/.test(secret);
        const ok = clean && secret.length >= MIN_LENGTH && (charClasses(secret).count >= 2 || secret.length >= 12);
        if (ok && q < e) {
          out.push(
            secretHit(
              'password',
              'high',
              q,
              e,
              'This command contains a user name and password: anyone who reads this mail can log in with them.',
              PASSWORD_SUGGESTION,
            ),
          );
        }
      }
      p = Math.max(e, p + 1);
    }
    from = Math.max(from, p);
  }
}

/** Dial-in conference passcodes and PINs ("passcode: 7012645#") are shared on purpose: not reported. */
function isDialInCode(name: string, value: string): boolean {
  return /passcode|pin|access.?code|participant|conference/i.test(name) && /^[0-9]{3,12}#?$/.test(value);
}

/**
 * Bundler keeps credentials for a private gem source in `BUNDLE_<HOST>__<TLD>=user:password`
 * (for example the Sidekiq Pro/Enterprise sources). The span is the `user:password` pair.
 */
const BUNDLE_CREDENTIAL = /BUNDLE_[A-Z0-9_]{1,100}__[A-Z]{2,20}[ \t]{0,4}[:=][ \t]{0,4}["']?([A-Za-z0-9._~%+-]{1,100}:[^\s"';&]{1,200})/y;

function bundlerCredentials(text: string, out: Hit[]): void {
  let from = 0;
  for (;;) {
    const i = text.indexOf('BUNDLE_', from);
    if (i < 0) return;
    from = i + 7;
    BUNDLE_CREDENTIAL.lastIndex = i;
    const m = BUNDLE_CREDENTIAL.exec(text);
    if (!m) continue;
    const cred = m[1]!;
    const pass = cred.slice(cred.indexOf(':') + 1);
    if (pass.length < 6 || isPlaceholder(pass) || isVariableReference(pass, true)) continue;
    const start = BUNDLE_CREDENTIAL.lastIndex - cred.length;
    out.push(
      secretHit(
        'password',
        'high',
        start,
        BUNDLE_CREDENTIAL.lastIndex,
        'This is a user name and password for a private package source: anyone who reads this mail can download (and sometimes publish) with it.',
        PASSWORD_SUGGESTION,
      ),
    );
    from = BUNDLE_CREDENTIAL.lastIndex;
  }
}

export const passwordDetector: Detector = {
  id: 'secret/password',
  detect(text: string): Hit[] {
    const out: Hit[] = [];
    for (const a of findAssignments(text)) {
      if (a.kind !== 'password') continue;
      if (a.operator === '=' && !a.quoted) {
        const ls = lineStartOf(text, a.nameStart, 300);
        const le = lineEndOf(text, a.valueEnd, 300);
        if (ADO_CONTEXT.test(text.slice(ls, le)) && text.slice(ls, le).includes(';')) continue;
      }
      if (isKnownKey(a.value)) continue; // reported by known-keys with a better message
      if (isDialInCode(a.name, a.value)) continue;
      if (findJwts(a.value).length > 0) continue;
      const sev = passwordStrength(a.value, a.quoted, a.style);
      if (!sev) continue;
      out.push(
        secretHit(
          'password',
          sev,
          a.valueStart,
          a.valueEnd,
          'This looks like a password written out in full: anyone who reads this mail (or its forwards) can use it.',
          PASSWORD_SUGGESTION,
        ),
      );
    }
    curlUserPasswords(text, out);
    bundlerCredentials(text, out);
    out.sort((x, y) => x.start - y.start);
    return out;
  },
};
