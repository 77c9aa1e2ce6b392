import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { MODEL_PATH, personalNames, trainModel, trainingDigest, trainingFiles } from '../../../scripts/train-model.js';

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

  it('leaves out the words written as names, not the capitalised words the lexicons name', () => {
    const texts = [
      'Please ask Priya for the rota. I told Priya already.',
      'Thanks to Priya and to the Muslim staff network.',
      'The Muslim prayer room is on floor 2, and Monday works.',
      'We met the Muslim chaplain and Priya on Monday.',
      'Send it to the team by monday.',
      'Marking starts Monday and monday is busy.',
    ];
    const names = personalNames(texts);
    assert.ok(names.has('priya'), 'capitalised in every use inside a sentence');
    assert.ok(!names.has('muslim'), 'capitalised, but a word of an identity lexicon set');
    assert.ok(!names.has('monday'), 'written in lower case often enough');
    assert.ok(!names.has('please') && !names.has('thanks'), 'capitalised only at the start of a sentence');
  });

  it('learns from the project\u2019s own labelled mail only, never the shared corpus', () => {
    for (const [name] of trainingFiles()) assert.match(name, /^test\/fixtures\//);
  });
});
