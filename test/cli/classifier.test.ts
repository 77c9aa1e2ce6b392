import assert from 'node:assert/strict';
import { loadClassifier } from '../../src/cli/classifier.js';

describe('cli/classifier', function () {
  // Each case builds a classifier; generous under a loaded shared machine (no timing is asserted).
  this.timeout(120_000);
  it('builds the classifier with or without a policy', async () => {
    const c = await loadClassifier({ version: 1, terms: [{ patterns: ['wibblethorp'], category: 'legal', severity: 'high', message: 'm' }] });
    const r = c.classify('about wibblethorp');
    assert.deepEqual(
      r.findings.map((f) => [f.category, f.text]),
      [['legal', 'wibblethorp']],
    );
    assert.equal((await loadClassifier(undefined)).classify('').verdict, 'pass');
  });

  it('a policy the engine cannot compile is an invalid policy naming the file', async () => {
    const bad = { terms: [{ patterns: ['(broken'], category: 'legal' as const, severity: 'high' as const, message: 'm' }] };
    await assert.rejects(loadClassifier(bad, 'org.json'), (err: Error) => {
      assert.match(err.message, /^org\.json: invalid policy: /);
      assert.equal((err as { cliError?: boolean }).cliError, true);
      return true;
    });
  });
});
