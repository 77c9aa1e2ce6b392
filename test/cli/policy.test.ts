import assert from 'node:assert/strict';
import { loadPolicy, validatePolicy } from '../../src/cli/policy.js';
import { FIXTURES } from './helpers.js';

describe('cli/policy', () => {
  it('reads a JSON object policy, relative to the given directory', async () => {
    const p = await loadPolicy('policy.json', FIXTURES);
    assert.equal(p.terms?.length, 3);
  });

  const bad: [string, RegExp][] = [
    ['policy-bad-json.json', /^policy-bad-json\.json: invalid policy: not valid JSON \(/],
    ['policy-array.json', /^policy-array\.json: invalid policy: expected a JSON object at \$, got an array$/],
    ['missing.json', /^missing\.json: cannot read policy: no such file or directory$/],
    ['.', /^\.: cannot read policy: is a directory$/],
  ];
  for (const [file, pattern] of bad) {
    it(`refuses ${file}`, async () => {
      await assert.rejects(loadPolicy(file, FIXTURES), (err: Error) => {
        assert.match(err.message, pattern);
        assert.equal((err as { cliError?: boolean }).cliError, true);
        return true;
      });
    });
  }

  it('has a validation hook that accepts any object until the schema validator lands', () => {
    assert.deepEqual(validatePolicy({ anything: 1 }), []);
  });
});
