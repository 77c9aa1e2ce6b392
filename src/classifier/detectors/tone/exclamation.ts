import type { Detector, Hit, Severity } from '../../types.js';
import { SUGGESTIONS } from '../../suggestions.js';

/**
 * `tone/exclamation`: runs of exclamation and question marks ("!!!", "?!?!", "!!?") and mail
 * that keeps raising its voice with several "!!" / "?!" runs. A single "!" never fires, nor
 * does a single "?" or "??".
 *
 * - A strong run (3 or more marks with at least one "!", e.g. "!!!", "?!?") fires on its own;
 *   a weak run ("!!", "?!", "!?", "??") fires when the mail has at least two runs.
 * - Marks amplify what the sentence says. The finding is a warning (medium) when the sentence
 *   is exasperated: a mixed run of 4 or more like "?!?!", or a run of 3 or more next to words
 *   like "why", "still", "again", "how many", "now" (see HOT; a run of "?" alone needs two of them). Otherwise it only informs (low): "Congrats!!!", "See you there!!" and a
 *   newsletter's "Register today!!!" are enthusiasm, not anger, and warm words ("thanks",
 *   "congrats", "birthday") always keep it at inform.
 * - Code is left alone: `!!value` (double negation), `#!/bin/sh`, `!==`.
 *
 * Linear: one pass finds the runs; each run looks back at most LOOKBACK characters.
 */

const BANGS = new Set(['!', '\uff01', '\u2757', '\u2755', '\u00a1']);
const QUESTIONS = new Set(['?', '\uff1f', '\u2753', '\u2754', '\u00bf']);
const BOTH = new Set(['\u203d', '\u2049', '\u2048', '\u2047']);

/** How far back (characters) a run looks for warm words in its own sentence. */
const LOOKBACK = 80;
/** Findings per text: past this the writer has got the point (and pathological input stays cheap). */
const MAX_HITS = 50;

const WARM = [
  'thank',
  'thx',
  'congrat',
  'great',
  'awesome',
  'amazing',
  'love',
  'happy',
  'yay',
  'woo',
  'hooray',
  'hurray',
  'excited',
  'exciting',
  'wonderful',
  'fantastic',
  'well done',
  'cheers',
  'wow',
  'best',
  'good luck',
  'welcome',
  'nice',
  'cool',
  'fun',
  'enjoy',
  'birthday',
  'glad',
  'see you',
  'party',
  'celebrat',
  'proud',
  'beautiful',
  'perfect',
  'brilliant',
  'lol',
  'haha',
  'finally here',
  'we did it',
  'kudos',
  'bravo',
  'hello',
  'hi ',
  'hey',
  'merry',
  'holiday',
  'weekend',
  'cute',
  'delicious',
  'incredible',
  'superb',
  'stellar',
  'nailed',
];

/**
 * Exasperation: with one of these in its sentence a run of marks is a warning, not just noise.
 * Whole words only ("wrong" is not in "wrongdoing", "now" not in "nowhere", "hell" not in
 * "hello"): see hasWord. A run of question marks alone ("???") needs two of them (see below).
 */
const HOT = [
  'why',
  'still',
  'again',
  'never',
  'stop',
  'seriously',
  'ridiculous',
  'unacceptable',
  'wrong',
  'immediately',
  'told',
  'asked',
  'hell',
  'damn',
  'damned',
  'dammit',
  'damnit',
  'kidding',
  'joke',
  'joking',
  'how many',
  'how hard',
  'what the',
  'where is',
  "where's",
  'idiot',
  'idiots',
  'stupid',
  'unbelievable',
  'useless',
  'nobody',
  'every time',
  'last time',
  'now',
];

/**
 * "Never" about the writer's own experience ("I've never seen anything like it!!!", "Never been
 * so happy!!!") is wonder, not a complaint about someone. Bounded: runs over one short sentence.
 */
