import { strict as assert } from 'node:assert';
import { parsePattern, parseTerms, PatternError, MAX_EXPANSIONS } from '../../../src/classifier/match/pattern.js';
import { LEXICON, LEXICON_SETS } from '../../../src/classifier/lexicons/compiled.js';
import { tokenize } from '../../../src/classifier/normalize/tokenize.js';

describe('parsePattern', () => {
  it('turns words into normalized word atoms, splitting apostrophes like the text', () => {
    assert.deepEqual(parsePattern("Don't put"), [
      [
        { kind: 'word', word: 'don' },
        { kind: 'word', word: 't' },
        { kind: 'word', word: 'put' },
      ],
    ]);
  });

  it('expands alternatives and optional terms', () => {
    const seqs = parsePattern('(the) client|customer is');
    assert.equal(seqs.length, 4);
    assert.deepEqual(seqs.map((s) => s.map((a) => (a.kind === 'word' ? a.word : a.kind)).join(' ')).sort(), [
      'client is',
      'customer is',
      'the client is',
      'the customer is',
    ]);
  });

  it('parses stems, classes, class suffixes and gaps', () => {
    assert.deepEqual(parsePattern("fuck* <name>'s ...4 <num>")[0], [
      { kind: 'prefix', stem: 'fuck' },
      { kind: 'class', cls: 'name' },
      { kind: 'word', word: 's' },
      { kind: 'gap', max: 4 },
      { kind: 'class', cls: 'num' },
    ]);
    assert.deepEqual(parsePattern('a ... b')[0]![1], { kind: 'gap', max: 3 });
  });

  const errors: Array<[string, RegExp]> = [
    ['', /empty/],
    ['ass*', /stem shorter/],
    ['... idiot', /gap must stand between/],
    ['idiot ...', /gap must stand between/],
    ['a ... ... b', /two gaps/],
    ['a ...9 b', /gap/],
    ['<person> is', /unknown token class/],
    ['<any> idiot', /cannot start with <any>/],
    ['(idiot', /parentheses/],
    ['a||b', /empty alternative/],
    ['(a)', /match nothing|every term is optional/],
    ['!!!', /no letters/],
    ['f*ck', /only ends a stem/],
  ];
  for (const [source, message] of errors) {
    it(`refuses ${JSON.stringify(source)}`, () => {
      assert.throws(() => parsePattern(source), (e: unknown) => e instanceof PatternError && message.test((e as Error).message));
    });
  }

  it('refuses a pattern that expands to too many phrases', () => {
    const term = '(a|b|c|d)';
    assert.throws(() => parsePattern(`${term} ${term} ${term} ${term} ${term} x`), new RegExp(String(MAX_EXPANSIONS)));
  });
});

describe('parseTerms with sets', () => {
  const sets = { pay: 'salary|bonus|comp', money: '@pay|raise' };

  it('resolves @name to the set, also inside alternatives, optionals and other sets', () => {
    const words = (src: string) => parseTerms(src, sets).map((t) => t.map((c) => c.map((a) => (a.kind === 'word' ? a.word : a.kind)).join(' ')));
    assert.deepEqual(words('@pay'), [['salary', 'bonus', 'comp']]);
    assert.deepEqual(words('(@money|equity) cut'), [['salary', 'bonus', 'comp', 'raise', 'equity', ''], ['cut']]);
  });

  it('refuses an unknown set and sets that refer to each other in a circle', () => {
    assert.throws(() => parseTerms('@nope', sets), /no such set/);
    assert.throws(() => parseTerms('@a', { a: '@b', b: '@a' }), /too deeply|circle/);
  });

  it('reads a set only as a whole alternative, and a set holds words only', () => {
    assert.throws(() => parseTerms('un@pay', sets), /whole alternative/);
    assert.throws(() => parseTerms('@odd', { odd: 'a|(b)' }), /parentheses/);
  });

  it('parses a set once: every term naming it shares its choices, and another sets object gives its own words', () => {
    const [a] = parseTerms('@pay', sets);
    const [b] = parseTerms('(@pay|raise) cut', sets);
    assert.equal(b![0], a![0]);
    const [other] = parseTerms('@pay', { pay: 'wage' });
    assert.deepEqual(other, [[{ kind: 'word', word: 'wage' }]]);
  });

  it('is not limited to MAX_EXPANSIONS: patterns are never expanded', () => {
    const big = Array.from({ length: 40 }, (_, k) => `w${k}`).join('|');
    assert.equal(parseTerms(`${big} ${big} ${big} x`).length, 4);
  });

  it('checks the shape of every phrase without expanding', () => {
    assert.throws(() => parseTerms('(a) ... b'), /gap must stand between/);
    assert.throws(() => parseTerms('a ... (b) ... c'), /two gaps/);
    assert.throws(() => parseTerms('a ... (b)'), /gap must stand between/);
    assert.throws(() => parseTerms('(a) <any> b'), /cannot start with <any>/);
    assert.doesNotThrow(() => parseTerms('a ... b (c) ... d'));
  });
});

describe('parsePattern: plain words', () => {
  // parseAlternative takes a plain lowercase word as its own atom without tokenizing it; the
  // tokenizer must read every such word of the lexicons (and of odd look-alikes) as itself.
  it('reads each plain lowercase word of the lexicons as the tokenizer does', () => {
    const words = new Set<string>(['aaa', 'shiiit', 'xx', 'zzzzzz', 'ooo']);
    const sources = [...Object.values(LEXICON_SETS), ...LEXICON.flatMap((e) => [...e.patterns, ...(e.exceptions ?? []), ...(e.excusedBy ?? [])])];
    for (const source of sources) for (const alt of source.split(/[\s|()]+/)) if (/^[a-z]{2,}$/.test(alt)) words.add(alt);
    assert.ok(words.size > 1000, `${words.size} words`);
    for (const word of words) {
      const tokens = tokenize(word);
      assert.equal(tokens.length, 1, word);
      assert.equal(tokens[0]!.n, word);
      assert.ok(!tokens[0]!.masked, word);
      assert.deepEqual(parsePattern(word), [[{ kind: 'word', word }]]);
    }
  });
});
