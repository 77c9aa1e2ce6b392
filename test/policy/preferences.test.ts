import assert from 'node:assert/strict';
import { mergePolicyLayers, resolvePolicy } from '../../src/policy/index.js';
import {
  allowLockReason,
  categoryLockReason,
  parseAllowList,
  preferenceBytes,
  preferencesFromPolicy,
  preferencesToPolicy,
  MAX_PREFERENCE_BYTES,
} from '../../src/policy/preferences.js';

describe('policy/preferences', () => {
  it('round-trips through the user-layer policy document', () => {
    const prefs = { hidden: ['tone', 'profanity'] as const, allow: ['per my last email', 'kill the process'] };
    const doc = preferencesToPolicy({ hidden: [...prefs.hidden], allow: prefs.allow });
    assert.deepEqual(doc, { version: 1, categories: { tone: { action: 'off' }, profanity: { action: 'off' } }, allow: prefs.allow });
    assert.deepEqual(preferencesFromPolicy(JSON.parse(JSON.stringify(doc))), { hidden: ['profanity', 'tone'], allow: prefs.allow });
    assert.deepEqual(preferencesToPolicy({ hidden: [], allow: [] }), { version: 1 });
  });

  it('drops anything unexpected from a stored document', () => {
    for (const bad of [null, 3, 'x', [], { categories: 'x', allow: 'y' }]) assert.deepEqual(preferencesFromPolicy(bad), { hidden: [], allow: [] });
    assert.deepEqual(preferencesFromPolicy({ categories: { tone: { action: 'warn' }, nope: { action: 'off' } }, allow: [1, ' ', 'ok'] }), { hidden: [], allow: ['ok'] });
  });

  it('parses the allow-list a line at a time, reporting bad patterns', () => {
    const { allow, problems } = parseAllowList('  kill   the process \n\nkill the process\nfu*\nsmash hit');
    assert.deepEqual(allow, ['kill the process', 'smash hit']);
    assert.equal(problems.length, 1);
    assert.match(problems[0], /fu\*/);
  });

  it('merged over the organization policy: hidden categories go off, the allow-list is added', () => {
    const org = resolvePolicy({ allow: ['org phrase'] });
    const merged = mergePolicyLayers(org, preferencesToPolicy({ hidden: ['tone'], allow: ['my phrase'] }));
    assert.deepEqual(merged.notices, []);
    assert.equal(merged.policy.categories.tone?.action, 'off');
    assert.deepEqual(merged.policy.allow, ['org phrase', 'my phrase']);
  });

  it('locked settings win, with the reason the pane shows', () => {
    const org = resolvePolicy({ locks: ['categories.insult', 'allow'] });
    assert.match(String(categoryLockReason(org, 'insult')), /locks "categories.insult"/);
    assert.equal(categoryLockReason(org, 'tone'), undefined);
    assert.match(String(allowLockReason(org)), /locks the allow-list/);
    const merged = mergePolicyLayers(org, preferencesToPolicy({ hidden: ['insult', 'tone'], allow: ['idiot'] }));
    assert.equal(merged.policy.categories.insult?.action, undefined);
    assert.equal(merged.policy.categories.tone?.action, 'off');
    assert.deepEqual(merged.policy.allow, []);
    assert.equal(merged.notices.length, 2);
    // a lock on a severity protects every category that reports at it
    assert.match(String(categoryLockReason(resolvePolicy({ locks: ['severityActions.high'] }), 'pii')), /severityActions.high/);
  });

  it('measures the bytes roaming settings will hold', () => {
    assert.ok(preferenceBytes({ hidden: [], allow: [] }) < 20);
    assert.ok(preferenceBytes({ hidden: [], allow: ['x'.repeat(MAX_PREFERENCE_BYTES)] }) > MAX_PREFERENCE_BYTES);
    assert.equal(preferenceBytes({ hidden: [], allow: ['é'] }), JSON.stringify({ version: 1, allow: ['é'] }).length + 1);
  });
});
