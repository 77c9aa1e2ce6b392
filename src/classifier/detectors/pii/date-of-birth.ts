/**
 * pii/date-of-birth — a full date (day, month and year) written within a few
 * words of a birth word: "DOB", "date of birth", "born (on)", "birthday",
 * "birth date" (and common French/German/Spanish labels).
 *
 * Dates: numeric `3/14/1991`, `14.03.1991`, `14-03-91`, ISO `1991-03-14`, and
 * month names `14 March 1991`, `Mar 14, 1991`, `14th of March 1991`.
 * Medium severity: with a name, a birth date is a key to identity checks.
 *
 * Not: any date without a birth word nearby (meetings, deadlines, ISO dates in
 * logs), dates without a year, impossible dates (31/02), years after 2030.
 */
import type { Detector, Hit } from '../../types.js';
import {
  caseFoldsLikeAscii,
  containsWord,
  digitRuns,
  isAsciiLetterCode,
  isDigitCode,
  isRealDate,
  isWordCharAt,
  makeHit,
  sameGroups,
  uniformSeps,
} from './common.js';
import { lineEndOf, lineStartOf } from '../lines.js';
import { SUGGESTIONS } from '../../suggestions.js';

export const DOB_RULE = {
  id: 'pii/date-of-birth',
  /** A birth word must occur in the window just before the date (or right after it). */
  context: [
    'dob', 'd.o.b', 'd.o.b.', 'date of birth', 'birth date', 'birthdate', 'born', 'born on', 'birthday', 'b-day',
    'bday', 'birth', 'geburtsdatum', 'geb.', 'geboren', 'né le', 'née le', 'date de naissance', 'fecha de nacimiento',
    'nacido', 'nacida', 'data di nascita',
  ],
  before: 36,
  maxWordsBetween: 3,
  after: 14,
  maxYear: 2030,
  minYear: 1900,
  message: "This looks like a person's date of birth. With a name it is used to verify identity, so it helps identity theft.",
  suggestion: SUGGESTIONS ? 'Leave the date of birth out, or share it through a secure channel.' : undefined,
} as const;

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11,
  november: 11, dec: 12, december: 12,
};

interface DateSpan {
  start: number;
  end: number;
}

function fullYear(y: string): number {
  const v = Number(y);
  if (y.length === 4) return v;
  return v + (v <= 30 ? 2000 : 1900);
}

function plausible(y: number, m: number, d: number): boolean {
  return y >= DOB_RULE.minYear && y <= DOB_RULE.maxYear && isRealDate(y, m, d);
}

function numericDates(text: string): DateSpan[] {
  const out: DateSpan[] = [];
  for (const run of digitRuns(text, '/-.', 8, 4)) {
    if (run.groups.length !== 3 || !uniformSeps(run)) continue;
    const [a, b, c] = [0, 1, 2].map((k) => {
      let off = 0;
      for (let q = 0; q < k; q++) off += run.groups[q]!;
      return run.digits.slice(off, off + run.groups[k]!);
    }) as [string, string, string];
    let ok = false;
    if (sameGroups(run, [4, 2, 2]) || sameGroups(run, [4, 1, 2]) || sameGroups(run, [4, 2, 1]) || sameGroups(run, [4, 1, 1])) {
      ok = plausible(Number(a), Number(b), Number(c));
    } else if (a.length <= 2 && b.length <= 2 && (c.length === 2 || c.length === 4)) {
      const y = fullYear(c);
      // Either day-month-year or month-day-year.
      ok = plausible(y, Number(b), Number(a)) || plausible(y, Number(a), Number(b));
    }
    if (ok) out.push({ start: run.start, end: run.end });
  }
  return out;
}

interface Word {
  start: number;
  end: number;
  lower: string;
}

/** Words of letters, and numbers (with an ordinal suffix kept in the word). One pass. */
function words(text: string): Word[] {
  const out: Word[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isAsciiLetterCode(c) || isDigitCode(c)) {
      const s = i;
      while (i < n && (isAsciiLetterCode(text.charCodeAt(i)) || isDigitCode(text.charCodeAt(i))) && i - s < 12) i++;
      while (i < n && (isAsciiLetterCode(text.charCodeAt(i)) || isDigitCode(text.charCodeAt(i)))) i++;
      if (!isWordCharAt(text, s - 1) && !isWordCharAt(text, i)) out.push({ start: s, end: i, lower: text.slice(s, Math.min(i, s + 12)).toLowerCase() });
      continue;
    }
    i++;
  }
  return out;
}

function dayOf(w: Word | undefined): number | undefined {
  if (!w) return undefined;
  const m = /^(\d{1,2})(st|nd|rd|th)?$/.exec(w.lower);
  return m ? Number(m[1]) : undefined;
}

function yearOf(w: Word | undefined): number | undefined {
  if (!w) return undefined;
  return /^\d{4}$/.test(w.lower) ? Number(w.lower) : undefined;
}

