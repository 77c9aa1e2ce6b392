import { Kind, fold } from '../normalize/fold.js';
import { LEET } from '../normalize/tables.js';
import { CAPITAL_I_CONTRACTIONS, CONTRACTIONS, TEXT_SPEAK, tokenize, type Token } from '../normalize/tokenize.js';
import type { Atom } from './pattern.js';
import { NAME_STOPWORDS } from './stopwords.js';

/**
 * The sentence gate: which sentences of a text can hold a phrase at all, found in one cheap
 * pass, so that only those are tokenized and walked through the trie. Most sentences of most
 * mail hold none, and tokenizing and walking them was most of the classifier's time.
 *
 * A phrase needs every required term of its pattern: "delete|shred ...3 emails|records" needs
 * one of delete/shred and one of emails/records in the same sentence (a phrase never crosses a
 * sentence end). The gate knows, for each pattern, those terms as sets of words and stems, and
 * lets a sentence through when, for some pattern, every such term has a word in the sentence.
 * Optional terms and token classes (`<name>`, `<num>`, `<any>`) constrain nothing.
 *
 * The pass reads words the way the tokenizer does (the same folding of case, accents and
 * look-alike letters from `fold`, the same reading of digits inside words) but builds no tokens
 * and no strings: a rolling hash per word, looked up in a table. Whatever it does not read
 * exactly lets its sentence through: a symbol or mask touching a word (`@ss`, `f*ck`), `!`
 * inside a word, digits and symbols outside ASCII, stretched letters (`shiiit`), three single
 * letters in a row (`f.u.c.k`). Hash collisions only let more through. So the gate may pass
 * too much, never too little.
 *
 * Sentences are cut only where the tokenizer surely starts one: after `.`, `?` or `!` followed
 * by a space or line break (not in an ellipsis), and after a blank line. Tokenizing such a piece
 * alone gives exactly the tokens the whole text gives there, since its first token starts a
 * sentence either way. test/classifier/match/gate.test.ts compares matching through the gate
 * with matching over every token on generated text.
 */
export class SentenceGate {
  /** Word hash -> ids of the word atoms with that hash. */
  private readonly words = new Map<number, number[]>();
  /** Hash of a stem's first STEM_HEAD letters -> the stems starting so. */
  private readonly stems = new Map<number, Stem[]>();
  /** Atom ids of words and of stems, by their text. */
  private readonly wordIds = new Map<string, number>();
  private readonly stemIds = new Map<string, number>();
  /** Atom id -> the compounds of patterns' anchors (rarest terms) whose rarest atom it is: checked when it is seen. */
  private readonly atomAnchors: number[][] = [];
  /** Compound id -> the patterns whose anchor it belongs to. */
  private readonly compoundPatterns: number[][] = [];
  /** A compound's atom ids, sorted and joined (one atom: its id alone) -> its id. */
  private readonly compoundIds = new Map<string | number, number>();
  /** Compound id -> its atoms (all must be seen). */
  private readonly compoundAtoms: number[][] = [];
  /** Compound id -> how often it is seen, roughly (see cost). */
  private readonly compoundCost: number[] = [];
  /** A choice of a parsed term -> its compound id, or -1 (see choiceCompound). */
  private readonly choiceIds = new Map<Atom[], number>();
  /** Hash of a term's sorted compound ids -> the term ids with that hash. */
  private readonly termIds = new Map<number, number[]>();
  /** Parsed term (its choices array) -> what it adds to the gate (see term). */
  private readonly terms = new Map<Atom[][], GateTerm | null>();
  /** Term id -> its compounds (any one seen will do). */
  private readonly termCompounds: number[][] = [];
  /** Per pattern, its constraining terms. */
  private readonly patternTerms: number[][] = [];
  // Per atom and term: the number of the sentence it was last seen (or decided) in.
  private atomSeen = new Int32Array(0);
  private termYes = new Int32Array(0);
  private termNo = new Int32Array(0);
  /** Per term, one bit per first atom of its compounds (atom id mod 32); the same bits of the atoms seen in the sentence. */
  private termBits = new Int32Array(0);
  private sentenceBits = 0;
  /**
   * The atoms seen in the current sentence, and those of them that may complete an anchor
   * (`hot`), as buffers with counts: each atom is listed once per sentence, so the number of
   * atoms bounds them (emptying an array per sentence cost more than filling it).
   */
  private seenAtoms = new Int32Array(0);
  private seenCount = 0;
  private hot = new Int32Array(0);
  private hotCount = 0;
  /** Per large term, built when first needed (see termSeen). */
  private readonly termIndex: Array<TermIndex | undefined> = [];
  private sentence = 0;
  /**
   * `words` and `stems` as open-addressing tables of ints (a Map lookup per word cost more than all
   * the rest). A word's value is its atom id + 1, or -1 - the index in `wordLists` of the atoms
   * sharing its hash; a stem head's value is 1 + its index in `stemLists`.
   */
  private wordTable = new IntTable(new Map());
  private wordLists: number[][] = [];
  private stemTable = new IntTable(new Map());
  private stemLists: Stem[][] = [];
  /** Per atom, 1 when it is the first atom of some pattern's anchor compound (may complete one). */
  private anchorAtom = new Uint8Array(0);
  /** atomAnchors, compoundAtoms, compoundPatterns and patternTerms flattened for `satisfied` (see Flat). */
  private flat = flatten([], [], [], [], [], new Int32Array(0));
  /** Some pattern constrains nothing (only token classes): every sentence may hold a phrase. */
  private open = false;
  /** Some stem is all digits (see pieces, on numbers with `$` or `@`). */
  private digitStem = false;

