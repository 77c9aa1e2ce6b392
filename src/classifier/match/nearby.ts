import { tokenize } from '../normalize/tokenize.js';
import { isBlank } from './gate.js';
import type { PhraseTrie } from './trie.js';

/**
 * Phrases near a match, in its paragraph, that change what the match means. Two lexicon fields
 * use them:
 *
 * - `excusedBy`: what a phrase refers to is often said a sentence or two before it: "Jo's surprise
 *   lunch is on Friday. Please keep this between us." or "The door code changes on Monday. Don't
 *   write it down." An excusing phrase earlier in the paragraph, at most EXCUSE_WINDOW characters
 *   before the match, takes the match away.
 * - `needs`: a trait named is a finding only beside a decision taken on it ("She's pregnant. Let's
 *   not give her the branch."): a needed phrase within NEED_WINDOW characters before or after the
 *   match, in its paragraph, is what makes the match count. Such a rule's excusing phrases are
 *   read in the same window ("she's pregnant, so keep her off the x-ray rota": the excuse comes
 *   after).
 *
 * A paragraph ends at a blank line. Only the stretches around matches that ask are read, each
 * character at most once (the windows of nearby matches are merged), so a draft full of such
 * matches costs what reading it once costs.
 */
export const EXCUSE_WINDOW = 600;
export const NEED_WINDOW = 240;

export interface NearbyQuery {
  /** The rule's index, as its phrases were added to the trie under. */
  rule: number;
  /** The stretch of text a phrase must lie in (then clipped to the match's paragraph). */
  from: number;
  to: number;
  /** Where the match starts: no blank line may stand between it and the phrase. */
  start: number;
}

/** The query for a match excused by phrases before it (`excusedBy`). */
export function before(rule: number, start: number): NearbyQuery {
  return { rule, from: Math.max(0, start - EXCUSE_WINDOW), to: start, start };
}

/** The query for a match that needs a phrase near it, on either side (`needs`). */
export function around(rule: number, start: number, end: number, length: number): NearbyQuery {
  return { rule, from: Math.max(0, start - NEED_WINDOW), to: Math.min(length, end + NEED_WINDOW), start };
}

/** For each query, whether a phrase of its rule lies whole in its stretch and in the match's paragraph. */
export function phrasesNear(text: string, queries: readonly NearbyQuery[], phrases: PhraseTrie): boolean[] {
  const order = queries.map((_, k) => k).sort((x, y) => queries[x]!.from - queries[y]!.from);
  // Phrases found, by rule, as [start, end] pairs; where paragraphs start. Both come out in
  // ascending order: the stretches are read left to right and the trie reports matches by their
  // first token.
  const found = new Map<number, number[]>();
  const paragraphs: number[] = [];
  const read = (a: number, b: number): void => {
    for (let i = text.indexOf('\n', Math.max(0, a - 1)); i >= 0 && i < b; i = text.indexOf('\n', i + 1)) {
      let j = i + 1;
      while (j < b && isBlank(text.charCodeAt(j))) j++;
      if (j < b && text.charCodeAt(j) === 0x0a) paragraphs.push(j + 1);
    }
    const tokens = tokenize(text.slice(a, b));
    for (const m of phrases.match(tokens)) {
      let list = found.get(m.rule);
      if (!list) found.set(m.rule, (list = []));
      list.push(a + tokens[m.first]!.s, a + tokens[m.last]!.e);
    }
  };
  // Merge the stretches in order of their start, and read each merged stretch once.
  let spanStart = -1;
  let spanEnd = -1;
  for (const k of order) {
    const { from, to } = queries[k]!;
    if (spanStart >= 0 && from <= spanEnd) spanEnd = Math.max(spanEnd, to);
    else {
      if (spanStart >= 0) read(spanStart, spanEnd);
      spanStart = from;
      spanEnd = to;
    }
  }
  if (spanStart >= 0) read(spanStart, spanEnd);
  return queries.map(({ rule, from, to, start }) => {
    const list = found.get(rule);
    if (!list) return false;
    // The first phrase starting in the stretch, then on while phrases start in it (their number is
    // bounded by the stretch's length, which is bounded by the windows).
    for (let k = firstPairFrom(list, from); k < list.length && list[k]! <= to; k += 2) {
      const ps = list[k]!;
      const pe = list[k + 1]!;
      if (pe > to) continue;
      // No paragraph starts after the earlier of the two and at or before the later one's start.
      const lo = Math.min(ps, start);
      const hi = Math.max(ps, start);
      const p = lastAtOrBefore(paragraphs, hi);
      if (p === undefined || p <= lo) return true;
    }
    return false;
  });
}

/** The index of the first pair of `list` whose start is at least `x`. */
function firstPairFrom(list: readonly number[], x: number): number {
  let lo = 0;
  let hi = list.length >> 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[2 * mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return 2 * lo;
}

/** The largest value of the ascending `xs` that is at most `x`. */
function lastAtOrBefore(xs: readonly number[], x: number): number | undefined {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? xs[lo - 1] : undefined;
}
