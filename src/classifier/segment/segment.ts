/**
 * Finds the parts of a body the writer did not write now: quoted replies, forwarded
 * messages, signatures and legal disclaimers. Content findings there are dropped
 * (DESIGN.md section 2); pii and secret findings are kept, since sending leaks them anyway.
 *
 * Line-based and linear: every pattern is anchored to a line and bounded.
 */
import { isAsciiLetterCode } from '../detectors/pii/common.js';

export type SegmentKind = 'quote' | 'signature' | 'disclaimer';

export interface Segment {
  kind: SegmentKind;
  start: number;
  end: number;
}

/** Lines longer than this are never headers, sign-offs or separators. */
const MAX_LINE = 300;

/** A reply header on one line: "On Tue, 3 Jun 2025, Sam Lee <sam@x.example> wrote:" and a few languages. */
const REPLY_HEADER = /^\s{0,4}(?:on\b.{0,240}\bwrote|am\b.{0,240}\bschrieb|le\b.{0,240}\ba écrit|el\b.{0,240}\bescribió|il\b.{0,240}\bha scritto|op\b.{0,240}\bschreef)\s?:\s*$/i;
/** The first half of a reply header wrapped over two lines. */
const REPLY_HEADER_START = /^\s{0,4}on\s.{0,240}$/i;
const WROTE_END = /^.{0,240}\bwrote\s?:\s*$/i;
const FORWARD_SEPARATOR =
  /^\s{0,4}(?:-{2,}\s?(?:original message|forwarded message|message d'origine|ursprüngliche nachricht|mensaje original)\s?-{2,}|begin forwarded message\s?:|_{10,})\s*$/i;
const FROM_HEADER = /^\s{0,4}\*?from\s?:\*?\s.{1,240}$/i;
const SENT_HEADER = /^\s{0,4}\*?(?:sent|date|to|subject|cc)\s?:\*?\s.{0,240}$/i;
/** "-- " (and "- -- ", the same line dash-escaped inside a PGP-signed message). */
const SIGNATURE_DASHES = /^(?:- )?--\s?$/;
/** A plain quoted line: "> text", "  >> text". */
const QUOTE_LINE = /^\s{0,3}>/;
/**
 * A quoted line with the quoted writer's initials or name before the ">" ("AB> ", "bmn>> ",
 * "    Greg> ", "&> "): counts only when the same prefix starts at least two lines, so a lone
 * "Tools> Options" breadcrumb stays the writer's own text.
 */
const NAMED_QUOTE = /^\s{0,4}([A-Za-z][A-Za-z0-9]{0,9}|&)>(?=[\s>]|$)/;
/** A "|" quoted line ("| text", "|"): a table row has a second "|" and is not one. */
const PIPE_QUOTE = /^\s{0,3}\|(?:\s|$)/;
/** An attribution line without "On": "Sam Lee wrote:", "In message <...>, Sam writes:", "sam@x.example said:". */
const ATTRIBUTION = /^.{0,240}\b(?:wrote|writes|said)\s?:\s*$/i;
/** An attribution line that names who wrote (a name, address or date), not a sentence of the writer's own. */
const ATTRIBUTION_SHAPE = /[@<\d]|^\s{0,4}["']?[A-Z][\w.'-]*(?:\s[A-Z][\w.'-]*){0,4}["']?\s(?:wrote|writes|said)\s?:\s*$/;
/** Characters that quote a line after an attribution line ("Sam wrote:" then "| text", "# text", ") text"). */
const QUOTE_CHARS = '>|#)';
const SIGN_OFF =
  /^\s{0,4}(?:(?:best|kind|warm|warmest|many)?\s?(?:regards|wishes)|(?:many\s)?thanks(?: again| so much)?|thank you|thx|cheers|sincerely|yours(?: truly| sincerely| faithfully)?|best|all the best|take care|talk soon|br|rgds|respectfully|sent from my .{1,40})\s?[,.!]?\s*$/i;
const DISCLAIMER =
  /(?:intended (?:solely |only )?for the (?:use of the )?(?:individual|addressee|person|named recipient|recipient)|received this (?:e-?mail|message|communication|transmission) in error|this (?:e-?mail|message|communication)(?: and any (?:attachments?|files))? (?:is|are|may be|may contain|contains?) (?:strictly )?(?:confidential|privileged)|privileged and(?:\/or)? confidential|confidentiality notice|unauthori[sz]ed (?:use|review|disclosure|dissemination|distribution|copying))/i;

/** Most lines a signature block may have after its sign-off. */
const MAX_SIGNATURE_LINES = 8;

interface Line {
  text: string;
  start: number;
  end: number;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const raw = text.slice(start, end);
    lines.push({ text: raw.endsWith('\r') ? raw.slice(0, -1) : raw, start, end });
    if (end === text.length) break;
    start = end + 1;
  }
  return lines;
}

/** The segments of `text` that are not the writer's new words, in order, not overlapping. */
export function findSegments(text: string): Segment[] {
  const lines = splitLines(text);
  const segments: Segment[] = [];
  // Where the quoted tail starts (reply header, forward separator, Outlook From/Sent block).
  let tail = lines.length;
  for (let k = 0; k < lines.length && tail === lines.length; k++) {
    const line = lines[k]!.text;
    if (line.length > MAX_LINE) continue;
    // Most lines are out on their first character (see lead) before any expression runs.
    const c = lead(line, 4);
    const l = c | 0x20;
    if (
      ((l === 0x6f || l === 0x61 || l === 0x6c || l === 0x65 || l === 0x69) /* o a l e i */ && line.includes(':') && REPLY_HEADER.test(line)) ||
      ((c === 0x2d || l === 0x62 || c === 0x5f) /* - b _ */ && FORWARD_SEPARATOR.test(line))
    ) {
      tail = k;
    } else if (l === 0x6f && REPLY_HEADER_START.test(line) && k + 1 < lines.length && lines[k + 1]!.text.length <= MAX_LINE && WROTE_END.test(lines[k + 1]!.text)) {
      tail = k;
    } else if ((c === 0x2a || l === 0x66) /* * f */ && FROM_HEADER.test(line)) {
      for (let m = k + 1; m <= k + 4 && m < lines.length; m++) {
        if (lines[m]!.text.length <= MAX_LINE && SENT_HEADER.test(lines[m]!.text)) {
          tail = k;
          break;
        }
      }
    }
  }
  // Quoted lines above the tail: "> ...", "AB> ..." (a prefix seen on two lines or more),
  // runs of "| ..." lines, and the lines an attribution line ("Sam wrote:") introduces.
  const quoted = quotedLines(lines, tail);
  for (let k = 0; k < tail; k++) {
    if (quoted[k]) push(segments, 'quote', lines[k]!.start, lines[k]!.end);
  }
  // Signature: "-- " line, or a sign-off followed by a few short lines before the tail.
  let sigFrom = -1;
  for (let k = 0; k < tail; k++) {
    if (lines[k]!.text.length <= 5 && SIGNATURE_DASHES.test(lines[k]!.text)) {
      sigFrom = k;
      break;
    }
  }
  if (sigFrom < 0) {
    for (let k = tail - 1; k >= 0 && k >= tail - MAX_SIGNATURE_LINES - 2; k--) {
      const line = lines[k]!.text;
      if (line.length <= 60 && SIGN_OFF.test(line)) {
        let rest = 0;
        let short = true;
        for (let m = k + 1; m < tail; m++) {
          const t = lines[m]!.text.trim();
          if (t === '') continue;
          rest++;
          if (t.length > 100) short = false;
        }
        if (short && rest <= MAX_SIGNATURE_LINES) sigFrom = k;
        break;
      }
    }
  }
  const bodyEnd = tail < lines.length ? lines[tail]!.start : text.length;
  if (sigFrom >= 0) push(segments, 'signature', lines[sigFrom]!.start, bodyEnd);
  // Disclaimers: paragraphs of the writer's part that read like a legal footer.
  const ownEnd = sigFrom >= 0 ? sigFrom : tail;
  let paraStart = -1;
  let hit = false;
  for (let k = 0; k <= ownEnd; k++) {
    const blank = k === ownEnd || lines[k]!.text.trim() === '';
    if (!blank) {
      if (paraStart < 0) paraStart = k;
      if (!hit && DISCLAIMER.test(lines[k]!.text.slice(0, 2000))) hit = true;
    } else {
      if (paraStart >= 0 && hit) push(segments, 'disclaimer', lines[paraStart]!.start, lines[k - 1]!.end);
      paraStart = -1;
      hit = false;
    }
  }
  if (tail < lines.length) push(segments, 'quote', lines[tail]!.start, text.length);
  segments.sort((a, b) => a.start - b.start);
  // Quoted lines inside a signature block: keep one segment, so lookups can binary-search.
  const merged: Segment[] = [];
  for (const s of segments) {
    const prev = merged[merged.length - 1];
    if (prev && s.start < prev.end) prev.end = Math.max(prev.end, s.end);
    else merged.push({ ...s });
  }
  return merged;
}

/** Which of the first `tail` lines are quoted. Linear: each line is tested a fixed number of times. */
function quotedLines(lines: readonly Line[], tail: number): boolean[] {
  const quoted: boolean[] = new Array<boolean>(tail).fill(false);
  const named: Array<string | undefined> = new Array<string | undefined>(tail);
  const namedCount = new Map<string, number>();
  const pipe: boolean[] = new Array<boolean>(tail).fill(false);
  for (let k = 0; k < tail; k++) {
    const text = lines[k]!.text;
    const c = lead(text, 4);
    if (c === 0x3e /* > */ && QUOTE_LINE.test(text)) {
      quoted[k] = true;
      continue;
    }
    const m = (isAsciiLetterCode(c) || c === 0x26) /* & */ && text.includes('>') ? NAMED_QUOTE.exec(text) : null;
    if (m) {
      named[k] = m[1]!;
      namedCount.set(m[1]!, (namedCount.get(m[1]!) ?? 0) + 1);
    } else if (c === 0x7c /* | */ && PIPE_QUOTE.test(text) && text.indexOf('|', text.indexOf('|') + 1) < 0) pipe[k] = true;
  }
  for (let k = 0; k < tail; k++) {
    const key = named[k];
    if (key !== undefined && (namedCount.get(key) ?? 0) >= 2) quoted[k] = true;
    // "|" lines: two in a row at least (a lone "| Step 1" is not a quote).
    if (pipe[k] && ((k > 0 && pipe[k - 1]) || (k + 1 < tail && pipe[k + 1]))) quoted[k] = true;
  }
  // Attribution lines: the run of lines after one that starts with a quote character is quoted,
  // whatever the character; the attribution itself too when it names who wrote. A line that
  // merely ends with "wrote:" and is followed by the writer's own text changes nothing.
  for (let k = 0; k < tail; k++) {
    const text = lines[k]!.text;
    // An attribution ends with a colon: most lines are out before the regular expression runs.
    if (text.length > MAX_LINE || text.indexOf(':') < 0 || !ATTRIBUTION.test(text)) continue;
    let m = k + 1;
    while (m < tail && m <= k + 2 && lines[m]!.text.trim() === '') m++;
    if (m >= tail) continue;
    const first = lines[m]!.text.trimStart()[0];
    if (first === undefined || !QUOTE_CHARS.includes(first) && !quoted[m]) continue;
    if (ATTRIBUTION_SHAPE.test(text)) quoted[k] = true;
    if (first === undefined || !QUOTE_CHARS.includes(first)) continue;
    // Mark the run of lines starting with that character (blank lines inside it included).
    let last = m;
    for (let r = m; r < tail; r++) {
      const t = lines[r]!.text.trimStart();
      if (t === '') continue;
      if (t[0] !== first) break;
      last = r;
    }
    for (let r = m; r <= last; r++) quoted[r] = true;
    k = last;
  }
  return quoted;
}

/**
 * The first character of a line after at most `max` leading white-space characters, or -1.
 * Every `^\s{0,N}X` expression here (N <= max) needs its X, an ASCII character that is not
 * white space, exactly there: so a line whose lead is not such an X cannot match, and the
 * expression need not run. Anything outside ASCII and any control character counts as white
 * space here (more than `\s`, which only moves the lead later on lines that cannot match).
 */
function lead(line: string, max: number): number {
  for (let k = 0; k < line.length && k <= max; k++) {
    const c = line.charCodeAt(k);
    if (c > 0x20 && c < 0x80) return c;
  }
  return -1;
}

function push(segments: Segment[], kind: SegmentKind, start: number, end: number): void {
  if (end > start) segments.push({ kind, start, end });
}

/** Calls `fn` with each stretch of `text` between the (sorted, disjoint) segments and its offset. */
export function forEachOutside(text: string, segments: readonly Segment[], fn: (part: string, from: number) => void): void {
  forEachRange(text, segments, (from, to) => fn(text.slice(from, to), from));
}

/** The ranges [from, to) of text between the sorted segments: the writer's own words. */
export function rangesOutside(text: string, segments: readonly Segment[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  forEachRange(text, segments, (from, to) => out.push([from, to]));
  return out;
}

function forEachRange(text: string, segments: readonly Segment[], fn: (from: number, to: number) => void): void {
  let from = 0;
  for (let k = 0; k <= segments.length; k++) {
    const to = k < segments.length ? segments[k]!.start : text.length;
    if (to > from) fn(from, to);
    if (k < segments.length) from = segments[k]!.end;
  }
}

/** Whether offset `at` lies inside one of the sorted segments (binary search). */
export function inSegment(segments: readonly Segment[], at: number): boolean {
  let lo = 0;
  let hi = segments.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = segments[mid]!;
    if (at < s.start) hi = mid - 1;
    else if (at >= s.end) lo = mid + 1;
    else return true;
  }
  return false;
}
