import assert from 'node:assert/strict';
import { loadPolicy, managedToPolicyText, PREFERENCES_KEY, type StorageAreaLike } from '../../src/extension/settings.js';
import { DEFAULT_POLICY } from '../../src/policy/defaults.js';

/** A storage area holding `data`, answering get(null) with everything and get(key) with that key. */
function area(data: Record<string, unknown>): StorageAreaLike {
  return {
    get: async (keys) => {
      if (keys === null) return { ...data };
      const list = Array.isArray(keys) ? keys : [keys];
      return Object.fromEntries(list.filter((k) => k in data).map((k) => [k, data[k]]));
    },
  };
}
const failing: StorageAreaLike = { get: async () => Promise.reject(new Error('managed storage is not available')) };

describe('extension/settings', () => {
  it('nothing managed, no preferences: the bundled default, no notices', async () => {
    const load = await loadPolicy({ managed: area({}), sync: area({}), local: area({}) });
    assert.equal(load.source, 'default');
    assert.deepEqual(load.policy, DEFAULT_POLICY);
    assert.deepEqual(load.notices, []);
  });

  it('managed keys are the organization policy', async () => {
    const load = await loadPolicy({ managed: area({ categories: { pii: { action: 'block' } }, onError: 'hold' }) });
    assert.equal(load.source, 'organization');
    assert.equal(load.policy.categories.pii?.action, 'block');
    assert.equal(load.policy.onError, 'hold');
  });

  it('an invalid managed policy falls back to the default and says so (checking never stops)', async () => {
    const load = await loadPolicy({ managed: area({ severityActions: { high: 'explode' } }) });
    assert.equal(load.source, 'default');
    assert.deepEqual(load.policy.severityActions, DEFAULT_POLICY.severityActions);
    assert.match(load.notices.join('\n'), /organization policy is invalid/);
  });

  it('managed storage that cannot be read: default plus a notice', async () => {
    const load = await loadPolicy({ managed: failing });
    assert.equal(load.source, 'default');
    assert.match(load.notices[0]!, /could not be read \(managed storage is not available\)/);
  });

  it('user preferences from sync apply, but not over a lock', async () => {
    const managed = area({ categories: { pii: { action: 'block' } }, locks: ['categories.pii'] });
    const sync = area({ [PREFERENCES_KEY]: { categories: { pii: { action: 'inform' }, tone: { action: 'off' } } } });
    const load = await loadPolicy({ managed, sync });
    assert.equal(load.policy.categories.pii?.action, 'block', 'locked: not relaxed');
    assert.equal(load.policy.categories.tone?.action, 'off', 'not locked: applied');
    assert.match(load.notices.join('\n'), /not applied: your organization locks "categories.pii"/);
  });

  it('preferences fall back to local storage when sync has none or fails', async () => {
    const local = area({ [PREFERENCES_KEY]: { categories: { tone: { action: 'off' } } } });
    for (const sync of [area({}), failing, undefined]) {
      const load = await loadPolicy({ managed: area({}), sync, local });
      assert.equal(load.policy.categories.tone?.action, 'off');
    }
  });

  it('organization-only settings in preferences are not applied', async () => {
    const load = await loadPolicy({ managed: area({ onError: 'hold' }), sync: area({ [PREFERENCES_KEY]: { onError: 'send' } }) });
    assert.equal(load.policy.onError, 'hold');
  });

  it('managedToPolicyText (table)', () => {
    assert.equal(managedToPolicyText(null), null);
    assert.equal(managedToPolicyText(undefined), null);
    assert.equal(managedToPolicyText({}), null);
    assert.equal(managedToPolicyText({ onError: 'hold' }), '{"onError":"hold"}');
  });
});
