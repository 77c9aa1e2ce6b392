/**
 * What the benchmark bundles and measures (bench/startup.ts buildCore): the classifier as the
 * hosts ship it, and its stages, so that "where the time goes" adds up with the whole check.
 */
import { compilePhrases } from '../src/classifier/classify.js';
import type { SentenceGate } from '../src/classifier/match/gate.js';
import { resolvePolicy } from '../src/policy/defaults.js';

export { createClassifier } from '../src/classifier/index.js';
export { findSegments, forEachOutside, rangesOutside } from '../src/classifier/segment/segment.js';
export { learnedModel } from '../src/classifier/learned/hits.js';
export { tokenize } from '../src/classifier/normalize/tokenize.js';
export { DETECTORS } from '../src/classifier/detectors/index.js';

/** The sentence gate of a classifier with the default policy, built as createClassifier builds it. */
export function lexiconGate(): SentenceGate {
  return compilePhrases(resolvePolicy()).gate;
}
