import { strict as assert } from 'node:assert';
import { tokenize } from '../../../src/classifier/normalize/tokenize.js';
import { parsePattern, parseTerms } from '../../../src/classifier/match/pattern.js';
import { PhraseTrie, resolve } from '../../../src/classifier/match/trie.js';

/** Builds a trie of rules (index = position) and returns the matched texts per rule. */
function run(rules: Array<{ patterns: string[]; exceptions?: string[] }>, text: string, allow: string[] = [], through: string[] = [], preferred: string[] = []): string[] {
  const trie = new PhraseTrie();
  trie.readThrough(through);
  trie.preferMasked(preferred);
  rules.forEach((r, rule) => {
    for (const p of r.patterns) for (const seq of parsePattern(p)) trie.add(seq, { rule, exception: false });
    for (const p of r.exceptions ?? []) for (const seq of parsePattern(p)) trie.add(seq, { rule, exception: true });
  });
  for (const p of allow) for (const seq of parsePattern(p)) trie.add(seq, { rule: -1, exception: true });
  const tokens = tokenize(text);
  return resolve(trie.match(tokens)).map((m) => `${m.rule}:${text.slice(tokens[m.first]!.s, tokens[m.last]!.e)}`);
}

describe('PhraseTrie', () => {
  it('matches whole words only (no Scunthorpe problem)', () => {
    const rules = [{ patterns: ['ass'] }, { patterns: ['cum'] }, { patterns: ['cunt'] }];
    assert.deepEqual(run(rules, 'The class read the document in Scunthorpe, assessing it.'), []);
    assert.deepEqual(run(rules, 'what an ass'), ['0:ass']);
  });

  it('matches stems at the start of a word only', () => {
    const rules = [{ patterns: ['fuck*'] }];
    assert.deepEqual(run(rules, 'fucking motherfucker fuck'), ['0:fucking', '0:fuck']);
  });

  it('matches multi-word phrases with gaps inside one sentence', () => {
    const rules = [{ patterns: ['delete this ...4 after reading'] }];
    assert.deepEqual(run(rules, 'Please delete this email right after reading.'), ['0:delete this email right after reading']);
    assert.deepEqual(run(rules, 'Delete this now. After reading the doc, call me.'), []);
    assert.deepEqual(run(rules, 'delete this one two three four five after reading'), []);
  });

  it('drops a match inside one of its exceptions, and only for its own rule', () => {
    const rules = [{ patterns: ['idiot'], exceptions: ['idiot proof'] }, { patterns: ['proof'] }];
    assert.deepEqual(run(rules, 'an idiot-proof setup'), ['1:proof']);
    assert.deepEqual(run(rules, 'what an idiot'), ['0:idiot']);
  });

  it('lets a name exception protect a name ("Dick Cheney")', () => {
    const rules = [{ patterns: ['dick'], exceptions: ['dick cheney', 'moby dick'] }];
    assert.deepEqual(run(rules, 'Dick Cheney spoke; I read Moby Dick.'), []);
    assert.deepEqual(run(rules, 'he is a dick'), ['0:dick']);
  });

  it('drops every rule inside an allow-list phrase', () => {
    const rules = [{ patterns: ['killer'] }, { patterns: ['app'] }];
    assert.deepEqual(run(rules, 'our Killer App launch', ['killer app']), []);
  });

  it('reads through intensifying words inside a phrase, masked ones too, and for exceptions as well', () => {
    const rules = [{ patterns: ['i ll end him'], exceptions: ['i ll end him tomorrow'] }];
    const through = ['fucking', 'bloody'];
    assert.deepEqual(run(rules, "I'll fucking end him.", [], through), ["0:I'll fucking end him"]);
    assert.deepEqual(run(rules, "I'll end him f*cking now.", [], through), ["0:I'll end him"]);
    assert.deepEqual(run(rules, "I'll f*cking end him.", [], through), ["0:I'll f*cking end him"]);
    assert.deepEqual(run(rules, "I'll bloody end him tomorrow.", [], through), []);
    // Without the list, or with another word there, or across a sentence end: no match.
    assert.deepEqual(run(rules, "I'll fucking end him."), []);
    assert.deepEqual(run(rules, "I'll quickly end him.", [], through), []);
    assert.deepEqual(run([{ patterns: ['you idiot'] }], 'Thank you. Bloody idiot', [], through), []);
    // One word is read through, not a run of them.
    assert.deepEqual(run(rules, "I'll bloody fucking end him.", [], through), []);
  });

  it('matches token classes', () => {
    const rules = [{ patterns: ["<name>'s bonus"] }, { patterns: ['paid <num>'] }];
    assert.deepEqual(run(rules, "Amy's bonus, The bonus, paid 40k"), ["0:Amy's bonus", '1:paid 40k']);
    assert.deepEqual(run(rules, "This's bonus"), []);
  });

  it('matches masked and stretched spellings', () => {
    const rules = [{ patterns: ['fuck*'] }, { patterns: ['shit'] }];
    assert.deepEqual(run(rules, 'f*cking sh*t shiiiit'), ['0:f*cking', '1:sh*t', '1:shiiiit']);
  });

  it('keeps one match where matches of one rule overlap', () => {
    const rules = [{ patterns: ['very bad', 'bad'] }];
    assert.deepEqual(run(rules, 'very bad'), ['0:very bad']);
  });

  describe('addPattern (parsed terms, built lazily) builds the trie add() builds from every expanded phrase', () => {
    /** The trie's nodes as JSON, maps as their entries in insertion order (order matters for masked words). */
    const shape = (trie: PhraseTrie): string => {
      trie.buildAll();
      return JSON.stringify((trie as unknown as { root: unknown }).root, (_, v: unknown) => (v instanceof Map ? [...v.entries()] : v));
    };
    const PATTERNS = [
      'you are (a|an) (complete|total) idiot|moron|fool',
      '(a) (a) idiot',
      'he-s|he x|s',
      'he|he-s x|s',
      "<name>'s salary|bonus ...2 <num>",
      'delete (this|that) ...4 after reading|read',
      'fuck*|shit (off|up)',
      'i|we m|am|re|are going|gonna (to) kill|hurt you|him|her',
      'idiot|idiot proof',
      'fuck|fick|feck off',
    ];

    it('same nodes, same order, same accepts', () => {
      const a = new PhraseTrie();
      const b = new PhraseTrie();
      PATTERNS.forEach((p, rule) => {
        for (const seq of parsePattern(p)) a.add(seq, { rule, exception: rule % 3 === 0 });
        b.addPattern(parseTerms(p), { rule, exception: rule % 3 === 0 });
      });
      assert.equal(shape(b), shape(a));
      assert.ok(shape(a).includes('"reading"'), 'the whole trie was built');
    });

    it('matches the same phrases, and a pattern added after matching is found too', () => {
      const trie = new PhraseTrie();
      const eager = new PhraseTrie();
      PATTERNS.forEach((p, rule) => {
        trie.addPattern(parseTerms(p), { rule, exception: false });
        for (const seq of parsePattern(p)) eager.add(seq, { rule, exception: false });
      });
      eager.buildAll();
      const text = "You are a total moron. I am gonna hurt him. Delete that file now after reading. f*ck off. Amy's bonus is 5000";
      const tokens = tokenize(text);
      const show = (t: PhraseTrie): string[] => resolve(t.match(tokens)).map((m) => `${m.rule}:${text.slice(tokens[m.first]!.s, tokens[m.last]!.e)}`);
      const found = show(trie);
      assert.deepEqual(found, show(eager));
      for (const expected of ['0:You are a total moron', "4:Amy's bonus is 5000", '5:Delete that file now after reading', '7:I am gonna hurt him']) {
        assert.ok(found.includes(expected), expected);
      }
      trie.addPattern(parseTerms('file now'), { rule: 10, exception: false });
      assert.ok(resolve(trie.match(tokens)).some((m) => m.rule === 10));
    });
  });
});

describe('PhraseTrie: masked tokens', () => {
  it('follows every word and stem a masked token fits, not only the first', () => {
    const rules = [{ patterns: ['fire'] }, { patterns: ['fuck*'] }, { patterns: ['shut'] }, { patterns: ['shit'] }];
    assert.deepEqual(run(rules, 'f*** it, sh*t').sort(), ['0:f***', '1:f***', '2:sh*t', '3:sh*t']);
  });

  it('reads a masked token that fits a preferred word as the preferred words it fits alone', () => {
    const rules = [{ patterns: ['that slut'] }, { patterns: ['shit'] }, { patterns: ['fire'] }, { patterns: ['fuck*'] }, { patterns: ['slit'] }];
    const preferred = ['shit', 'fuck', 'fucking'];
    // "s**t" fits shit (preferred) and slut: read as shit only; "f***ing" fits the stem fuck* through "fucking".
    assert.deepEqual(run(rules, 'that s**t, f*** it, f***ing', [], [], preferred).sort(), ['1:s**t', '3:f***', '3:f***ing']);
    // "sl*t" fits no preferred word: every word it fits, as before.
    assert.deepEqual(run(rules, 'that sl*t', [], [], preferred).sort(), ['0:that sl*t', '4:sl*t']);
  });
});
