/**
 * Generic credentials: a random-looking value next to a name that says it is a
 * key or token (`api_key`, `client_secret`, `auth_token`, `Authorization:
 * Bearer …`), for services whose keys have no recognisable prefix.
 *
 * A value counts when it is long enough, mixes character classes and has high
 * Shannon entropy. Not reported: UUIDs and hex digests under weak names (ids,
 * commit hashes, checksums), base64 images, URLs, file paths, placeholders,
 * variable references, and values another secret detector already reports
 * (known key formats, JWTs, passwords).
 *
 * A few formats only make sense with their name (an AWS secret access key is
 * 40 base64 characters, like many other things); they are DATA in
 * CONTEXT_FORMATS and raise the severity to high.
 */
import type { Detector, Hit, Severity } from '../../types.js';
import { findAssignments, type Assignment } from './assignments.js';
import { isKnownKey } from './known-keys.js';
import { findJwts } from './jwt.js';
import { charClasses, decodeBase64Url, isHex, isPlaceholder, isUuid, isVariableReference, secretHit, shannonEntropy } from './shared.js';

export interface ContextFormat {
  id: string;
  rule: 'api-key' | 'token';
  /** Tested against the key name. */
  name: RegExp;
  /** Tested against the whole value. Bounded. */
  shape: RegExp;
  description: string;
}

export const CONTEXT_FORMATS: readonly ContextFormat[] = [
  { id: 'aws-secret-access-key', rule: 'api-key', name: /aws.{0,12}secret|secret.?access.?key/i, shape: /^[A-Za-z0-9/+]{40}$/, description: 'AWS secret access key' },
  { id: 'azure-storage-key', rule: 'api-key', name: /account.?key|storage.?key|shared.?access.?key/i, shape: /^[A-Za-z0-9/+]{86}==$/, description: 'Azure storage account key' },
  { id: 'twilio-auth-token', rule: 'token', name: /twilio/i, shape: /^[a-f0-9]{32}$/, description: 'Twilio auth token' },
  { id: 'heroku-api-key', rule: 'api-key', name: /heroku/i, shape: /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/, description: 'Heroku API key' },
  { id: 'google-client-secret', rule: 'api-key', name: /client.?secret/i, shape: /^[A-Za-z0-9_-]{24,64}$/, description: 'OAuth client secret' },
];

