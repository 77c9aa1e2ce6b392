import type { Token } from '../normalize/tokenize.js';
import type { Atom } from './pattern.js';
import { NAME_STOPWORDS } from './stopwords.js';

/** What reaching the end of a phrase means. */
export interface Accept {
  /** Index of the rule in the matcher's rule list; -1 for an allow-list phrase that covers every rule. */
  rule: number;
  /** An exception: matches of `rule` inside this span are dropped. */
  exception: boolean;
}

/** A phrase found in the tokens. */
export interface TokenMatch {
  rule: number;
  /** First token index. */
  first: number;
  /** Last token index (inclusive). */
  last: number;
}

/**
 * A trie node. A class with every field set in the constructor, so that all nodes share one
 * shape and the walk's property reads stay fast (objects that grow fields in different orders
 * get different hidden classes, and reading through many of them is several times slower).
 */
class Node {
  words: Map<string, Node> | undefined = undefined;
  /** Stems (`fuck*`), as a character trie: a token walks it once. */
  stems: StemNode | undefined = undefined;
  name: Node | undefined = undefined;
  num: Node | undefined = undefined;
  any: Node | undefined = undefined;
  /** Gaps: the node after a gap of at most `max` tokens, one per size. */
  gaps: Array<{ max: number; next: Node }> | undefined = undefined;
  accepts: Accept[] | undefined = undefined;
  /** Lazily built index for masked tokens (`f*ck`): first letter + length -> words. */
  maskIndex: Map<string, string[]> | undefined = undefined;
  stemList: Array<[string, Node]> | undefined = undefined;
  /**
   * Where each word seen here leads (the word's child and the stems it starts with), by the
   * word's id (PhraseTrie.idOf), so a word this node has seen before costs one lookup. Mail
   * repeats its words: most steps hit.
   */
  memo: Map<number, readonly Node[]> | undefined = undefined;
  /** Not built yet: where each phrase through this node stands (see PhraseTrie). */
  pending: Item[] | undefined;
  constructor(pending?: Item[]) {
    this.pending = pending;
  }
}

/**
 * A place inside one added pattern: before term `t` (`c` = -1), or inside choice `c` of term
 * `t` before its atom `o`.
 */
interface Item {
  p: number;
  t: number;
  c: number;
  o: number;
}

interface Entry {
  terms: readonly Atom[][][];
  accept: Accept;
}

class StemNode {
  /** By UTF-16 code unit: a number key is cheaper to hash than a one-character string. */
  next = new Map<number, StemNode>();
  target: Node | undefined = undefined;
}

/**
 * All phrase rules in one token trie, built once per classifier. Matching starts a walk
 * at every token; each walk is bounded by the longest phrase and the gap sizes, so the
 * whole match is linear in the number of tokens.
 *
 * The trie is built lazily. Lexicon patterns expand to hundreds of thousands of phrases
 * (alternatives multiply), and building all of them took seconds and a hundred MB on every
 * cold start. Instead each node keeps the list of places inside the patterns that reach it
 * (`pending`) and builds its children the first time a walk needs them. The children, their
 * order and the accepts come out exactly as inserting every expanded phrase one by one, in
 * order, would make them: items are kept in pattern order and, within a pattern, in the order
 * `parsePattern` lists its phrases, so "the first word that fits a masked token" is unchanged.
 */
export class PhraseTrie {
  private root = new Node([]);
  private readonly entries: Entry[] = [];
  private built = false;
  /**
   * Word -> id, for the memos: a token's word is looked up here once, and its several steps
   * (from the root, inside phrases, across gaps) then look up a small integer, which costs far
   * less than a string key. Ids are never reused, so clearing this map (bounded, like the memos)
   * leaves every memo entry true.
   */
  private readonly ids = new Map<string, number>();
  private nextId = 0;
  /** Words a phrase reads through (see readThrough), and the same indexed for masked tokens. */
  private readonly through = new Set<string>();
  private throughMasked: Map<string, string[]> = new Map();
  /** Words a masked token is read as alone when it fits one of them (see preferMasked). */
  private preferred: Map<string, string[]> = new Map();

  /**
   * Words that phrases read through wherever they stand inside one: swearing used only to
   * intensify, so that "I'll fucking end him" is read as "I'll end him" by every rule (also
   * masked, `f*cking`). Not at a phrase's first word: a walk starts at every token anyway.
   */
  readThrough(words: Iterable<string>): void {
    for (const w of words) this.through.add(w);
    this.throughMasked = maskIndexOf(this.through);
  }

