import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DEFAULT_POLICY } from '../../src/policy/defaults.js';
import { effectiveAction, loadOrganizationPolicy, mergePolicyLayers } from '../../src/policy/layers.js';
import { validatePolicy } from '../../src/policy/validate.js';
import { ACTIONS, CATEGORIES, SEVERITIES } from '../../src/classifier/types.js';

const RANK = { off: 0, inform: 1, warn: 2, block: 3 } as const;
const setting = fc.record({ action: fc.constantFrom(...ACTIONS), minSeverity: fc.constantFrom(...SEVERITIES) }, { requiredKeys: [] });
const layer = fc.record(
  {
    version: fc.constant(1 as const),
    severityActions: fc.record({ low: fc.constantFrom(...ACTIONS), medium: fc.constantFrom(...ACTIONS), high: fc.constantFrom(...ACTIONS) }, { requiredKeys: [] }),
    categories: fc.dictionary(fc.constantFrom(...CATEGORIES), setting, { maxKeys: 4 }),
    rules: fc.dictionary(fc.constantFrom('pii/ssn', 'tone/shouting', 'insult/idiot', 'secret/password'), setting, { maxKeys: 3 }),
  },
  { requiredKeys: ['version'] },
);

describe('policy properties', () => {
  it('validation and loading never throw, whatever the input', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const r = validatePolicy(value);
        assert.equal(r.policy === null, r.problems.some((p) => p.level === 'error'));
        for (const p of r.problems) assert.match(p.path, /^\$/);
        const load = loadOrganizationPolicy(JSON.stringify(value));
        assert.ok(load.policy);
        if (load.source === 'default') assert.equal(load.policy, DEFAULT_POLICY);
      }),
      { numRuns: 300 },
    );
    fc.assert(fc.property(fc.string(), (text) => void loadOrganizationPolicy(text)), { numRuns: 200 });
  });

  it('a valid policy survives a JSON round trip unchanged', () => {
    fc.assert(
      fc.property(layer, (doc) => {
        const r = validatePolicy(doc);
        if (r.policy === null) return; // e.g. a lock-free doc is always valid; kept general
        assert.deepEqual(validatePolicy(JSON.parse(JSON.stringify(r.policy))).policy, r.policy);
      }),
      { numRuns: 200 },
    );
  });

  it('locked findings are never weaker after merging any preferences', () => {
    fc.assert(
      fc.property(layer, layer, fc.subarray(['severityActions', 'severityActions.high', 'categories.pii', 'categories.tone', 'rules.insult/idiot', 'categories']), (orgDoc, user, locks) => {
        const orgValid = validatePolicy({ ...orgDoc, locks });
        fc.pre(orgValid.policy !== null);
        const org = loadOrganizationPolicy(JSON.stringify({ ...orgDoc, locks })).policy;
        const merged = mergePolicyLayers(org, user).policy;
        for (const category of CATEGORIES) {
          for (const rule of ['*', 'ssn', 'shouting', 'idiot', 'password', 'other']) {
            for (const severity of SEVERITIES) {
              const f = { category, rule, severity };
              const locked =
                locks.includes('severityActions') ||
                locks.includes(`severityActions.${severity}`) ||
                locks.includes('categories') ||
                locks.includes(`categories.${category}`) ||
                locks.includes(`rules.${category}/${rule}`);
              if (locked) assert.ok(RANK[effectiveAction(merged, f)] >= RANK[effectiveAction(org, f)], JSON.stringify({ f, locks, user }));
            }
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
