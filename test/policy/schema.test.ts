import assert from 'node:assert/strict';
import { FULL_RULE_ID, LOCK_PATH, PolicySchema, isTimeZone, patternProblem } from '../../src/policy/schema.js';

describe('policy/schema', () => {
  it('checks term patterns with the lexicon parser', () => {
    assert.equal(patternProblem('project falcon|eagle (heavy)'), undefined);
    assert.equal(patternProblem('<name> ...2 fired'), undefined);
    assert.match(String(patternProblem('')), /empty/);
    assert.match(String(patternProblem('fu*')), /stem/);
    assert.match(String(patternProblem('a ...9 b')), /gap/);
  });

  it('rule ids and lock paths: table with must-not-match rows', () => {
    const rules: Array<[string, boolean]> = [
      ['pii/ssn', true],
      ['confidential/project-x', true],
      ['context/late-night', true],
      ['pii', false],
      ['PII/ssn', false],
      ['pii/', false],
      ['foo/bar', false],
      ['pii/ssn/extra', false],
      ['pii/' + 'a'.repeat(70), false],
    ];
    for (const [id, ok] of rules) assert.equal(FULL_RULE_ID.test(id), ok, id);
    const locks: Array<[string, boolean]> = [
      ['categories', true],
      ['categories.pii', true],
      ['rules.pii/ssn', true],
      ['severityActions.high', true],
      ['allow', true],
      ['categories.pii.action', false],
      ['severityActions.urgent', false],
      ['onError', false],
      ['rules.ssn', false],
      ['', false],
    ];
    for (const [path, ok] of locks) assert.equal(LOCK_PATH.test(path), ok, path);
  });

  it('time zones are checked with Intl', () => {
    assert.equal(isTimeZone('America/Los_Angeles'), true);
    assert.equal(isTimeZone('Pacific/Nowhere'), false);
  });

  it('parse keeps $comment fields and strict objects reject unknown keys', () => {
    assert.equal(PolicySchema.safeParse({ $comment: 'x', categories: { pii: { $comment: ['a'], action: 'block' } } }).success, true);
    assert.equal(PolicySchema.safeParse({ categories: { pii: { actions: 'block' } } }).success, false);
  });

  it('requireOverrideReason: an optional boolean, organization only, false by default', async () => {
    const { validatePolicy } = await import('../../src/policy/validate.js');
    const { DEFAULT_POLICY, resolvePolicy } = await import('../../src/policy/defaults.js');
    assert.equal(PolicySchema.safeParse({ requireOverrideReason: true }).success, true);
    assert.equal(PolicySchema.safeParse({ requireOverrideReason: 'yes' }).success, false);
    assert.equal(DEFAULT_POLICY.requireOverrideReason, false);
    assert.equal(resolvePolicy({ requireOverrideReason: true }).requireOverrideReason, true);
    const user = validatePolicy({ requireOverrideReason: false }, 'user');
    assert.ok(user.problems.some((p) => p.level === 'warning' && p.path === '$.requireOverrideReason'));
  });
});
