/**
 * The learned scorer: a linear model over words and pairs of words, trained on labelled example
 * mail (scripts/train-model.ts writes lexicons/learned/en.tsv), for what phrase rules miss because
 * no stock phrase gives it away ("Mark my words, the review will remember this").
 *
 * Score of a category: sigmoid(bias + sum of the weights of the distinct words and pairs present,
 * divided by the square root of the number of words, or of the model's `words` when there are
 * fewer), so neither a long mail adds up to a finding from many faint words nor one line from a
 * single strong pair. Read over the writer's own words only (not quoted replies or signatures).
 * One pass, no allocation per word: words are hashed as they are read (learned/words.ts) and looked
 * up in an open-addressing table.
 */
import type { Category } from '../types.js';
import { pairHash, scanWords, wordHash, type WordSink } from './words.js';

/** What the scorer found for one category above its threshold. */
export interface LearnedScore {
  category: Category;
  /** The model's probability, 0 to 1. */
  score: number;
  /** The sentence that weighed most towards the category. */
  start: number;
  end: number;
  /** The words and pairs present that weighed most towards it, heaviest first, function words left out (at most three). */
  words: string[];
}

/** Words that say how someone writes, not what: never named as a reason (see LearnedScore.words). */
const FUNCTION_WORDS: ReadonlySet<string> = new Set(
  (
    'a an the and or but if so as at by for from in into of on onto to with without about after again all also am any are be been ' +
    'being both can could did do does doing each had has have having he her here him his how i im ill ive id is it its just me more ' +
    'most my no not now only our out over own she should some such than that thats their them then there these they this those ' +
    'through too very was we were what when where which while who will would you your youre youll youve since really maybe ' +
    'still though yet well even ever much many one get got go going let make sure time'
  ).split(' '),
);

export class LearnedModel {
  readonly categories: Category[];
  private readonly bias: Float64Array;
  private readonly threshold: Float64Array;
  /** The word count below which a text is scaled as if it had this many (see scripts/train-model.ts). */
  private readonly minWords: number;
  /** Feature names (a word, or two words with a space), for explanations. */
  private readonly names: string[];
  /** weights[feature * C + c] */
  private readonly weights: Float32Array;
  /** Open addressing: keys[slot] is a feature hash, slots[slot] its index + 1 (0: empty). */
  private readonly keys: Int32Array;
  private readonly slots: Int32Array;
  private readonly mask: number;
  /** When each feature was last counted (by call), so each counts once per text. */
  private readonly seen: Uint32Array;
  private stamp = 0;

  /** Parses the model's text (the format scripts/train-model.ts writes). Throws on a malformed model. */
  constructor(data: string) {
    const lines = data.split('\n').filter((l) => l !== '' && !l.startsWith('#'));
    const row = (name: string): string[] => {
      const l = lines.find((x) => x.startsWith(`${name}\t`));
      if (!l) throw new Error(`learned model: no "${name}" line`);
      return l.split('\t').slice(1);
    };
    this.categories = row('categories') as Category[];
    const C = this.categories.length;
    this.bias = Float64Array.from(row('bias'), Number);
    this.threshold = Float64Array.from(row('threshold'), Number);
    if (this.bias.length !== C || this.threshold.length !== C) throw new Error('learned model: bias or threshold count differs from categories');
    this.minWords = Number(row('words')[0]);
    if (!(this.minWords >= 1)) throw new Error('learned model: "words" must be a number of at least 1');
    const features = lines.filter((l) => !/^(categories|bias|threshold|words)\t/.test(l));
    this.names = [];
    this.weights = new Float32Array(features.length * C);
    let size = 1;
    // A quarter full: most words are not features, and a miss then ends at the first slot.
    while (size < features.length * 4) size <<= 1;
    this.keys = new Int32Array(size);
    this.slots = new Int32Array(size);
    this.mask = size - 1;
    this.seen = new Uint32Array(features.length);
    features.forEach((line, f) => {
      const cells = line.split('\t');
      const name = cells[0]!;
      this.names.push(name);
      for (let c = 0; c < C; c++) this.weights[f * C + c] = cells[c + 1] ? Number(cells[c + 1]) : 0;
      const words = name.split(' ');
      const h = words.length === 1 ? wordHash(words[0]!) : pairHash(wordHash(words[0]!), wordHash(words[1]!));
      let s = h & this.mask;
      while (this.slots[s] !== 0) s = (s + 1) & this.mask;
      this.keys[s] = h;
      this.slots[s] = f + 1;
    });
  }

  /** How many features (words and pairs) the model weighs. */
  get size(): number {
    return this.names.length;
  }