  /**
   * Adds one pattern (its parsed terms). A term constrains when it is required and each of its
   * choices has a word or stem; a choice becomes a compound of up to three of its rarest words and
   * stems (all of them appear where the choice does).
   */
  addPattern(terms: readonly Atom[][][]): void {
    const candidates: GateTerm[] = [];
    for (const choices of terms) {
      const term = this.term(choices);
      if (term) candidates.push(term);
    }
    if (candidates.length === 0) {
      this.open = true;
      return;
    }
    candidates.sort((x, y) => x.cost - y.cost);
    const ids = candidates.map((c) => c.id);
    const anchor = ids[0]!;
    // The other terms, those with fewer compounds first (quicker to decide).
    const others = [...new Set(ids)].filter((t) => t !== anchor).sort((x, y) => this.termCompounds[x]!.length - this.termCompounds[y]!.length);
    const p = this.patternTerms.push(others.slice()) - 1;
    // A compound is complete only once its rarest atom (its first) is seen: that atom leads here.
    // Most of these lists keep one item: a first item starts a list of exactly one (a list grown
    // from empty by push reserves 17 slots, and thousands of them were most of a classifier's heap).
    for (const c of this.termCompounds[anchor]!) {
      const patterns = this.compoundPatterns[c]!;
      if (patterns.length === 0) {
        const a = this.compoundAtoms[c]![0]!;
        const anchors = this.atomAnchors[a]!;
        if (anchors.length === 0) this.atomAnchors[a] = [c];
        else anchors.push(c);
        this.compoundPatterns[c] = [p];
      } else patterns.push(p);
    }
  }

  /**
   * A term's id and cost, or null when it constrains nothing. parseTerms hands out the same
   * choices array for the same term text, and lexicons repeat terms across thousands of
   * patterns, so each array is worked out once (this was most of the time to build the gate).
   */
  private term(choices: Atom[][]): GateTerm | null {
    let term = this.terms.get(choices);
    if (term !== undefined) return term;
    // A term is seen about as often as its compounds are, added up.
    const ids = new Int32Array(choices.length);
    let cost = 0;
    let k = 0;
    for (; k < choices.length; k++) {
      const c = this.choiceCompound(choices[k]!);
      if (c < 0) break;
      ids[k] = c;
      cost += this.compoundCost[c]!;
    }
    // A choice without a word or stem (an optional term's empty one) leaves the term unconstraining.
    term = k === choices.length ? { id: this.termId(ids), cost } : null;
    this.terms.set(choices, term);
    return term;
  }

  /**
   * The compound of a choice: up to three of its rarest words and stems (all of them appear where
   * the choice does), or -1 when it has none. Choices are shared between terms (a set's words
   * stand in every term that names the set), so each is worked out once.
   */
  private choiceCompound(choice: Atom[]): number {
    let id = this.choiceIds.get(choice);
    if (id === undefined) {
      // Most choices are one word: no filtering or sorting to do.
      const atoms =
        choice.length === 1 && (choice[0]!.kind === 'word' || choice[0]!.kind === 'prefix')
          ? choice
          : choice.filter((a) => a.kind === 'word' || a.kind === 'prefix').sort((a, b) => cost(a) - cost(b));
      id = atoms.length === 0 ? -1 : this.compoundId(atoms.length <= 3 ? atoms : atoms.slice(0, 3));
      this.choiceIds.set(choice, id);
    }
    return id;
  }

  /** `ids`: the compounds of a term's choices (sorted here, in place). */
  private termId(ids: Int32Array): number {
    // The compound ids once each, sorted: the same term whatever the order of its choices.
    // Looked up by a hash of them (joining hundreds of ids into a key string cost more than
    // the rest of building the gate).
    ids.sort();
    let n = 0;
    let hash = FNV_OFFSET;
    for (let k = 0; k < ids.length; k++) {
      if (k > 0 && ids[k] === ids[k - 1]) continue;
      ids[n++] = ids[k]!;
      hash = Math.imul(hash ^ ids[k]!, FNV_PRIME);
    }
    const bucket = this.termIds.get(hash);
    if (bucket) {
      next: for (const id of bucket) {
        const known = this.termCompounds[id]!;
        if (known.length !== n) continue;
        for (let k = 0; k < n; k++) if (known[k] !== ids[k]) continue next;
        return id;
      }
    }
    const id = this.termCompounds.push(Array.from(ids.subarray(0, n))) - 1;
    if (bucket) bucket.push(id);
    else this.termIds.set(hash, [id]);
    return id;
  }

