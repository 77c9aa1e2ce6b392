import { strict as assert } from 'node:assert';
import { generateCorpus, generateLargeDraft } from '../../bench/corpus.js';

describe('bench/corpus', () => {
  it('the same seed gives the same mails, another seed others', () => {
    const a = generateCorpus({ seed: 7, count: 50 });
    const b = generateCorpus({ seed: 7, count: 50 });
    const c = generateCorpus({ seed: 8, count: 50 });
    assert.deepEqual(a, b);
    assert.notDeepEqual(a, c);
  });

  it('mostly clean, some injected, varied lengths, with quoted replies', () => {
    const mails = generateCorpus({ seed: 1, count: 1000 });
    const dirty = mails.filter((m) => m.injected !== 'clean').length;
    assert.ok(dirty > 30 && dirty < 150, `dirty ${dirty}`);
    const lengths = mails.map((m) => m.body.length).sort((x, y) => x - y);
    assert.ok(lengths[0]! < 500, `shortest ${lengths[0]}`);
    assert.ok(lengths[lengths.length - 1]! > 10_000, `longest ${lengths[lengths.length - 1]}`);
    assert.ok(mails.some((m) => /^On .{0,200} wrote:$/m.test(m.body) && /^> /m.test(m.body)));
    assert.ok(mails.every((m) => !m.body.includes('{')), 'every template slot is filled');
  });

  it('dirtyShare 0 injects nothing', () => {
    assert.ok(generateCorpus({ seed: 3, count: 200, dirtyShare: 0 }).every((m) => m.injected === 'clean'));
  });

  it('large drafts are close to the asked size and deterministic', () => {
    const d = generateLargeDraft(5, 200_000);
    assert.ok(d.length <= 200_000 && d.length > 190_000, `length ${d.length}`);
    assert.equal(d, generateLargeDraft(5, 200_000));
  });
});