/** Only spaces, commas, dots, a dash or slash ("05-Jan-1980") and the word "of" may stand between the parts. */
function gapOk(text: string, from: number, to: number): boolean {
  if (to - from > 5 || to <= from) return false;
  const g = text.slice(from, to).toLowerCase().replace('of', '');
  for (let k = 0; k < g.length; k++) if (!' ,.-/'.includes(g[k]!)) return false;
  return true;
}

function monthNameDates(text: string): DateSpan[] {
  const out: DateSpan[] = [];
  const ws = words(text);
  for (let k = 0; k < ws.length; k++) {
    const w = ws[k]!;
    const month = MONTHS[w.lower];
    if (month === undefined || w.end - w.start !== w.lower.length) continue;
    const monthEnd = text[w.end] === '.' ? w.end + 1 : w.end;
    // "14 March 1991" / "14th of March, 1991"
    const before = ws[k - 1];
    const ofWord = before && before.lower === 'of' ? ws[k - 2] : undefined;
    const dayWord = ofWord ?? before;
    const d1 = dayOf(dayWord);
    const y1 = yearOf(ws[k + 1]);
    if (d1 !== undefined && y1 !== undefined && gapOk(text, dayWord!.end, w.start) && gapOk(text, monthEnd, ws[k + 1]!.start)) {
      if (plausible(y1, month, d1)) out.push({ start: dayWord!.start, end: ws[k + 1]!.end });
      continue;
    }
    // "March 14, 1991" / "Mar 14th 1991"
    const d2 = dayOf(ws[k + 1]);
    const y2 = yearOf(ws[k + 2]);
    if (d2 !== undefined && y2 !== undefined && gapOk(text, monthEnd, ws[k + 1]!.start) && gapOk(text, ws[k + 1]!.end, ws[k + 2]!.start)) {
      if (plausible(y2, month, d2)) out.push({ start: w.start, end: ws[k + 2]!.end });
    }
  }
  return out;
}

/** End of the rightmost whole-word occurrence of one of `words` in `hay`, or -1. */
function lastWordEnd(hay: string, words: readonly string[]): number {
  let best = -1;
  for (const w of words) {
    let from = hay.length;
    while (from >= 0) {
      const at = hay.lastIndexOf(w, from);
      if (at < 0) break;
      if (containsWord(hay.slice(Math.max(0, at - 1), at + w.length + 1), [w])) {
        best = Math.max(best, at + w.length);
        break;
      }
      from = at - 1;
    }
  }
  return best;
}

/** Letter words in `gap` (numbers and punctuation do not count). */
function wordCount(gap: string): number {
  let n = 0;
  let inWord = false;
  for (let k = 0; k < gap.length; k++) {
    const letter = isAsciiLetterCode(gap.charCodeAt(k));
    if (letter && !inWord) n++;
    inWord = letter;
  }
  return n;
}

/**
 * A birth word just before the date, with at most DOB_RULE.maxWordsBetween
 * words in between ("DOB (listed 5/19/1970", "born on", "date of birth is"),
 * or a birth word right after it ("12/01/1975 (DOB)").
 */
function nearBirthWord(text: string, span: DateSpan): boolean {
  const left = text.slice(Math.max(0, span.start - DOB_RULE.before), span.start).toLowerCase();
  const end = lastWordEnd(left, DOB_RULE.context);
  // Another date between the birth word and this one took the word ("DOB: 3/4/1988, review 11/12/2025").
  if (end >= 0 && wordCount(left.slice(end)) <= DOB_RULE.maxWordsBetween && !/[0-9]/.test(left.slice(end))) return true;
  const right = text.slice(span.end, Math.min(text.length, span.end + DOB_RULE.after)).toLowerCase();
  return containsWord(right, ['dob', 'd.o.b', 'date of birth', 'born']);
}

/**
 * Literal stems of the birth words, searched first: dates are only parsed in
 * windows around them, so mail without a birth word costs one literal scan.
 */
const BIRTH_STEMS = /dob|d\.o\.b|birth|born|b-day|bday|geb|naissance|nacimiento|nacid|nascita|n[ée]e? le/gi;
const WINDOW_BEFORE = 64;
const WINDOW_AFTER = 96;

