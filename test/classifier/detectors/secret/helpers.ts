/**
 * Test helpers for the secret detectors: a seeded generator of fake keys (so
 * no real credential ever appears in the tests), exact-offset assertions, and
 * the shared fast-check property every detector must satisfy.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Detector, Hit } from '../../../../src/classifier/types.js';
import { Rng } from '../../../../bench/rng.js';

export const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
export const LOWER = 'abcdefghijklmnopqrstuvwxyz';
export const DIGITS = '0123456789';
export const ALNUM = UPPER + LOWER + DIGITS;
export const HEX = '0123456789abcdef';
export const B64URL = ALNUM + '-_';

/** Deterministic pseudo-random strings (bench/rng.ts, mulberry32): fake keys with a realistic character mix. */
export function fakeGen(seed: number): (len: number, alphabet?: string) => string {
  const rng = new Rng(seed);
  return (len, alphabet = ALNUM) => rng.chars(alphabet, len);
}

/** Hits at medium or high severity (what the default policy warns about). */
export function warned(d: Detector, text: string): Hit[] {
  return d.detect(text).filter((h) => h.severity !== 'low');
}

/** Asserts that `d` reports exactly `value` (by offsets) inside `text`, with `rule`. */
export function expectSecret(d: Detector, text: string, value: string, rule: string, severity?: Hit['severity']): Hit {
  const hits = warned(d, text);
  const hit = hits.find((h) => text.slice(h.start, h.end) === value);
  assert.ok(hit, `expected ${JSON.stringify(value)} in ${JSON.stringify(text)}; got ${JSON.stringify(hits.map((h) => text.slice(h.start, h.end)))}`);
  assert.equal(hit.category, 'secret');
  assert.equal(hit.rule, rule);
  if (severity) assert.equal(hit.severity, severity);
  assert.ok(hit.message.length > 20, 'a plain-language message');
  assert.ok(hit.suggestion && hit.suggestion.length > 10, 'a suggestion');
  return hit;
}

/** Asserts that `d` warns about nothing in `text`. */
export function expectNothing(d: Detector, text: string): void {
  const hits = warned(d, text);
  assert.deepEqual(
    hits.map((h) => text.slice(h.start, h.end)),
    [],
    `expected no secret in ${JSON.stringify(text)}`,
  );
}

/** Fragments that steer random text toward the detector's code paths. */
const FRAGMENTS = [
  'password', 'Password: ', ' is ', '=', ':', '"', "'", '`', '-----BEGIN ', 'PRIVATE KEY-----', '-----END ', 'eyJ',
  '.', 'AKIA', 'ghp_', 'xoxb-', 'sk_live_', 'AIza', 'SG.', '://', '@', 'user:', 'Server=', ';Password=', 'curl -u ',
  'api_key', 'token', 'Bearer ', '<', '>', '</', 'key="', '" value="', '\n', ' ', 'kind: Secret', 'data:', '\n  ', '|', '---', '\u200b', '\ud800', '😀', 'AAAA', '1234',
];

/** detect never throws on arbitrary Unicode (including lone surrogates) and every hit is inside the text. */
export function checkSpanProperty(d: Detector): void {
  const piece = fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ unit: 'binary', maxLength: 12 }), fc.string({ unit: 'grapheme-ascii', maxLength: 40 }));
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
      const text = parts.join('');
      const hits = d.detect(text);
      for (const h of hits) {
        if (!(Number.isInteger(h.start) && Number.isInteger(h.end) && 0 <= h.start && h.start < h.end && h.end <= text.length)) return false;
        if (h.category !== 'secret') return false;
      }
      return true;
    }),
    { numRuns: 400 },
  );
}
