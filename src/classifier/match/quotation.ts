/**
 * Whether a phrase is someone else's words, quoted: `A customer called Jess a "stupid cow" on the
 * phone`, `the line 'you'll regret this' is a cliché`, `phrases like "per my last email"`. The
 * writer is reporting a complaint, a script or a training example, so the classifier lowers the
 * phrase's severity (see classify.ts).
 *
 * Straight quotes are read by what stands beside them: an opening one has a space or the line's
 * start before it and a word after it; a closing one the reverse. An apostrophe between two letters
 * ("don't", "Sam’s") is not a quotation mark. Bounded: a quotation is looked for at most
 * MAX_QUOTATION characters on each side of the phrase, so the check is linear in the text.
 */

/** Longest stretch between a quotation mark and the phrase, on either side. */
const MAX_QUOTATION = 160;
/** How many words before an opening quotation mark are looked at for a word that reports speech. */
const CUE_WINDOW = 6;

/**
 * Words that report what someone else said or wrote, or show words as examples, before a
 * quotation: `a customer called Jess a "stupid cow"`, `phrases like "per my last email"`. Without
 * one (or a colon), quotation marks are as often the writer's own scare quotes around a euphemism
 * (`pay the inspector's 'expediting fee'`), which stay as they are. First-person instructions
 * ("let's say", "tell them") are not in the list for the same reason.
 */
const REPORTING_WORDS: ReadonlySet<string> = new Set(
  (
    'said says saying told called calls calling wrote writes written shouted yelled replied asked texted messaged emailed tweeted ' +
    'posted commented wanted demanded request requested screamed muttered hissed scrawled sprayed painted graffitied daubed ' +
    'labelled labeled branded nicknamed dubbed mocked ' +
    'claims claimed alleged alleges accused quote quoted quoting line lines phrase phrases words like ' +
    'example examples comment comments review reviews message titled remark remarks joke headline reads ' +
    // words being edited out of a text: `I removed "young and energetic" from the job ad`
    'removed remove removing replaced replace replacing reworded reword rephrased rephrase deleted delete struck ' +
    'threatened threatens ' +
    'term terms'
  ).split(' '),
);

const enum Mark {
  None,
  Open,
  Close,
  /** A straight quote that could open or close, or an apostrophe: read by its neighbours. */
  Either,
}

/** A quotation mark's family (double or single) and the way it faces, or null for another character. */
function markOf(c: number): { double: boolean; mark: Mark } | null {
  switch (c) {
    case 0x22: // "
      return { double: true, mark: Mark.Either };
    case 0x201c: // “
    case 0x201e: // „
    case 0xab: // «
      return { double: true, mark: Mark.Open };
    case 0x201d: // ”
    case 0xbb: // »
      return { double: true, mark: Mark.Close };
    case 0x27: // '
    case 0x2019: // ’ (also the typographic apostrophe)
      return { double: false, mark: Mark.Either };
    case 0x2018: // ‘
      return { double: false, mark: Mark.Open };
    default:
      return null;
  }
}

function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c >= 0xc0;
}

function isLineBreak(c: number): boolean {
  return c === 10 || c === 13;
}

/** How the quotation mark at `i` faces: an opening one has no word before it, a closing one none after. */
function facing(text: string, i: number): Mark {
  const before = i > 0 ? text.charCodeAt(i - 1) : 32;
  const after = i + 1 < text.length ? text.charCodeAt(i + 1) : 32;
  const wordBefore = isWordChar(before);
  const wordAfter = isWordChar(after);
  if (wordBefore && wordAfter) return Mark.None; // an apostrophe inside a word
  if (!wordBefore && wordAfter) return Mark.Open;
  if (wordBefore && !wordAfter) return Mark.Close;
  // Punctuation on both sides: `"...`, `?"` — read by whether the side toward the phrase is a space.
  return before === 32 || before === 9 || i === 0 ? Mark.Open : Mark.Close;
}

