import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { MODEL_PATH, trainModel, trainingDigest, trainingFiles } from '../../../scripts/train-model.js';

/**
 * The shipped model (lexicons/learned/en.tsv) is exactly what `npm run train` makes of the
 * training files: nobody can edit a weight by hand, and a training file that changed without
 * retraining fails here.
 */
describe('learned model training (scripts/train-model.ts)', function () {
  this.timeout(120_000);
  const shipped = readFileSync(MODEL_PATH, 'utf8');

  it('records the digest of the current training files', () => {
    const digest = trainingDigest(trainingFiles());
    assert.match(shipped, new RegExp(`training digest ${digest};`), 'the training files changed: run npm run train');
  });

  it('retraining gives the shipped file byte for byte', () => {
    assert.equal(trainModel(), shipped);
  });

  it('learns from the project\u2019s own labelled mail only, never the shared corpus', () => {
    for (const [name] of trainingFiles()) assert.match(name, /^test\/fixtures\//);
  });
});
