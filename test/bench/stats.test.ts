import { strict as assert } from 'node:assert';
import { mbPerSecond, median, quantile } from '../../bench/stats.js';

describe('bench/stats', () => {
  it('median of odd and even counts, without reordering the input', () => {
    const xs = [5, 1, 3];
    assert.equal(median(xs), 3);
    assert.deepEqual(xs, [5, 1, 3]);
    assert.equal(median([4, 1, 3, 2]), 2.5);
    assert.ok(Number.isNaN(median([])));
  });

  it('quantile by nearest rank', () => {
    const xs = Array.from({ length: 100 }, (_, i) => 100 - i); // 100..1
    assert.equal(quantile(xs, 0.5), 50);
    assert.equal(quantile(xs, 0.99), 99);
    assert.equal(quantile(xs, 1), 100);
    assert.equal(quantile(xs, 0), 1);
    assert.equal(quantile([7], 0.99), 7);
  });

  it('MB/s is 10^6 bytes per second', () => {
    assert.equal(mbPerSecond(2_000_000, 500), 4);
    assert.equal(mbPerSecond(1, 0), Infinity);
  });
});
