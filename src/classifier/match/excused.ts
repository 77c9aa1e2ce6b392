import { tokenize } from '../normalize/tokenize.js';
import type { PhraseTrie } from './trie.js';

/**
 * What a phrase refers to is often said a sentence or two before it: "Jo's surprise lunch is on
 * Friday. Please keep this between us." or "The door code changes on Monday. Don't write it down."
 * A lexicon entry's `excusedBy` phrases excuse its matches when one stands earlier in the same
 * paragraph (no blank line between), at most EXCUSE_WINDOW characters before the match.
 *
 * Only the stretches before matches that may be excused are read, each character at most once
 * (the windows of nearby matches are merged), so a draft full of such matches costs what reading
 * it once costs.
 */
export const EXCUSE_WINDOW = 600;

export interface ExcusableMatch {
  /** The rule's index, as the excusing phrases were added to `excusers` under. */
  rule: number;
  /** Offset of the match in the text. */
  start: number;
}

/** For each match, whether an excusing phrase of its rule stands before it in its paragraph. */
export function excusedMatches(text: string, matches: readonly ExcusableMatch[], excusers: PhraseTrie): boolean[] {
  const order = matches.map((_, k) => k).sort((x, y) => matches[x]!.start - matches[y]!.start);
  // Ends of excusing phrases by rule (ascending once sorted), and where paragraphs start.
  const ends = new Map<number, number[]>();
  const paragraphs: number[] = [];
  let spanEnd = -1;
  const read = (a: number, b: number): void => {
    for (let i = text.indexOf('\n', Math.max(0, a - 1)); i >= 0 && i < b; i = text.indexOf('\n', i + 1)) {
      let j = i + 1;
      while (j < b && (text.charCodeAt(j) === 0x20 || text.charCodeAt(j) === 0x09 || text.charCodeAt(j) === 0x0d)) j++;
      if (j < b && text.charCodeAt(j) === 0x0a) paragraphs.push(j + 1);
    }
    const tokens = tokenize(text.slice(a, b));
    for (const m of excusers.match(tokens)) {
      const list = ends.get(m.rule) ?? [];
      list.push(a + tokens[m.last]!.e);
      ends.set(m.rule, list);
    }
  };
  // Merge the windows of matches in order of their start, and read each merged stretch once.
  let spanStart = -1;
  for (const k of order) {
    const s = matches[k]!.start;
    const a = Math.max(0, s - EXCUSE_WINDOW);
    if (spanStart >= 0 && a <= spanEnd) spanEnd = Math.max(spanEnd, s);
    else {
      if (spanStart >= 0) read(spanStart, spanEnd);
      spanStart = a;
      spanEnd = s;
    }
  }
  if (spanStart >= 0) read(spanStart, spanEnd);
  for (const list of ends.values()) list.sort((x, y) => x - y);
  return matches.map(({ rule, start }) => {
    const list = ends.get(rule);
    if (!list) return false;
    const from = Math.max(start - EXCUSE_WINDOW, lastAtOrBefore(paragraphs, start) ?? 0);
    const end = lastAtOrBefore(list, start);
    return end !== undefined && end >= from;
  });
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
