import type { Category, Classifier, Finding } from '../../src/classifier/index.js';
import { LEARNED_RULE } from '../../src/classifier/learned/hits.js';

/**
 * The lexicon tests judge the phrase rules of their lexicon; the learned scorer (rule `learned`)
 * is judged beside them by `learnedWarnings`, which counts its warnings on the same innocent
 * sentences (they were never its training data).
 */
export function ruleFindings(found: Finding[]): Finding[] {
  return found.filter((f) => f.rule !== LEARNED_RULE);
}

/** The texts on which the learned scorer warns in `category`. */
export function learnedWarnings(classifier: Classifier, texts: readonly string[], category: Category): string[] {
  return texts.filter((t) => classifier.classify(t).findings.some((f) => f.rule === LEARNED_RULE && f.category === category && f.action !== 'inform'));
}