  /**
   * Scores the text's ranges [from, to) (the writer's own words) and returns the categories whose
   * score reaches their threshold.
   */
  score(text: string, ranges: ReadonlyArray<readonly [number, number]>): LearnedScore[] {
    const C = this.categories.length;
    const stamp = ++this.stamp;
    if (stamp === 0xffffffff) {
      this.seen.fill(0);
      this.stamp = 1;
    }
    const sink = new Tally(this.keys, this.slots, this.mask, this.weights, this.seen, this.stamp, C);
    for (const [from, to] of ranges) scanWords(text, from, to, sink);
    const { words, sums, best, bestStart, bestEnd, present } = sink;
    if (words === 0) return [];
    const scale = 1 / Math.sqrt(Math.max(this.minWords, words));
    const out: LearnedScore[] = [];
    for (let c = 0; c < C; c++) {
      const p = 1 / (1 + Math.exp(-(this.bias[c]! + sums[c]! * scale)));
      // Every text with a word ended a sentence, so best[c] names a sentence here.
      if (p < this.threshold[c]!) continue;
      // Function words ("your", "very", "i will") and numbers ("60") weigh but explain nothing to a
      // reader: not named.
      const heaviest = present
        .filter((f) => this.weights[f * C + c]! > 0 && this.names[f]!.split(' ').some((w) => !FUNCTION_WORDS.has(w) && !/^[0-9]+$/.test(w)))
        .sort((a, b) => this.weights[b * C + c]! - this.weights[a * C + c]!)
        .slice(0, 3)
        .map((f) => this.names[f]!);
      out.push({ category: this.categories[c]!, score: p, start: bestStart[c]!, end: bestEnd[c]!, words: heaviest });
    }
    return out;
  }
}

/**
 * One text's tally, fed word by word by scanWords. A class with fields, not closures over the
 * caller's locals: with those, every counter lived in a heap context and the scorer ran about a
 * fifth slower.
 */
class Tally implements WordSink {
  words = 0;
  readonly sums: Float64Array;
  readonly best: Float64Array;
  readonly bestStart: Int32Array;
  readonly bestEnd: Int32Array;
  /** The features present, each once. */
  readonly present: number[] = [];
  /** Per category, the weight the current sentence has gathered so far. */
  private readonly sentence: Float64Array;
  private previous = 0;
  private hasPrevious = false;
  private sentenceStart = -1;
  private lastWordEnd = -1;

  constructor(
    private readonly keys: Int32Array,
    private readonly slots: Int32Array,
    private readonly mask: number,
    private readonly weights: Float32Array,
    private readonly seen: Uint32Array,
    private readonly stamp: number,
    private readonly C: number,
  ) {
    this.sums = new Float64Array(C);
    this.sentence = new Float64Array(C);
    this.best = new Float64Array(C).fill(-1);
    this.bestStart = new Int32Array(C);
    this.bestEnd = new Int32Array(C);
  }

  word(h: number, start: number, end: number): void {
    this.words++;
    if (this.sentenceStart < 0) this.sentenceStart = start;
    this.lastWordEnd = end;
    const f = this.find(h);
    if (f >= 0) this.count(f);
    if (this.hasPrevious) {
      const g = this.find(pairHash(this.previous, h));
      if (g >= 0) this.count(g);
    }
    this.previous = h;
    this.hasPrevious = true;
  }

  sentenceEnd(): void {
    this.hasPrevious = false;
    if (this.sentenceStart < 0) return;
    const { C, sentence, best } = this;
    for (let c = 0; c < C; c++) {
      if (sentence[c]! > best[c]!) {
        best[c] = sentence[c]!;
        this.bestStart[c] = this.sentenceStart;
        this.bestEnd[c] = this.lastWordEnd;
      }
      sentence[c] = 0;
    }
    this.sentenceStart = -1;
  }

  /** The feature index of a hash, or -1. */
  private find(h: number): number {
    const { keys, slots, mask } = this;
    let s = h & mask;
    for (;;) {
      const f = slots[s]!;
      if (f === 0) return -1;
      if (keys[s] === h) return f - 1;
      s = (s + 1) & mask;
    }
  }

  private count(f: number): void {
    const { C, weights, sentence } = this;
    for (let c = 0; c < C; c++) {
      const w = weights[f * C + c]!;
      if (w > 0) sentence[c] += w;
    }
    if (this.seen[f] === this.stamp) return;
    this.seen[f] = this.stamp;
    this.present.push(f);
    for (let c = 0; c < C; c++) this.sums[c] += weights[f * C + c]!;
  }
}
