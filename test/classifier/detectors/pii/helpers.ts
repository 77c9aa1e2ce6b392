import assert from 'node:assert/strict';
import type { Detector, Hit } from '../../../../src/classifier/types.js';

/** The values a detector found, as `text.slice(start, end)`, in order. */
export function found(detector: Detector, text: string, minSeverity: 'low' | 'medium' = 'low'): string[] {
  return detector
    .detect(text)
    .filter((h) => minSeverity === 'low' || h.severity !== 'low')
    .map((h) => text.slice(h.start, h.end));
}

/** Asserts exactly `expected` values are found (offsets checked through slice) with the given rule. */
export function expectFound(detector: Detector, text: string, expected: string[], rule?: string): Hit[] {
  const hits = detector.detect(text);
  assert.deepEqual(
    hits.map((h) => text.slice(h.start, h.end)),
    expected,
    `in ${JSON.stringify(text)}`,
  );
  for (const h of hits) {
    assert.equal(h.category, 'pii');
    if (rule) assert.equal(h.rule, rule);
    assert.ok(h.message.length > 10, 'has a message');
    assert.ok(h.start >= 0 && h.start < h.end && h.end <= text.length);
  }
  return hits;
}

/** Exact offsets of `value` inside `text` (first occurrence). */
export function at(text: string, value: string): { start: number; end: number } {
  const start = text.indexOf(value);
  assert.ok(start >= 0, `${value} in ${text}`);
  return { start, end: start + value.length };
}
