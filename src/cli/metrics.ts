/**
 * Detection-quality metrics for `eval` (DESIGN.md section 5).
 *
 * Per message, the labels are the categories a person says are present and the
 * predicted labels are the categories of findings whose action is `warn` or
 * `block`. Per category: tp (labeled and predicted), fp (predicted, not
 * labeled), fn (labeled, not predicted). precision = tp/(tp+fp), recall =
 * tp/(tp+fn), f1 = 2tp/(2tp+fp+fn) (the harmonic mean of the two, and defined
 * even when one of them is not). A ratio whose denominator is 0 is `null`
 * ("no evidence"), not 0 and not 1. The micro average sums tp, fp, fn over the
 * listed categories. clean_flag_rate is the share of rows labeled `[]` with any
 * predicted label (`null` when there is no such row).
 *
 * Only categories that occur in the labels or the predictions are listed.
 */
import { CATEGORIES, type Finding } from '../classifier/types.js';

export interface Scores {
  tp: number;
  fp: number;
  fn: number;
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

export interface EvalResult {
  messages: number;
  categories: Record<string, Scores>;
  micro: Scores;
  clean_flag_rate: number | null;
}

/** A row shown by `--misses`: its id and a short excerpt. */
export interface Miss {
  id: string;
  excerpt: string;
}

export interface MissList {
  fn: Miss[];
  fp: Miss[];
}

export interface EvalRow {
  id: string;
  text: string;
  labels: readonly string[];
  /** Corpus look-alike rows: the rule(s) this text must not match (see the corpus README). */
  negativeOf?: readonly string[];
  /** Corpus test vectors: where in `text` a labeled item of one rule is (UTF-16 offsets, end exclusive). */
  spans?: readonly LabeledSpan[];
}

export interface LabeledSpan {
  category: string;
  /** Rule id inside the category, as in a finding (`credit-card`). */
  rule: string;
  start: number;
  end: number;
}

/** Ratio, or null when the denominator is 0. */
export function ratio(num: number, den: number): number | null {
  return den === 0 ? null : num / den;
}

export function scores(tp: number, fp: number, fn: number): Scores {
  return {
    tp,
    fp,
    fn,
    precision: ratio(tp, tp + fp),
    recall: ratio(tp, tp + fn),
    f1: ratio(2 * tp, 2 * tp + fp + fn),
  };
}

/** Whether a finding counts as a prediction of its category (DESIGN.md `eval`: warn or block; inform does not). */
export function isPrediction(f: Finding): boolean {
  return f.action === 'warn' || f.action === 'block';
}

/** The categories a result predicts: those of findings at warn or block. */
export function predictedLabels(findings: readonly Finding[]): Set<string> {
  const out = new Set<string>();
  for (const f of findings) if (isPrediction(f)) out.add(f.category);
  return out;
}

const EXCERPT = 80;

/** Accumulates rows one at a time (memory does not grow with the file, except the bounded miss lists). */
export class EvalTally {
  private readonly counts = new Map<string, { tp: number; fp: number; fn: number }>();
  private readonly missLists = new Map<string, MissList>();
  messages = 0;
  /** Rows labeled [] and, of those, rows with any predicted label. */
  cleanRows = 0;
  cleanFlagged = 0;
  /** Look-alike rows (`negative_of`) and, of those, rows with a warn/block finding of that very rule. */
  lookalikeRows = 0;
  lookalikeFlagged = 0;

  /** `misses`: how many false negatives and false positives to keep per category (0: none). */
  constructor(private readonly misses = 0) {}

