import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClassifier } from '../../src/classifier/index.js';
import { loadOrganizationPolicy } from '../../src/policy/layers.js';
import { formatProblem, validatePolicyText } from '../../src/policy/validate.js';

const EXAMPLES = fileURLToPath(new URL('../../examples/', import.meta.url));

describe('examples/*.policy.json', () => {
  const files = readdirSync(EXAMPLES).filter((f) => f.endsWith('.policy.json'));
  it('there is at least the media company example', () => assert.ok(files.includes('media-company.policy.json')));
  for (const file of files) {
    it(`${file} validates without a problem`, () => {
      assert.deepEqual(validatePolicyText(readFileSync(join(EXAMPLES, file), 'utf8')).problems.map(formatProblem), []);
    });
  }

  describe('media company: the Sony case', () => {
    const { policy, source } = loadOrganizationPolicy(readFileSync(join(EXAMPLES, 'media-company.policy.json'), 'utf8'));
    const c = createClassifier(policy);
    const rules = (to: string, body: string): string[] => c.classify({ body, to: [to] }).findings.map((f) => `${f.category}/${f.rule}:${f.action}`);

    it('loads as the organization policy', () => assert.equal(source, 'organization'));

    it('an unreleased title to the press is blocked (confidential content to an external recipient); inside it passes', () => {
      assert.deepEqual(rules('desk@newspaper.test', 'The Nightjar trailer is ready.'), ['confidential/unreleased-titles:warn', 'context/external-recipient:block']);
      assert.deepEqual(rules('editor@post.studio.example', 'The Nightjar trailer is ready.'), []);
    });

    it('talent names outside only inform; talent pay warns even inside', () => {
      assert.deepEqual(rules('agent@talent.test', 'Lovely to see Mara Quill at the premiere.'), ['confidential/talent-names:inform']);
      assert.ok(rules('cfo@studio.example', 'She asked for pay or play on the sequel.').includes('confidential/talent-pay:warn'));
    });

    it('personal data is blocked', () => {
      assert.ok(rules('cfo@studio.example', 'Card 4111 1111 1111 1111 for the hotel.').includes('pii/credit-card:block'));
    });
  });
});
