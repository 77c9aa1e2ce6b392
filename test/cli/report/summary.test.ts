import assert from 'node:assert/strict';
import type { ClassifyResult, Finding } from '../../../src/classifier/types.js';
import { ScanSummary } from '../../../src/cli/report/summary.js';

const f = (category: Finding['category'], rule: string, action: Finding['action'], start = 0): Finding => ({
  category,
  rule,
  severity: 'medium',
  action,
  start,
  end: start + 3,
  text: 'abc',
  message: 'm',
});
const result = (findings: Finding[], notices: string[] = []): ClassifyResult => {
  const rank = { inform: 1, warn: 2, block: 3 } as const;
  const top = findings.reduce<Finding['action'] | undefined>((a, x) => (!a || rank[x.action] > rank[a] ? x.action : a), undefined);
  return { verdict: top ?? 'pass', findings, truncated: false, notices };
};

describe('cli/report/summary', () => {
  it('counts verdicts, categories and rules by the strongest action per message', () => {
    const s = new ScanSummary({ maxExcerpts: 2 });
    const body = 'abc abc abc abc';
    s.add('m1', { body }, result([]));
    s.add('m2', { body }, result([f('tone', 'shouting', 'inform'), f('tone', 'shouting', 'warn', 4)]));
    s.add('m3', { body }, result([f('tone', 'shouting', 'inform'), f('secret', 'password', 'block', 8)]));
    s.add('m4', { body }, result([f('tone', 'shouting', 'warn')], ['Only the first 1,000 of 2,000 characters were checked.']));
    assert.equal(s.messages, 4);
    assert.deepEqual(s.verdicts, { pass: 1, inform: 0, warn: 2, block: 1 });
    const shouting = s.rules.get('tone/shouting')!;
    assert.deepEqual(shouting.messages, { inform: 1, warn: 2, block: 0 });
    assert.equal(shouting.findings, 4);
    assert.equal(shouting.excerpts.length, 2, 'excerpts are capped');
    assert.deepEqual(s.categories.get('tone'), { messages: 3, findings: 4 });
    assert.deepEqual(s.sortedRules().map(([id]) => id), ['secret/password', 'tone/shouting']);
    assert.deepEqual([...s.notices], [['Only the first N of N characters were checked.', 1]]);
    const json = s.toJSON();
    assert.equal(json.rules['tone/shouting']?.findings, 4);
    assert.equal(json.categories.pii, undefined);
  });

  it('problems: counted always, listed up to a cap', () => {
    const s = new ScanSummary({ maxProblemsKept: 2 });
    for (let i = 0; i < 5; i++) s.problem('malformed', `x#${i}`, 'bad');
    s.problem('loop', 'd', 'loop');
    assert.equal(s.problemCounts.malformed, 5);
    assert.equal(s.problemCounts.loop, 1);
    assert.equal(s.problems.length, 2);
  });
});
