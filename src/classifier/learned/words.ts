/**
 * The words the learned scorer reads (learned/model.ts), and the trainer too (scripts/train-model.ts):
 * one definition, so the weights always meet the words they were trained on.
 *
 * A word is a run of letters and digits, lowercased, with apostrophes and invisible characters
 * inside it dropped ("Don't" and "dont" are the same word). Every word is hashed as it is read
 * (FNV-1a over its folded code units), so scoring allocates nothing per word. No accent folding,
 * leetspeak or homoglyph reading: the phrase rules do that; this reads ordinary wording.
 */

// Hashes are kept as signed 32-bit integers: V8 holds those unboxed, while the unsigned
// reading (`>>> 0`) of half of them is a heap number, which made each word cost several times more.
export const HASH_SEED = 0x811c9dc5 | 0;

/** FNV-1a step over one folded code unit. */
function step(h: number, c: number): number {
  return Math.imul(h ^ c, 0x01000193);
}

/** A pair of words' feature ("your review"), from the two words' hashes. */
export function pairHash(first: number, second: number): number {
  return Math.imul(first ^ (first >>> 16), 0x45d9f3b) ^ second;
}

/** The hash of a word written in the folded form (what foldWord returns). */
export function wordHash(word: string): number {
  let h = HASH_SEED;
  for (let i = 0; i < word.length; i++) h = step(h, word.charCodeAt(i));
  return h;
}

const SEPARATOR = -1;
const SKIP = -2;

/** A code unit folded: its lowercase letter or digit, SKIP (joins a word), or SEPARATOR. */
function fold(c: number): number {
  if (c < 0x80) {
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) return c;
    if (c >= 0x41 && c <= 0x5a) return c + 0x20;
    return c === 0x27 ? SKIP : SEPARATOR;
  }
  // ’ and ʼ as apostrophes; soft hyphen and zero-width characters are invisible inside a word.
  if (c === 0x2019 || c === 0x2bc || c === 0xad || (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff) return SKIP;
  // Latin-1 and Latin Extended letters, Greek, Cyrillic (no × or ÷); the rest separates words.
  if (c >= 0xc0 && c < 0x530 && c !== 0xd7 && c !== 0xf7) return lower(c);
  return SEPARATOR;
}

const LOWER_CACHE = new Map<number, number>();
function lower(c: number): number {
  let l = LOWER_CACHE.get(c);
  if (l === undefined) {
    const s = String.fromCharCode(c).toLowerCase();
    l = s.length === 1 ? s.charCodeAt(0) : c;
    LOWER_CACHE.set(c, l);
  }
  return l;
}

/** Receives the words of a text in order. */
export interface WordSink {
  /** A word: its hash and its span in the text. */
  word(hash: number, start: number, end: number): void;
  /** A sentence ends before `at` (after . ! ? followed by a space, or at a line break). */
  sentenceEnd(at: number): void;
}

/** Reads the words of text[from, to). Linear, one step per code unit. */
export function scanWords(text: string, from: number, to: number, sink: WordSink): void {
  let h = HASH_SEED;
  let start = -1;
  let end = -1;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    const c = fold(code);
    if (c >= 0) {
      if (start < 0) {
        start = i;
        h = HASH_SEED;
      }
      h = step(h, c);
      end = i + 1;
      continue;
    }
    if (c === SKIP) continue;
    if (start >= 0) {
      sink.word(h, start, end);
      start = -1;
    }
    if (code === 0x0a || ((code === 0x2e || code === 0x21 || code === 0x3f) && (i + 1 >= to || isSpace(text.charCodeAt(i + 1))))) sink.sentenceEnd(i);
  }
  if (start >= 0) sink.word(h, start, end);
  sink.sentenceEnd(to);
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0xa0;
}

/** The folded form of text[start, end) as scanWords reads it: the string whose wordHash is the word's hash. */
export function foldWord(text: string, start: number, end: number): string {
  let out = '';
  for (let i = start; i < end; i++) {
    const c = fold(text.charCodeAt(i));
    if (c >= 0) out += String.fromCharCode(c);
  }
  return out;
}

