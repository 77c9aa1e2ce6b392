/**
 * Private key material: PEM/OpenSSH/PGP private key blocks and age secret keys.
 *
 * A block runs from its `-----BEGIN … PRIVATE KEY[ BLOCK]-----` line to the
 * matching END line, or to the end of the text when the paste was cut short.
 * A block with no key material in it (a template, an empty example) is not
 * reported. Public keys and certificates are not secrets and are ignored.
 */
import type { Detector, Hit } from '../../types.js';
import { secretHit } from './shared.js';

/** Key block kinds, as DATA: the text between BEGIN and PRIVATE KEY. */
export const PRIVATE_KEY_KINDS: readonly { label: string; description: string }[] = [
  { label: '', description: 'private key (PKCS#8)' },
  { label: 'RSA ', description: 'RSA private key' },
  { label: 'EC ', description: 'elliptic-curve private key' },
  { label: 'DSA ', description: 'DSA private key' },
  { label: 'OPENSSH ', description: 'OpenSSH private key' },
  { label: 'ENCRYPTED ', description: 'encrypted private key (still crackable offline)' },
  { label: 'PGP ', description: 'PGP private key' },
  { label: 'SSH2 ', description: 'SSH private key' },
];

/** Minimum characters of base64 key material before we call it a key rather than a template. */
const MIN_BODY = 32;
/** Longest header label we look at between `BEGIN ` and `PRIVATE KEY`. */
const MAX_LABEL = 12;

const BEGIN = '-----BEGIN ';
const AGE_PREFIX = 'AGE-SECRET-KEY-1';
const AGE_BODY = /[0-9A-Z]{58}/y;

function countKeyMaterial(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 43 || c === 47) n++;
  }
  return n;
}

function findPemBlocks(text: string, out: Hit[]): void {
  let from = 0;
  // Last search result per END marker, so many BEGIN lines without an END never rescan the text.
  const endCache = new Map<string, number>();
  for (;;) {
    const b = text.indexOf(BEGIN, from);
    if (b < 0) return;
    from = b + BEGIN.length;
    let kind: (typeof PRIVATE_KEY_KINDS)[number] | undefined;
    for (const k of PRIVATE_KEY_KINDS) {
      if (k.label.length <= MAX_LABEL && text.startsWith(k.label + 'PRIVATE KEY', from)) {
        if (!kind || k.label.length > kind.label.length) kind = k;
      }
    }
    if (!kind) continue;
    let p = from + kind.label.length + 'PRIVATE KEY'.length;
    if (text.startsWith(' BLOCK', p)) p += ' BLOCK'.length;
    if (!text.startsWith('-----', p)) continue;
    const bodyStart = p + 5;
    const endMarker = '-----END ' + kind.label + 'PRIVATE KEY';
    let e = endCache.get(endMarker) ?? -2;
    if (e === -2 || (e >= 0 && e < bodyStart)) {
      e = text.indexOf(endMarker, bodyStart);
      endCache.set(endMarker, e);
    }
    // The next BEGIN (if any) bounds a truncated block, so each character is looked at a bounded number of times.
    const nextBegin = text.indexOf(BEGIN, bodyStart);
    let bodyEnd: number;
    let end: number;
    if (e >= 0 && (nextBegin < 0 || e < nextBegin)) {
      bodyEnd = e;
      let q = e + endMarker.length;
      if (text.startsWith(' BLOCK', q)) q += ' BLOCK'.length;
      if (text.startsWith('-----', q)) q += 5;
      end = q;
    } else {
      bodyEnd = nextBegin >= 0 ? nextBegin : text.length;
      end = bodyEnd;
      while (end > bodyStart && /\s/.test(text[end - 1]!)) end--;
    }
    if (countKeyMaterial(text, bodyStart, bodyEnd) < MIN_BODY) continue;
    out.push(
      secretHit(
        'private-key',
        'high',
        b,
        end,
        `This is a ${kind.description}: whoever reads this mail can sign in or decrypt as its owner.`,
        'Remove the key, treat it as compromised and issue a new one; share keys through your secrets manager.',
      ),
    );
    from = end;
  }
}

function findAgeKeys(text: string, out: Hit[]): void {
  let from = 0;
  for (;;) {
    const i = text.indexOf(AGE_PREFIX, from);
    if (i < 0) return;
    from = i + AGE_PREFIX.length;
    AGE_BODY.lastIndex = from;
    if (!AGE_BODY.test(text)) continue;
    const end = AGE_BODY.lastIndex;
    if (end < text.length && /[0-9A-Za-z]/.test(text[end]!)) continue;
    out.push(
      secretHit(
        'private-key',
        'high',
        i,
        end,
        'This is an age secret key: anyone who reads this mail can decrypt files meant for its owner.',
        'Remove it, generate a new key pair and re-encrypt; share keys through your secrets manager.',
      ),
    );
    from = end;
  }
}

export const privateKeyDetector: Detector = {
  id: 'secret/private-key',
  detect(text: string): Hit[] {
    const out: Hit[] = [];
    findPemBlocks(text, out);
    findAgeKeys(text, out);
    out.sort((a, b) => a.start - b.start);
    return out;
  },
};