  add(row: EvalRow, findings: readonly Finding[]): Set<string> {
    const predicted = predictedLabels(findings);
    const labels = new Set(row.labels);
    this.messages++;
    if (labels.size === 0) {
      this.cleanRows++;
      if (predicted.size > 0) this.cleanFlagged++;
    }
    if (row.negativeOf && row.negativeOf.length > 0) {
      this.lookalikeRows++;
      const rules = new Set(row.negativeOf);
      if (findings.some((f) => isPrediction(f) && rules.has(f.rule))) this.lookalikeFlagged++;
    }
    for (const c of labels) {
      const n = this.entry(c);
      if (predicted.has(c)) n.tp++;
      else {
        n.fn++;
        this.keepMiss(c, 'fn', row, undefined);
      }
    }
    for (const c of predicted) {
      if (labels.has(c)) continue;
      this.entry(c).fp++;
      this.keepMiss(c, 'fp', row, findings.find((f) => f.category === c && isPrediction(f)));
    }
    return predicted;
  }

  private entry(category: string): { tp: number; fp: number; fn: number } {
    let n = this.counts.get(category);
    if (!n) {
      n = { tp: 0, fp: 0, fn: 0 };
      this.counts.set(category, n);
    }
    return n;
  }

  private keepMiss(category: string, kind: 'fn' | 'fp', row: EvalRow, finding: Finding | undefined): void {
    if (this.misses <= 0) return;
    let list = this.missLists.get(category);
    if (!list) {
      list = { fn: [], fp: [] };
      this.missLists.set(category, list);
    }
    if (list[kind].length >= this.misses) return;
    list[kind].push({ id: row.id, excerpt: finding ? findingExcerpt(row.text, finding) : startExcerpt(row.text) });
  }

  /** Categories in the fixed order of DESIGN.md, then any others alphabetically. */
  categories(): string[] {
    const known = CATEGORIES.filter((c) => this.counts.has(c)) as string[];
    const others = [...this.counts.keys()].filter((c) => !(CATEGORIES as readonly string[]).includes(c)).sort();
    return [...known, ...others];
  }

  result(): EvalResult {
    const categories: Record<string, Scores> = {};
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const c of this.categories()) {
      const n = this.counts.get(c)!;
      categories[c] = scores(n.tp, n.fp, n.fn);
      tp += n.tp;
      fp += n.fp;
      fn += n.fn;
    }
    return {
      messages: this.messages,
      categories,
      micro: scores(tp, fp, fn),
      clean_flag_rate: ratio(this.cleanFlagged, this.cleanRows),
    };
  }

  /** Kept misses per category (only categories with any). */
  missesByCategory(): Record<string, MissList> {
    const out: Record<string, MissList> = {};
    for (const c of this.categories()) {
      const list = this.missLists.get(c);
      if (list && (list.fn.length || list.fp.length)) out[c] = list;
    }
    return out;
  }
}

/** Whitespace runs become one space (a single pass, no regular expression over the text). */
export function squash(text: string): string {
  let out = '';
  let space = false;
  for (const ch of text) {
    if (ch === ' ' || ch === '\n' || ch === '\r' || ch === '\t' || ch === '\f' || ch === '\v') {
      space = out.length > 0;
    } else {
      if (space) out += ' ';
      space = false;
      out += ch;
    }
  }
  return out;
}

/** The start of a text, squashed and cut to a short excerpt. */
export function startExcerpt(text: string): string {
  const head = squash(text.slice(0, EXCERPT * 3));
  return head.length > EXCERPT ? `${head.slice(0, EXCERPT - 1)}…` : head;
}

/** The finding's words with a little context, squashed and cut. */
export function findingExcerpt(text: string, finding: Finding): string {
  if (finding.field && finding.field !== 'body') return `[${finding.field}] ${finding.rule}: ${squash(finding.text)}`.slice(0, EXCERPT);
  const from = Math.max(0, finding.start - 25);
  const to = Math.min(text.length, finding.end + 25);
  let match = text.slice(finding.start, finding.end);
  if (match.length > 40) match = `${match.slice(0, 39)}…`;
  const window = squash(`${text.slice(from, finding.start)}»${match}«${text.slice(finding.end, to)}`);
  return `${from > 0 ? '…' : ''}${window}${to < text.length ? '…' : ''} (${finding.rule})`;
}