/** Characters a key or token is made of. Anything else (spaces, quotes, brackets) means prose or code. */
const TOKEN_VALUE = /^[A-Za-z0-9_\-+/=.~:%]+$/;
/** Pre-shared keys and client secrets chosen by people also use these; then three character classes are required. */
const TOKEN_VALUE_WIDE = /^[A-Za-z0-9_\-+/=.~:%!#$&*@^]+$/;
const FILE_EXT = /\.(?:json|ya?ml|pem|key|crt|cer|txt|env|cfg|conf|ini|xml|js|ts|py|rb|go|sh|png|jpe?g|gif|svg|pdf|html?|csv|log|zip|gz)$/i;

/** Value verdict: severity or null. */
export function genericStrength(a: Pick<Assignment, 'value' | 'weak' | 'name' | 'kind' | 'quoted'>): Severity | null {
  const v = a.value;
  const strong = !a.weak;
  const min = strong ? 12 : 20;
  if (v.length < min || v.length > 400) return null;
  if (!TOKEN_VALUE.test(v) && !(TOKEN_VALUE_WIDE.test(v) && charClasses(v).count >= 3 && !v.startsWith('$'))) return null;
  if (isPlaceholder(v) || isVariableReference(v, a.quoted)) return null;
  if (v.includes('://') || v.startsWith('/') || v.startsWith('./') || FILE_EXT.test(v)) return null;
  if (v.includes(';base64,') || v.startsWith('data:')) return null;
  if (/^[0-9]+$/.test(v)) {
    // Numeric ids are not secrets; a long random run of digits under a strong name (a token, a secret) is.
    return strong && v.length >= 24 && shannonEntropy(v) >= 2.8 ? 'medium' : null;
  }
  if (/^[0-9.:\-]+$/.test(v)) return null; // versions, dates, times, IPs
  if (isUuid(v) && !strong) return null;
  if (isHex(v) && [32, 40, 64, 128].includes(v.length) && !strong) return null; // digests, commit hashes
  // A dotted or dashed run of words (`com.example.app`, `my-bucket-name-prod`) is a name, not a key.
  if (/^[a-z]+(?:[._-][a-z0-9]+)+$/.test(v) && !/[0-9]/.test(v.replace(/[._-][0-9]+$/, ''))) return null;
  const cls = charClasses(v);
  const letters = cls.lower || cls.upper;
  if (!letters) return null;
  if (cls.count < 2) return null;
  const h = shannonEntropy(v);
  // Threshold grows with length up to 3.5 bits/char (random base36 of length 16 scores ~3.7).
  // Hex has only 16 symbols: random hex of length 16 scores 3.2 on average and under 3.0 one time
  // in seven, so a strong name takes hex down to about the score 99% of random hex values reach
  // (simulated: length 12 -> 2.36, 16 -> 2.66, 20 -> 2.90, 24 -> 3.04).
  const general = Math.min(strong ? 3.0 : 3.5, Math.log2(v.length) - 0.9);
  const threshold = strong && isHex(v) ? Math.min(general, 0.6 * Math.log2(v.length) + 0.2) : general;
  if (h < threshold) return null;
  if (!strong && cls.count < 3 && !(isHex(v) && v.length >= 24)) return null;
  return 'medium';
}

function contextFormat(a: Assignment): ContextFormat | undefined {
  for (const f of CONTEXT_FORMATS) if (f.name.test(a.name) && f.shape.test(a.value)) return f;
  return undefined;
}

/** `kind: Secret` exactly (not ExternalSecret, SealedSecret, SopsSecret: those hold references or ciphertext). */
const K8S_SECRET_KIND = /^[ \t]*kind:[ \t]*["']?Secret["']?[ \t]*$/im;
const K8S_DATA_LINE = /^([ \t]*)(data|stringData):[ \t]*$/;
const K8S_ENTRY = /^([ \t]+)([A-Za-z0-9_.-]{1,100}):[ \t]*(.{0,2000})$/;

/**
 * Values under `data:` / `stringData:` of a Kubernetes Secret manifest are the secrets themselves
 * (base64-encoded under `data:`). Templates (`{{ … }}`), empty values and short values are skipped.
 */
/** True when `kind:` (any case) occurs: found through the colons, far cheaper than the multiline regex over all text. */
function hasKindColon(text: string): boolean {
  for (let u = text.indexOf(':', 4); u >= 0; u = text.indexOf(':', u + 1)) {
    if (
      (text.charCodeAt(u - 1) | 32) === 100 /* d */ &&
      (text.charCodeAt(u - 2) | 32) === 110 /* n */ &&
      (text.charCodeAt(u - 3) | 32) === 105 /* i */ &&
      (text.charCodeAt(u - 4) | 32) === 107 /* k */
    ) {
      return true;
    }
  }
  return false;
}

function kubernetesSecretValues(text: string, out: Hit[]): void {
  if (!hasKindColon(text) || !K8S_SECRET_KIND.test(text)) return;
  // One YAML document at a time: `---` separates them.
  let docStart = 0;
  while (docStart <= text.length) {
    let docEnd = text.indexOf('\n---', docStart);
    if (docEnd < 0) docEnd = text.length;
    const doc = text.slice(docStart, docEnd);
    if (K8S_SECRET_KIND.test(doc)) scanSecretDoc(text, docStart, docEnd, out);
    docStart = docEnd + 4;
  }
}

function scanSecretDoc(text: string, from: number, to: number, out: Hit[]): void {
  let dataIndent = -1;
  let pendingBlock = false;
  let lineStart = from;
  while (lineStart < to) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0 || lineEnd > to) lineEnd = to;
    const line = text.slice(lineStart, lineEnd).replace(/\r$/, '');
    const indent = line.length - line.replace(/^\s+/, '').length;
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) {
      lineStart = lineEnd + 1;
      continue;
    }
    const d = K8S_DATA_LINE.exec(line);
    if (d) {
      dataIndent = d[1]!.length;
      pendingBlock = false;
    } else if (dataIndent >= 0 && indent <= dataIndent) {
      dataIndent = -1;
      pendingBlock = false;
    } else if (dataIndent >= 0) {
      let vStart = -1;
      let value = '';
      if (pendingBlock) {
        vStart = lineStart + indent;
        value = trimmed;
        pendingBlock = false;
      } else {
        const e = K8S_ENTRY.exec(line);
        if (e) {
          const raw = e[3]!.trim();
          if (raw === '|' || raw === '>' || raw === '|-' || raw === '>-') pendingBlock = true;
          else if (raw) {
            const q = raw[0] === '"' || raw[0] === "'" ? 1 : 0;
            value = q && raw.endsWith(raw[0]!) ? raw.slice(1, -1) : raw;
            vStart = lineStart + line.indexOf(raw) + q;
          }
        }
      }
      const decoded = vStart >= 0 ? decodeBase64Url(value) : null;
      // The decoded secret must be something (`YmFyCg==` is "bar" with a newline: a sample, not a secret).
      const real = decoded !== null && decoded.trim().length >= 4 && !isPlaceholder(decoded.trim());
      if (real && value.length >= 8 && /^[A-Za-z0-9+/]+={0,2}$/.test(value) && !isPlaceholder(value)) {
        out.push(
          secretHit(
            'api-key',
            'medium',
            vStart,
            vStart + value.length,
            'This is a value from a Kubernetes Secret (base64 is an encoding, not encryption): anyone who reads this mail can decode it.',
          ),
        );
      }
    }
    lineStart = lineEnd + 1;
  }
}

export const genericDetector: Detector = {
  id: 'secret/generic',
  detect(text: string): Hit[] {
    const out: Hit[] = [];
    kubernetesSecretValues(text, out);
    for (const a of findAssignments(text)) {
      if (a.kind === 'password') continue; // the password detector owns these
      // `?token=…` in a link is usually an unsubscribe or tracking parameter: only named credentials count.
      const before = a.nameStart > 0 ? text.charCodeAt(a.nameStart - 1) : 0;
      if ((before === 63 || before === 38) && /^(?:token|key|t|k|auth|sig|signature)$/i.test(a.name)) continue;
      if (out.some((h) => h.start <= a.valueStart && a.valueEnd <= h.end)) continue;
      if (isKnownKey(a.value) || findJwts(a.value).length > 0) continue;
      if (a.value.startsWith('-----BEGIN')) continue;
      const ctx = contextFormat(a);
      if (ctx) {
        out.push(
          secretHit(ctx.rule, 'high', a.valueStart, a.valueEnd, `This looks like a live ${ctx.description}: anyone who reads this mail can use it.`),
        );
        continue;
      }
      const sev = genericStrength(a);
      if (!sev) continue;
      const what = a.kind === 'token' ? 'an access token' : 'an API key or secret';
      out.push(
        secretHit(
          a.kind === 'token' ? 'token' : 'api-key',
          sev,
          a.valueStart,
          a.valueEnd,
          `This looks like ${what} (named "${a.name}"): anyone who reads this mail may be able to use it.`,
        ),
      );
    }
    out.sort((x, y) => x.start - y.start);
    return out;
  },
};
