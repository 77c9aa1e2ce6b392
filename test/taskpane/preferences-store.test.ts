import assert from 'node:assert/strict';
import { OfficeMockObject } from 'office-addin-mock';
import type { OfficeLike } from '../../src/outlook/office-types.js';
import { PREFERENCES_KEY, canStorePreferences, loadPreferenceDocument, loadPreferences, savePreferences } from '../../src/taskpane/preferences-store.js';

function officeWithRoaming(fail = false) {
  const store: Record<string, unknown> = {};
  let saves = 0;
  const mock = new OfficeMockObject({
    context: {
      mailbox: { item: {} },
      roamingSettings: {
        get: (name: string) => store[name],
        set: (name: string, value: unknown) => void (store[name] = value),
        saveAsync: (cb?: Function) => {
          saves++;
          if (cb) cb(fail ? { status: 'failed', value: undefined, error: { message: 'quota' } } : { status: 'succeeded', value: undefined });
        },
      },
    },
  });
  return { office: mock as unknown as OfficeLike, store, saves: () => saves };
}

describe('taskpane/preferences-store (office-addin-mock)', () => {
  it('saves and loads the preferences under one key, as a user-layer policy document', async () => {
    const { office, store, saves } = officeWithRoaming();
    assert.equal(canStorePreferences(office), true);
    assert.deepEqual(loadPreferences(office), { hidden: [], allow: [] });
    await savePreferences(office, { hidden: ['tone'], allow: ['per my last email'] });
    assert.equal(saves(), 1);
    assert.deepEqual(JSON.parse(String(store[PREFERENCES_KEY])), { version: 1, categories: { tone: { action: 'off' } }, allow: ['per my last email'] });
    assert.deepEqual(loadPreferences(office), { hidden: ['tone'], allow: ['per my last email'] });
  });

  it('refuses preferences over the size limit without touching roaming settings', async () => {
    const { office, store, saves } = officeWithRoaming();
    await assert.rejects(savePreferences(office, { hidden: [], allow: ['word '.repeat(5000)] }), /KB/);
    assert.equal(saves(), 0);
    assert.equal(store[PREFERENCES_KEY], undefined);
  });

  it('reports a failed save, and reads corrupt or missing settings as none', async () => {
    const bad = officeWithRoaming(true);
    await assert.rejects(savePreferences(bad.office, { hidden: ['tone'], allow: [] }), /quota/);
    bad.store[PREFERENCES_KEY] = '{not json';
    assert.equal(loadPreferenceDocument(bad.office), null);
    const none = new OfficeMockObject({ context: { mailbox: { item: {} } } }) as unknown as OfficeLike;
    assert.equal(canStorePreferences(none), false);
    assert.equal(loadPreferenceDocument(none), null);
    await assert.rejects(savePreferences(none, { hidden: [], allow: [] }), /cannot be saved/);
  });
});