/** The nearest quotation mark from `from` going `step` (±1), within the line and MAX_QUOTATION, and how it faces. */
function nearestMark(text: string, from: number, step: 1 | -1): { double: boolean; mark: Mark; at: number } | null {
  for (let k = 0, i = from; k < MAX_QUOTATION && i >= 0 && i < text.length; k++, i += step) {
    const c = text.charCodeAt(i);
    if (isLineBreak(c)) return null;
    const m = markOf(c);
    if (m === null) continue;
    const mark = m.mark === Mark.Either ? facing(text, i) : m.mark;
    if (mark === Mark.None) continue;
    return { double: m.double, mark, at: i };
  }
  return null;
}

/**
 * Whether text[start, end) is reported speech: it lies between an opening and a closing quotation
 * mark of one family on one line, and the opening mark follows a colon or a reporting word.
 */
export function inReportedQuotation(text: string, start: number, end: number): boolean {
  start = afterArticle(text, start, end);
  const before = nearestMark(text, start - 1, -1);
  if (before === null || before.mark !== Mark.Open) return false;
  const after = nearestMark(text, end, 1);
  return after !== null && after.mark === Mark.Close && after.double === before.double && reported(text, before.at);
}

/**
 * Where the phrase starts once an article just outside the quotation marks is left out: in
 * `called our receptionist a "useless bimbo"` the phrase "a useless bimbo" starts before the quote,
 * but the article is the writer's grammar, not their words. Otherwise `start` itself.
 */
function afterArticle(text: string, start: number, end: number): number {
  let i = start;
  while (i < end && i - start < 3 && isWordChar(text.charCodeAt(i))) i++;
  const word = text.slice(start, i).toLowerCase();
  if (word !== 'a' && word !== 'an' && word !== 'the') return start;
  while (i < end && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  const m = markOf(text.charCodeAt(i));
  return m !== null && i + 1 < end ? i + 1 : start;
}

/** Whether a colon or one of REPORTING_WORDS stands among the few words before `at`, on its line. */
function reported(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i--;
  if (i >= 0 && text.charCodeAt(i) === 58) return true;
  for (let words = 0; words < CUE_WINDOW && i >= 0 && at - i < MAX_QUOTATION; words++) {
    while (i >= 0 && !isWordChar(text.charCodeAt(i))) {
      if (isLineBreak(text.charCodeAt(i))) return false;
      // An earlier quotation of a list ('phrases like "A", "B" or "C"') is stepped over whole:
      // its words do not use up the window in which the cue before it is looked for.
      const m = markOf(text.charCodeAt(i));
      if (m !== null && (m.mark === Mark.Close || (m.mark === Mark.Either && facing(text, i) === Mark.Close))) {
        const open = nearestMark(text, i - 1, -1);
        if (open !== null && open.mark === Mark.Open && open.double === m.double) {
          i = open.at - 1;
          continue;
        }
      }
      i--;
    }
    const end = i + 1;
    while (i >= 0 && isWordChar(text.charCodeAt(i))) i--;
    const word = text.slice(i + 1, end).toLowerCase();
    if (end > i + 1 && (REPORTING_WORDS.has(word) || (word === 'say' && !OWN_SAY.has(wordBefore(text, i))))) return true;
  }
  return false;
}

/**
 * Before "say", the words that make it the writer's own ("let's say", "I'd say", "you might say",
 * "just say"): then the quotation is the writer's wording. Otherwise it reports others ("customers
 * sometimes say", "people say").
 */
const OWN_SAY: ReadonlySet<string> = new Set('let lets s i d we you just to please would could should might can will ll don never'.split(' '));

/** The word that ends at or before `i` (skipping spaces), lowercased; '' when there is none on the line. */
function wordBefore(text: string, i: number): string {
  while (i >= 0 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i--;
  const end = i + 1;
  while (i >= 0 && isWordChar(text.charCodeAt(i))) i--;
  return text.slice(i + 1, end).toLowerCase();
}
