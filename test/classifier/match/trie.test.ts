import { strict as assert } from 'node:assert';
import { tokenize } from '../../../src/classifier/normalize/tokenize.js';
import { parsePattern } from '../../../src/classifier/match/pattern.js';
import { PhraseTrie, resolve } from '../../../src/classifier/match/trie.js';

/** Builds a trie of rules (index = position) and returns the matched texts per rule. */
function run(rules: Array<{ patterns: string[]; exceptions?: string[] }>, text: string, allow: string[] = []): string[] {
  const trie = new PhraseTrie();
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
});