  private compoundId(atoms: Atom[]): number {
    // Kept rarest first (the caller's order); the key does not depend on the order. Most
    // compounds are one atom, keyed by its id without building an array first.
    const one = atoms.length === 1 ? this.atomId(atoms[0]!) : -1;
    const aids = one >= 0 ? null : [...new Set(atoms.map((a) => this.atomId(a)))];
    const key = aids === null ? one : aids.length === 1 ? aids[0]! : aids
      .slice()
      .sort((a, b) => a - b)
      .join(',');
    let id = this.compoundIds.get(key);
    if (id === undefined) {
      id = this.compoundAtoms.push(aids ?? [one]) - 1;
      // About as often as its atoms together (costs read as rough frequencies, multiplied).
      this.compoundCost.push(atoms.reduce((p, a) => (p * cost(a)) / 1000, 1000));
      this.compoundPatterns.push([]);
      this.compoundIds.set(key, id);
    }
    return id;
  }

  private atomId(atom: Atom): number {
    // Stems longer than MAX_STEM are compared by their first MAX_STEM letters (lets more through).
    const text = atom.kind === 'word' ? atom.word : (atom as { stem: string }).stem.slice(0, MAX_STEM);
    const ids = atom.kind === 'word' ? this.wordIds : this.stemIds;
    let id = ids.get(text);
    if (id !== undefined) return id;
    id = this.atomAnchors.push([]) - 1;
    ids.set(text, id);
    const h = hashOf(text);
    if (atom.kind === 'word') {
      const list = this.words.get(h);
      if (list) list.push(id);
      else this.words.set(h, [id]);
    } else {
      if (/^[0-9]+$/.test(text)) this.digitStem = true;
      const head = hashOf(text.slice(0, STEM_HEAD));
      const list = this.stems.get(head);
      const stem = { length: text.length, hash: h, atom: id };
      if (list) list.push(stem);
      else this.stems.set(head, [stem]);
    }
    return id;
  }

  /** Sizes the per-sentence tables to the atoms, terms and patterns added so far, and builds the word table. */
  private sizeTables(): void {
    // Rebuilt whenever atoms were added (a new word may share its hash with an older one).
    if (this.wordTable.atoms !== this.atomAnchors.length) {
      this.wordLists = [];
      const values = new Map<number, number>();
      for (const [h, atoms] of withContractions(this.words)) values.set(h, atoms.length === 1 ? atoms[0]! + 1 : -1 - (this.wordLists.push(atoms) - 1));
      this.wordTable = new IntTable(values, this.atomAnchors.length);
      this.stemLists = [...this.stems.values()];
      this.stemTable = new IntTable(new Map([...this.stems.keys()].map((h, k) => [h, k + 1])));
    }
    if (this.atomSeen.length !== this.atomAnchors.length) {
      this.atomSeen = new Int32Array(this.atomAnchors.length);
      this.seenAtoms = new Int32Array(this.atomAnchors.length);
      this.hot = new Int32Array(this.atomAnchors.length);
    }
    if (this.termYes.length !== this.termCompounds.length) {
      this.termYes = new Int32Array(this.termCompounds.length);
      this.termBits = Int32Array.from(this.termCompounds, (compounds) => compounds.reduce((bits, c) => bits | (1 << (this.compoundAtoms[c]![0]! & 31)), 0));
      this.termNo = new Int32Array(this.termCompounds.length);
    }
    // Every added pattern adds to patternTerms; only addPattern changes what follows.
    if (this.flat.mask.length !== this.patternTerms.length || this.anchorAtom.length !== this.atomAnchors.length) {
      this.anchorAtom = Uint8Array.from(this.atomAnchors, (anchors) => (anchors.length > 0 ? 1 : 0));
      this.flat = flatten(this.atomAnchors, this.compoundAtoms, this.compoundPatterns, this.patternTerms, this.termCompounds, this.termBits);
    }
  }

  /**
   * The tokens of the sentences that may hold a phrase, with offsets into `text`: for those
   * sentences, the same tokens `tokenize(text)` gives.
   */
  tokens(text: string): Token[] {
    if (this.open) return tokenize(text);
    const pieces = this.pieces(text);
    if (pieces.length === 2 && pieces[0] === 0 && pieces[1] === text.length) return tokenize(text);
    const out: Token[] = [];
    for (let k = 0; k < pieces.length; k += 2) {
      const from = pieces[k]!;
      for (const t of tokenize(text.slice(from, pieces[k + 1]!))) {
        t.s += from;
        t.e += from;
        out.push(t);
      }
    }
    return out;
  }

