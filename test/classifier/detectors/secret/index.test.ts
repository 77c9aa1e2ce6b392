import assert from 'node:assert/strict';
import { SECRET_DETECTORS } from '../../../../src/classifier/detectors/secret/index.js';
import { fakeGen, UPPER, DIGITS } from './helpers.js';

const g = fakeGen(11);
const RULES = new Set(['api-key', 'private-key', 'password', 'token', 'connection-string']);

describe('secret/index', () => {
  it('exports one detector per family with secret/ ids', () => {
    const ids = SECRET_DETECTORS.map((d) => d.id);
    assert.deepEqual([...new Set(ids)].length, ids.length);
    for (const id of ids) assert.match(id, /^secret\/[a-z-]+$/);
  });

  it('reports a mixed mail once per secret, each with a corpus rule id', () => {
    const aws = 'AKIA' + g(16, UPPER + DIGITS);
    const text = [
      'Hi Raj, use these until Vault is fixed:',
      `AWS_ACCESS_KEY_ID=${aws}`,
      'password: Tz7!quarry-Oak',
      `postgres://app:Hq3-lakeside9@db.example/x`,
      'The password policy says 12 characters.',
    ].join('\n');
    const hits = SECRET_DETECTORS.flatMap((d) => d.detect(text));
    const values = hits.map((h) => text.slice(h.start, h.end)).sort();
    assert.deepEqual(values, [aws, 'Tz7!quarry-Oak', 'app:Hq3-lakeside9'].sort());
    for (const h of hits) assert.ok(RULES.has(h.rule));
  });

  it('clean business mail has no secrets', () => {
    const text = 'Thanks for the update. The token refresh fix shipped; password resets now go through the portal. Key dates: 3/14 and 4/2.';
    assert.deepEqual(SECRET_DETECTORS.flatMap((d) => d.detect(text)), []);
  });
});
