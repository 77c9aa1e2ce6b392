import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { LearnedModel, packModel, unpackModel } from '../../../src/classifier/learned/model.js';

/** A two-category model written by hand: threat weighs "regret" and "your review", legal "shred". */
const MODEL = [
  '# a comment line',
  'categories\tthreat\tlegal',
  'bias\t-3\t-3',
  'threshold\t0.5\t0.5',
  'words\t4',
  'regret\t4\t',
  'your review\t3\t-1',
  'shred\t\t8',
  'thanks\t-2\t',
].join('\n');

const all = (text: string): Array<[number, number]> => [[0, text.length]];

describe('learned/model', () => {
  const model = new LearnedModel(MODEL);

  it('reads the features and the categories', () => {
    assert.equal(model.size, 4);
    assert.deepEqual(model.categories, ['threat', 'legal']);
  });

  it('scores sigmoid(bias + weights / sqrt(max(words, minimum))) and reports at the threshold', () => {
    // "You will regret it": 4 words, regret 4 -> z = -3 + 4/2 = -1: below 0.5.
    assert.deepEqual(model.score('You will regret it', all('You will regret it')), []);
    const text = 'Regret. Your review.';
    const [s] = model.score(text, all(text));
    // 3 words, counted as 4 (the minimum): z = -3 + 7/2 = 0.5 -> 0.62.
    assert.equal(s?.category, 'threat');
    assert.ok(Math.abs(s!.score - 1 / (1 + Math.exp(-0.5))) < 1e-9);
  });

  it('counts a word once however often it stands, and a negative weight pulls down', () => {
    const once = model.score('Regret regret regret regret.', all('Regret regret regret regret.'));
    // 4 words, regret once: z = -3 + 4/2 = -1.
    assert.deepEqual(once, []);
    const thanked = 'Regret. Your review. Thanks.';
    assert.deepEqual(model.score(thanked, all(thanked)), []);
  });

  it('names the heaviest sentence as the span and the heaviest words, heaviest first', () => {
    const text = 'Hello there. Shred it all. Bye.';
    const [s] = model.score(text, all(text));
    assert.equal(s?.category, 'legal');
    assert.equal(text.slice(s!.start, s!.end), 'Shred it all');
    assert.deepEqual(s!.words, ['shred']);
    const both = 'Your review. Regret.';
    const [t] = model.score(both, all(both));
    assert.deepEqual(t?.words, ['regret', 'your review']);
  });

  it('does not name a number as a reason, though it weighs', () => {
    const numbers = new LearnedModel(['categories\tlegal', 'bias\t-3', 'threshold\t0.5', 'words\t1', '60\t9', 'shred\t1'].join('\n'));
    const text = 'Shred 60 boxes';
    const [s] = numbers.score(text, all(text));
    assert.equal(s?.category, 'legal');
    assert.deepEqual(s!.words, ['shred']);
  });

  it('reads only the ranges given (the writer\u2019s own words)', () => {
    const text = 'Fine.\n> Shred it all.';
    assert.deepEqual(model.score(text, [[0, 5]]), []);
    assert.equal(model.score(text, all(text)).length, 1);
  });

  it('returns nothing for text without words', () => {
    assert.deepEqual(model.score('', []), []);
    assert.deepEqual(model.score('... !!! 😀', all('... !!! 😀')), []);
  });

  describe('passages of two sentences, for long mail', () => {
    // "regret" weighs 12 for threat; the mail scored whole reports from 0.5, a passage from 0.6,
    // and legal is not scored in passages (an empty cell).
    const windowed = new LearnedModel(
      ['categories\tthreat\tlegal', 'bias\t-3\t-3', 'threshold\t0.5\t0.5', 'window-threshold\t0.6\t', 'words\t4', 'regret\t12\t', 'shred\t\t12'].join('\n'),
    );
    const filler = 'The quarterly numbers are in the shared folder for everyone to read. ';
    const remark = 'You will regret this.';
    const long = `${filler.repeat(3)}${remark} See you Monday at nine.`;

    it('reports a passage that reaches its threshold where the whole mail does not, on the sentence that weighs', () => {
      // Whole: 44 words, z = -3 + 12/sqrt(44) = -1.19. The passage "...regret this. See you Monday
      // at nine.": 9 words, z = -3 + 12/3 = 1, score 0.73.
      const [s, ...rest] = windowed.score(long, all(long));
      assert.deepEqual(rest, []);
      assert.equal(s?.category, 'threat');
      assert.equal(s!.scope, 'passage');
      assert.ok(Math.abs(s!.score - 1 / (1 + Math.exp(-1))) < 1e-9, String(s!.score));
      assert.equal(long.slice(s!.start, s!.end), 'You will regret this');
      assert.deepEqual(s!.words, ['regret']);
    });

    it('spans both sentences of a passage when both weigh', () => {
      const text = `${filler.repeat(3)}You will regret this. Regret it.`;
      const [s] = windowed.score(text, all(text));
      assert.equal(s?.scope, 'passage');
      assert.equal(text.slice(s!.start, s!.end), 'You will regret this. Regret it');
    });

    it('scores the mail whole first: a mail that reaches its own threshold is reported as a mail', () => {
      const short = `${remark} Thanks.`;
      const [s] = windowed.score(short, all(short));
      assert.equal(s?.scope, 'mail');
    });

    it('does not score passages of a category without a passage threshold, nor of a model without the line', () => {
      const legal = `${filler.repeat(3)}Shred the files. See you Monday at nine.`;
      assert.deepEqual(windowed.score(legal, all(legal)), []);
      const plain = new LearnedModel(['categories\tthreat', 'bias\t-3', 'threshold\t0.5', 'words\t4', 'regret\t12'].join('\n'));
      assert.deepEqual(plain.score(long, all(long)), []);
    });

    it('needs a third sentence: two sentences are the whole mail', () => {
      const two = `${filler.repeat(3).replace(/\. /g, ', ')}and you will regret this. See you Monday at nine.`;
      assert.deepEqual(windowed.score(two, all(two)), []);
    });
  });

  it('rejects a malformed model with a message that says what is wrong', () => {
    assert.throws(() => new LearnedModel('categories\tthreat\nbias\t1\n'), /no "threshold" line/);
    assert.throws(() => new LearnedModel('categories\tthreat\nbias\t1\t2\nthreshold\t0.5\nwords\t1'), /bias or threshold count/);
    assert.throws(() => new LearnedModel('categories\tthreat\nbias\t1\nthreshold\t0.5\nwindow-threshold\t0.9\t0.9\nwords\t1'), /bias or threshold count/);
    assert.throws(() => new LearnedModel('categories\tthreat\nbias\t1\nthreshold\t0.5\nwords\tzero'), /"words" must be a number/);
  });

  describe('the packed form shipped in the bundles', () => {
    const text = ['categories\tthreat\tlegal\tinsult', 'bias\t-3\t-4\t-5', 'threshold\t0.9\t0.5\t0.8', 'words\t20', 'shred\t\t4.5\t', 'you moron\t1.2\t\t-3.4', '60\t9\t-0.5\t2'].join('\n');

    it('writes one letter and a weight in tenths per category weighed, and unpacks to the same text', () => {
      const packed = packModel(text);
      assert.ok(packed.split('\n').includes('shredB45'), packed);
      assert.ok(packed.split('\n').includes('you moronA12C-34'), packed);
      assert.ok(packed.split('\n').includes('60A90B-5C20'), packed);
      assert.ok(packed.startsWith('categories\tthreat\tlegal\tinsult\nbias\t-3'), 'header lines stay as they are');
      assert.equal(unpackModel(packed), text);
    });

    it('unpacks the shipped model (lexicons/learned/en.tsv) to the text it was trained as', () => {
      const tsv = readFileSync(new URL('../../../lexicons/learned/en.tsv', import.meta.url), 'utf8')
        .split('\n')
        .filter((l) => l !== '' && !l.startsWith('#'))
        .join('\n');
      assert.equal(unpackModel(packModel(tsv)), tsv);
      assert.ok(packModel(tsv).length < tsv.length * 0.8, 'the packed form is smaller');
    });

    it('is read by LearnedModel as it is, with the same scores as the text it was packed from', () => {
      const packed = new LearnedModel(packModel(MODEL));
      assert.equal(packed.size, model.size);
      for (const text of ['You will regret your review.', 'Shred the file, thanks.', 'Lunch at noon?']) {
        assert.deepEqual(packed.score(text, all(text)), model.score(text, all(text)), text);
      }
    });

    it('refuses what it could not unpack (a capital letter in a name, a weight of two decimals)', () => {
      assert.throws(() => packModel('categories\tthreat\nShred\t1'), /cannot pack/);
      assert.throws(() => packModel('categories\tthreat\nshred\t1.25'), /cannot pack/);
    });
  });
});