  /** The pieces of `text` that may hold a phrase, as [start, end, start, end, ...], adjacent ones merged. */
  pieces(text: string): number[] {
    if (this.open) return text.length > 0 ? [0, text.length] : [];
    this.sizeTables();
    const out: number[] = [];
    const len = text.length;
    this.seenCount = this.hotCount = 0;
    const wordTable = this.wordTable;
    let sentence = ++this.sentence;
    this.sentenceBits = 0;
    let pieceStart = 0;
    let possible = false;
    // The word being read (one flat loop with locals only: this runs for every character of
    // every draft): hashes of its folded text and of its first STEM_HEAD characters; once it has
    // a digit, also of its reading with digits as letters; and of its digits alone (a number's
    // reading when `$` is part of it).
    let wordStart = 0;
    let length = 0;
    let hash = FNV_OFFSET;
    let head = 0;
    let leetHash = FNV_OFFSET;
    let leetHead = 0;
    let digitHash = FNV_OFFSET;
    let symbols = 0;
    let letters = 0;
    let digits = 0;
    let digitRun = 0;
    let longestDigitRun = 0;
    let last = -1;
    let beforeLast = -1;
    let stretched = false;
    let singles = 0;

    let i = 0;
    // One step past the end stands a space, which ends the last word.
    while (i <= len) {
      const c = i < len ? text.charCodeAt(i) : 0x20;
      let cls: number;
      let width = 1;
      let folded = '';
      if (c < 128) {
        cls = ASCII_CLASS[c]!;
        if (cls === LETTER && digits === 0) {
          // The common case: a run of ASCII letters in a word without digits, read in a tight
          // loop (the same reading as the general path below).
          if (length === 0) wordStart = i;
          let code = c | 0x20;
          for (;;) {
            hash = Math.imul(hash ^ code, FNV_PRIME);
            if (++length === STEM_HEAD) head = hash;
            if (code === last && code === beforeLast) stretched = true;
            beforeLast = last;
            last = code;
            letters++;
            if (++i >= len) break;
            const d = text.charCodeAt(i);
            if (d >= 0x61 && d <= 0x7a) code = d;
            else if (d >= 0x41 && d <= 0x5a) code = d | 0x20;
            else break;
          }
          digitRun = 0;
          continue;
        }
      } else {
        // Outside ASCII: fold as the tokenizer does.
        const cp = c >= 0xd800 && c <= 0xdbff ? text.codePointAt(i)! : c;
        if (cp > 0xffff) width = 2;
        const f = fold(cp);
        if (f.kind === Kind.Invisible || f.kind === Kind.Mark) cls = INVISIBLE;
        else if (f.kind === Kind.Letter) {
          cls = FOLDED_LETTER;
          folded = f.text;
        } else if (f.kind === Kind.Digit || f.kind === Kind.Leet || f.kind === Kind.Mask || (f.kind === Kind.Stop && f.text === '!')) {
          // Digits and symbols outside ASCII, and look-alikes of `!`: not followed here.
          cls = UNSURE;
        } else cls = OTHER;
      }
      if (cls <= FOLDED_LETTER) {
        // A character of the word: letters lowercased, digits also read as letters, `@` and
        // `$` read as the letters they look like (`@ss`, `a$$`: the tokenizer's reading for a
        // word without digits; a word with both is not followed, below).
        if (length === 0) wordStart = i;
        if (cls === DIGIT && digits === 0) {
          // Until its first digit a word reads the same both ways.
          leetHash = hash;
          leetHead = head;
        }
        const n = cls === FOLDED_LETTER ? folded.length : 1;
        for (let k = 0; k < n; k++) {
          const code = cls === LETTER ? c | 0x20 : cls === FOLDED_LETTER ? folded.charCodeAt(k) : cls === DIGIT ? c : LEET_CODE[c]!;
          hash = Math.imul(hash ^ code, FNV_PRIME);
          if (digits > 0 || cls === DIGIT) leetHash = Math.imul(leetHash ^ (cls === DIGIT ? LEET_CODE[c]! : code), FNV_PRIME);
          if (++length === STEM_HEAD) {
            head = hash;
            leetHead = leetHash;
          }
          if (code === last && code === beforeLast) stretched = true;
          beforeLast = last;
          last = code;
        }
        if (cls === DIGIT) {
          digitHash = Math.imul(digitHash ^ c, FNV_PRIME);
          digits++;
          if (++digitRun > longestDigitRun) longestDigitRun = digitRun;
        } else if (cls === READ_AS_LETTER) symbols++;
        else {
          letters++;
          digitRun = 0;
        }
        i += width;
        continue;
      }
      if (cls === INVISIBLE) {
        // Renders as nothing: the word goes on.
        i += width;
        continue;
      }
      if (length > 0) {
        // The word ends. Digits in a word with letters read as letters unless they look like a code.
        const asLeet = letters > 0 && digits > 0 && (longestDigitRun === 0 || (letters >= 2 && longestDigitRun < 3));
        // A word with digits and `@` or `$` is not followed, unless it has no letters: a number
        // ("$500") is read as its digits alone, as the word table is asked here (digitHash); only
        // its stem lookup reads `$` as a letter, which matters only if some stem is all digits.
        if (symbols > 0 && digits > 0 && (letters > 0 || this.digitStem)) possible = true;
        // The word table, open addressing on the hash (a Map lookup per word cost more than all the rest).
        const key = letters === 0 ? digitHash : asLeet ? leetHash : hash;
        const word = wordTable.get(key);
        if (word > 0) this.see(word - 1, sentence);
        else if (word < 0) for (const a of this.wordLists[-1 - word]!) this.see(a, sentence);
        // A word ending in s before an apostrophe may take the tokenizer's possessive "s" ("Jones' bonus").
        if (last === 115 && isApostropheCode(c)) {
          const s = wordTable.get(S_HASH);
          if (s > 0) this.see(s - 1, sentence);
          else if (s < 0) for (const a of this.wordLists[-1 - s]!) this.see(a, sentence);
        }
        if (length >= STEM_HEAD) {
          const at = this.stemTable.get(asLeet ? leetHead : head);
          if (at > 0) {
            for (const stem of this.stemLists[at - 1]!) {
              if (stem.length <= length && (stem.length === STEM_HEAD || prefixHash(text, wordStart, stem.length, asLeet) === stem.hash)) this.see(stem.atom, sentence);
            }
          }
        }
        // Stretched letters get other readings (`shiiit`); a word without letters is a number
        // ("555", "$999"), which the tokenizer reads as its digits alone, with no other reading.
        if (stretched && letters > 0) possible = true;
        // Three single letters in a row may be joined into one word (`s h i t`, `f.u.c.k`).
        if (length === 1 && letters === 1) {
          if (++singles >= 3) possible = true;
        } else if (letters > 0 || digits > 0) singles = 0;
        length = symbols = letters = digits = digitRun = longestDigitRun = 0;
        hash = leetHash = digitHash = FNV_OFFSET;
        last = beforeLast = -1;
        stretched = false;
      }
      let boundary = -1;
      let next = i + width;
      if (cls === SYMBOL) {
        // `|`, `+`, `*`: may stand for a letter, or mask one, when it touches a word; not when it
        // only leads or trails a number ("+1 (555)", "40+").
        if ((wordish(text.charCodeAt(i - 1)) || wordish(text.charCodeAt(i + 1))) && !edgeOfNumber(text, i)) possible = true;
      } else if (cls === BANG) {
        // Inside a word `!` is a letter (sh!t); followed by a space it ends a sentence.
        if (wordish(text.charCodeAt(i - 1)) && continuesWord(text.charCodeAt(i + 1))) possible = true;
        else if (isBreakSpace(text.charCodeAt(i + 1))) boundary = i + 1;
      } else if (cls === STOP) {
        // `.` or `?` then a space or line break ends a sentence, except in an ellipsis.
        if (isBreakSpace(text.charCodeAt(i + 1)) && !(c === 0x2e && text.charCodeAt(i - 1) === 0x2e)) boundary = i + 1;
      } else if (cls === NEWLINE) {
        // A blank line (only spaces, tabs and carriage returns between two line feeds) ends a sentence.
        let j = i + 1;
        while (j < len && isBlank(text.charCodeAt(j))) j++;
        if (j < len && text.charCodeAt(j) === 0x0a) boundary = next = j + 1;
      } else if (cls === UNSURE) possible = true;
      if (boundary >= 0 || i >= len) {
        const end = boundary >= 0 ? boundary : len;
        if (possible || (this.hotCount > 0 && this.satisfied(sentence))) {
          if (out.length > 0 && out[out.length - 1] === pieceStart) out[out.length - 1] = end;
          else out.push(pieceStart, end);
        }
        pieceStart = end;
        possible = false;
        this.seenCount = this.hotCount = 0;
        this.sentenceBits = 0;
        sentence = ++this.sentence;
      }
      i = next;
    }
    return out;
  }

