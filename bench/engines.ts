/**
 * The engines the benchmark compares: Second Thought and the checkers a user would
 * otherwise pick, each called the way its documentation shows, returning everything
 * it found (not just a yes/no) since Second Thought returns every finding.
 */
import { createClassifier, type Policy } from '../src/classifier/index.js';

export interface Engine {
  name: string;
  /** What one call runs, for the report. */
  describe: string;
  /** Checks one message. May return a promise (awaited inside the timed span). */
  check(text: string): unknown;
}

/**
 * Second Thought as the hosts ship it: `create` comes from a minified esbuild bundle of the core
 * (bench/run.ts), the same code shape webpack gives the task pane and the send handler; without
 * one, the TypeScript sources as tsx runs them, which is slower than what ships (tsx keeps
 * function names by wrapping every closure it creates).
 */
export function secondThought(policy?: Policy, create: typeof createClassifier = createClassifier): Engine {
  const classifier = create(policy);
  return {
    name: 'second-thought',
    describe: `createClassifier().classify(draft): phrase gate and trie, pii, secret and tone detectors, learned scorer, segmenter (${create === createClassifier ? 'TypeScript sources via tsx' : 'minified esbuild bundle'})`,
    check: (text) => classifier.classify(text),
  };
}

export async function obscenity(): Promise<Engine> {
  const { RegExpMatcher, englishDataset, englishRecommendedTransformers } = await import('obscenity');
  const matcher = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });
  return {
    name: 'obscenity',
    describe: 'RegExpMatcher(englishDataset + englishRecommendedTransformers).getAllMatches(text)',
    check: (text) => matcher.getAllMatches(text),
  };
}

export async function alex(): Promise<Engine> {
  // alex is ESM; `markdown` (its default) parses the text as markdown, then runs its retext checks.
  const mod = (await import('alex')) as unknown as { markdown: (value: string) => unknown };
  return {
    name: 'alex',
    describe: 'alex markdown(text): remark parse + retext-equality + retext-profanities',
    check: (text) => mod.markdown(text),
  };
}

export async function leoProfanity(): Promise<Engine> {
  const mod = (await import('leo-profanity')) as unknown as { default?: LeoFilter } & LeoFilter;
  const filter = mod.default ?? mod;
  return {
    name: 'leo-profanity',
    describe: 'filter.badWordsUsed(text)',
    check: (text) => filter.badWordsUsed(text),
  };
}

interface LeoFilter {
  badWordsUsed(text: string): string[];
  list(): string[];
}

/**
 * The practical floor: lowercase, split on anything that is not a letter or digit, look
 * each word up in a set. No normalization, no phrases, no detectors. The word set is
 * leo-profanity's list, so the lookups are real.
 */
export async function floor(): Promise<Engine> {
  const mod = (await import('leo-profanity')) as unknown as { default?: LeoFilter } & LeoFilter;
  const words = new Set((mod.default ?? mod).list());
  return {
    name: 'floor',
    describe: 'text.toLowerCase().split(/[^a-z0-9]+/) and Set.has per word',
    check: (text) => {
      const found: string[] = [];
      for (const w of text.toLowerCase().split(/[^a-z0-9]+/)) if (words.has(w)) found.push(w);
      return found;
    },
  };
}
