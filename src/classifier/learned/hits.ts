/**
 * The learned scorer's findings: rule `learned` in each category it scores, one per category at
 * most, on the sentence that weighed most (or, when only a passage of the mail reached its
 * threshold, on that passage's sentences). They say what they are (a judgement learned from
 * examples, with its score and the words that weighed most), so a reader can weigh them.
 */
import { LEARNED } from '../lexicons/compiled.js';
import { SUGGESTIONS } from '../suggestions.js';
import type { Category, Hit } from '../types.js';
import { LearnedModel } from './model.js';
import { withoutCourtesy } from './words.js';

export const LEARNED_RULE = 'learned';

/** How each category reads, as the end of "Read as a whole, this reads like ...". */
const READS_LIKE: Partial<Record<Category, string>> = {
  threat: 'a threat or a warning of retaliation',
  identity: 'a remark or a decision about someone\u2019s race, religion, gender, age, disability or origin',
  legal: 'wording a lawyer would not want in writing (hiding, destroying or keeping something from scrutiny)',
  insult: 'a belittling remark about a person',
  tone: 'hostile, sarcastic or passive-aggressive',
  confidential: 'a confidential matter about a person or the business',
};

const SUGGESTION: Partial<Record<Category, string>> = {
  threat: 'If a consequence is real, name the process (a review, a formal warning) plainly; leave out anything that sounds like menace.',
  identity: 'Give the reason that is about the work, and leave the person\u2019s traits out of it; ask HR if in doubt.',
  legal: 'Write it as you would want it read aloud in court, or talk to legal before sending.',
  insult: 'Describe the problem with the work, not the person.',
  tone: 'Say plainly what you need and by when; drop the sarcasm.',
  confidential: 'Check that every recipient should know this; HR and pay matters go to those who need them, not in a wide mail.',
};

let shared: LearnedModel | undefined;

/** The shipped model, parsed once on first use. */
export function learnedModel(): LearnedModel {
  return (shared ??= new LearnedModel(LEARNED));
}

/** Hits for the categories the model scores above threshold in text's ranges, except those in `skip`. */
export function learnedHits(text: string, ranges: ReadonlyArray<readonly [number, number]>, skip: ReadonlySet<Category>): Hit[] {
  const hits: Hit[] = [];
  for (const s of learnedModel().score(text, withoutCourtesy(text, ranges))) {
    if (skip.has(s.category)) continue;
    const words = s.words.length > 0 ? `; the words that weighed most: ${s.words.map((w) => `\u201c${w}\u201d`).join(', ')}` : '';
    const hit: Hit = {
      category: s.category,
      rule: LEARNED_RULE,
      severity: 'medium',
      start: s.start,
      end: s.end,
      message: `${s.scope === 'mail' ? 'Read as a whole, this mail reads' : 'Read together, these sentences read'} like ${READS_LIKE[s.category] ?? s.category} (a judgement learned from example mail, score ${s.score.toFixed(2)}${words}). Read it again as the recipient will.`,
    };
    if (SUGGESTIONS && SUGGESTION[s.category]) hit.suggestion = SUGGESTION[s.category];
    hits.push(hit);
  }
  return hits;
}
