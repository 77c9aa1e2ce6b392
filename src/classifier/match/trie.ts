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

interface Node {
  words?: Map<string, Node>;
  /** Stems (`fuck*`), as a character trie: a token walks it once. */
  stems?: StemNode;
  name?: Node;
  num?: Node;
  any?: Node;
  /** Gaps by their largest size. */
  gaps?: Map<number, Node>;
  accepts?: Accept[];
  /** Lazily built index for masked tokens (`f*ck`): first letter + length -> words. */
  maskIndex?: Map<string, string[]>;
  stemList?: Array<[string, Node]>;
  /** Not built yet: where each phrase through this node stands (see PhraseTrie). */
  pending?: Item[];
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

interface StemNode {
  next: Map<string, StemNode>;
  target?: Node;
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
  private root: Node = { pending: [] };
  private readonly entries: Entry[] = [];
  private built = false;

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
      this.root = { pending: this.entries.map((_, p) => ({ p, t: 0, c: -1, o: 0 })) };
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
        if (!next) words.set(atom.word, (next = {}));
        node.maskIndex = undefined;
        return next;
      }
      case 'prefix': {
        let s: StemNode = (node.stems ??= { next: new Map() });
        for (const ch of atom.stem) {
          let n = s.next.get(ch);
          if (!n) s.next.set(ch, (n = { next: new Map() } as StemNode));
          s = n;
        }
        if (!s.target) {
          s.target = {};
          (node.stemList ??= []).push([atom.stem, s.target]);
        }
        return s.target;
      }
      case 'class':
        return (node[atom.cls] ??= {});
      case 'gap': {
        const gaps = (node.gaps ??= new Map());
        let next = gaps.get(atom.max);
        if (!next) gaps.set(atom.max, (next = {}));
        return next;
      }
    }
  }

  /** Every phrase occurrence in the tokens, exceptions included (see `resolve`). */
  match(tokens: Token[]): Array<TokenMatch & { exception: boolean }> {
    const out: Array<TokenMatch & { exception: boolean }> = [];
    const visit = (node: Node, j: number, first: number): void => {
      if (node.pending) this.expand(node);
      if (node.accepts) {
        for (const a of node.accepts) out.push({ rule: a.rule, exception: a.exception, first, last: j - 1 });
      }
      if (j >= tokens.length) return;
      const t = tokens[j]!;
      if (j > first && t.brk) return;
      this.step(node, t, (next) => visit(next, j + 1, first));
      if (node.gaps) {
        for (const [max, next] of node.gaps) {
          // Skip 1..max tokens, never across a sentence end; the skipped-0 case is the next atom itself.
          for (let k = 0; k <= max && j + k < tokens.length; k++) {
            if (k > 0 && tokens[j + k]!.brk) break;
            const after = tokens[j + k]!;
            this.step(next, after, (n2) => visit(n2, j + k + 1, first));
          }
        }
      }
    };
    for (let i = 0; i < tokens.length; i++) this.step(this.root, tokens[i]!, (next) => visit(next, i + 1, i));
    return out;
  }

  /** Calls `to` with every child of `node` that token `t` leads to. */
  private step(node: Node, t: Token, to: (next: Node) => void): void {
    if (node.pending) this.expand(node);
    this.stepWord(node, t.n, t, to);
    if (t.alts) for (const alt of t.alts) this.stepWord(node, alt, t, to);
    if (node.name && t.cap && !NAME_STOPWORDS.has(t.n)) to(node.name);
    if (node.num && t.num) to(node.num);
    if (node.any) to(node.any);
  }

  private stepWord(node: Node, word: string, t: Token, to: (next: Node) => void): void {
    if (t.masked) {
      this.stepMasked(node, word, to);
      return;
    }
    const exact = node.words?.get(word);
    if (exact) to(exact);
    let s = node.stems;
    for (let k = 0; s && k < word.length; k++) {
      s = s.next.get(word[k]!);
      if (s?.target) to(s.target);
    }
  }

  /** A masked token (`f*ck`, `sh**`): each `*` stands for exactly one letter. */
  private stepMasked(node: Node, word: string, to: (next: Node) => void): void {
    if (word[0] === '*') return;
    if (node.words) {
      if (!node.maskIndex) {
        node.maskIndex = new Map();
        for (const w of node.words.keys()) {
          const key = w[0] + ':' + w.length;
          const list = node.maskIndex.get(key);
          if (list) list.push(w);
          else node.maskIndex.set(key, [w]);
        }
      }
      // Every word that fits: "f***" may be "fire" for one rule and "fuck" for another.
      for (const w of node.maskIndex.get(word[0] + ':' + word.length) ?? []) {
        if (fits(word, w, w.length)) to(node.words.get(w)!);
      }
    }
    if (node.stemList) {
      for (const [stem, target] of node.stemList) {
        if (stem[0] === word[0] && stem.length <= word.length && fits(word, stem, stem.length)) to(target);
      }
    }
  }
}

/** Every child of a node (words, stems, classes, gaps). */
function children(node: Node): Node[] {
  const out: Node[] = [];
  if (node.words) out.push(...node.words.values());
  if (node.stemList) for (const [, target] of node.stemList) out.push(target);
  for (const c of [node.name, node.num, node.any]) if (c) out.push(c);
  if (node.gaps) out.push(...node.gaps.values());
  return out;
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
 * Drops matches covered by an exception of their rule or by an allow-list phrase, then
 * keeps one match per rule where matches overlap (the earliest, longest).
 */
export function resolve(found: Array<TokenMatch & { exception: boolean }>): TokenMatch[] {
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
    }
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
