/**
 * The learned scorer: a linear model over words and pairs of words, trained on labelled example
 * mail (scripts/train-model.ts writes lexicons/learned/en.tsv), for what phrase rules miss because
 * no stock phrase gives it away ("Mark my words, the review will remember this").
 *
 * Score of a category: sigmoid(bias + sum of the weights of the distinct words and pairs present,
 * divided by the square root of the number of words, or of the model's `words` when there are
 * fewer), so neither a long mail adds up to a finding from many faint words nor one line from a
 * single strong pair. Read over the writer's own words only (not quoted replies or signatures).
 *
 * The mail is scored whole, and each two neighbouring sentences of it are scored the same way as
 * a passage of their own. Scored whole, one hostile remark in a 200-word update is divided by the
 * root of 200 words instead of 20 or so, and the scorer missed most of what it finds in the same
 * words sent alone. A long mail has many passages, and the best of many scores is high by chance
 * more often than one score is, so a passage reports from its own, higher threshold
 * (`window-threshold`; a model without that line scores the mail whole only).
 *
 * One pass, no allocation per word: words are hashed as they are read (learned/words.ts) and looked
 * up in an open-addressing table; each sentence's features are listed once and summed in at most
 * two passages, so the cost stays linear.
 */
import type { Category } from '../types.js';
import { pairHash, scanWords, wordHash, type WordSink } from './words.js';

/** What the scorer found for one category above its threshold. */
export interface LearnedScore {
  category: Category;
  /** The model's probability, 0 to 1. */
  score: number;
  /** What reached its threshold: the mail scored whole, or one passage of two sentences. */
  scope: 'mail' | 'passage';
  /** The mail's heaviest sentence towards the category, or the passage's sentences that weigh towards it. */
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

/** The lines of a model's text that are not features (LearnedModel reads them by name). */
const HEADER = /^(categories|bias|threshold|window-threshold|words)\t/;

/**
 * The shipped form of a model's text (src/classifier/lexicons/compiled.ts): each feature line is
 * its name followed by one capital letter and a weight for each category it weighs (A the first
 * category, B the second...), instead of a cell per category, most of them empty; a weight (one
 * decimal, as the trainer writes it) is written in tenths, without its point. Names are folded
 * words (learned/words.ts: lowercase, no tab), so the first capital ends the name. About 1.9 KB
 * gzipped less in each bundle. Header lines stay as they are. unpackModel gives the text back.
 */
export function packModel(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      if (line === '' || line.startsWith('#') || HEADER.test(line)) return line;
      const [name, ...cells] = line.split('\t');
      if (/[A-Z]/.test(name!) || cells.length > 26 || cells.some((w) => w !== '' && !/^-?[0-9]+(\.[0-9])?$/.test(w))) throw new Error(`learned model: cannot pack ${JSON.stringify(line)}`);
      return name + cells.map((w, c) => (w === '' ? '' : String.fromCharCode(65 + c) + Math.round(Number(w) * 10))).join('');
    })
    .join('\n');
}

/** A packed model's text back in the trainer's tab-separated form (see packModel). */
export function unpackModel(packed: string): string {
  const categories = packed.split('\n').find((l) => l.startsWith('categories\t'));
  const count = categories ? categories.split('\t').length - 1 : 0;
  return packed
    .split('\n')
    .map((line) => {
      if (line === '' || line.includes('\t') || line.startsWith('#')) return line;
      const weights = new Float64Array(count);
      const name = readPacked(line, weights);
      return `${name}\t${Array.from(weights, (w) => (w === 0 ? '' : String(w))).join('\t')}`;
    })
    .join('\n');
}

/**
 * A packed feature line (see packModel): its name returned, its weights written into `weights`
 * (one per category, 0 where the line has none). One pass over the line's characters: the model
 * is read on every cold start of the send handler.
 */
function readPacked(line: string, weights: Float64Array): string {
  let i = 0;
  while (i < line.length && !isCapital(line.charCodeAt(i))) i++;
  const name = line.slice(0, i);
  while (i < line.length) {
    const category = line.charCodeAt(i++) - 65;
    let sign = 1;
    if (line.charCodeAt(i) === 0x2d) {
      sign = -1;
      i++;
    }
    let tenths = 0;
    for (let c = line.charCodeAt(i); i < line.length && !isCapital(c); c = line.charCodeAt(++i)) tenths = tenths * 10 + (c - 48);
    weights[category] = (sign * tenths) / 10;
  }
  return name;
}

function isCapital(c: number): boolean {
  return c >= 65 && c <= 90;
}

export class LearnedModel {
  readonly categories: Category[];
  private readonly bias: Float64Array;
  private readonly threshold: Float64Array;
  /** Per category, the threshold of a passage's score; null: passages are not scored. */
  private readonly windowThreshold: Float64Array | null;
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
  /** When each feature was last counted, by stamp, so each counts once per sentence, mail or passage. */
  private readonly seen: Uint32Array;
  private stamp = 0;

