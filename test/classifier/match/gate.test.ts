import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { LEXICON, LEXICON_SETS } from '../../../src/classifier/lexicons/compiled.js';
import type { LexiconEntry } from '../../../src/classifier/lexicons/entry.js';
import { SentenceGate } from '../../../src/classifier/match/gate.js';
import { parseTerms, type Atom } from '../../../src/classifier/match/pattern.js';
import { PhraseTrie, resolve } from '../../../src/classifier/match/trie.js';
import { tokenize, type Token } from '../../../src/classifier/normalize/tokenize.js';
import { readRows } from '../../long-mail.js';

/** A trie and a gate over the real lexicons, built as the classifier builds them. */
function build(patterns?: string[]): { trie: PhraseTrie; gate: SentenceGate; words: string[] } {
  const trie = new PhraseTrie();
  const gate = new SentenceGate();
  const words = new Set<string>();
  const add = (pattern: string, rule: number, exception: boolean): void => {
    const terms = parseTerms(pattern, LEXICON_SETS);
    trie.addPattern(terms, { rule, exception });
    if (!exception) gate.addPattern(terms);
    for (const choices of terms) for (const choice of choices) for (const a of choice) collect(a, words);
  };
  if (patterns) patterns.forEach((p, rule) => add(p, rule, false));
  else {
    (LEXICON as readonly LexiconEntry[]).forEach((e, rule) => {
      for (const p of e.patterns) add(p, rule, false);
      for (const p of e.exceptions ?? []) add(p, rule, true);
    });
  }
  return { trie, gate, words: [...words].sort() };
}

function collect(a: Atom, words: Set<string>): void {
  if (a.kind === 'word') words.add(a.word);
  else if (a.kind === 'prefix') words.add(a.stem + 'ing');
}

/** Matches as "rule:start-end" (offsets into the text). */
function matches(trie: PhraseTrie, tokens: Token[]): string[] {
  return resolve(trie.match(tokens))
    .map((m) => `${m.rule}:${tokens[m.first]!.s}-${tokens[m.last]!.e}`)
    .sort();
}

const lexicon = build();

