import assert from 'node:assert/strict';
import { CATEGORIES, type Category } from '../../src/classifier/types.js';
import { resolvePolicy } from '../../src/policy/defaults.js';
import { applyPreferencesToStored, preferencesFromForm, readOptionsState, storedBytes, writePreferences, type WritableArea } from '../../src/extension/options.js';
import { loadPolicy, PREFERENCES_KEY } from '../../src/extension/settings.js';

/** An in-memory storage area (the slice of chrome.storage.StorageArea the page uses). */
function area(initial: Record<string, unknown> = {}, fail?: string): WritableArea & { data: Record<string, unknown> } {
  const data = { ...initial };
  return {
    data,
    async get(keys) {
      if (fail) throw new Error(fail);
      if (keys === null) return { ...data };
      const list = Array.isArray(keys) ? keys : [keys];
      return Object.fromEntries(list.filter((k) => k in data).map((k) => [k, data[k]]));
    },
    async set(items) {
      if (fail) throw new Error(fail);
      Object.assign(data, items);
    },
  };
}

const all = (except: Category[] = []) => new Set(CATEGORIES.filter((c) => !except.includes(c)));

describe('extension/options: pure logic', () => {
  describe('applyPreferencesToStored', () => {
    const rows: Array<{ name: string; stored: unknown; hidden: Category[]; allow: string[]; want: unknown }> = [
      { name: 'nothing stored, nothing chosen', stored: undefined, hidden: [], allow: [], want: { version: 1 } },
      { name: 'hide one, allow one', stored: undefined, hidden: ['tone'], allow: ['acme'], want: { version: 1, categories: { tone: { action: 'off' } }, allow: ['acme'] } },
      {
        name: 'keeps a stricter action set by hand on another category',
        stored: { version: 1, categories: { insult: { action: 'block' } } },
        hidden: ['tone'],
        allow: [],
        want: { version: 1, categories: { insult: { action: 'block' }, tone: { action: 'off' } } },
      },
      {
        name: 'showing a category again removes only its off',
        stored: { version: 1, categories: { tone: { action: 'off', minSeverity: 'high' }, pii: { action: 'off' } }, allow: ['x'] },
        hidden: [],
        allow: [],
        want: { version: 1, categories: { tone: { minSeverity: 'high' } } },
      },
      {
        name: 'keeps unrelated keys (must not drop them)',
        stored: { version: 1, quietHours: { start: '22:00', end: '06:00' } },
        hidden: [],
        allow: ['a b'],
        want: { version: 1, quietHours: { start: '22:00', end: '06:00' }, allow: ['a b'] },
      },
      { name: 'garbage stored is replaced', stored: ['nope'], hidden: ['secret'], allow: [], want: { version: 1, categories: { secret: { action: 'off' } } } },
    ];
    for (const r of rows) {
      it(r.name, () => {
        const before = JSON.stringify(r.stored);
        assert.deepEqual(applyPreferencesToStored(r.stored, { hidden: r.hidden, allow: r.allow }), r.want);
        assert.equal(JSON.stringify(r.stored), before, 'stored document not mutated');
      });
    }
  });

  describe('preferencesFromForm', () => {
    const open = resolvePolicy({});
    it('unticked categories are hidden; the allow-list is parsed line by line (blank and duplicate lines dropped)', () => {
      const { prefs, problems } = preferencesFromForm(open, { hidden: [], allow: [] }, all(['tone', 'profanity']), ' Acme  Corp \n\nacme corp\nProject Falcon\n');
      assert.deepEqual(problems, []);
      assert.deepEqual(prefs.hidden, ['profanity', 'tone']);
      assert.deepEqual(prefs.allow, ['Acme Corp', 'acme corp', 'Project Falcon']);
    });
    it('an invalid line is a problem, not an entry', () => {
      const { prefs, problems } = preferencesFromForm(open, { hidden: [], allow: [] }, all(), 'fine words\n@nosuchset\n(half open');
      assert.equal(problems.length, 2);
      assert.match(problems[0]!, /nosuchset/);
      assert.deepEqual(prefs.allow, ['fine words']);
    });
    it('a locked category cannot be hidden from the form; the stored choice stays as it was', () => {
      const org = resolvePolicy({ locks: ['categories.insult'] });
      assert.deepEqual(preferencesFromForm(org, { hidden: [], allow: [] }, all(['insult', 'tone']), '').prefs.hidden, ['tone']);
      assert.deepEqual(preferencesFromForm(org, { hidden: ['insult'], allow: [] }, all(), '').prefs.hidden, ['insult']);
    });
    it('a locked allow-list keeps the stored entries and ignores the text', () => {
      const org = resolvePolicy({ locks: ['allow'] });
      const { prefs, problems } = preferencesFromForm(org, { hidden: [], allow: ['old'] }, all(), 'new\n@nosuchset');
      assert.deepEqual(problems, []);
      assert.deepEqual(prefs.allow, ['old']);
    });
  });

  describe('storage', () => {
    it('reads the managed policy and sync preferences; what it writes is what the content script loads', async () => {
      const managed = area({ version: 1, locks: ['allow'] });
      const sync = area({ [PREFERENCES_KEY]: { version: 1, categories: { tone: { action: 'off' } }, allow: ['acme'] } });
      const state = await readOptionsState({ managed, sync });
      assert.deepEqual(state.org.locks, ['allow']);
      assert.deepEqual(state.prefs, { hidden: ['tone'], allow: ['acme'] });

      const doc = applyPreferencesToStored(state.stored, { hidden: ['profanity'], allow: ['acme'] });
      assert.equal(await writePreferences({ sync }, doc), 'sync');
      const loaded = await loadPolicy({ managed, sync });
      assert.equal(loaded.policy.categories.profanity?.action, 'off');
      assert.notEqual(loaded.policy.categories.tone?.action, 'off', 'tone is shown again');
    });
    it('falls back to local storage when sync fails, for reading and writing', async () => {
      const sync = area({}, 'sync is disabled');
      const local = area({ [PREFERENCES_KEY]: { version: 1, allow: ['zeta'] } });
      assert.deepEqual((await readOptionsState({ sync, local })).prefs.allow, ['zeta']);
      assert.equal(await writePreferences({ sync, local }, { version: 1, allow: ['eta'] }), 'local');
      assert.deepEqual(local.data[PREFERENCES_KEY], { version: 1, allow: ['eta'] });
      await assert.rejects(writePreferences({ sync }, { version: 1 }), /sync is disabled/);
    });
    it('storedBytes counts UTF-8 bytes of key and value', () => {
      assert.equal(storedBytes({ a: 'é' }), new TextEncoder().encode(PREFERENCES_KEY + '{"a":"é"}').length);
    });
  });
});
