import assert from 'node:assert/strict';
import { DEFAULT_POLICY, resolvePolicy, termId } from '../../src/policy/defaults.js';
import { validatePolicy } from '../../src/policy/validate.js';

describe('policy/defaults', () => {
  it('the default passes its own schema', () => {
    assert.deepEqual(validatePolicy(DEFAULT_POLICY).problems, []);
  });

  it('medium and high warn, low informs, nothing blocks', () => {
    assert.deepEqual(DEFAULT_POLICY.severityActions, { low: 'inform', medium: 'warn', high: 'warn' });
    assert.ok(Object.isFrozen(DEFAULT_POLICY));
  });

  it('resolvePolicy merges maps per key and keeps explicit null quiet hours', () => {
    const base = resolvePolicy({ severityActions: { high: 'block' }, quietHours: { start: '22:00', end: '06:00' } });
    assert.deepEqual(base.severityActions, { low: 'inform', medium: 'warn', high: 'block' });
    const over = resolvePolicy({ quietHours: null, categories: { pii: { action: 'block' } } }, base);
    assert.equal(over.quietHours, null);
    assert.equal(over.severityActions.high, 'block');
    assert.deepEqual(over.categories, { pii: { action: 'block' } });
  });

  it('termId: lowercase, hyphens, at most 40 characters, never empty', () => {
    const rows: Array<[string, string]> = [
      ['Project Falcon', 'project-falcon'],
      ['  <name> Inc.  ', 'name-inc'],
      ['a'.repeat(39) + ' b', 'a'.repeat(39)],
      ['!!!', 'term'],
    ];
    for (const [input, want] of rows) assert.equal(termId(input), want, input);
  });
});