/** Merged [start, end) windows around birth-word stems. */
function birthWindows(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  BIRTH_STEMS.lastIndex = 0;
  for (let m = BIRTH_STEMS.exec(text); m !== null; m = BIRTH_STEMS.exec(text)) {
    const a = Math.max(0, m.index - WINDOW_BEFORE);
    const b = Math.min(text.length, m.index + m[0].length + WINDOW_AFTER);
    const last = out[out.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

/** Every date in `text`, numeric and with a month name. */
function datesOf(text: string): DateSpan[] {
  return [...numericDates(text), ...monthNameDates(text)];
}

function datesIn(text: string): DateSpan[] {
  const out: DateSpan[] = [];
  for (const [ws, we] of birthWindows(text)) {
    const part = text.slice(ws, we);
    for (const d of datesOf(part)) {
      // A date cut by the window edge is judged on the full text only if it starts inside.
      if ((d.start === 0 && ws > 0) || (d.end === part.length && we < text.length)) continue;
      out.push({ start: d.start + ws, end: d.end + ws });
    }
  }
  return out;
}

/**
 * Every date read above holds a digit, one of `/.-` and a digit (numeric dates) or four digits
 * in a row (the year of a month-name date); a date is at most 30 characters long and its birth
 * word lies within 36 characters before it or 14 after. So a birth date needs a birth stem
 * within about 70 characters of one of these anchors: without one, no date is parsed at all.
 */
const DATE_ANCHOR = /\d[/.\-]\d|\d\d\d\d/g;
/** Same stems as BIRTH_STEMS, for a yes/no test on a short slice. */
const BIRTH_STEM_TEST = new RegExp(BIRTH_STEMS.source, 'i');
const STEM_BEFORE_ANCHOR = 92;
const STEM_AFTER_ANCHOR = 72;
/** Longer than any stem, so a stem cut by the end of one checked slice is whole in the next. */
const LONGEST_STEM = 12;

function mayHoldBirthDate(text: string): boolean {
  // toLowerCase (used for the context words) and a case-insensitive regex agree unless one of these is present.
  if (!caseFoldsLikeAscii(text)) return true;
  let checkedTo = 0;
  DATE_ANCHOR.lastIndex = 0;
  for (let m = DATE_ANCHOR.exec(text); m !== null; m = DATE_ANCHOR.exec(text)) {
    const from = Math.max(0, m.index - STEM_BEFORE_ANCHOR, checkedTo - LONGEST_STEM);
    const to = Math.min(text.length, m.index + STEM_AFTER_ANCHOR);
    if (to <= from) continue;
    if (BIRTH_STEM_TEST.test(text.slice(from, to))) return true;
    checkedTo = to;
  }
  return false;
}

function detect(text: string): Hit[] {
  if (!mayHoldBirthDate(text)) return [];
  const spans = datesIn(text).sort((a, b) => a.start - b.start);
  const hits: Hit[] = [];
  let lastEnd = -1;
  for (const s of spans) {
    if (s.start < lastEnd) continue;
    if (!nearBirthWord(text, s)) continue;
    hits.push(makeHit('date-of-birth', 'medium', s.start, s.end, DOB_RULE.message, DOB_RULE.suggestion));
    lastEnd = s.end;
    // A column of birth dates ("Name | DOB" over one row per person): the date of each following
    // row, after the same separator and written the same way, is one too, however far below its
    // birth word. Each row is read once. The birth word must stand above the rows, not label this
    // one ("DOB: 3/4/1988" then "Review: 11/12/2025"), and the row fit in MAX_ROW characters.
    const lineStart = lineStartOf(text, s.start, MAX_ROW);
    const inRow = lineStart > s.start - MAX_ROW || lineStart === 0;
    const column = inRow && !BIRTH_LABEL.test(text.slice(lineStart, s.start)) ? columnOf(text, s) : null;
    if (column === null) continue;
    for (let row = nextRow(text, s, column); row !== null; row = nextRow(text, row, column)) {
      hits.push(makeHit('date-of-birth', 'medium', row.start, row.end, DOB_RULE.message, DOB_RULE.suggestion));
      lastEnd = row.end;
    }
  }
  return hits;
}

/** Longest line read as a row of a list or table. */
const MAX_ROW = 300;
const BIRTH_LABEL = new RegExp(BIRTH_STEMS.source, 'i');

/** How a date sits in a row: the separator before it and how it is written, or null when it stands in a sentence. */
function columnOf(text: string, date: DateSpan): string | null {
  let k = date.start - 1;
  let tab = false;
  while (k >= 0 && date.start - k <= 4 && (text[k] === ' ' || text[k] === '\t')) tab = text[k--] === '\t' || tab;
  const sep = tab ? '\t' : text[k];
  if (sep === undefined || !'\t-|:,;'.includes(sep)) return null;
  return sep + text.slice(date.start, date.end).replace(/[0-9]/g, '9').replace(/[A-Za-z]+/g, 'a');
}

/** The date of the line right after `prev`'s, when it sits in the same column; null when the column ends. */
function nextRow(text: string, prev: DateSpan, column: string): DateSpan | null {
  // Both line ends are looked for within MAX_ROW characters only: no scan to the end of a long text.
  const prevEnd = lineEndOf(text, prev.end, MAX_ROW);
  if (prevEnd - prev.end >= MAX_ROW || text.charCodeAt(prevEnd) !== 10) return null;
  const lineStart = prevEnd + 1;
  const lineEnd = lineEndOf(text, lineStart, MAX_ROW + 1);
  if (lineEnd - lineStart > MAX_ROW) return null;
  const line = text.slice(lineStart, lineEnd);
  const first = datesOf(line).sort((a, b) => a.start - b.start)[0];
  if (first === undefined) return null;
  const date = { start: lineStart + first.start, end: lineStart + first.end };
  return columnOf(text, date) === column ? date : null;
}

export const dateOfBirthDetector: Detector = { id: 'pii/date-of-birth', detect };