  /** Marks an atom seen in the sentence; one that may complete an anchor is kept in `hot`. */
  private see(a: number, sentence: number): void {
    if (this.atomSeen[a] === sentence) return;
    this.atomSeen[a] = sentence;
    this.seenAtoms[this.seenCount++] = a;
    this.sentenceBits |= 1 << (a & 31);
    if (this.anchorAtom[a] === 1) this.hot[this.hotCount++] = a;
  }

  /**
   * Whether, for some anchor compound a hot atom leads to, the compound is complete and every
   * other constraining term of its pattern was seen in the sentence.
   */
  private satisfied(sentence: number): boolean {
    const { termBits, atomSeen, hot, hotCount } = this;
    const { anchorAt, anchors, atomAt, atoms, patternAt, patterns, soleAt, soles, termAt, terms, mask } = this.flat;
    const bits = this.sentenceBits;
    for (let h = 0; h < hotCount; h++) {
      const a = hot[h]!;
      next: for (let k = anchorAt[a]!, kEnd = anchorAt[a + 1]!; k < kEnd; k++) {
        const c = anchors[k]!;
        for (let m = atomAt[c]! + 1, mEnd = atomAt[c + 1]!; m < mEnd; m++) if (atomSeen[atoms[m]!] !== sentence) continue next;
        pattern: for (let q = patternAt[c]!, qEnd = patternAt[c + 1]!; q < qEnd; q++) {
          const p = patterns[q]!;
          // The bits rule out most patterns at once (through the pattern's mask, the bits of its
          // terms that have one); then its terms of one word are looked up exactly, and only
          // then the others.
          if ((mask[p]! & bits) !== mask[p]) continue;
          for (let m = soleAt[p]!, mEnd = soleAt[p + 1]!; m < mEnd; m++) if (atomSeen[soles[m]!] !== sentence) continue pattern;
          const mEnd = termAt[p + 1]!;
          for (let m = termAt[p]!; m < mEnd; m++) if ((termBits[terms[m]!]! & bits) === 0) continue pattern;
          for (let m = termAt[p]!; m < mEnd; m++) if (!this.termSeen(terms[m]!, sentence)) continue pattern;
          return true;
        }
      }
    }
    return false;
  }