  /**
   * The words people mask ("f***", "s**t"): a masked token that fits one of them is read as those
   * it fits and nothing else, as a reader reads it ("S**T" is never "slut", "f***" never "fire").
   */
  preferMasked(words: Iterable<string>): void {
    this.preferred = maskIndexOf(words);
  }

  private readsThrough(t: Token): boolean {
    return t.masked ? fitting(this.throughMasked, t.n).length > 0 : this.through.has(t.n);
  }

  /** Adds one phrase (as `parsePattern` returns them). */
  add(sequence: Atom[], accept: Accept): void {
    this.addPattern(
      sequence.map((atom) => [[atom]]),
      accept,
    );
  }

  /**
   * Adds every phrase of a pattern from its parsed terms (`parseTerms`) without expanding it.
   * The pattern must be valid (`parsePattern` does not throw on it): lexicons are checked when
   * they are compiled, policy terms when the classifier is created.
   */
  addPattern(terms: readonly Atom[][][], accept: Accept): void {
    if (this.built) {
      // Added after matching began: start the lazy build over with every pattern.
      this.root = new Node(this.entries.map((_, p) => ({ p, t: 0, c: -1, o: 0 })));
      this.built = false;
    }
    this.entries.push({ terms, accept });
    this.root.pending!.push({ p: this.entries.length - 1, t: 0, c: -1, o: 0 });
  }

  /** Builds every node now (for tests and measurements; matching builds what it needs). */
  buildAll(): void {
    const stack: Node[] = [this.root];
    while (stack.length > 0) {
      const node = stack.pop()!;
      this.expand(node);
      for (const child of children(node)) stack.push(child);
    }
  }

  /** Builds a node's children from its pending items, in order. */
  private expand(node: Node): void {
    const items = node.pending;
    if (!items) return;
    node.pending = undefined;
    this.built = true;
    const ended = new Set<number>();
    const seen = new Map<Node, Set<string>>();
    const push = (child: Node, item: Item): void => {
      let keys = seen.get(child);
      if (!keys) seen.set(child, (keys = new Set()));
      const key = `${item.p},${item.t},${item.c},${item.o}`;
      if (keys.has(key)) return;
      keys.add(key);
      (child.pending ??= []).push(item);
    };
    const advance = (item: Item): void => {
      const terms = this.entries[item.p]!.terms;
      if (item.c >= 0) {
        const choice = terms[item.t]![item.c]!;
        const next: Item = item.o + 1 < choice.length ? { p: item.p, t: item.t, c: item.c, o: item.o + 1 } : { p: item.p, t: item.t + 1, c: -1, o: 0 };
        push(this.child(node, choice[item.o]!), next);
        return;
      }
      if (item.t === terms.length) {
        // A phrase ends here: one accept per pattern and node, as one per distinct phrase.
        if (!ended.has(item.p)) {
          ended.add(item.p);
          (node.accepts ??= []).push(this.entries[item.p]!.accept);
        }
        return;
      }
      const choices = terms[item.t]!;
      for (let c = 0; c < choices.length; c++) {
        if (choices[c]!.length === 0) advance({ p: item.p, t: item.t + 1, c: -1, o: 0 });
        else advance({ p: item.p, t: item.t, c, o: 0 });
      }
    };
    for (const item of items) advance(item);
  }

  private child(node: Node, atom: Atom): Node {
    switch (atom.kind) {
      case 'word': {
        const words = (node.words ??= new Map());
        let next = words.get(atom.word);
        if (!next) words.set(atom.word, (next = new Node()));
        node.maskIndex = undefined;
        return next;
      }
      case 'prefix': {
        let s: StemNode = (node.stems ??= new StemNode());
        for (let k = 0; k < atom.stem.length; k++) {
          const code = atom.stem.charCodeAt(k);
          let n = s.next.get(code);
          if (!n) s.next.set(code, (n = new StemNode()));
          s = n;
        }
        if (!s.target) {
          s.target = new Node();
          (node.stemList ??= []).push([atom.stem, s.target]);
        }
        return s.target;
      }
      case 'class':
        return (node[atom.cls] ??= new Node());
      case 'gap': {
        const gaps = (node.gaps ??= []);
        let next = gaps.find((g) => g.max === atom.max)?.next;
        if (!next) gaps.push({ max: atom.max, next: (next = new Node()) });
        return next;
      }
    }
  }

