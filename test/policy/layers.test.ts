import assert from 'node:assert/strict';
import { createClassifier } from '../../src/classifier/index.js';
import { DEFAULT_POLICY, resolvePolicy } from '../../src/policy/defaults.js';
import { effectiveAction, loadOrganizationPolicy, mergePolicyLayers, resolveLayers } from '../../src/policy/layers.js';

const org = (doc: Record<string, unknown>) => {
  const load = loadOrganizationPolicy(JSON.stringify({ version: 1, ...doc }));
  assert.equal(load.source, 'organization', load.notices.join('\n'));
  return load.policy;
};

describe('policy/layers', () => {
  describe('loadOrganizationPolicy', () => {
    it('no policy served: the default, no notice', () => {
      const r = loadOrganizationPolicy(null);
      assert.equal(r.policy, DEFAULT_POLICY);
      assert.equal(r.source, 'default');
      assert.deepEqual(r.notices, []);
    });

    it('a valid policy is resolved over the default', () => {
      const r = loadOrganizationPolicy('{"version":1,"categories":{"pii":{"action":"block"}},"maxRecipients":10}');
      assert.equal(r.source, 'organization');
      assert.deepEqual(r.policy.categories, { pii: { action: 'block' } });
      assert.equal(r.policy.maxRecipients, 10);
      assert.deepEqual(r.policy.severityActions, DEFAULT_POLICY.severityActions);
    });

    it('warnings keep the policy and are reported as problems', () => {
      const r = loadOrganizationPolicy('{"version":1,"maxRecipents":3}');
      assert.equal(r.source, 'organization');
      assert.deepEqual(r.notices, []);
      assert.equal(r.problems[0]?.level, 'warning');
      assert.equal(r.policy.maxRecipients, DEFAULT_POLICY.maxRecipients);
    });

    for (const [name, text] of [
      ['not JSON', '{"version": 1,'],
      ['not an object', '[1]'],
      ['a schema error', '{"version":1,"categories":{"pii":{"action":"never"}}}'],
      ['a bad term pattern', '{"version":1,"terms":[{"patterns":["(x"],"category":"legal","severity":"low","message":"m"}]}'],
    ] as const) {
      it(`invalid (${name}): the default plus a notice, never no checking`, () => {
        const r = loadOrganizationPolicy(text);
        assert.equal(r.source, 'default');
        assert.equal(r.policy, DEFAULT_POLICY);
        assert.equal(r.notices.length, 1);
        assert.match(r.notices[0]!, /organization policy is invalid \(error \$.*\); the built-in default applies/);
        assert.ok(createClassifier(r.policy).classify('my SSN is 078-05-1120').findings.length >= 0);
      });
    }
  });

  describe('mergePolicyLayers', () => {
    it('no preferences: the organization policy as it is', () => {
      const p = org({ maxRecipients: 9 });
      assert.equal(mergePolicyLayers(p, undefined).policy, p);
    });

    it('unlocked settings: the user wins', () => {
      const p = org({ categories: { tone: { action: 'warn' } } });
      const r = mergePolicyLayers(p, { version: 1, categories: { tone: { action: 'off' } }, maxRecipients: 200, quietHours: { start: '21:00', end: '07:00' } });
      assert.deepEqual(r.notices, []);
      assert.equal(r.policy.categories.tone?.action, 'off');
      assert.equal(r.policy.maxRecipients, 200);
      assert.equal(r.policy.quietHours?.start, '21:00');
    });

    it('a locked category cannot be relaxed, by its action, its minSeverity or a rule inside it', () => {
      const p = org({ categories: { pii: { action: 'block' } }, locks: ['categories.pii'] });
      const r = mergePolicyLayers(p, {
        version: 1,
        categories: { pii: { action: 'inform', minSeverity: 'high' } },
        rules: { 'pii/ssn': { action: 'off' } },
      });
      assert.equal(r.policy.categories.pii?.action, 'block');
      assert.equal(r.policy.categories.pii?.minSeverity, undefined);
      assert.equal(r.policy.rules['pii/ssn'], undefined);
      assert.equal(r.notices.length, 3);
      for (const n of r.notices) assert.match(n, /not applied: your organization locks "categories.pii"/);
    });

    it('a locked setting can still be made stricter', () => {
      const p = org({ categories: { insult: { action: 'warn' } }, locks: ['categories.insult'] });
      const r = mergePolicyLayers(p, { version: 1, categories: { insult: { action: 'block' } } });
      assert.deepEqual(r.notices, []);
      assert.equal(r.policy.categories.insult?.action, 'block');
    });

    it('a locked severity protects findings of that severity from category and rule settings', () => {
      const p = org({ severityActions: { high: 'block' }, locks: ['severityActions.high'] });
      const r = mergePolicyLayers(p, { version: 1, severityActions: { high: 'inform', low: 'off' }, categories: { threat: { action: 'inform' } } });
      assert.equal(r.policy.severityActions.high, 'block');
      assert.equal(r.policy.severityActions.low, 'off', 'low severity is not locked');
      assert.equal(r.policy.categories.threat, undefined);
      assert.equal(effectiveAction(r.policy, { category: 'threat', rule: '*', severity: 'high' }), 'block');
      assert.equal(r.notices.length, 2);
    });

    it('a locked rule: only that rule is protected', () => {
      const p = org({ rules: { 'secret/private-key': { action: 'block' } }, locks: ['rules.secret/private-key'] });
      const r = mergePolicyLayers(p, { version: 1, rules: { 'secret/private-key': { action: 'warn' }, 'secret/token': { action: 'inform' } } });
      assert.equal(r.policy.rules['secret/private-key']?.action, 'block');
      assert.equal(r.policy.rules['secret/token']?.action, 'inform');
      assert.equal(r.notices.length, 1);
    });

    it('a lock on a rule the policy does not configure still protects that rule', () => {
      const p = org({ locks: ['rules.insult/idiot'] });
      const r = mergePolicyLayers(p, { version: 1, severityActions: { high: 'off' } });
      assert.equal(r.policy.severityActions.high, 'warn');
      assert.match(r.notices[0]!, /locks "rules.insult\/idiot"/);
    });

    it('the whole-map lock "categories" protects every category', () => {
      const p = org({ locks: ['categories'] });
      const r = mergePolicyLayers(p, { version: 1, categories: { profanity: { action: 'off' } } });
      assert.equal(r.policy.categories.profanity, undefined);
      assert.match(r.notices[0]!, /"categories"/);
    });

    it('allow-lists: unlocked they add up; locked the personal list is ignored', () => {
      const open = mergePolicyLayers(org({ allow: ['killer app'] }), { version: 1, allow: ['kill it', 'killer app'] });
      assert.deepEqual(open.policy.allow, ['killer app', 'kill it']);
      const locked = mergePolicyLayers(org({ allow: ['killer app'], locks: ['allow'] }), { version: 1, allow: ['kill it'] });
      assert.deepEqual(locked.policy.allow, ['killer app']);
      assert.match(locked.notices[0]!, /allow-list is not applied/);
    });

    it('locked quiet hours and recipient limits: only stricter or equal values apply', () => {
      const p = org({ quietHours: { start: '22:00', end: '06:00' }, maxRecipients: 30, locks: ['quietHours', 'maxRecipients'] });
      const looser = mergePolicyLayers(p, { version: 1, quietHours: null, maxRecipients: 0 });
      assert.equal(looser.policy.quietHours?.start, '22:00');
      assert.equal(looser.policy.maxRecipients, 30);
      assert.equal(looser.notices.length, 2);
      const stricter = mergePolicyLayers(p, { version: 1, maxRecipients: 10 });
      assert.equal(stricter.policy.maxRecipients, 10);
      assert.deepEqual(stricter.notices, []);
    });

    it('organization-only settings in preferences are ignored', () => {
      const p = org({ onError: 'hold', internalDomains: ['example.com'] });
      const r = mergePolicyLayers(p, { version: 1, onError: 'send', internalDomains: [], locks: [] });
      assert.equal(r.policy.onError, 'hold');
      assert.deepEqual(r.policy.internalDomains, ['example.com']);
      assert.deepEqual(r.policy.locks, []);
      assert.ok(r.problems.length >= 3);
    });

    it('personal terms are added; one with an organization term id is skipped', () => {
      const t = { patterns: ['Project Falcon'], category: 'confidential', severity: 'high', message: 'codename' };
      const p = org({ terms: [t] });
      const r = mergePolicyLayers(p, { version: 1, terms: [t, { ...t, patterns: ['Bluebird'] }] });
      assert.deepEqual(r.policy.terms.map((x) => x.id), ['project-falcon', 'bluebird']);
      assert.equal(r.notices.length, 1);
    });

    it('invalid preferences are ignored as a whole with a notice', () => {
      const p = org({ maxRecipients: 9 });
      const r = mergePolicyLayers(p, { version: 1, categories: { pii: { action: 'nope' } } });
      assert.equal(r.policy, p);
      assert.match(r.notices[0]!, /preferences could not be used \(error \$\.categories\.pii\.action/);
      assert.equal(mergePolicyLayers(p, 'garbage').policy, p);
    });

    it('the merged policy drives the classifier: a locked block stays a block', () => {
      const r = resolveLayers(
        JSON.stringify({
          version: 1,
          terms: [{ id: 'falcon', patterns: ['project falcon'], category: 'confidential', severity: 'medium', message: 'codename' }],
          categories: { confidential: { action: 'block' } },
          locks: ['categories.confidential'],
        }),
        { version: 1, categories: { confidential: { action: 'off' } } },
      );
      const result = createClassifier(r.policy).classify('Status of Project Falcon attached.');
      assert.equal(result.verdict, 'block');
      assert.equal(result.findings[0]?.rule, 'falcon');
      assert.equal(r.notices.length, 1);
    });
  });

  it('resolvePolicy gives terms without an id their derived id', () => {
    const p = resolvePolicy({ terms: [{ patterns: ['Acme Corp!'], category: 'confidential', severity: 'low', message: 'm' }] });
    assert.equal(p.terms[0]?.id, 'acme-corp');
  });
});