  private complete(c: number, sentence: number): boolean {
    const { atomAt, atoms } = this.flat;
    for (let k = atomAt[c]!, end = atomAt[c + 1]!; k < end; k++) if (this.atomSeen[atoms[k]!] !== sentence) return false;
    return true;
  }

  /** Whether some compound of the term was seen whole in the sentence (decided once per sentence). */
  private termSeen(t: number, sentence: number): boolean {
    // Quick no: none of the term's first atoms has its bit among the sentence's atoms' bits.
    if ((this.termBits[t]! & this.sentenceBits) === 0) return false;
    if (this.termYes[t] === sentence) return true;
    if (this.termNo[t] === sentence) return false;
    let seen = false;
    const { seenAtoms, seenCount } = this;
    const { compoundAt, compounds } = this.flat;
    const from = compoundAt[t]!;
    const to = compoundAt[t + 1]!;
    if (to - from <= seenCount * 4) {
      for (let k = from; k < to && !seen; k++) seen = this.complete(compounds[k]!, sentence);
    } else {
      // A large term (a word list): look its compounds up by the atoms the sentence has instead.
      const index = (this.termIndex[t] ??= indexByFirstAtom(this.termCompounds[t]!, this.compoundAtoms));
      for (let k = 0; k < seenCount && !seen; k++) {
        const a = seenAtoms[k]!;
        for (let j = lowerBound(index.firsts, a); j < index.firsts.length && index.firsts[j] === a && !seen; j++) seen = this.complete(index.compounds[j]!, sentence);
      }
    }
    if (seen) this.termYes[t] = sentence;
    else this.termNo[t] = sentence;
    return seen;
  }
}

/**
 * The lists `satisfied` and `termSeen` walk, each as one array of ints with offsets (list `i` is
 * `xs[xAt[i]]..xs[xAt[i + 1]]`): no pointer to follow per list. A pattern's other terms are split
 * in two: `soles`, the atoms of its terms of a single word or stem, looked up directly, and
 * `terms`, the rest. `mask` holds, per pattern, the bits of its terms that have a single bit (the
 * sentence must have all of them).
 */
interface Flat {
  anchorAt: Int32Array;
  anchors: Int32Array;
  atomAt: Int32Array;
  atoms: Int32Array;
  patternAt: Int32Array;
  patterns: Int32Array;
  soleAt: Int32Array;
  soles: Int32Array;
  termAt: Int32Array;
  terms: Int32Array;
  mask: Int32Array;
  compoundAt: Int32Array;
  compounds: Int32Array;
}

function flatten(
  atomAnchors: number[][],
  compoundAtoms: number[][],
  compoundPatterns: number[][],
  patternTerms: number[][],
  termCompounds: number[][],
  termBits: Int32Array,
): Flat {
  const [anchorAt, anchors] = flatLists(atomAnchors);
  const [atomAt, atoms] = flatLists(compoundAtoms);
  const [patternAt, patterns] = flatLists(compoundPatterns);
  // A term of one compound of one atom is that atom, seen or not: split from the others.
  const soleAtom = (t: number): number => (termCompounds[t]!.length === 1 && compoundAtoms[termCompounds[t]![0]!]!.length === 1 ? compoundAtoms[termCompounds[t]![0]!]![0]! : -1);
  const [soleAt, soles] = flatLists(patternTerms.map((ts) => ts.map(soleAtom).filter((a) => a >= 0)));
  const [termAt, terms] = flatLists(patternTerms.map((ts) => ts.filter((t) => soleAtom(t) < 0)));
  const mask = Int32Array.from(patternTerms, (ts) => ts.reduce((m, t) => ((termBits[t]! & (termBits[t]! - 1)) === 0 ? m | termBits[t]! : m), 0));
  const [compoundAt, compounds] = flatLists(termCompounds);
  return { anchorAt, anchors, atomAt, atoms, patternAt, patterns, soleAt, soles, termAt, terms, mask, compoundAt, compounds };
}

function flatLists(lists: number[][]): [Int32Array, Int32Array] {
  const at = new Int32Array(lists.length + 1);
  for (let k = 0; k < lists.length; k++) at[k + 1] = at[k]! + lists[k]!.length;
  const xs = new Int32Array(at[lists.length]!);
  for (let k = 0; k < lists.length; k++) xs.set(lists[k]!, at[k]!);
  return [at, xs];
}

/** A term's compounds ordered by their first atom, with those atoms alongside (for binary search). */
interface TermIndex {
  firsts: Int32Array;
  compounds: Int32Array;
}

function indexByFirstAtom(compounds: readonly number[], compoundAtoms: readonly number[][]): TermIndex {
  const order = compounds.slice().sort((x, y) => compoundAtoms[x]![0]! - compoundAtoms[y]![0]!);
  return { firsts: Int32Array.from(order, (c) => compoundAtoms[c]![0]!), compounds: Int32Array.from(order) };
}

