import type { Detector, Hit } from '../../types.js';
import { isAsciiLetterCode } from '../pii/common.js';
import { SUGGESTIONS } from '../../suggestions.js';

/**
 * `tone/one-word-jab`: a statement followed by "Again." or "Twice." standing as a sentence of its
 * own ("Noted. Again.", "Sure, I'll update it myself. Again.", "As previously attached. Twice.").
 * Said aloud it is a sigh; in writing it is a jab at whoever made it happen again. A phrase rule
 * cannot see it: the word alone is ordinary, and phrases never cross a sentence end.
 *
 * Fires on the jab when, on the same line, a sentence ends with "." right before it and that
 * sentence does not end in a courtesy ("Thank you. Again." and "Sorry. Again." are warm or
 * contrite; see COURTESY) nor tell of a win ("beat the CTO at table tennis. Twice." is a boast;
 * see WINS). "Yet again." and "Once again." count too. Not "Seriously.": after an order it is
 * only emphasis ("Paint the front door. Seriously.").
 *
 * Linear: a native search for ". " finds the candidates; each reads at most a few words.
 */

/** One-word sentences that jab: the thing has happened before. */
const JABS: ReadonlySet<string> = new Set(['again', 'twice']);
/** Words that may lead "again" in a two-word jab. */
const JAB_LEADS: ReadonlySet<string> = new Set(['yet', 'once']);
/** The last word of a sentence after which "Again." is warm or contrite, not a jab. */
const COURTESY: ReadonlySet<string> = new Set(
  'thanks thx ty you sorry apologies apologise apologize cheers congrats congratulations done welcome well'.split(' '),
);
/** Words of a win or praise in the sentence before: then "Again." or "Twice." is a boast. */
const WINS: ReadonlySet<string> = new Set(
  'won win wins winning beat beaten smashed topped record award awarded champion champions congratulations congrats proud promoted praised top best'.split(' '),
);
/** How far back (characters) the sentence before is read for WINS. */
const LOOKBACK = 200;
/** Most findings per text. */
const MAX_HITS = 20;

const MESSAGE = 'A one-word sentence like "Again." or "Twice." after a statement reads as an exasperated jab at the reader.';
const SUGGESTION = SUGGESTIONS ? 'If it keeps happening, say so plainly and ask for what would stop it: "This is the third time; can we add a check?"' : undefined;

export const oneWordJabDetector: Detector = {
  id: 'tone/one-word-jab',
  outsideQuotes: true,
  detect(text: string): Hit[] {
    const hits: Hit[] = [];
    for (let p = text.indexOf('. '); p >= 0 && hits.length < MAX_HITS; p = text.indexOf('. ', p + 2)) {
      let k = p + 2;
      while (text.charCodeAt(k) === 32) k++;
      const first = wordAt(text, k);
      if (!first) continue;
      let end = first.end;
      let jab = false;
      if (text.charCodeAt(end) === 46) jab = JABS.has(first.word);
      else if (text.charCodeAt(end) === 32 && JAB_LEADS.has(first.word)) {
        const second = wordAt(text, end + 1);
        if (second && second.word === 'again' && text.charCodeAt(second.end) === 46) {
          jab = true;
          end = second.end;
        }
      }
      if (!jab || COURTESY.has(wordBefore(text, p)) || tellsOfWin(text, p)) continue;
      hits.push({ category: 'tone', rule: 'one-word-jab', severity: 'medium', start: k, end: end + 1, message: MESSAGE, suggestion: SUGGESTION });
    }
    return hits;
  },
};

/** The ASCII letters of a word of at most 12 starting at `at`, lowercased, and where it ends. */
function wordAt(text: string, at: number): { word: string; end: number } | null {
  let k = at;
  while (k - at < 12 && isAsciiLetterCode(text.charCodeAt(k))) k++;
  if (k === at || isAsciiLetterCode(text.charCodeAt(k))) return null;
  return { word: text.slice(at, k).toLowerCase(), end: k };
}

/** The letters (at most 16) right before the period at `p`, lowercased: the last word of that sentence. */
function wordBefore(text: string, p: number): string {
  let k = p;
  while (k > 0 && p - k < 16 && isAsciiLetterCode(text.charCodeAt(k - 1))) k--;
  return text.slice(k, p).toLowerCase();
}

/** Whether the sentence ending at `p` (read back at most LOOKBACK characters) holds a word of WINS. */
function tellsOfWin(text: string, p: number): boolean {
  const from = Math.max(0, p - LOOKBACK);
  let start = from;
  for (let k = p - 1; k >= from; k--) {
    const c = text.charCodeAt(k);
    if (c === 0x2e || c === 0x21 || c === 0x3f || c === 0x0a) {
      start = k + 1;
      break;
    }
  }
  for (const w of text.slice(start, p).toLowerCase().split(/[^a-z]+/)) if (WINS.has(w)) return true;
  return false;
}