describe('SentenceGate', () => {
  it('keeps the sentence that holds a phrase and drops the others', () => {
    const { gate } = build(['delete|shred ...3 emails|records']);
    const text = 'Thanks for the update. Please shred all the records today. See you at lunch.';
    const pieces = gate.pieces(text);
    assert.deepEqual(pieces, [22, 58]);
    assert.equal(text.slice(pieces[0], pieces[1]).trim(), 'Please shred all the records today.');
  });

  it('reads "u" and "ur" as the tokenizer does, as "you" and "your" too', () => {
    const { gate, trie } = build(['coming to you', 'your shifts']);
    for (const text of ['get whats coming to u.', 'and ur shifts are gone']) {
      assert.deepEqual(gate.pieces(text), [0, text.length], text);
      assert.equal(matches(trie, tokenize(text)).length, 1, text);
    }
    assert.deepEqual(gate.pieces('A U-turn at the gate.'), []);
  });

  it('needs every required term of a pattern in the same sentence', () => {
    const { gate } = build(['delete|shred ...3 emails|records']);
    assert.deepEqual(gate.pieces('Please shred it. The records are safe.'), []);
    assert.deepEqual(gate.pieces('Please shred it, the records are safe.'), [0, 38]);
  });

  it('follows the tokenizer through case, accents, look-alike letters, leetspeak and invisible characters', () => {
    const { gate } = build(['idiot']);
    for (const text of ['You IDIOT.', 'You ïdiöt.', 'You \u0456diot.', 'You 1d10t.', 'You id\u200biot.', 'You @ss idiot.']) {
      assert.deepEqual(gate.pieces(text), [0, text.length], text);
    }
    assert.deepEqual(gate.pieces('You are clever.'), []);
  });

  it('lets through what it does not read exactly: masks, symbols in words, stretched and spaced letters', () => {
    const { gate } = build(['idiot']);
    for (const text of ['You i*iot.', 'You id|ot.', 'You idiooot.', 'You i d i o t.', 'You ｉdiot１.']) {
      assert.deepEqual(gate.pieces(text), [0, text.length], text);
    }
  });

  it('reads a number with `$` or `@` as its digits, and a word with letters among them not at all', () => {
    const { gate, trie } = build(['pay 500 now']);
    assert.deepEqual(gate.pieces('We will pay $500 now.'), [0, 21]);
    assert.deepEqual(gate.pieces('We will pay $600 now.'), []);
    assert.deepEqual(gate.pieces('We will pay $6a00 now.'), [0, 22]);
    assert.deepEqual(matches(trie, tokenize('We will pay $500 now.')), ['0:8-20']);
  });

  it('reads a number led or trailed by a symbol, or with a digit repeated, as its digits', () => {
    const { gate } = build(['idiot']);
    for (const text of ['Mobile: +1 (555) 0125.', 'Rates 40+ or |9 or 5* here.', 'It stays at 222 for now.']) assert.deepEqual(gate.pieces(text), [], text);
    for (const text of ['It is 1+1 now.', 'Call +1a now.', 'Call a+1 now.', 'Call 40+a now.', 'Sooo good.']) assert.deepEqual(gate.pieces(text), [0, text.length], text);
  });

  it('matches stems by their whole stem, not only its first letters', () => {
    const { gate } = build(['backdat*']);
    assert.deepEqual(gate.pieces('Send it back today.'), []);
    assert.deepEqual(gate.pieces('They backdated it.'), [0, 18]);
  });

  it('lets everything through when a pattern has only token classes', () => {
    const { gate } = build(['<name> <num>']);
    assert.deepEqual(gate.pieces('Anything at all. More.'), [0, 22]);
  });

  it('cuts only where a sentence surely ends, and the pieces tokenize as the whole text does', () => {
    const text = 'He said e.g. this... then that! Really? Yes.\n\nNew para\nsame para. Last one';
    const all = tokenize(text);
    const { gate } = build(['this|that|para|one|really|yes|he']);
    // Every sentence holds a word of the pattern, so the kept pieces join up; the blank line holds none.
    assert.deepEqual(gate.pieces(text), [0, 44, 46, text.length]);
    assert.deepEqual(stripClause(gate.tokens(text)), stripClause(all));
  });

  // Lexicon words often (most sentences kept) and rarely (most sentences dropped).
  for (const lexiconWeight of [6, 1]) {
  it(`finds exactly the matches of the whole text on generated text (property, lexicon words at weight ${lexiconWeight})`, () => {
    const fragment = fc.oneof(
      { weight: lexiconWeight, arbitrary: fc.constantFrom(...lexicon.words) },
      { weight: 8, arbitrary: fc.constantFrom('the', 'you', 'we', 'a', 'is', 'report', 'Sam', 'Priya', 'meeting', 'tomorrow', '2026', 'Q3', 'x', 'know', 'it', 'all') },
      { weight: 4, arbitrary: fc.constantFrom(' ', ' ', ' ', '. ', '? ', '! ', '!', '...', '…', ', ', '; ', ' - ', '\n', '\n\n', '\n \n', '\r\n\r\n', '"', "'", '(', ')', ':') },
      { weight: 2, arbitrary: fc.constantFrom('@', '$', '*', '|', '+', '1', '0', '3', '4', '5', '\u200b', '\u00ad', 'é', 'ï', '\u0430', '\u043e', 'Ｉ', '１', '！', '．', '’', 'ß', '𝐀') },
      { weight: 1, arbitrary: fc.constantFrom('f u c k', 's.h.i.t', 'i d i o t', 'shiiiit', 'a$$', '@ss', 'f*ck', 'sh!t', 'ID10T', 'm0r0n') },
    );
    fc.assert(
      fc.property(fc.array(fragment, { minLength: 1, maxLength: 60 }), (parts) => {
        const text = parts.join(parts.length % 3 === 0 ? '' : ' ');
        const all = tokenize(text);
        assert.deepEqual(matches(lexicon.trie, lexicon.gate.tokens(text)), matches(lexicon.trie, all), JSON.stringify(text));
        // The kept pieces' tokens are the whole text's tokens there (a piece's first token may
        // differ only in `cl`, which counts after a sentence start for nothing).
        const pieces = lexicon.gate.pieces(text);
        const inside = all.filter((t) => pieces.some((_, k) => k % 2 === 0 && t.s >= pieces[k]! && t.e <= pieces[k + 1]!));
        assert.deepEqual(stripClause(lexicon.gate.tokens(text)), stripClause(inside), JSON.stringify(text));
      }),
      { numRuns: Number(process.env.GATE_RUNS ?? 400), seed: Number(process.env.GATE_SEED ?? 20261123) },
    );
  });
  }
});

function stripClause(tokens: Token[]): Token[] {
  return tokens.map((t) => {
    const { cl: _cl, ...rest } = t;
    void _cl;
    return { ...rest, cl: t.brk ? undefined : t.cl } as Token;
  });
}

describe('SentenceGate on ordinary mail (a ratchet on what the lexicons cost the check)', () => {
  /**
   * Most of the check's time goes to the sentences the gate lets through (tokenizing them and
   * walking the trie), so the share it lets through is the cost of the lexicons, counted, not
   * timed. A pattern whose every term is a common word ("<name> is on <num> ... <name> is on
   * <num>": is, on) gives the gate nothing to anchor on and lets most sentences through: one such
   * pattern took this share from 14.1% to 20.4% and the whole check 11% longer on the bench
   * corpus. Give such a pattern a rarer required word, or leave it out. When a change lowers the
   * share, lower the ceiling.
   */
  const CEILING_PERCENT = 14.5;

  it(`lets through at most ${CEILING_PERCENT}% of the characters of the ordinary mails`, () => {
    const rows = readRows('ordinary-mails');
    let all = 0;
    let kept = 0;
    for (const r of rows) {
      const pieces = lexicon.gate.pieces(r.text);
      all += r.text.length;
      for (let k = 0; k < pieces.length; k += 2) kept += pieces[k + 1]! - pieces[k]!;
    }
    const share = (100 * kept) / all;
    assert.ok(rows.length >= 2000 && all > 400_000, `${rows.length} rows, ${all} characters`);
    assert.ok(share <= CEILING_PERCENT, `${share.toFixed(2)}% of ${all} characters let through`);
  });
});