/** The first index of `sorted` whose value is at least `value`. */
function lowerBound(sorted: Int32Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The hash of the first `n` characters of the word at `start`, read as the pass reads it (for a
 * stem longer than STEM_HEAD; only words starting like some stem get here).
 */
function prefixHash(text: string, start: number, n: number, asLeet: boolean): number {
  let h = FNV_OFFSET;
  let length = 0;
  for (let i = start; length < n && i < text.length; ) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      const cls = ASCII_CLASS[c]!;
      const code = cls === LETTER ? c | 0x20 : cls === DIGIT ? (asLeet ? LEET_CODE[c]! : c) : LEET_CODE[c]!;
      h = Math.imul(h ^ code, FNV_PRIME);
      length++;
      i++;
      continue;
    }
    const cp = c >= 0xd800 && c <= 0xdbff ? text.codePointAt(i)! : c;
    const f = fold(cp);
    for (let k = 0; k < f.text.length && length < n; k++, length++) h = Math.imul(h ^ f.text.charCodeAt(k), FNV_PRIME);
    i += cp > 0xffff ? 2 : 1;
  }
  return h;
}

/** A term as the gate keeps it: its id and how often it is seen, roughly (see cost). */
interface GateTerm {
  id: number;
  cost: number;
}

/** How common a word is in ordinary text, roughly: a pattern is checked when its rarest term is seen. */
function cost(atom: Atom): number {
  if (atom.kind === 'prefix') return 0.2;
  if (atom.kind !== 'word') return Infinity;
  if (NAME_STOPWORDS.has(atom.word)) return 300;
  if (COMMON_WORDS.has(atom.word)) return 30;
  return atom.word.length <= 2 ? 10 : atom.word.length === 3 ? 2 : 0.1;
}

/**
 * Everyday words of work mail beyond the stop words: a pattern is not anchored on them when it
 * has something rarer. Only speed depends on this list, never what is found.
 */
const COMMON_WORDS: ReadonlySet<string> = new Set(
  (
    'about above across again against ago ahead along already always another answer anyone anything anyway around ask asked ' +
    'away back bad based became become better between big bit call called came case change check close come comes coming ' +
    'cost could couldn day days deal did didn different doing done don down during early either else end enough even ever ' +
    'every example fact far feel few find fine first follow found free full further gave give given giving glad goes gone ' +
    'group guess half hand happen happy hard head hear heard help high hold home hope hour hours however idea important ' +
    'into issue issues item items keep kind knew know known last late later least leave left less let like likely line ' +
    'list little long look looking looks lot lots made mail main making many mean means meet meeting mind more most much ' +
    'name need needed needs never new next nice nothing now number numbers off often old once only open order other others ' +
    'out over own part people per person place plan point possible pretty probably put quite rather read ready real really ' +
    'reason right said same saw say saying says second see seem seems seen send sent set several short show side since small ' +
    'something soon start still stop such take taken talk tell than then thing things think thought through time times told ' +
    'too took top try trying turn under until upon use used using very want wanted way week weeks well went whole work ' +
    'working world year years yet back week call email today team thanks week month months number work'
  ).split(' '),
);

/**
 * A fixed map from 32-bit hashes to non-zero ints: open addressing, linear probing, at most a
 * quarter full. Each slot's key and value sit side by side (one cache line per probe).
 */
class IntTable {
  /** Per slot: key, value (0 for an empty slot). */
  private readonly slots: Int32Array;
  private readonly shift: number;

  /** `atoms`: how many atoms the gate had when this was built (see sizeTables). */
  constructor(
    map: ReadonlyMap<number, number>,
    readonly atoms = 0,
  ) {
    let capacity = 16;
    while (capacity < map.size * 4) capacity *= 2;
    this.slots = new Int32Array(2 * capacity);
    this.shift = 32 - Math.log2(capacity);
    for (const [key, value] of map) {
      let slot = Math.imul(key, 0x9e3779b1) >>> this.shift;
      while (this.slots[2 * slot + 1] !== 0) slot = (slot + 1) & (capacity - 1);
      this.slots[2 * slot] = key;
      this.slots[2 * slot + 1] = value;
    }
  }

  /** The key's value, or 0. */
  get(key: number): number {
    const slots = this.slots;
    const mask = slots.length - 1;
    for (let at = (Math.imul(key, 0x9e3779b1) >>> this.shift) << 1; ; at = (at + 2) & mask) {
      const value = slots[at + 1]!;
      if (value === 0 || slots[at] === key) return value;
    }
  }
}

interface Stem {
  length: number;
  hash: number;
  atom: number;
}

/** Stems are looked up by their first letters (a pattern's stems have at least MIN_STEM = 4). */
const STEM_HEAD = 4;
/** Longest stem prefix compared in full. */
const MAX_STEM = 16;

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;
/** The word hash of "s", the possessive the tokenizer reads after "Jones'". */
const S_HASH = Math.imul(FNV_OFFSET ^ 115, FNV_PRIME);