  /** Every phrase occurrence in the tokens, exceptions included (see `resolve`). */
  match(tokens: Token[]): Array<TokenMatch & { exception: boolean }> {
    const out: Array<TokenMatch & { exception: boolean }> = [];
    // Walks as an explicit stack of (node, next token index) pairs, one start token at a time:
    // no closure or recursion per step (this loop runs for every token of every draft).
    const nodes: Node[] = [];
    const at: number[] = [];
    const n = tokens.length;
    const ids: number[] = new Array<number>(n);
    for (let k = 0; k < n; k++) ids[k] = this.idOf(tokens[k]!);
    // Per token, 1 when phrases read through it (readThrough); only then may the next token be stepped to.
    const through = new Uint8Array(n);
    if (this.through.size > 0) for (let k = 0; k + 1 < n; k++) if (!tokens[k + 1]!.brk && this.readsThrough(tokens[k]!)) through[k] = 1;
    for (let first = 0; first < n; first++) {
      this.step(this.root, tokens[first]!, ids[first]!, first + 1, nodes, at);
      while (nodes.length > 0) {
        const node = nodes.pop()!;
        const j = at.pop()!;
        if (node.pending) this.expand(node);
        if (node.accepts) {
          for (const a of node.accepts) out.push({ rule: a.rule, exception: a.exception, first, last: j - 1 });
        }
        if (j >= n) continue;
        const t = tokens[j]!;
        if (t.brk) continue;
        this.step(node, t, ids[j]!, j + 1, nodes, at);
        if (through[j] === 1) this.step(node, tokens[j + 1]!, ids[j + 1]!, j + 2, nodes, at);
        if (node.gaps) {
          for (let g = 0; g < node.gaps.length; g++) {
            const { max, next } = node.gaps[g]!;
            // Skip 1..max tokens, never across a sentence end; the skipped-0 case is the next atom itself.
            for (let k = 0; k <= max && j + k < n; k++) {
              if (k > 0 && tokens[j + k]!.brk) break;
              this.step(next, tokens[j + k]!, ids[j + k]!, j + k + 1, nodes, at);
            }
          }
        }
      }
    }
    return out;
  }

  /** The id of a token's word for the memos, or -1 when it is not kept (see stepWord). */
  private idOf(t: Token): number {
    if (t.masked || t.n.length > MEMO_WORD_LENGTH) return -1;
    let id = this.ids.get(t.n);
    if (id === undefined) {
      // Bounded: a flood of distinct words (random text) starts the map over.
      if (this.ids.size >= MEMO_LIMIT) this.ids.clear();
      id = this.nextId++;
      this.ids.set(t.n, id);
    }
    return id;
  }

  /** Pushes every child of `node` that token `t` (whose word has id `id`) leads to, each with `j` (the token after `t`). */
  private step(node: Node, t: Token, id: number, j: number, nodes: Node[], at: number[]): void {
    if (node.pending) this.expand(node);
    this.stepWord(node, t.n, id, t, j, nodes, at);
    // Alternative readings are rare: looked up, not kept.
    if (t.alts) for (const alt of t.alts) this.stepWord(node, alt, -1, t, j, nodes, at);
    if (node.name && t.cap && !NAME_STOPWORDS.has(t.n)) nodes.push(node.name), at.push(j);
    if (node.num && t.num) nodes.push(node.num), at.push(j);
    if (node.any) nodes.push(node.any), at.push(j);
  }

  private stepWord(node: Node, word: string, id: number, t: Token, j: number, nodes: Node[], at: number[]): void {
    if (t.masked) {
      this.stepMasked(node, word, j, nodes, at);
      return;
    }
    let next: readonly Node[] | undefined;
    if (id < 0) {
      // A very long token (a pasted blob) is looked up but not kept: over many drafts (a scan of
      // a mailbox) the memos would otherwise hold on to every such string.
      next = wordChildren(node, word);
    } else {
      const memo = (node.memo ??= new Map());
      next = memo.get(id);
      if (next === undefined) {
        next = wordChildren(node, word);
        // Bounded: a flood of distinct words (random text) starts the memo over.
        if (memo.size >= MEMO_LIMIT) memo.clear();
        memo.set(id, next);
      }
    }
    for (let k = 0; k < next.length; k++) nodes.push(next[k]!), at.push(j);
  }

