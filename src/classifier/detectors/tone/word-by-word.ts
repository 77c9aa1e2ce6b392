import type { Detector, Hit } from '../../types.js';
import { isAsciiLetterCode } from '../pii/common.js';
import { isSpace } from './shouting.js';
import { SUGGESTIONS } from '../../suggestions.js';

/**
 * `tone/word-by-word`: a sentence typed one word at a time, each word a sentence of its own
 * ("In. The. Dialler.", "Every. Single. Night.", "Needs. A signature. Before. Dispatch."). It is
 * the written form of clapping between words, and the reader hears contempt.
 *
 * A run fires when, on one line, at least three sentences in a row are one or two words long, at
 * least two of them one word, and one of the one-word sentences is a small word of an ordinary
 * sentence ("The.", "Every.", "Before."; see GLUE). That keeps out slogans and taglines ("Bold.
 * Simple. Honest.", "Safe. Clean. On time.") and countdowns ("Three. Two. One."), and a word
 * that is not all letters breaks the run: abbreviations and initials ("Mon. Tue.", "J. R. R.
 * Tolkien"), ellipses, numbers, quoted words.
 *
 * Linear: a native search finds the lines that may hold a run, and each such line is read once.
 */

/** Small words that show a cut-up sentence rather than a list of slogans. */
const GLUE: ReadonlySet<string> = new Set(
  'the a an in on at to of not every single each is are do does did before after by this that it you your my we our and or again ever just never now all any'.split(' '),
);
/** Words that end in a period as abbreviations, not as sentences. */
const ABBREVIATIONS: ReadonlySet<string> = new Set(
  'mr mrs ms dr st vs etc inc ltd co corp jr sr mon tue tues wed thu thur thurs fri sat sun jan feb mar apr jun jul aug sep sept oct nov dec fig approx dept est ext tel min max ie eg al op cf ca pp vol ch sec art no esp wrt resp incl excl re pls plz thx ref attn encl misc govt assoc univ intl natl'.split(' '),
);
const MESSAGE = 'Typing a sentence one word at a time ("In. The. Dialler.") reads as talking down to the reader.';
const SUGGESTION = SUGGESTIONS ? 'Say it once, in a plain sentence: "Please log breaks in the dialler."' : undefined;

export const wordByWordDetector: Detector = {
  id: 'tone/word-by-word',
  outsideQuotes: true,
  detect(text: string): Hit[] {
    const hits: Hit[] = [];
    const len = text.length;
    let from = 0;
    // Every run holds a one-word sentence right after another sentence's ". " on its line (it
    // has two one-word sentences and three sentences in all). Those are found with the native
    // indexOf, far faster than a loop over every character; each line that has one is read
    // once, whole, and the search goes on after it.
    for (let p = text.indexOf('. ', from); p >= 0; p = text.indexOf('. ', from)) {
      if (!oneWordAfter(text, p + 2)) {
        from = p + 2;
        continue;
      }
      const lineStart = text.lastIndexOf('\n', p) + 1;
      let lineEnd = text.indexOf('\n', p);
      if (lineEnd < 0) lineEnd = len;
      readLine(text, lineStart, lineEnd, hits);
      from = lineEnd + 1;
    }
    return hits;
  },
};

/** Whether a word of letters (at most 20) and a period follow `at`, after spaces. */
function oneWordAfter(text: string, at: number): boolean {
  let k = at;
  while (text.charCodeAt(k) === 32) k++;
  const start = k;
  while (k - start <= 20 && (isLetter(text.charCodeAt(k)) || text.charCodeAt(k) === 39)) k++;
  return k > start && k - start <= 20 && text.charCodeAt(k) === 46;
}

/** The runs of one line (`text[from, to)`, no line break inside). */
function readLine(text: string, from: number, to: number, hits: Hit[]): void {
  // The run of short sentences being read: where it starts and ends, how many sentences, how
  // many of one word, whether a small word stood as a sentence. The sentence in progress: its
  // start, its words so far, whether it can still be part of a run.
  let runStart = -1;
  let runEnd = -1;
  let runLength = 0;
  let singles = 0;
  let glue = false;
  let sentenceStart = -1;
  let words = 0;
  let clean = true;
  const endRun = (): void => {
    if (runLength >= 3 && singles >= 2 && glue) {
      hits.push({ category: 'tone', rule: 'word-by-word', severity: 'medium', start: runStart, end: runEnd, message: MESSAGE, suggestion: SUGGESTION });
    }
    runStart = -1;
    runLength = singles = 0;
    glue = false;
  };
  let i = from;
  while (i < to) {
    if (isSpace(text.charCodeAt(i))) {
      i++;
      continue;
    }
    // A word: up to the next space.
    const start = i;
    while (i < to && !isSpace(text.charCodeAt(i))) i++;
    const endsSentence = text.charCodeAt(i - 1) === 46; // "."
    const wordEnd = endsSentence ? i - 1 : i;
    const letters = wordEnd > start && allLetters(text, start, wordEnd);
    const lower = letters && wordEnd - start <= 12 ? text.slice(start, wordEnd).toLowerCase() : '';
    if (sentenceStart < 0) {
      sentenceStart = start;
      words = 0;
      clean = true;
    }
    words++;
    // One letter is a word only as "a" or "I"; otherwise it is an initial.
    if (!lower || (lower.length === 1 && lower !== 'a' && lower !== 'i') || ABBREVIATIONS.has(lower)) clean = false;
    if (!endsSentence) {
      // A sentence with other punctuation (",", "!", "?", ":") or a third word does not
      // belong to a word-by-word run, and it ends the run before it.
      const last = text.charCodeAt(i - 1);
      if (words > 2 || (!isLetter(last) && last !== 39)) {
        clean = false;
        endRun();
      }
      // "?" and "!" end the sentence; a comma or a colon does not.
      if (last === 63 || last === 33) sentenceStart = -1;
      continue;
    }
    if (clean && words <= 2) {
      if (runStart < 0) runStart = sentenceStart;
      runEnd = i;
      runLength++;
      // A small word counts only as a sentence of its own ("In.", "Every."), not inside a
      // two-word one: "Safe. Clean. On time." is a slogan. A one-word sentence's word is this one.
      if (words === 1) {
        singles++;
        if (GLUE.has(lower)) glue = true;
      }
    } else endRun();
    sentenceStart = -1;
  }
  endRun();
}

/** ASCII, Latin-1 and Latin Extended, Greek and Cyrillic letters (not symbols, not emoji). */
function isLetter(c: number): boolean {
  return isAsciiLetterCode(c) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x370 && c <= 0x52f);
}

/** Letters and apostrophes only ("can't"), starting with a letter. */
function allLetters(text: string, from: number, to: number): boolean {
  if (!isLetter(text.charCodeAt(from))) return false;
  for (let k = from + 1; k < to; k++) {
    const c = text.charCodeAt(k);
    if (!isLetter(c) && c !== 39 && c !== 0x2019) return false;
  }
  return true;
}
