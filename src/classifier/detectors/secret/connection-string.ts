/**
 * Connection strings that carry a password:
 *  - URLs with credentials, `scheme://user:password@host…` (postgres, mysql,
 *    mongodb+srv, redis, amqp, smtp, ftp, https, …). The span is the
 *    `user:password` part: together they let anyone in.
 *  - ADO/ODBC/Azure style `Server=…;User Id=…;Password=…;` and
 *    `AccountKey=…` / `SharedAccessKey=…`. The span is the secret value.
 * Not reported when the password part is a placeholder or a variable
 * (`user:<password>@`, `:${DB_PASS}@`, `user:****@`).
 */
import type { Detector, Hit, Severity } from '../../types.js';
import { charClasses, isAlnum, isAsciiLetter, isPlaceholder, isVariableReference, secretHit } from './shared.js';

/** Schemes whose URLs are worth a warning when they carry a password. DATA (others count as generic URLs). */
export const DATABASE_SCHEMES = new Set([
  'postgres', 'postgresql', 'mysql', 'mariadb', 'mongodb', 'mongodb+srv', 'redis', 'rediss', 'amqp', 'amqps',
  'mssql', 'sqlserver', 'oracle', 'jdbc', 'cockroachdb', 'clickhouse', 'neo4j', 'bolt', 'couchdb', 'cassandra',
  'elasticsearch', 'memcached', 'nats', 'kafka', 'mqtt', 'ldap', 'ldaps', 'smtp', 'smtps', 'imap', 'imaps',
  'pop3', 'ftp', 'ftps', 'sftp', 'ssh', 'svn', 'git', 'rsync', 'snowflake', 'db2', 'sybase',
]);

/** ADO-style keys whose value is a secret. DATA. */
const ADO_SECRET_KEYS: readonly { key: string; description: string }[] = [
  { key: 'password', description: 'database password' },
  { key: 'pwd', description: 'database password' },
  { key: 'accountkey', description: 'storage account key' },
  { key: 'sharedaccesskey', description: 'shared access key' },
  { key: 'sharedaccesssignature', description: 'shared access signature' },
];
/** Keys that show a `k=v;k=v` string really is a connection string. */
const ADO_CONTEXT_KEYS = [
  'server', 'data source', 'host', 'address', 'uid', 'user id', 'userid', 'username', 'user', 'initial catalog',
  'database', 'accountname', 'endpoint', 'defaultendpointsprotocol', 'port', 'driver', 'dsn', 'provider',
];

const MAX_AUTHORITY = 300;

function isSchemeChar(c: number): boolean {
  return isAlnum(c) || c === 43 || c === 46 || c === 45;
}