/**
 * The word atoms with the tokenizer's other readings of a word added: a contraction typed without
 * its apostrophe ("dont" is the two tokens "don t", normalize/tokenize.ts) and text speak ("u" is
 * also "you", TEXT_SPEAK) stand for their own atoms and those of what they are read as.
 */
function withContractions(words: ReadonlyMap<number, number[]>): Map<number, number[]> {
  const out = new Map(words);
  // "ill" and "id" only sometimes split ("Ill bury him"); the gate may let a sentence through, never miss one.
  const readAs: Array<[string, string[]]> = [
    ...[...CONTRACTIONS, ...CAPITAL_I_CONTRACTIONS].map(([word, at]): [string, string[]] => [word, [word.slice(0, at), word.slice(at)]]),
    ...[...TEXT_SPEAK].map(([short, full]): [string, string[]] => [short, [full]]),
  ];
  for (const [word, readings] of readAs) {
    const atoms = [word, ...readings].flatMap((w) => words.get(hashOf(w)) ?? []);
    if (atoms.length > 0) out.set(hashOf(word), [...new Set(atoms)]);
  }
  return out;
}

function hashOf(word: string): number {
  let h = FNV_OFFSET;
  for (let k = 0; k < word.length; k++) h = Math.imul(h ^ word.charCodeAt(k), FNV_PRIME);
  return h;
}

// Character classes of the pass. Those up to FOLDED_LETTER are part of a word.
const LETTER = 0;
const DIGIT = 1;
const READ_AS_LETTER = 2;
const FOLDED_LETTER = 3;
const INVISIBLE = 4;
const OTHER = 5;
const SYMBOL = 6;
const BANG = 7;
const STOP = 8;
const NEWLINE = 9;
const UNSURE = 10;

/** How the tokenizer treats each ASCII character, read from `fold` so the two cannot disagree. */
const ASCII_CLASS: Uint8Array = (() => {
  const table = new Uint8Array(128);
  for (let c = 0; c < 128; c++) {
    const f = fold(c);
    const ch = String.fromCharCode(c);
    if (f.kind === Kind.Letter && /[A-Za-z]/.test(ch)) table[c] = LETTER;
    else if (f.kind === Kind.Digit && /[0-9]/.test(ch)) table[c] = DIGIT;
    else if (f.kind === Kind.Stop) table[c] = f.text === '!' ? BANG : STOP;
    else if (ch === '@' || ch === '$') table[c] = READ_AS_LETTER;
    else if (c === 0x0a) table[c] = NEWLINE;
    else if (f.kind === Kind.Space || f.kind === Kind.Newline || f.kind === Kind.Apostrophe || f.kind === Kind.Other) table[c] = OTHER;
    // Symbols read as letters, masks, and anything else this pass does not follow.
    else table[c] = SYMBOL;
  }
  return table;
})();

/** What each ASCII digit reads as inside a word with letters (`sh1t`). */
const LEET_CODE: Uint16Array = (() => {
  const table = new Uint16Array(128);
  for (const ch of '0123456789@$') table[ch.charCodeAt(0)] = (LEET[ch] ?? ch).charCodeAt(0);
  return table;
})();

/** May be part of a word: a letter, digit, symbol or `!`, or anything outside ASCII (unsure means yes). */
function wordish(c: number): boolean {
  return continuesWord(c) || (c < 128 && ASCII_CLASS[c] === BANG);
}

/**
 * Whether the symbol at `i` (`|`, `+` or `*`) and a run of ASCII digits on one side of it make a
 * whole word, with nothing wordish around them ("+1", "40+"). The tokenizer reads a word without
 * letters as its digits alone, symbols dropped, with no other reading: exactly the number the pass
 * reads on its own next to the symbol. Reads only the digits next to `i` (each run at most twice).
 */
function edgeOfNumber(text: string, i: number): boolean {
  if (!wordish(text.charCodeAt(i - 1))) {
    let j = i + 1;
    while (isAsciiDigit(text.charCodeAt(j))) j++;
    return j > i + 1 && !wordish(text.charCodeAt(j));
  }
  if (!wordish(text.charCodeAt(i + 1))) {
    let j = i - 1;
    while (isAsciiDigit(text.charCodeAt(j))) j--;
    return j < i - 1 && !wordish(text.charCodeAt(j));
  }
  return false;
}

function isAsciiDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** May continue a word after `!` (the tokenizer's test: a letter, digit or symbol; not `!` itself). */
function continuesWord(c: number): boolean {
  if (Number.isNaN(c)) return false;
  if (c >= 128) return true;
  const cls = ASCII_CLASS[c]!;
  return cls === LETTER || cls === DIGIT || cls === SYMBOL || cls === READ_AS_LETTER;
}

/** The characters the tokenizer folds to an apostrophe (normalize/fold.ts). */
function isApostropheCode(c: number): boolean {
  return c === 0x27 || c === 0x2019 || c === 0x2018 || c === 0x02bc || c === 0x60 || c === 0xb4 || c === 0xff07;
}

/** A space or line break after which `.`, `?` or `!` surely ends a sentence. */
function isBreakSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/** What may stand between the two line feeds of a blank line (here, and for paragraphs in nearby.ts). */
export function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0d;
}