/**
 * A greeting that opens a mail: a greeting word ("Hi", "Dear", "Good morning"), then up to five
 * words that address someone (a capitalized name or title, "all", "team", "and"...), ended by a
 * comma, colon, `!` or dash or by its line's end; or "All,", "Team:" alone. What is not such a
 * word ends it: "Hey you're late!" is no greeting, nor "Hello? Is anyone there". Then, or alone,
 * an opening pleasantry ("Hope you're well.", "I hope this email finds you well.").
 */
const OPENING =
  /^\s*(?:(?:(?:[Hh]i|[Hh]ello|[Hh]ey|[Hh]iya|[Dd]ear|[Gg]reetings|[Hh]owdy|(?:[Gg]ood )?(?:[Mm]orning|[Aa]fternoon|[Ee]vening))(?:[ \t]+(?:all|team|everyone|everybody|folks|guys|colleagues|friends|both|there|and|[A-Z][\w'\u2019.-]*)){0,5}|[Aa]ll|[Tt]eam|[Ee]veryone|[Ff]olks|[Gg]uys)[ \t]*(?:[,:!\-\u2013\u2014]+|(?=\r?\n|$)))?(?:\s*(?:[Ii] )?[Hh]ope (?:you(?:'re| are) (?:well|doing well|keeping well)|all(?:'s| is) well|you (?:had|have had) (?:a|an) (?:good|great|nice|lovely|relaxing) (?:weekend|week|break|holiday|trip|time off)|this (?:e-?mail|message|note) finds you well)[.!]*)?/;

/**
 * A closing pleasantry that ends a mail: thanks ("Thanks in advance!", "Many thanks for your help"),
 * "Let me know if you have any questions", "Have a good weekend", "Speak soon"... as the last
 * sentence. Matched on the last 120 characters only.
 */
const CLOSING =
  /(?:^|[.!?]\s+|\n)\s*(?:(?:many |thanks? |thank you )?(?:thanks|thank you|cheers)(?: (?:so much|again|in advance|all|everyone|for (?:your|the) (?:help|time|patience|understanding)))?|let me know if you (?:have any questions|need anything(?: else)?)|any questions,? (?:let me know|shout|give me a (?:call|shout))|have a (?:good|great|nice|lovely) (?:day|weekend|evening|one)|speak soon|talk (?:soon|tomorrow|later)|hope (?:that|this) helps|happy to discuss|looking forward to hearing from you)[.!]*\s*$/i;

/**
 * The ranges without the courtesies around the writer's words: the greeting and opening
 * pleasantry that start the first range ("Hi all,", "Hope you're well.") and the thanks or
 * closing line that ends the last ("Thanks in advance!", "Let me know if you have any questions.").
 * The scorer does not read them. Nearly every mail has them whatever it says, but the mail the
 * model learned from did not: its innocent mail was greeted and thanked more often than its hostile
 * mail, and the model learned "hi" and "me know" as signs of innocence (-5.5 and -4.5 for threat).
 * Put around the same words, a greeting lost the scorer a tenth of its finds, and "Let me know if
 * you have any questions." a fifth.
 */
export function withoutCourtesy(text: string, ranges: ReadonlyArray<readonly [number, number]>): Array<readonly [number, number]> {
  const out = ranges.slice();
  if (out.length === 0) return out;
  const [from, to] = out[0]!;
  const open = OPENING.exec(text.slice(from, Math.min(to, from + 160)))![0].length;
  out[0] = [from + open, to];
  const [first, last] = out[out.length - 1]!;
  const start = Math.max(first, last - 120);
  const close = CLOSING.exec(text.slice(start, last));
  if (close) out[out.length - 1] = [first, Math.max(first, start + close.index + close[0].length - close[0].trimStart().length)];
  return out;
}
