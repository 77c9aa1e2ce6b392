import { strict as assert } from 'node:assert';
import { createClassifier } from '../../src/classifier/index.js';
import type { Finding } from '../../src/classifier/index.js';

/**
 * The shipped profanity lexicon (lexicons/en/profanity.yml) through the real engine.
 * Rows are [draft, expected rule, expected severity]. Other categories are ignored.
 */
const classifier = createClassifier();

function profanity(text: string): Finding[] {
  const found = classifier.classify(text).findings.filter((f) => f.category === 'profanity');
  for (const f of found) assert.equal(text.slice(f.start, f.end), f.text, `offsets of ${f.rule} in ${JSON.stringify(text)}`);
  return found;
}

const MUST_FLAG: Array<[string, string, 'low' | 'medium' | 'high']> = [
  // plain forms and inflections
  ['The vendor fucked up the delivery again.', 'f-word', 'medium'],
  ['This fucking spreadsheet crashed twice.', 'f-word', 'medium'],
  ['What a clusterfuck of a launch.', 'f-word', 'medium'],
  ['Honestly, wtf happened to the Q3 numbers?', 'f-word', 'medium'],
  ['That motherfucker never paid the invoice.', 'f-word', 'medium'],
  ['The report is shit and everyone knows it.', 'shit', 'medium'],
  ['Total shitshow at the offsite.', 'shit', 'medium'],
  ["That's bullshit and you know it.", 'shit', 'medium'],
  ['Holy shit, we closed the deal.', 'shit', 'medium'],
  ['He is such an asshole in meetings.', 'ass', 'medium'],
  ['Stop being a jackass about the schedule.', 'ass', 'medium'],
  ['It was a half-assed attempt at a budget.', 'ass', 'medium'],
  ['This client is a pain in the ass.', 'ass', 'medium'],
  ['Quit your bitching about the parking.', 'bitch', 'medium'],
  ['Son of a bitch, the server is down again.', 'bitch', 'medium'],
  ['The auditor is a total dick.', 'dick', 'medium'],
  ['Pulling the meeting at the last minute was a dick move.', 'dick', 'medium'],
  ['Absolute bollocks from the supplier.', 'bollocks', 'medium'],
  ['The lazy bastard left early again.', 'bastard', 'medium'],
  ['Some twat parked in my space.', 'twat', 'medium'],
  ['He is a complete wanker.', 'wank', 'medium'],
  ['This expense portal is a piece of crap.', 'piece-of-crap', 'medium'],
  ['Goddamn printer jammed again.', 'goddamn', 'medium'],
  // aimed at someone
  ['Fuck you, Gary.', 'directed-f-word', 'high'],
  ['Tell him to go fuck himself.', 'directed-f-word', 'high'],
  ['Honestly, stfu about the budget.', 'directed-f-word', 'high'],
  ['He can kiss my ass.', 'directed-vulgar', 'high'],
  ['Tell procurement to shove it up their ass.', 'directed-vulgar', 'high'],
  ['Piss off, I am busy.', 'dismissive-oath', 'medium'],
  ['Go to hell, Martin.', 'dismissive-oath', 'medium'],
  ['You are a cunt.', 'c-word', 'high'],
  // mild words inform only
  ['Damn, that demo was good.', 'damn', 'low'],
  ['What the hell happened here?', 'hell', 'low'],
  ['Who the hell knows what the board wants.', 'hell', 'low'],
  ['What the hell are you supposed to use instead of cream?', 'hell', 'low'],
  // the oath in a question put to whoever did it
  ['Who the hell moved the launch date?', 'hell-directed', 'medium'],
  ['WHERE THE HELL ARE THE SAMPLES?', 'hell-directed', 'medium'],
  ['What the hell were you thinking with that quote?', 'hell-directed', 'medium'],
  ['The coffee machine is crap.', 'crap', 'low'],
  ['I was pissed off about the delay.', 'piss', 'low'],
  ['Bloody hell, the train is late again.', 'bloody', 'low'],
  // "damn" vented at a thing is mild (low); aimed at a person or the reader's own work it warns
  ['The damn printer jammed again.', 'damn-attributive', 'low'],
  ["I'll pay the damn invoice myself.", 'damn-attributive', 'low'],
  ['Pay the damn invoice before Friday.', 'damn-directed', 'medium'],
  ['Could you please sign the damn form?', 'damn-directed', 'medium'],
  ['The stupid damn scanner ate my badge.', 'damn-attributive', 'low'],
  ['Damn you, Gary, for booking the 6am flight.', 'damn-directed', 'medium'],
  ['Goddamn them and their approval chain.', 'damn-directed', 'medium'],
  ['Just send your damn numbers by noon.', 'damn-directed', 'medium'],
  ['Stop moving the damn chairs out of room 2.', 'damn-directed', 'medium'],
  ['I have to stop checking the damn forecast.', 'damn-attributive', 'low'],
  // obfuscated
  ['This is SHIT.', 'shit', 'medium'],
  ['what the f*ck is this', 'f-word', 'medium'],
  ['this is sh1t', 'shit', 'medium'],
  ['f.u.c.k this deadline', 'f-word', 'medium'],
  ['f-u-c-k this deadline', 'f-word', 'medium'],
  ['s h i t, the build broke', 'shit', 'medium'],
  ['shiiiiit, the build broke', 'shit', 'medium'],
  ['fuuuuuck the build broke', 'f-word', 'medium'],
  ['Bullsh1t numbers again.', 'shit', 'medium'],
  ['what a load of $hit', 'shit', 'medium'],
  ['that is sh!t', 'shit', 'medium'],
  ['fu\u0441k this', 'f-word', 'medium'], // Cyrillic es
  ['fu\u200Bck this', 'f-word', 'medium'], // zero-width space inside
  ['ｆｕｃｋ this', 'f-word', 'medium'], // fullwidth
  ['he is an a$$hole', 'ass', 'medium'],
  ['what an a**hole', 'ass', 'medium'],
  ['bulls**t excuse', 'shit', 'medium'],
  ['such an a-hole about it', 'ass', 'medium'],
  ['total dipsh*t from the lender', 'shit', 'medium'],
  // slang "-ass" intensifiers and soft idioms: crude, but they only inform
  ['Their new dashboard would kick ass at the expo.', 'ass-mild', 'low'],
  ['What a kick-ass keynote that was.', 'ass-mild', 'low'],
  ['They shipped a weird-ass config format again.', 'ass-mild', 'low'],
  ['Vendors ship such lame ass installers.', 'ass-mild', 'low'],
  ['Our team took an ass-whipping in the final.', 'ass-mild', 'low'],
  ['Renewing the permits is a pain in the butt.', 'ass-mild', 'low'],
  ['Keep copies of the approvals to cover your butt.', 'ass-mild', 'low'],
  ['The crew worked their asses off to finish the install.', 'ass-mild', 'low'],
  ['I have been busting my ass on the migration.', 'ass-mild', 'low'],
  ['We laughed our asses off at the roast.', 'ass-mild', 'low'],
  ['Get off your ass and call the client.', 'ass', 'medium'],
  ["I'll bust your ass if this slips again.", 'ass', 'medium'],
  // still strong: a name for someone, or aimed at someone
  ['Get your lazy ass to the standup.', 'ass', 'medium'],
  ['He was being a smart ass in the review.', 'ass', 'medium'],
  ['ffs, the build broke again', 'f-word', 'medium'],
  ['FFS. Who merged this?', 'f-word', 'medium'],
  ['The bastards never paid us.', 'bastard', 'medium'],
  ["That's BS and you know it.", 'bs-abbreviation', 'low'],
];