function urlCredentials(text: string, out: Hit[]): void {
  let from = 0;
  for (;;) {
    const i = text.indexOf('://', from);
    if (i < 0) return;
    from = i + 3;
    // Scheme: letters, digits, + . - before "://" (bounded).
    let s = i;
    while (s > 0 && i - s < 24 && isSchemeChar(text.charCodeAt(s - 1))) s--;
    if (s === i || !isAsciiLetter(text.charCodeAt(s))) continue;
    let scheme = text.slice(s, i).toLowerCase();
    if (scheme.startsWith('jdbc:')) scheme = 'jdbc';
    // Authority: up to the first / ? # or whitespace; credentials end at the last @ inside it.
    const a0 = i + 3;
    const stop = Math.min(text.length, a0 + MAX_AUTHORITY);
    let at = -1;
    let colon = -1;
    let e = a0;
    for (; e < stop; e++) {
      const c = text.charCodeAt(e);
      // A `#` after "user:" is taken as part of a password typed unencoded ("admin:Tb9#kL@db"); before it, a fragment.
      if (c === 35 && colon >= 0 && at < 0) continue;
      if (c <= 32 || c === 47 || c === 63 || c === 35 || c === 34 || c === 39 || c === 60 || c === 62 || c === 96) break;
      if (c === 64) at = e;
      else if (c === 58 && at < 0 && colon < 0) colon = e;
    }
    if (at < 0 || colon < 0 || colon > at) continue;
    // A host must follow the @.
    if (at + 1 >= text.length || !isAlnum(text.charCodeAt(at + 1))) continue;
    const user = text.slice(a0, colon);
    const pass = text.slice(colon + 1, at);
    let password = pass;
    try {
      password = decodeURIComponent(pass);
    } catch {
      /* keep raw */
    }
    if (password.length < 3) continue;
    if (isPlaceholder(password) || isVariableReference(password) || /[<>{}$%]/.test(pass.replace(/%[0-9A-Fa-f]{2}/g, ''))) continue;
    if (user.length > 0 && /^[<{[$]/.test(user)) continue;
    const cls = charClasses(password);
    const known = DATABASE_SCHEMES.has(scheme) || DATABASE_SCHEMES.has(scheme.split('+')[0]!);
    const severity: Severity = password.length >= 8 && cls.count >= 2 ? 'high' : 'medium';
    out.push(
      secretHit(
        'connection-string',
        severity,
        a0,
        at,
        known
          ? `This ${scheme} address contains a user name and password: anyone who reads this mail can connect with them.`
          : 'This link contains a user name and password: anyone who reads this mail can sign in with them.',
        'Remove the password from the address, change it, and share credentials through your password manager.',
      ),
    );
    from = at + 1;
  }
}

const ADO_SECRET_RE = new RegExp(`(?:${ADO_SECRET_KEYS.map((k) => k.key).join('|')})[ \\t]?=`, 'gi');
const ADO_CONTEXT_RE = new RegExp(`(?:^|[^A-Za-z])(?:${ADO_CONTEXT_KEYS.join('|')})[ \\t]?=`, 'gi');
/** How far from the secret another connection-string key may be. */
const ADO_WINDOW = 300;

function adoStrings(text: string, out: Hit[]): void {
  // Every key above ends in "=": text without one (most mail) has no connection string of this kind.
  if (text.indexOf('=') < 0) return;
  // Where the context keys are (one regex pass), so each secret key checks its window in O(1) amortized.
  const context: number[] = [];
  ADO_CONTEXT_RE.lastIndex = 0;
  for (let m = ADO_CONTEXT_RE.exec(text); m; m = ADO_CONTEXT_RE.exec(text)) context.push(m.index);
  if (context.length === 0) return;
  let ci = 0;
  ADO_SECRET_RE.lastIndex = 0;
  for (let m = ADO_SECRET_RE.exec(text); m; m = ADO_SECRET_RE.exec(text)) {
    const k = m.index;
    const eq = k + m[0].length - 1;
    const key = m[0].slice(0, -1).trim().toLowerCase();
    const spec = ADO_SECRET_KEYS.find((x) => x.key === key);
    if (!spec) continue;
    // The key starts an item: after `;`, a line break, a quote, a space or the start of the text.
    const prev = k > 0 ? text.charCodeAt(k - 1) : 10;
    if (!(prev === 59 || prev === 10 || prev === 13 || prev === 34 || prev === 39 || prev === 32 || prev === 9)) continue;
    // Value: up to ';', quote, or whitespace (bounded); `{…}` quoting as ODBC allows.
    let v0 = eq + 1;
    const quote = text.charCodeAt(v0) === 123 /* { */ ? 125 : 0;
    if (quote) v0++;
    let v1 = v0;
    const stop = Math.min(text.length, v0 + 400);
    while (v1 < stop) {
      const c = text.charCodeAt(v1);
      if (quote ? c === quote : c === 59 || c <= 32 || c === 34 || c === 39) break;
      v1++;
    }
    const value = text.slice(v0, v1);
    if (value.length < 3 || isPlaceholder(value) || isVariableReference(value)) continue;
    // A `k=v;` list: a ';' right before the key or right after the value…
    const after = text.charCodeAt(quote ? v1 + 1 : v1);
    if (prev !== 59 && after !== 59) continue;
    // …and another connection-string key nearby.
    while (ci < context.length && context[ci]! < k - ADO_WINDOW) ci++;
    if (ci >= context.length || context[ci]! > v1 + ADO_WINDOW) continue;
    out.push(
      secretHit(
        'connection-string',
        value.length >= 8 ? 'high' : 'medium',
        v0,
        v1,
        `This connection string contains a ${spec.description}: anyone who reads this mail can connect with it.`,
        'Remove the secret from the connection string, rotate it, and share it through your secrets manager.',
      ),
    );
    ADO_SECRET_RE.lastIndex = Math.max(ADO_SECRET_RE.lastIndex, v1);
  }
}

export const connectionStringDetector: Detector = {
  id: 'secret/connection-string',
  detect(text: string): Hit[] {
    const out: Hit[] = [];
    urlCredentials(text, out);
    adoStrings(text, out);
    out.sort((a, b) => a.start - b.start);
    return out;
  },
};
