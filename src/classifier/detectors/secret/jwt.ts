/**
 * JSON Web Tokens: three base64url segments separated by dots, whose first
 * segment decodes to a JSON object with an "alg" member. A bearer token lets
 * whoever holds it act as its subject until it expires.
 *
 * Two segments (no signature) or four and more (JWE, or a token glued to more
 * text) are not reported. Decoding uses our own base64url decoder: the core
 * cannot rely on atob or Buffer.
 */
import type { Detector, Hit } from '../../types.js';
import { decodeBase64Url, isAlnum, secretHit } from './shared.js';

const MAX_HEADER = 2000;
const MAX_PAYLOAD = 16000;
const MAX_SIGNATURE = 2000;

function isB64Url(c: number): boolean {
  return isAlnum(c) || c === 45 || c === 95;
}

/** Length of the base64url run starting at `i`, up to `max + 1` (so callers can tell "too long"). */
function runLength(text: string, i: number, max: number): number {
  let j = i;
  const stop = Math.min(text.length, i + max + 1);
  while (j < stop && isB64Url(text.charCodeAt(j))) j++;
  return j - i;
}

export function jwtHeaderHasAlg(segment: string): { alg: string } | null {
  const decoded = decodeBase64Url(segment);
  if (decoded === null) return null;
  const json = decoded.trim();
  if (!json.startsWith('{"')) return null;
  // A damaged or hand-edited header still names its algorithm or type: still a token.
  if (!json.endsWith('}')) return /"(?:alg|typ)"/.test(json) ? { alg: 'unknown' } : null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return /"(?:alg|typ)"/.test(json) ? { alg: 'unknown' } : null;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
  const alg = (parsed as Record<string, unknown>)['alg'];
  if (typeof alg !== 'string' || alg.length === 0) return null;
  return { alg };
}

/** Returns the end of a JWT starting at `i`, or -1. */
export function matchJwtAt(text: string, i: number): number {
  const h = runLength(text, i, MAX_HEADER);
  if (h < 10 || h > MAX_HEADER || text.charCodeAt(i + h) !== 46) return -1;
  const p0 = i + h + 1;
  const p = runLength(text, p0, MAX_PAYLOAD);
  if (p < 2 || p > MAX_PAYLOAD || text.charCodeAt(p0 + p) !== 46) return -1;
  const s0 = p0 + p + 1;
  const s = runLength(text, s0, MAX_SIGNATURE);
  if (s > MAX_SIGNATURE) return -1;
  const end = s0 + s;
  // A fourth segment means this is not a (signed) JWT.
  if (text.charCodeAt(end) === 46 && end + 1 < text.length && isB64Url(text.charCodeAt(end + 1))) return -1;
  const header = jwtHeaderHasAlg(text.slice(i, i + h));
  if (!header) return -1;
  if (s === 0 && header.alg.toLowerCase() !== 'none') return -1;
  // The payload of a JWT is JSON too; check it opens like a JSON object.
  const payloadStart = decodeBase64Url(text.slice(p0, p0 + Math.min(p, 8)));
  if (payloadStart === null || !payloadStart.replace(/^\s+/, '').startsWith('{')) return -1;
  return end;
}

export function findJwts(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let from = 0;
  // Every token starts with "eyJ" (base64 of '{"'). The native search looks for the capital J,
  // rare in prose, rather than for the "e" every English word has.
  for (let j = text.indexOf('J', 2); j >= 0; j = text.indexOf('J', j + 1)) {
    const i = j - 2;
    if (i < from || text.charCodeAt(i) !== 101 /* e */ || text.charCodeAt(i + 1) !== 121 /* y */) continue;
    from = i + 3;
    if (i > 0 && isB64Url(text.charCodeAt(i - 1))) continue;
    const end = matchJwtAt(text, i);
    if (end < 0) continue;
    out.push({ start: i, end });
    from = end;
  }
  return out;
}

export const jwtDetector: Detector = {
  id: 'secret/jwt',
  detect(text: string): Hit[] {
    return findJwts(text).map(({ start, end }) =>
      secretHit(
        'token',
        'high',
        start,
        end,
        'This looks like a sign-in token (JWT): anyone who reads this mail can use it to act as its owner until it expires.',
        'Remove the token and revoke it (sign out the session or rotate the signing key); share tokens through your secrets manager.',
      ),
    );
  },
};