const MUST_NOT_FLAG: string[] = [
  'The quotation from Hoe Seng Trading came in this morning, can I forward it?',
  'Our printer is a piece of junk.',
  // a breeder's and a meat plant's words
  'The bitch was mated in March, so puppies are due in May.',
  'We are two boners short on the beef line tomorrow.',
  'Order: 20 butt hinges, 6 ballcocks and 2 x 15mm cock stop valves.',
  // a word cited, not used
  'Please never use the word "bitch" in chat, even as a joke.',
  'The code of conduct lists "bitch" and similar words as unacceptable.',
  // "pass it on" with its first letter lost in typing
  'Could you ass it on to whoever handles billing?',
  'Dick Cheney spoke at the conference.',
  'Have you read Moby Dick?',
  'Please send the cocktail menu for the reception.',
  'We need to assess the risk before we assemble the team.',
  'The class passed the assessment.',
  'Scunthorpe and Penistone are on the route; Middlesex is next.',
  'Summa cum laude from the document archive.',
  'Shiitake mushrooms for the dinner menu.',
  'Our rugby hooker and the props trained together.',
  'Buy a garden hoe for the allotment.',
  'The stopcock under the sink needs replacing.',
  'A pussy willow arrangement for reception.',
  'We are in dependency hell with this upgrade.',
  'He had a bloody nose after the fall; the nurse saw him.',
  'The damning evidence was in the audit report.',
  'Hi Dick, thanks for the update.',
  'Can you pass the title page to the typesetter? It is a bastard title.',
  'The knee-jerk reaction was to cancel.',
  'Please assess the impact and report back.',
  'Policy HO-7781-22 covers the claim.',
  // a word that starts with "ass" broken by a soft line break or a stray hyphen
  'We ass=\nume the rate stays flat.',
  'The ass-\nets moved to the new fund.',
  'Our ass-\nessment is attached.',
  // FFS the file system, FFS the billing model
  'Mount the FFS partition read-only first.',
  'Is Amiga FFS support in the 2.4 kernel?',
  'I know nothing about ffs but the ext3 docs helped.',
  'Medicare FFS claims rose 4% last year.',
  // "bastardize" is an ordinary verb
  'The vendor bastardized the protocol.',
  'It is a bastardised version of the original layout.',
  'Macros, and their bastard offspring the inline templates, made it worse.',
  'The Shitterton depot takes deliveries until noon.',
  'Cock-a-leekie soup is back on the winter menu.',
  'The Somali wild ass foal is out in the paddock today.',
  'Please send Mr Cumming the revised quote.',
  "The kennel club registration says 'bitch, 2 years' for the new guide dog.",
  'Bitchfield is on the new bus route list.',
];

