import assert from 'node:assert/strict';
import { lineEndOf, lineStartOf } from '../../../src/classifier/detectors/lines.js';

describe('detectors/lines', () => {
  it('finds the bounds of the line around an index', () => {
    const t = 'ab\ncd\nef';
    assert.equal(lineStartOf(t, 4), 3);
    assert.equal(lineEndOf(t, 4), 5);
    assert.equal(lineStartOf(t, 0), 0);
    assert.equal(lineEndOf(t, 7), 8);
  });

  it('never looks further than its limit', () => {
    assert.equal(lineStartOf('x'.repeat(1000), 999, 10), 989);
    assert.equal(lineEndOf('x'.repeat(1000), 0, 10), 10);
  });
});
