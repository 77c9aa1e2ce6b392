import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadPolicy } from '../../src/cli/policy.js';
import { FIXTURES } from './helpers.js';
import { tempDir } from '../temp-dir.js';

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

  it('validates against the policy schema: an error is one line with its JSON path; warnings are passed on and ignored', async () => {
    const dir = tempDir('st-policy-');
    writeFileSync(join(dir, 'bad.json'), '{"onError":"explode","maxRecipients":"many"}');
    await assert.rejects(loadPolicy('bad.json', dir), /^InputError: bad\.json: invalid policy: error \$\.\w+: .*\(and 1 more; run 'second-thought policy validate bad\.json'\)$/);
    writeFileSync(join(dir, 'typo.json'), '{"version": 1, "maxRecipents": 5}');
    const warnings: string[] = [];
    const p = await loadPolicy('typo.json', dir, (w) => warnings.push(w));
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]!, /^typo\.json: warning \$\.maxRecipents: unknown key/);
    assert.equal((p as Record<string, unknown>).maxRecipents, undefined, 'unknown keys are dropped');
  });
});
