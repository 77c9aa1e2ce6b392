import { strict as assert } from 'node:assert';
import { tokenize, stretchedReadings } from '../../../src/classifier/normalize/tokenize.js';

/** The normalized words of a text, each with what the writer typed. */
function words(text: string): Array<[string, string]> {
  return tokenize(text).map((t) => [t.n, text.slice(t.s, t.e)]);
}

describe('tokenize', () => {
  const cases: Array<[string, string, Array<[string, string]>]> = [
    ['case folding', 'IDIOT Idiot', [['idiot', 'IDIOT'], ['idiot', 'Idiot']]],
    ['accents', 'Café naïve', [['cafe', 'Café'], ['naive', 'naïve']]],
    ['fullwidth forms (NFKC)', 'ｉｄｉｏｔ', [['idiot', 'ｉｄｉｏｔ']]],
    ['Cyrillic look-alikes', 'іdіоt', [['idiot', 'іdіоt']]],
    ['Greek look-alikes', 'ΙDΙΟΤ'.toLowerCase(), [['idiot', 'ιdιοτ']]],
    ['zero-width characters inside a word', 'id\u200Bi\u200Dot', [['idiot', 'id\u200Bi\u200Dot']]],
    ['soft hyphen inside a word', 'sh\u00ADit', [['shit', 'sh\u00ADit']]],
    ['leetspeak digits', 'sh1t 1d10t', [['shit', 'sh1t'], ['idiot', '1d10t']]],
    ['leetspeak symbols', '@ss a$$ $hit sh!t', [['ass', '@ss'], ['ass', 'a$$'], ['shit', '$hit'], ['shit', 'sh!t']]],
    ['a trailing exclamation is punctuation', 'shit!!', [['shit', 'shit']]],
    ['dotted letters', 'f.u.c.k', [['fuck', 'f.u.c.k']]],
    ['spaced letters', 's h i t', [['shit', 's h i t']]],
    ['hyphenated letters', 'f-u-c-k', [['fuck', 'f-u-c-k']]],
    ['two separated runs side by side', 's h i t f-u-c-k', [['shit', 's h i t'], ['fuck', 'f-u-c-k']]],
    ['apostrophes split words', "don't Amy's", [['don', 'don'], ['t', 't'], ['amy', 'Amy'], ['s', 's']]],
    [
      'a word ending in s before a bare apostrophe takes a possessive s, standing on the apostrophe',
      "Jones' bonus, Chris’ pay",
      [['jones', 'Jones'], ['s', "'"], ['bonus', 'bonus'], ['chris', 'Chris'], ['s', '’'], ['pay', 'pay']],
    ],
    [
      'contractions typed without the apostrophe split where it would stand',
      'Im sure youre right, dont worry',
      [['i', 'I'], ['m', 'm'], ['sure', 'sure'], ['you', 'you'], ['re', 're'], ['right', 'right'], ['don', 'don'], ['t', 't'], ['worry', 'worry']],
    ],
    ['words that are also other words stay whole', 'its ill well were lets', [['its', 'its'], ['ill', 'ill'], ['well', 'well'], ['were', 'were'], ['lets', 'lets']]],
    ['"Ill" and "Id" typed with a capital I are "I\'ll" and "I\'d"', 'and Ill call, Id say', [['and', 'and'], ['i', 'I'], ['ll', 'll'], ['call', 'call'], ['i', 'I'], ['d', 'd'], ['say', 'say']]],
    ['"Ill" as the adjective stays whole', 'She is Ill. Ill-advised. ID card', [['she', 'She'], ['is', 'is'], ['ill', 'Ill'], ['ill', 'Ill'], ['advised', 'advised'], ['id', 'ID'], ['card', 'card']]],
    ['a contraction in leetspeak splits the same way', 'd0nt', [['don', 'd0n'], ['t', 't']]],
    ['a contraction with an invisible character inside stays one word', 'do\u200bnt', [['dont', 'do\u200bnt']]],
    ['no possessive s inside a word, after a number or a one-letter word', "Jones'ville 1990s' s' plans", [['jones', 'Jones'], ['ville', 'ville'], ['1990s', '1990s'], ['s', 's'], ['plans', 'plans']]],
    ['hyphens split words', 'idiot-proof', [['idiot', 'idiot'], ['proof', 'proof']]],
    ['numbers keep their digits', '$1,200 and 2024', [['1', '1'], ['200', '200'], ['and', 'and'], ['2024', '2024']]],
    ['whole words only', 'class document', [['class', 'class'], ['document', 'document']]],
    ['masked letters', 'f*ck sh**', [['f*ck', 'f*ck'], ['sh**', 'sh**']]],
    ['emphasis stars are not masks', '*urgent*', [['urgent', 'urgent']]],
    ['a short emphasized word is not masked', '*so* what', [['so', 'so'], ['what', 'what']]],
    ['emphasis over several words closes on a short one', 'worth *$680 mil* now', [['worth', 'worth'], ['680', '680'], ['mil', 'mil'], ['now', 'now']]],
    ['a star after a star inside the word still hides a letter', 'f*ck* sh*', [['f*ck*', 'f*ck*'], ['sh*', 'sh*']]],
    ['astral characters keep UTF-16 offsets', '😀 idiot', [['idiot', 'idiot']]],
  ];
  for (const [name, input, expected] of cases) {
    it(name, () => assert.deepEqual(words(input), expected));
  }

  it('marks sentence ends but not wrapped lines', () => {
    const toks = tokenize('One line\nwrapped here. Next one!\n\nNew paragraph');
    const breaks = toks.filter((t) => t.brk).map((t) => t.n);
    assert.deepEqual(breaks, ['one', 'next', 'new']);
  });

  it('does not break a sentence at a dot inside a word or number', () => {
    const toks = tokenize('see example.com and 1.5 more');
    assert.deepEqual(toks.filter((t) => t.brk).map((t) => t.n), ['see']);
  });

  it('marks capitalized words as name-like, not all-caps ones', () => {
    const toks = tokenize('Amy met IBM and bob');
    assert.deepEqual(toks.map((t) => t.cap), [true, false, false, false, false]);
  });

  it('reads "u" and "ur" as "you" and "your" too, and keeps them', () => {
    assert.deepEqual(tokenize('see u, ur call').map((t) => [t.n, t.alts]), [['see', undefined], ['u', ['you']], ['ur', ['your']], ['call', undefined]]);
  });

  it('gives stretched words shorter readings', () => {
    assert.deepEqual(stretchedReadings('shiiiit'), ['shiit', 'shit']);
    assert.deepEqual(stretchedReadings('assss'), ['ass', 'as']);
    assert.equal(stretchedReadings('committee'), undefined);
    assert.deepEqual(tokenize('fuuuuuck')[0]!.alts, ['fuuck', 'fuck']);
  });

  it("builds only the beginning of a huge stretched token's readings, which is all that can match", () => {
    const huge = 'fuuuuck' + 'aaab'.repeat(50_000);
    const [two, one] = stretchedReadings(huge)!;
    assert.ok(two!.length < 300 && one!.length < 300, `readings of ${two!.length} and ${one!.length} characters`);
    assert.ok(two!.startsWith('fuuckaab') && one!.startsWith('fuckab'), `${two!.slice(0, 12)} ${one!.slice(0, 12)}`);
  });

  it('makes no token of punctuation or symbols alone', () => {
    assert.deepEqual(words('!!! --- *** $$$ ...'), []);
    assert.deepEqual(words(''), []);
  });
});

describe('tokenize: codes, ellipses and clauses', () => {
  it('reads digits in codes as digits, not leetspeak', () => {
    assert.deepEqual(words('D490 A1 B52 1d10t'), [['d490', 'D490'], ['a1', 'A1'], ['b52', 'B52'], ['idiot', '1d10t']]);
  });

  it('does not end a sentence at an ellipsis', () => {
    const toks = tokenize('He is too... flamboyant… really. Next');
    assert.deepEqual(toks.filter((t) => t.brk).map((t) => t.n), ['he', 'next']);
  });

  it('marks clause breaks (comma, semicolon, colon, dash) on the following token', () => {
    const toks = tokenize("If you don't pay, you'll regret it; fine — done");
    assert.deepEqual(toks.filter((t) => t.cl).map((t) => t.n), ['you', 'fine', 'done']);
  });

  it('offers a reading without a swallowed article in spaced letters', () => {
    const [t] = tokenize('a r e t a r d');
    assert.deepEqual([t!.n, t!.alts], ['aretard', ['retard']]);
  });
});
