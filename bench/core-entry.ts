/**
 * What the benchmark bundles and measures (bench/startup.ts buildCore): the classifier as the
 * hosts ship it, and its stages, so that "where the time goes" adds up with the whole check.
 */
import { LEXICON, LEXICON_SETS } from '../src/classifier/lexicons/compiled.js';
import type { LexiconEntry } from '../src/classifier/lexicons/entry.js';
import { SentenceGate } from '../src/classifier/match/gate.js';
import { parseTerms } from '../src/classifier/match/pattern.js';

export { createClassifier } from '../src/classifier/index.js';
export { findSegments } from '../src/classifier/segment/segment.js';
export { tokenize } from '../src/classifier/normalize/tokenize.js';
export { DETECTORS } from '../src/classifier/detectors/index.js';

/** The sentence gate over the lexicons, as a classifier with the default policy builds it. */
export function lexiconGate(): SentenceGate {
  const gate = new SentenceGate();
  for (const e of LEXICON as readonly LexiconEntry[]) for (const p of e.patterns) gate.addPattern(parseTerms(p, LEXICON_SETS));
  return gate;
}