  /** A masked token (`f*ck`, `sh**`): each `*` stands for exactly one letter. */
  private stepMasked(node: Node, word: string, j: number, nodes: Node[], at: number[]): void {
    if (word[0] === '*') return;
    // Read as the masked words it fits, if any (preferMasked); else every word that fits: "sl*t"
    // may be "slut" for one rule and "slit" for another.
    const readings = fitting(this.preferred, word);
    if (node.words) {
      node.maskIndex ??= maskIndexOf(node.words.keys());
      for (const w of fitting(node.maskIndex, word)) if (readings.length === 0 || readings.includes(w)) nodes.push(node.words.get(w)!), at.push(j);
    }
    if (node.stemList) {
      for (const [stem, target] of node.stemList) {
        if (stem[0] !== word[0] || stem.length > word.length || !fits(word, stem, stem.length)) continue;
        if (readings.length === 0 || readings.some((w) => w.startsWith(stem))) nodes.push(target), at.push(j);
      }
    }
  }
}

/** Most words remembered per node (see Node.memo). */
const MEMO_LIMIT = 20_000;
/** Longest word a node remembers (no lexicon word comes near it). */
const MEMO_WORD_LENGTH = 64;
const NONE: readonly Node[] = [];

/** The children a plain (unmasked) word leads to from `node`: its word child, then each stem it starts with. */
function wordChildren(node: Node, word: string): readonly Node[] {
  let out: Node[] | null = null;
  const exact = node.words?.get(word);
  if (exact) out = [exact];
  let s = node.stems;
  for (let k = 0; s && k < word.length; k++) {
    s = s.next.get(word.charCodeAt(k));
    if (s?.target) (out ??= []).push(s.target);
  }
  return out ?? NONE;
}

/** Every child of a node (words, stems, classes, gaps). */
function children(node: Node): Node[] {
  const out: Node[] = [];
  if (node.words) out.push(...node.words.values());
  if (node.stemList) for (const [, target] of node.stemList) out.push(target);
  for (const c of [node.name, node.num, node.any]) if (c) out.push(c);
  if (node.gaps) for (const g of node.gaps) out.push(g.next);
  return out;
}

/** Words indexed for masked tokens by first letter and length (a mask keeps both). */
function maskIndexOf(words: Iterable<string>): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const w of words) {
    const key = w[0] + ':' + w.length;
    const list = index.get(key);
    if (list) list.push(w);
    else index.set(key, [w]);
  }
  return index;
}

/** The words of `index` that the masked token `masked` fits (one starting with `*` fits none). */
function fitting(index: Map<string, string[]>, masked: string): string[] {
  if (masked[0] === '*') return [];
  return (index.get(masked[0] + ':' + masked.length) ?? []).filter((w) => fits(masked, w, w.length));
}

/** Whether the first `n` characters of a masked word fit `plain`. */
function fits(masked: string, plain: string, n: number): boolean {
  let letters = 0;
  for (let k = 0; k < n; k++) {
    const c = masked[k];
    if (c === '*') continue;
    if (c !== plain[k]) return false;
    letters++;
  }
  return letters > 0;
}

/**
 * Drops matches covered by an exception of their rule or by an allow-list phrase (into `cleared`,
 * when given), then keeps one match per rule where matches overlap (the earliest, longest).
 */
export function resolve(found: Array<TokenMatch & { exception: boolean }>, cleared?: TokenMatch[]): TokenMatch[] {
  // One sweep by start position: a match is covered when an exception of its rule (or an
  // allow-list phrase) that started no later reaches at least as far. n log n, no pairwise scan.
  const order = found.slice().sort((a, b) => a.first - b.first || Number(b.exception) - Number(a.exception));
  const reach = new Map<number, number>();
  const kept: TokenMatch[] = [];
  for (const m of order) {
    if (m.exception) {
      if ((reach.get(m.rule) ?? -1) < m.last) reach.set(m.rule, m.last);
    } else if ((reach.get(m.rule) ?? -1) < m.last && (reach.get(-1) ?? -1) < m.last) {
      kept.push({ rule: m.rule, first: m.first, last: m.last });
    } else cleared?.push({ rule: m.rule, first: m.first, last: m.last });
  }
  kept.sort((a, b) => a.rule - b.rule || a.first - b.first || b.last - a.last);
  const out: TokenMatch[] = [];
  for (const m of kept) {
    const prev = out[out.length - 1];
    // Overlapping matches of one rule: the earliest (and longest) stands for them. Never
    // extended, so a chain of overlaps cannot grow into one huge finding.
    if (prev && prev.rule === m.rule && m.first <= prev.last) continue;
    out.push(m);
  }
  return out;
}