  /** Parses the model's text (the format scripts/train-model.ts writes, or packed: packModel). Throws on a malformed model. */
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
    // An empty cell: that category is not scored in passages.
    this.windowThreshold = lines.some((l) => l.startsWith('window-threshold\t'))
      ? Float64Array.from(row('window-threshold'), (v) => (v === '' ? Infinity : Number(v)))
      : null;
    if (this.bias.length !== C || this.threshold.length !== C || (this.windowThreshold && this.windowThreshold.length !== C)) {
      throw new Error('learned model: bias or threshold count differs from categories');
    }
    this.minWords = Number(row('words')[0]);
    if (!(this.minWords >= 1)) throw new Error('learned model: "words" must be a number of at least 1');
    const features = lines.filter((l) => !HEADER.test(l));
    this.names = [];
    this.weights = new Float32Array(features.length * C);
    let size = 1;
    // A quarter full: most words are not features, and a miss then ends at the first slot.
    while (size < features.length * 4) size <<= 1;
    this.keys = new Int32Array(size);
    this.slots = new Int32Array(size);
    this.mask = size - 1;
    this.seen = new Uint32Array(features.length);
    const cells = new Float64Array(C);
    features.forEach((line, f) => {
      // The trainer's form (tab-separated cells) or the shipped one (packModel: no tab).
      let name: string;
      if (line.includes('\t')) {
        const text = line.split('\t');
        name = text[0]!;
        for (let c = 0; c < C; c++) cells[c] = text[c + 1] ? Number(text[c + 1]) : 0;
      } else {
        cells.fill(0);
        name = readPacked(line, cells);
      }
      this.names.push(name);
      this.weights.set(cells, f * C);
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

  /** A stamp no feature carries yet (see `seen`). */
  nextStamp(): number {
    if (++this.stamp === 0xffffffff) {
      this.seen.fill(0);
      this.stamp = 1;
    }
    return this.stamp;
  }

  /**
   * Scores the text's ranges [from, to) (the writer's own words), whole and in passages, and
   * returns the categories whose score reaches its threshold: the whole mail's when it does, else
   * the best passage's.
   */
  score(text: string, ranges: ReadonlyArray<readonly [number, number]>): LearnedScore[] {
    const C = this.categories.length;
    const tally = new Tally(this, this.keys, this.slots, this.mask, this.weights, this.seen, C);
    for (const [from, to] of ranges) scanWords(text, from, to, tally);
    const { weight, span } = tally;
    const count = tally.words.length;
    if (count === 0) return [];
    const sums = new Float64Array(C);
    const present: number[] = [];
    const whole = this.z(tally, 0, count, sums, present);
    // The best passage per category, by z (the score before the sigmoid), for the categories the
    // whole mail did not reach. Two sentences are the whole text: a third is needed for a passage
    // to differ from it. A passage is summed only when its sentences' positive weights could
    // reach some open category's threshold (most never come close).
    const needed = new Float64Array(C).fill(Infinity);
    if (this.windowThreshold && count > 2) {
      for (let c = 0; c < C; c++) if (sigmoid(whole[c]!) < this.threshold[c]!) needed[c] = logit(this.windowThreshold[c]!) - this.bias[c]!;
    }
    const best = new Float64Array(C).fill(-Infinity);
    const bestAt = new Int32Array(C);
    for (let k = 0; k + 1 < count; k++) {
      const scale = 1 / Math.sqrt(Math.max(this.minWords, tally.words[k]! + tally.words[k + 1]!));
      let promising = false;
      for (let c = 0; c < C; c++) promising ||= (weight[k * C + c]! + weight[(k + 1) * C + c]!) * scale >= needed[c]!;
      if (!promising) continue;
      const z = this.z(tally, k, k + 2, sums, null);
      for (let c = 0; c < C; c++) {
        if (z[c]! > best[c]!) {
          best[c] = z[c]!;
          bestAt[c] = k;
        }
      }
    }
    const out: LearnedScore[] = [];
    for (let c = 0; c < C; c++) {
      const category = this.categories[c]!;
      let p = sigmoid(whole[c]!);
      if (p >= this.threshold[c]!) {
        // The heaviest sentence (the first of equals).
        let h = 0;
        for (let k = 1; k < count; k++) if (weight[k * C + c]! > weight[h * C + c]!) h = k;
        out.push({ category, score: p, scope: 'mail', start: span[2 * h]!, end: span[2 * h + 1]!, words: this.heaviest(present, c) });
        continue;
      }
      p = sigmoid(best[c]!);
      if (!this.windowThreshold || best[c] === -Infinity || p < this.windowThreshold[c]!) continue;
      const k = bestAt[c]!;
      const features: number[] = [];
      this.z(tally, k, k + 2, sums, features);
      // The passage's sentences that weigh towards the category (at least one does: its score passed).
      const start = weight[k * C + c]! > 0 ? span[2 * k]! : span[2 * k + 2]!;
      const end = weight[(k + 1) * C + c]! > 0 ? span[2 * k + 3]! : span[2 * k + 1]!;
      out.push({ category, score: p, scope: 'passage', start, end, words: this.heaviest(features, c) });
    }
    return out;
  }

  /**
   * Per category, z (bias + sum / sqrt(max(words, minimum words))) of sentences [from, to): the
   * distinct features' weights summed into `sums`; the features, once each, into `into` when given.
   */
  private z(tally: Tally, from: number, to: number, sums: Float64Array, into: number[] | null): Float64Array {
    const { weights, seen } = this;
    const C = this.categories.length;
    sums.fill(0);
    const stamp = this.nextStamp();
    const { features, at } = tally;
    let words = 0;
    for (let k = from; k < to; k++) words += tally.words[k]!;
    for (let j = at[from]!, end = at[to]!; j < end; j++) {
      const f = features[j]!;
      if (seen[f] === stamp) continue;
      seen[f] = stamp;
      into?.push(f);
      for (let c = 0; c < C; c++) sums[c] += weights[f * C + c]!;
    }
    const scale = 1 / Math.sqrt(Math.max(this.minWords, words));
    const z = new Float64Array(C);
    for (let c = 0; c < C; c++) z[c] = this.bias[c]! + sums[c]! * scale;
    return z;
  }

  /**
   * The features that weighed most towards category c, heaviest first, at most three. Function
   * words ("your", "very", "i will") and numbers ("60") weigh but explain nothing to a reader: not named.
   */
  private heaviest(features: readonly number[], c: number): string[] {
    const C = this.categories.length;
    return features
      .filter((f) => this.weights[f * C + c]! > 0 && this.names[f]!.split(' ').some((w) => !FUNCTION_WORDS.has(w) && !/^[0-9]+$/.test(w)))
      .sort((a, b) => this.weights[b * C + c]! - this.weights[a * C + c]!)
      .slice(0, 3)
      .map((f) => this.names[f]!);
  }
}

function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

function logit(p: number): number {
  return Math.log(p / (1 - p));
}

/**
 * One text's sentences, fed word by word by scanWords, in flat arrays: sentence k's distinct
 * features are features[at[k] .. at[k + 1]), its word count words[k], its span span[2k, 2k + 1],
 * and per category c the positive weight of its words weight[k * C + c]. A class with fields, not
 * closures over the caller's locals: with those, every counter lived in a heap context and the
 * scorer ran about a fifth slower.
 */
class Tally implements WordSink {
  readonly features: number[] = [];
  readonly at: number[] = [0];
  readonly words: number[] = [];
  readonly span: number[] = [];
  readonly weight: number[] = [];
  /** The current sentence: its words, and per category the positive weight gathered so far. */
  private count = 0;
  private readonly sentence: Float64Array;
  private previous = 0;
  private hasPrevious = false;
  private sentenceStart = -1;
  private lastWordEnd = -1;
  private stamp = 0;

  constructor(
    private readonly model: LearnedModel,
    private readonly keys: Int32Array,
    private readonly slots: Int32Array,
    private readonly mask: number,
    private readonly weights: Float32Array,
    private readonly seen: Uint32Array,
    private readonly C: number,
  ) {
    this.sentence = new Float64Array(C);
  }

  word(h: number, start: number, end: number): void {
    if (this.count++ === 0) {
      this.sentenceStart = start;
      this.stamp = this.model.nextStamp();
    }
    this.lastWordEnd = end;
    const f = this.find(h);
    if (f >= 0) this.add(f);
    if (this.hasPrevious) {
      const g = this.find(pairHash(this.previous, h));
      if (g >= 0) this.add(g);
    }
    this.previous = h;
    this.hasPrevious = true;
  }

  sentenceEnd(): void {
    this.hasPrevious = false;
    if (this.count === 0) return;
    const { C, sentence } = this;
    for (let c = 0; c < C; c++) {
      this.weight.push(sentence[c]!);
      sentence[c] = 0;
    }
    this.at.push(this.features.length);
    this.words.push(this.count);
    this.span.push(this.sentenceStart, this.lastWordEnd);
    this.count = 0;
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

  private add(f: number): void {
    const { C, weights, sentence } = this;
    for (let c = 0; c < C; c++) {
      const w = weights[f * C + c]!;
      if (w > 0) sentence[c] += w;
    }
    if (this.seen[f] === this.stamp) return;
    this.seen[f] = this.stamp;
    this.features.push(f);
  }
}
