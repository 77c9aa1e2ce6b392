import assert from 'node:assert/strict';
import { LEXICON, LEXICON_SETS } from '../../../src/classifier/lexicons/compiled.js';
import { checkLexicon, decodeLexicon, decodeSets, encodeLexicon, readSets, type LexiconEntry } from '../../../src/classifier/lexicons/entry.js';

const entry = (over: Partial<LexiconEntry> = {}): LexiconEntry => ({
  category: 'tone',
  id: 'sample',
  severity: 'low',
  patterns: ['a|b c', 'd ...2 <name>'],
  explanation: 'Why "this" matters.',
  ...over,
});

describe('lexicons/entry (shipped form)', () => {
  it('decodes the compiled lexicon back to entries with the same fields in the same order', () => {
    const encoded = encodeLexicon(LEXICON, LEXICON_SETS);
    assert.equal(JSON.stringify(decodeLexicon(encoded.entries, encoded.explanations, encoded.suggestions)), JSON.stringify(LEXICON));
    assert.equal(JSON.stringify(decodeSets(encoded.sets)), JSON.stringify(LEXICON_SETS));
    assert.ok(LEXICON.length > 50 && LEXICON.some((e) => e.exceptions) && LEXICON.some((e) => !e.exceptions));
  });

  it('keeps optional fields optional: no exceptions, no suggestion', () => {
    const list = [
      entry(),
      entry({ id: 'with-all', exceptions: ['x y', 'z'], suggestion: 'Say it plainly.', keepWhenQuoted: true }),
      entry({ id: 'tip-only', suggestion: 'Tip.' }),
      entry({ id: 'excused-only', excusedBy: ['surprise party', 'p q'] }),
      entry({ id: 'both-lists', exceptions: ['x'], excusedBy: ['y z'] }),
      entry({ id: 'needs-only', needs: ["let's not", 'someone else'] }),
      entry({ id: 'all-lists', exceptions: ['x'], excusedBy: ['y z'], needs: ['w'] }),
      entry({ id: 'needs-and-exceptions', exceptions: ['x', 'v'], needs: ['w'] }),
    ];
    const encoded = encodeLexicon(list, { 'some-set': 'a|b', other: 'c' });
    const back = decodeLexicon(encoded.entries, encoded.explanations, encoded.suggestions);
    assert.deepEqual(back, list);
    assert.deepEqual(Object.keys(back[1]!), ['category', 'id', 'severity', 'patterns', 'exceptions', 'explanation', 'suggestion', 'keepWhenQuoted']);
    assert.deepEqual(Object.keys(back[0]!), ['category', 'id', 'severity', 'patterns', 'explanation']);
    assert.deepEqual(Object.keys(back[4]!), ['category', 'id', 'severity', 'patterns', 'exceptions', 'excusedBy', 'explanation']);
    assert.deepEqual(Object.keys(back[6]!), ['category', 'id', 'severity', 'patterns', 'exceptions', 'excusedBy', 'needs', 'explanation']);
    assert.deepEqual(decodeSets(encoded.sets), { 'some-set': 'a|b', other: 'c' });
  });

  it('without the suggestions text (the send handler), entries have no suggestion and nothing else changes', () => {
    const list = [entry({ suggestion: 'One.' }), entry({ id: 'two', exceptions: ['q'], suggestion: 'Two.' })];
    const encoded = encodeLexicon(list, {});
    assert.deepEqual(
      decodeLexicon(encoded.entries, encoded.explanations),
      list.map(({ suggestion: _s, ...rest }) => rest),
    );
  });

  it('an explanation that reads like the exceptions mark is still an explanation', () => {
    const list = [entry({ explanation: '~', exceptions: ['~x'] })];
    const encoded = encodeLexicon(list, {});
    assert.deepEqual(decodeLexicon(encoded.entries, encoded.explanations, encoded.suggestions), list);
  });

  it('refuses what it could not decode back', () => {
    assert.throws(() => encodeLexicon([entry({ explanation: 'two\nlines' })], {}), /line break/);
    assert.throws(() => encodeLexicon([entry({ patterns: ['ok', ''] })], {}), /cannot be encoded/);
    assert.throws(() => encodeLexicon([entry({ exceptions: ['~'] })], {}), /cannot be encoded/);
    assert.throws(() => encodeLexicon([entry({ excusedBy: ['^'] })], {}), /cannot be encoded/);
    assert.throws(() => encodeLexicon([entry({ needs: ['+'] })], {}), /cannot be encoded/);
    assert.throws(() => encodeLexicon([entry({ patterns: ['^'] })], {}), /cannot be encoded/);
    assert.throws(() => encodeLexicon([entry({ suggestion: '' })], {}), /empty suggestion/);
    assert.throws(() => encodeLexicon([entry({ id: 'a b' })], {}), /spaces/);
    assert.throws(() => encodeLexicon([], { 'bad name': 'a' }), /cannot be encoded/);
  });

  it('decodes an empty lexicon', () => {
    assert.deepEqual(decodeLexicon('', ''), []);
    assert.deepEqual(decodeSets(''), {});
    const encoded = encodeLexicon([], {});
    assert.deepEqual(decodeLexicon(encoded.entries, encoded.explanations, encoded.suggestions), []);
  });

  it("reads a file's sets and names each problem: a bad name, a multi-word term, a word listed twice", () => {
    assert.deepEqual(readSets({ sets: { 'pay-words': 'salary|bonus', 'leave-kinds': ['sick', ' medical '] } }), {
      sets: { 'pay-words': 'salary|bonus', 'leave-kinds': 'sick|medical' },
      problems: [],
    });
    const { problems } = readSets({ sets: { Bad_Name: 'a', spaced: 'two words|b', twice: 'rigid|soft|rigid|soft|weak' } });
    assert.deepEqual(problems, [
      'set "Bad_Name": name must be lowercase words joined by "-"',
      'set "spaced": expected a non-empty list of single terms (hyphenate multi-word ones)',
      'set "twice": lists "rigid", "soft" more than once',
    ]);
  });
});