const NEVER_OWN = /(?:^|[^a-z'])(?:i|we)(?:'ve|'d| have| had)? never\b|^\s*never (?:been|seen|had|heard|felt|met|tasted|known|thought|done|loved|laughed)\b/;

const MESSAGE_STRONG = 'A run of exclamation marks reads as shouting or exasperation in a work mail.';
const MESSAGE_MANY = 'Several "!!" or "?!" in one mail make it read as agitated.';
const SUGGESTION = SUGGESTIONS ? 'Use one exclamation mark at most, and let the words carry the urgency: "This is urgent: I need it by 3pm."' : undefined;

interface Run {
  start: number;
  end: number;
  bangs: number;
  questions: number;
}

export const exclamationDetector: Detector = {
  id: 'tone/exclamation',
  detect(text: string): Hit[] {
    const runs: Run[] = [];
    const len = text.length;
    let i = 0;
    while (i < len) {
      // Jump to the next mark: the engine's own scan is much faster than a loop here, and a
      // single character class cannot backtrack.
      NEXT_MARK.lastIndex = i;
      if (!NEXT_MARK.test(text)) break;
      i = NEXT_MARK.lastIndex - 1;
      const start = i;
      let bangs = 0;
      let questions = 0;
      while (i < len && isMark(text[i]!)) {
        const c = text[i]!;
        if (BANGS.has(c)) bangs++;
        else if (QUESTIONS.has(c)) questions++;
        else {
          bangs++;
          questions++;
        }
        i++;
      }
      if (isCode(text, start, i)) continue;
      runs.push({ start, end: i, bangs, questions });
    }
    const hits: Hit[] = [];
    let weakOrStrong = 0;
    for (const r of runs) if (strength(r) !== 'none') weakOrStrong++;
    for (const r of runs) {
      if (hits.length >= MAX_HITS) break;
      const s = strength(r);
      if (s === 'none') continue;
      if (s === 'weak' && weakOrStrong < 2) continue;
      // Marks amplify what the sentence says: a warning only when the sentence is exasperated
      // (words like "why", "still", "again"), otherwise the pane informs. A mixed run ("??!!") is
      // no warning by itself: in the corpus's clean mail it was praise or surprise as often as
      // not, and on the written sets it found nothing the other tone rules did not.
      // A run of question marks only ("???") is a loud question, puzzled as often as annoyed
      // ("lawyer again, like the old days???"): it warns only with two cues ("why is it still...???").
      const sentence = ownSentence(text, r.start);
      let severity: Severity = 'low';
      const n = r.end - r.start;
      const cues = n >= 3 ? hotCues(sentence, r.bangs > 0 ? 1 : 2) : 0;
      const hot = r.bangs > 0 ? cues >= 1 : cues >= 2;
      if (hot && !hasAny(sentence, WARM)) severity = 'medium';
      hits.push({
        category: 'tone',
        rule: 'exclamation',
        severity,
        start: r.start,
        end: r.end,
        message: s === 'strong' ? MESSAGE_STRONG : MESSAGE_MANY,
        suggestion: SUGGESTION,
      });
    }
    return hits;
  },
};

/** Any one mark (BANGS, QUESTIONS, BOTH), as one character class built from those sets. */
const NEXT_MARK = new RegExp(`[${[...BANGS, ...QUESTIONS, ...BOTH].join('')}]`, 'g');

function isMark(ch: string): boolean {
  const c = ch.charCodeAt(0);
  // Most characters are ASCII, where only `!` and `?` are marks: no set lookups for them.
  if (c < 128) return c === 0x21 || c === 0x3f;
  return BANGS.has(ch) || QUESTIONS.has(ch) || BOTH.has(ch);
}

function strength(r: Run): 'strong' | 'weak' | 'none' {
  const n = r.end - r.start;
  if (r.bangs > 0 && n >= 3) return 'strong';
  if (r.bangs > 0 && n === 2) return 'weak';
  if (r.bangs === 0 && r.questions >= 2) return 'weak';
  return 'none';
}

/** `!!x` (double negation), `#!/bin/sh`, `!=`/`!==`: operators, not tone. */
function isCode(text: string, start: number, end: number): boolean {
  const before = start > 0 ? text[start - 1]! : ' ';
  const after = end < text.length ? text[end]! : ' ';
  if (before === '#' || after === '=') return true;
  // A prefix operator: the run touches a word on its right but not on its left.
  if (isWordChar(after) && !isWordChar(before) && before !== '"' && before !== "'") return true;
  return false;
}

function isWordChar(ch: string): boolean {
  return ch === '_' || ch === '(' || ch.toLowerCase() !== ch.toUpperCase() || (ch >= '0' && ch <= '9');
}

/** The run's own sentence, lowercased, at most LOOKBACK characters back (so the scan stays linear). */
function ownSentence(text: string, runStart: number): string {
  let from = runStart;
  const limit = Math.max(0, runStart - LOOKBACK);
  while (from > limit) {
    const c = text[from - 1]!;
    if (c === '\n' || c === '.' || c === '!' || c === '?') break;
    from--;
  }
  return ' ' + text.slice(from, runStart).toLowerCase() + ' ';
}

function hasAny(sentence: string, words: readonly string[]): boolean {
  for (const w of words) if (sentence.includes(w)) return true;
  return false;
}

/** How many distinct HOT words the sentence holds, counting up to `enough`. */
function hotCues(sentence: string, enough: number): number {
  let cues = 0;
  for (const w of HOT) {
    if (!hasWord(sentence, w)) continue;
    if (w === 'never' && NEVER_OWN.test(sentence)) continue;
    if (++cues >= enough) break;
  }
  return cues;
}

/** Whether `word` (lowercase, may hold spaces) occurs in `sentence` as a whole word. */
function hasWord(sentence: string, word: string): boolean {
  let from = 0;
  for (;;) {
    const at = sentence.indexOf(word, from);
    if (at < 0) return false;
    const end = at + word.length;
    if (!isLetterOrDigit(sentence[at - 1]) && !isLetterOrDigit(sentence[end])) return true;
    from = at + 1;
  }
}

function isLetterOrDigit(ch: string | undefined): boolean {
  return ch !== undefined && (ch.toLowerCase() !== ch.toUpperCase() || (ch >= '0' && ch <= '9'));
}
