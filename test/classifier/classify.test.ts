import { strict as assert } from 'node:assert';
import { createClassifier } from '../../src/classifier/index.js';
import type { Finding, Policy } from '../../src/classifier/index.js';

/** Terms with made-up words, so these tests do not depend on the shipped lexicons' content. */
const terms: Policy['terms'] = [
  { id: 'zorblax', patterns: ['zorblax*'], category: 'insult', severity: 'medium', message: 'Name-calling.', suggestion: 'Talk about the work.' },
  { id: 'plinth', patterns: ['project plinth'], category: 'confidential', severity: 'high', message: 'Codename.', externalOnly: true },
  { id: 'glorp', patterns: ['glorp'], category: 'profanity', severity: 'low', message: 'Mild.' },
  { id: 'glorp-you', patterns: ['glorp you'], category: 'profanity', severity: 'high', message: 'Directed.' },
];

function ours(findings: Finding[]): string[] {
  return findings
    .filter((f) => ['zorblax', 'plinth', 'glorp', 'glorp-you', 'external-recipient', 'large-audience'].includes(f.rule))
    .map((f) => `${f.field}:${f.category}/${f.rule}:${f.severity}:${f.action}:${f.text}`);
}

describe('createClassifier', () => {
  const classifier = createClassifier({ terms, internalDomains: ['corp.example'] });

  it('accepts a bare string as the body', () => {
    const r = classifier.classify('You zorblaxian fool');
    assert.deepEqual(ours(r.findings), ['body:insult/zorblax:medium:warn:zorblaxian']);
    assert.equal(r.verdict, 'warn');
  });

  it('reports offsets into the original text whatever normalization ran', () => {
    const body = 'Ｚｏｒｂｌａｘ! z0rbl@x and zo\u200Brblax';
    const found = classifier.classify(body).findings.filter((f) => f.rule === 'zorblax');
    assert.deepEqual(found.map((f) => f.text), ['Ｚｏｒｂｌａｘ', 'z0rbl@x', 'zo\u200Brblax']);
    for (const f of found) assert.equal(body.slice(f.start, f.end), f.text);
  });

  it('checks the subject too, with offsets into the subject', () => {
    const r = classifier.classify({ body: 'fine', subject: 'Re: zorblax' });
    assert.deepEqual(ours(r.findings), ['subject:insult/zorblax:medium:warn:zorblax']);
    assert.equal(r.findings[0]!.start, 4);
  });

  it('maps severities to actions under the default policy: low informs, medium and high warn', () => {
    assert.deepEqual(ours(classifier.classify('glorp').findings), ['body:profanity/glorp:low:inform:glorp']);
    assert.equal(classifier.classify('glorp').verdict === 'inform' || classifier.classify('glorp').verdict === 'warn', true);
  });

  it('keeps the stronger of two overlapping findings of one category', () => {
    assert.deepEqual(ours(classifier.classify('glorp you').findings), ['body:profanity/glorp-you:high:warn:glorp you']);
  });

  it('applies externalOnly terms only when a recipient is external', () => {
    const body = 'Project Plinth ships in May.';
    assert.deepEqual(ours(classifier.classify({ body, to: ['a@corp.example'] }).findings), []);
    const outside = classifier.classify({ body, to: ['a@corp.example', 'b@press.example'] });
    assert.deepEqual(ours(outside.findings), [
      'body:confidential/plinth:high:warn:Project Plinth',
      'recipients:context/external-recipient:high:warn:',
    ]);
  });

  it('takes needs and excusedBy on policy terms as on lexicon entries', () => {
    const own = createClassifier({
      terms: [
        // a codename that is also a bird: a finding only near deal words, and never after a bird-watching cue
        { id: 'kestrel', patterns: ['kestrel'], category: 'confidential', severity: 'high', message: 'Codename.', needs: ['launch|deal|acquisition'], excusedBy: ['birdwatching|bird-walk'] },
      ],
    });
    const rules = (text: string) => own.classify(text).findings.filter((f) => f.rule === 'kestrel').map((f) => f.text);
    assert.deepEqual(rules('Kestrel signs on the 21st. Keep the deal quiet.'), ['Kestrel']);
    assert.deepEqual(rules('A kestrel was hovering over the car park this morning.'), []);
    assert.deepEqual(rules('Kestrel signs on the 21st.\n\nSeparately, the deal review moved.'), []);
    assert.deepEqual(rules('On the bird-walk we saw a kestrel near the launch site.'), []);
  });

  it('drops content findings in quoted replies and signatures, keeps them in the new text', () => {
    const body = 'All fine here.\n\nOn Mon, Sam <sam@x.example> wrote:\n> you zorblax';
    assert.deepEqual(ours(classifier.classify(body).findings), []);
    assert.equal(ours(classifier.classify('you zorblax\n\n> quoted').findings).length, 1);
    // DESIGN.md section 2: text after "On … wrote:" is quoted, even below its "> " lines.
    assert.deepEqual(ours(classifier.classify('On Mon, Sam <sam@x.example> wrote:\n> hi\n\nand you zorblax too').findings), []);
  });

  it('finds phrases between and after quoted blocks at their own offsets, and a pii or secret term inside them too', () => {
    const body = 'you zorblax\n> quoted zorblax\n> more\nthen glorp you, zorblax.\n\n-- \nSam zorblax';
    const found = classifier.classify(body).findings.filter((f) => ['zorblax', 'glorp-you'].includes(f.rule));
    assert.deepEqual(found.map((f) => `${f.rule}:${f.start}:${f.text}`), ['zorblax:4:zorblax', 'glorp-you:41:glorp you', 'zorblax:52:zorblax']);
    for (const f of found) assert.equal(body.slice(f.start, f.end), f.text);
    // A policy term of category secret is looked for in quoted text too: forwarding it leaks it.
    const leaks = createClassifier({ terms: [{ id: 'vault', patterns: ['vault phrase quux'], category: 'secret', severity: 'high', message: 'Shared secret.' }] });
    const quoted = 'Thanks!\n\nOn Mon, Sam <sam@x.example> wrote:\n> the vault phrase quux is on the wiki';
    assert.deepEqual(leaks.classify(quoted).findings.filter((f) => f.rule === 'vault').map((f) => f.text), ['vault phrase quux']);
  });

  it('runs line detectors only outside quoted text, with offsets into the whole body', () => {
    const shout = 'WHY IS THIS STILL NOT DONE, I TOLD YOU AGAIN AND AGAIN';
    const body = `Fine.\n> ${shout}\n${shout}`;
    const found = classifier.classify(body).findings.filter((f) => f.rule === 'shouting');
    assert.deepEqual(found.map((f) => [f.start, f.text]), [[body.lastIndexOf(shout), shout]]);
  });

  it('lowers an insult that is denied ("I would never call him …")', () => {
    const [f] = classifier.classify('I would never call him a zorblax').findings.filter((x) => x.rule === 'zorblax');
    assert.equal(f!.severity, 'low');
    assert.equal(f!.action, 'inform');
  });

  it('keeps the severity after disbelief or impatience ("can\'t believe", "no wonder"): not a denial', () => {
    for (const text of ["Can't believe that zorblax signed it", 'No wonder the zorblax lost the file', 'I have never met such a zorblax']) {
      const [f] = classifier.classify(text).findings.filter((x) => x.rule === 'zorblax');
      assert.equal(f!.severity, 'medium', text);
    }
  });

  it('lowers to low what it quotes as someone else\'s words, and only that', () => {
    const lexicon = createClassifier();
    const rules = (text: string) => lexicon.classify(text).findings.map((f) => `${f.category}/${f.rule}:${f.severity}:${f.action}`);
    // Reported: a customer's words, a script's line.
    assert.deepEqual(rules('A customer called our technician "a useless idiot" in a one-star review.'), ['insult/incompetent-person:low:inform']);
    const [quoted] = lexicon.classify('A customer called our technician "a useless idiot" in a one-star review.').findings;
    assert.match(quoted!.message, /contempt.*Here it is quoted as someone else's words, so it counts as low severity\.$/);
    assert.equal(quoted!.suggestion, undefined, 'no rewording offered for words that are not the writer\'s');
    assert.deepEqual(rules('My neighbour texted "I know where you live" last night.'), ['threat/know-where-you-live:low:inform']);
    // The same words as the writer's own.
    assert.deepEqual(rules('Our technician is a useless idiot.'), ['insult/person-is-label:medium:warn']);
    // A slur is written out all the same; a quoted leak still leaks; swearing stays swearing.
    assert.deepEqual(rules('He told me "that idea is r3tarded" in the meeting.'), ['identity/ableist-slur:high:warn']);
    assert.deepEqual(rules("She said \"Tom's salary is $180k\" at lunch."), ['confidential/named-pay:high:warn']);
    assert.deepEqual(rules('The reviewer wrote "this is shit" under the post.'), ['profanity/shit:medium:warn']);
    // The organization's own terms keep their severity when quoted.
    assert.deepEqual(ours(classifier.classify('The client called us "zorblax" on the call.').findings), ['body:insult/zorblax:medium:warn:zorblax']);
  });

  it('lowers to low what a sentence about fiction says a character does, and only there', () => {
    const lexicon = createClassifier();
    const rules = (text: string) => lexicon.classify(text).findings.map((f) => `${f.category}/${f.rule}:${f.severity}`);
    assert.deepEqual(rules('In chapter 3 the villain shreds the ledgers before the auditors arrive.'), ['legal/destroy-evidence:low']);
    assert.match(lexicon.classify('In chapter 3 the villain shreds the ledgers.').findings[0]!.message, /part of a story or a game/);
    assert.deepEqual(rules('The narrator is a pompous idiot, which is the whole joke of the novel.'), ['insult/incompetent-person:low']);
    // The next sentence is the writer's own, and idioms with a workplace sense stay as they are.
    assert.deepEqual(rules('I finished the novel. Shred the ledgers before the auditors arrive.'), ['legal/destroy-evidence:high']);
    assert.deepEqual(rules("Pay the invoice or I'll make a scene you'll regret."), ['threat/regret-final:high']);
  });

  it('follows the policy: category and rule actions, minimum severity, off', () => {
    const strict = createClassifier({ terms, categories: { insult: { action: 'block' } }, rules: { 'profanity/glorp': { action: 'off' } } });
    const r = strict.classify('zorblax glorp');
    assert.deepEqual(ours(r.findings), ['body:insult/zorblax:medium:block:zorblax']);
    assert.equal(r.verdict, 'block');
    const lenient = createClassifier({ terms, categories: { insult: { minSeverity: 'high' } } });
    assert.deepEqual(ours(lenient.classify('zorblax').findings), []);
  });

  it('drops everything inside an allow-listed phrase', () => {
    const c = createClassifier({ terms, allow: ['zorblax industries'] });
    assert.deepEqual(ours(c.classify('We met Zorblax Industries today.').findings), []);
    assert.equal(ours(c.classify('What a zorblax.').findings).length, 1);
  });

  it('raises large-audience for a long recipient list', () => {
    const c = createClassifier({ terms, maxRecipients: 2 });
    const r = c.classify({ body: 'hello', to: ['a@x.example', 'b@x.example'], cc: [{ emailAddress: 'c@x.example' }] });
    assert.deepEqual(ours(r.findings), ['recipients:context/large-audience:medium:warn:']);
  });

  it('checks only up to the size limit and says what was not checked', () => {
    const c = createClassifier({ terms, maxDraftChars: 20 });
    const r = c.classify('a'.repeat(30) + ' zorblax');
    assert.equal(r.truncated, true);
    assert.match(r.notices[0]!, /first 20 of 38 characters/);
    assert.deepEqual(ours(r.findings), []);
  });

  it('never cuts a surrogate pair at the size limit', () => {
    const c = createClassifier({ maxDraftChars: 2 });
    const r = c.classify('a😀b');
    assert.equal(r.truncated, true);
    assert.match(r.notices[0]!, /first 1 of/);
  });

  it('refuses a policy term whose pattern does not parse', () => {
    assert.throws(() => createClassifier({ terms: [{ patterns: ['ass*'], category: 'profanity', severity: 'low', message: 'x' }] }), /stem/);
  });
});

describe('createClassifier: criticism aimed at a recipient', () => {
  const classifier = createClassifier({ terms, internalDomains: ['corp.example'] });

  it('raises an insult one step when its sentence names an external recipient organization', () => {
    const body = 'The Acme people are zorblaxes. Lunch at noon?';
    const [plain] = classifier.classify({ body, to: ['bob@other.example'] }).findings.filter((f) => f.rule === 'zorblax');
    const [aimed] = classifier.classify({ body, to: ['bob@acme.example'] }).findings.filter((f) => f.rule === 'zorblax');
    assert.equal(plain!.severity, 'medium');
    assert.equal(aimed!.severity, 'high');
  });

  it('leaves someone else\'s words low even when they name the recipient\'s organization', () => {
    const lexicon = createClassifier({ internalDomains: ['corp.example'] });
    const body = 'The Acme buyer called our driver "a useless idiot" on the phone.';
    const [f] = lexicon.classify({ body, to: ['bob@acme.example'] }).findings.filter((x) => x.category === 'insult');
    assert.equal(f!.severity, 'low');
    assert.match(f!.message, /quoted as someone else's words/);
  });

  it('leaves it alone when the organization is named in another sentence', () => {
    const body = 'Acme sent the files. Those zorblaxes again.';
    const [f] = classifier.classify({ body, to: ['bob@acme.example'] }).findings.filter((x) => x.rule === 'zorblax');
    assert.equal(f!.severity, 'medium');
  });
});