describe('lexicons/entry (checks)', () => {
  const file = (over: Record<string, unknown>) => ({
    category: 'insult',
    entries: [{ id: 'sample', severity: 'medium', patterns: ['zorblax'], explanation: 'Why.', ...over }],
  });

  it('takes keepWhenQuoted: true and refuses any other value', () => {
    assert.deepEqual(checkLexicon(file({ keepWhenQuoted: true })).entries[0]!.keepWhenQuoted, true);
    assert.equal('keepWhenQuoted' in checkLexicon(file({})).entries[0]!, false);
    assert.deepEqual(checkLexicon(file({ keepWhenQuoted: 'yes' })).problems, ['entry "sample": keepWhenQuoted must be true when given']);
  });

  it('checks excusedBy phrases like exceptions: a list of patterns that parse', () => {
    assert.deepEqual(checkLexicon(file({ excusedBy: ['surprise party'] })).entries[0]!.excusedBy, ['surprise party']);
    assert.equal('excusedBy' in checkLexicon(file({ excusedBy: [] })).entries[0]!, false);
    assert.match(checkLexicon(file({ excusedBy: 'surprise' })).problems.join(), /excusedBy must be a list of text/);
    assert.match(checkLexicon(file({ excusedBy: ['a ... '] })).problems.join(), /excusedBy: .*gap/);
  });

  it('checks needs phrases the same way', () => {
    assert.deepEqual(checkLexicon(file({ needs: ["let's not"] })).entries[0]!.needs, ["let's not"]);
    assert.equal('needs' in checkLexicon(file({ needs: [] })).entries[0]!, false);
    assert.match(checkLexicon(file({ needs: 'not' })).problems.join(), /needs must be a list of text/);
    assert.match(checkLexicon(file({ needs: ['a ... '] })).problems.join(), /needs: .*gap/);
  });
});
