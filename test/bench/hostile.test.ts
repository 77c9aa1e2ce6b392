import { strict as assert } from 'node:assert';
import { hostileCases, lexiconShape, repeatTo } from '../../bench/hostile.js';

describe('bench/hostile', () => {
  it('repeatTo gives exactly the size and never half a surrogate pair', () => {
    assert.equal(repeatTo('ab', 5), 'ababa');
    const s = repeatTo('x\u{1f600}', 4); // x, high, low, x
    assert.equal(s.length, 4);
    const t = repeatTo('x\u{1f600}', 2); // would end on a high surrogate
    assert.equal(t, 'x ');
    assert.throws(() => repeatTo('', 3));
  });

  it('lexiconShape collects words, phrase prefixes and gap heads', () => {
    const shape = lexiconShape(['delete this ...4 after reading', 'what a idiot|moron', 'fuck*', '(((broken']);
    assert.ok(shape.words.includes('idiot') && shape.words.includes('fuck') && shape.words.includes('reading'));
    assert.ok(shape.prefixes.includes('what a'));
    assert.ok(!shape.prefixes.includes('fuck'));
    assert.deepEqual(shape.gapHeads, [{ head: 'delete this', max: 4 }]);
  });

  it('every case is deterministic and exactly the asked size', () => {
    const cases = hostileCases(lexiconShape(['you are an idiot', 'shred ...2 documents']));
    assert.ok(cases.length >= 20);
    assert.equal(new Set(cases.map((c) => c.name)).size, cases.length, 'names are unique');
    for (const c of cases) {
      const a = c.make(10_000);
      assert.equal(a.length, 10_000, c.name);
      assert.equal(a, c.make(10_000), c.name);
      const last = a.charCodeAt(a.length - 1);
      assert.ok(!(last >= 0xd800 && last <= 0xdbff), `${c.name} ends on a high surrogate`);
    }
  });
});

describe('bench/hostile variants', () => {
  it('seeded cases differ by variant (no cache carried between timed runs), fixed ones do not need to', () => {
    const cases = hostileCases(lexiconShape(['you are an idiot']));
    const seeded = cases.filter((c) => c.make(5000, 1) !== c.make(5000, 2));
    assert.ok(seeded.length >= 15, `${seeded.length} seeded cases`);
    for (const c of cases) assert.equal(c.make(5000, 3), c.make(5000, 3), c.name);
  });
});
