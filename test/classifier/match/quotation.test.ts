import assert from 'node:assert/strict';
import fc from 'fast-check';
import { inReportedQuotation } from '../../../src/classifier/match/quotation.js';

/** Whether the first occurrence of `phrase` in `text` is a reported quotation. */
function quoted(text: string, phrase: string): boolean {
  const at = text.indexOf(phrase);
  assert.ok(at >= 0, `"${phrase}" is in the text`);
  return inReportedQuotation(text, at, at + phrase.length);
}

describe('match/quotation', () => {
  it('finds words quoted after a word that reports speech, in straight, curly and single quotes', () => {
    assert.equal(quoted('A customer called Jess a "stupid cow" on the phone today.', 'stupid cow'), true);
    assert.equal(quoted('The reviewer wrote “an arrogant clown”, sadly.', 'arrogant clown'), true);
    assert.equal(quoted("Phrases like 'delete this after reading' look bad to a regulator.", 'delete this after reading'), true);
    assert.equal(quoted('In the film the mob boss says "I know where you live" and it cuts to black.', 'I know where you live'), true);
    assert.equal(quoted('Quoting the text I received: "you\'ll regret talking to them."', "you'll regret"), true);
    assert.equal(quoted('The customer said, and I quote, "thanks for nothing," so I escalated.', 'thanks for nothing'), true);
    assert.equal(quoted('The recruiter sent a note saying the client wanted "no one over 40"; I refused.', 'no one over 40'), true);
  });

  it('reads abuse reported from an incident as quoted, and an article just outside the marks as grammar', () => {
    assert.equal(quoted('Someone scrawled "lazy foreigners" on the cabin door; it has been painted over.', 'lazy foreigners'), true);
    assert.equal(quoted('A visitor screamed "useless donkey" at the porter.', 'useless donkey'), true);
    assert.equal(quoted('A patient called our ward assistant a "useless donkey" in the corridor.', 'a "useless donkey'), true);
    assert.equal(quoted('He branded the intern an “utter moron” in front of the client.', 'an “utter moron'), true);
    // words being edited out of a text are not the writer's words
    assert.equal(quoted('I removed "young and energetic" from the warehouse job ad.', 'young and energetic'), true);
    assert.equal(quoted('Please replace "the girls on reception" with "the reception team".', 'the girls on reception'), true);
    assert.equal(quoted('HR asked us to stop using the term "old timers" in rota notes.', 'old timers'), true);
    // "say" reports others, unless the writer says it ("let's say", "I'd say", "just say")
    assert.equal(quoted("Customers sometimes say 'I'll see you in court' when a refund is late.", 'see you in court'), true);
    assert.equal(quoted("Let's say 'you idiot' and see what happens.", 'you idiot'), false);
    assert.equal(quoted("I'd say 'useless' is about right for that plan.", 'useless'), false);
    assert.equal(quoted("Just say 'you moron' to him and walk off.", 'you moron'), false);
    // a list of quotations after one cue: each item is reported, however long the items before it
    assert.equal(quoted('Avoid phrases like "per my last email", "as I have told you many times before" or "you idiot".', 'you idiot'), true);
    assert.equal(quoted('He is a "clown", and "you idiot" is what I call him.', 'you idiot'), false);
    // without a reporting word the article does not make it quoted
    assert.equal(quoted('You are a "useless donkey" and everyone knows it.', 'a "useless donkey'), false);
  });

  it('leaves the writer\'s own scare quotes and unquoted words alone', () => {
    assert.equal(quoted("Just pay the inspector's 'expediting fee' and we'll call it something else.", 'expediting fee'), false);
    assert.equal(quoted('Can we word the ad as "recent graduates only" so older people stop applying?', 'recent graduates only'), false);
    assert.equal(quoted('He is an idiot, and "everyone" knows it.', 'idiot'), false);
    assert.equal(quoted('He said "fine" and then called her an idiot "today".', 'idiot'), false);
  });

  it('does not take apostrophes for quotation marks', () => {
    assert.equal(quoted("The managers' idiot plan, as the boss's note said, won't work.", 'idiot'), false);
    assert.equal(quoted("Don't call him an idiot, it’s rude.", 'idiot'), false);
  });

  it('needs both marks on the phrase\'s own line, of one family', () => {
    assert.equal(quoted('She said "well,\nyou idiot" and left.', 'you idiot'), false);
    assert.equal(quoted('She said "you idiot\' and left.', 'you idiot'), false);
    assert.equal(quoted('She said "you idiot and left.', 'you idiot'), false);
  });

  it('looks only a bounded distance for the marks, so it stays linear', () => {
    const far = `They said "${'x '.repeat(200)}you idiot" there.`;
    assert.equal(quoted(far, 'you idiot'), false);
  });

  it('never throws, on any text and any span', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), fc.nat(), fc.nat(), (text, a, b) => {
        const start = a % (text.length + 1);
        const end = start + (b % (text.length - start + 1));
        assert.equal(typeof inReportedQuotation(text, start, end), 'boolean');
      }),
    );
  });
});