describe('lexicon: profanity', () => {
  for (const [text, rule, severity] of MUST_FLAG) {
    it(`flags ${JSON.stringify(text)} as profanity/${rule} (${severity})`, () => {
      const found = profanity(text);
      const hit = found.find((f) => f.rule === rule);
      assert.ok(hit, `expected profanity/${rule}, got ${JSON.stringify(found.map((f) => `${f.rule}:${f.text}`))}`);
      assert.equal(hit.severity, severity);
    });
  }

  for (const text of MUST_NOT_FLAG) {
    it(`does not flag ${JSON.stringify(text)}`, () => {
      assert.deepEqual(profanity(text).map((f) => `${f.rule}:${f.text}`), []);
    });
  }

  it('reports swearing aimed at someone as one high finding, not also the bare word', () => {
    const found = profanity('Go fuck yourself.');
    assert.deepEqual(found.map((f) => `${f.rule}:${f.severity}:${f.text}`), ['directed-f-word:high:Go fuck yourself']);
  });

  it('keeps mild swearing at inform and strong swearing at warn under the default policy', () => {
    assert.equal(profanity('Damn, that was close.')[0]!.action, 'inform');
    assert.equal(profanity('Where is the damn projector remote?')[0]!.action, 'inform');
    assert.equal(profanity('Damn him and his reply-all habit.')[0]!.action, 'warn');
    // a search phrase cited is not an oath: only the mild word informs
    assert.deepEqual(profanity('Searching for "go to hell" used to land on a vendor\'s home page.').map((f) => `${f.rule}:${f.action}`), ['hell:inform']);
    // surprise, not an oath at the reader
    assert.deepEqual(profanity("I'll be damned, you finished the audit early.").map((f) => `${f.rule}:${f.action}`), ['damn:inform']);
    assert.equal(profanity('That was fucking close.')[0]!.action, 'warn');
  });

  it('ignores swearing that only appears in a quoted reply', () => {
    const draft = 'Thanks, will fix.\n\nOn Mon, 3 Mar 2025, Pat wrote:\n> this is bullshit';
    assert.deepEqual(profanity(draft), []);
  });

  // Masked forms whose letters fit several listed words ("f***" is also "fire" for another
  // lexicon): the engine follows every word a masked token fits.
  for (const text of ['f*** it, we ship', "it's f***ed", 'f***ing mess', 'that sh*t again', 'you b*tch']) {
    it(`flags the masked form ${JSON.stringify(text)}`, () => {
      assert.ok(profanity(text).length > 0);
    });
  }
});
