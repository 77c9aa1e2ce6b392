import assert from 'node:assert/strict';
import { starterPolicy } from '../../src/policy/starter.js';
import { formatProblem, validatePolicyText } from '../../src/policy/validate.js';
import { loadOrganizationPolicy } from '../../src/policy/layers.js';
import { createClassifier } from '../../src/classifier/index.js';

describe('policy/starter', () => {
  it('is valid without a single warning and documents itself in $comment fields', () => {
    const text = starterPolicy();
    const r = validatePolicyText(text);
    assert.deepEqual(r.problems.map(formatProblem), []);
    assert.match(text, /"\$comment"/);
  });

  it('its codename term fires for an external recipient only', () => {
    const { policy } = loadOrganizationPolicy(starterPolicy());
    const c = createClassifier(policy);
    const body = 'The Kestrel launch slipped again, see the deck for project kestrel.';
    const external = c.classify({ body, to: ['partner@agency.test'] });
    const internal = c.classify({ body, to: ['amy@example.com'] });
    assert.ok(external.findings.some((f) => f.rule === 'project-codename' && f.category === 'confidential'));
    assert.ok(!internal.findings.some((f) => f.rule === 'project-codename'));
  });

  it('its second term counts only near deal words (needs) and not after a bird (excusedBy)', () => {
    const { policy } = loadOrganizationPolicy(starterPolicy());
    const c = createClassifier(policy);
    const falcon = (body: string) => c.classify(body).findings.filter((f) => f.rule === 'falcon').length;
    assert.equal(falcon('Falcon signs on Friday; the deal team is in London.'), 1);
    assert.equal(falcon('A falcon nested on the roof of the Leeds office.'), 0);
    assert.equal(falcon('The hawk and the falcon on the roof are back; the deal on the new lease is done.'), 0);
  });
});
