import { strict as assert } from 'node:assert';
import { createClassifier } from '../../src/classifier/index.js';
import type { Finding } from '../../src/classifier/index.js';
import { learnedWarnings, ruleFindings } from './learned-share.js';

/**
 * The shipped insult lexicon (lexicons/en/insult.yml) through the real engine.
 * Rows are [draft, expected rule]. Only insult findings are looked at.
 */
const classifier = createClassifier();

function insults(text: string): Finding[] {
  const found = ruleFindings(classifier.classify(text).findings.filter((f) => f.category === 'insult'));
  for (const f of found) assert.equal(text.slice(f.start, f.end), f.text, `offsets of ${f.rule} in ${JSON.stringify(text)}`);
  return found;
}

const MUST_FLAG: Array<[string, string]> = [
  ['Honestly, a trained monkey could do your job.', 'incompetent-person'],
  ['A chimp with a label maker would do better.', 'incompetent-person'],
  ['A first-week trainee would have spotted this.', 'incompetent-person'],
  ['A schoolkid would be embarrassed to hand this in.', 'incompetent-person'],
  ['Did we outsource it to a monkey?', 'incompetent-person'],
  ['Whoever built this report should not be allowed near a spreadsheet.', 'incompetent-person'],
  ["She's the laziest analyst I have ever managed.", 'incompetent-person'],
  ['He can barely work a photocopier.', 'incompetent-person'],
  ['No idea how he got promoted.', 'incompetent-person'],
  ['Their buyer is a bottomless pit of stupidity.', 'incompetent-person'],
  ['Who approved this layout, a toddler?', 'incompetent-person'],
  ['Nobody with half a brain sends the deck unchecked.', 'incompetent-person'],
  ["Honestly the man's a passenger.", 'incompetent-person'],
  ["My niece draws better floor plans and she's seven.", 'incompetent-person'],
  ['Explain the VAT return to him slowly and with pictures.', 'incompetent-person'],
  ['The pivot table is clearly beyond her.', 'incompetent-person'],
  ['Did you hire him straight out of a cereal box?', 'incompetent-person'],
  ['Her Excel skills peaked at merging cells.', 'incompetent-person'],
  ['He is about as sharp as a beach ball.', 'stupid-person'],
  ['Seriously, what planet is Gavin on?', 'stupid-person'],
  ['The new account manager has zero common sense.', 'stupid-person'],
  ['Is he genuinely thick or just pretending?', 'stupid-person'],
  ['Honestly, Gavin is a complete plank.', 'person-is-label'],
  ['What a chump, he signed it without reading.', 'person-label'],
  ["Their new surveyor isn't exactly bright, so check every figure.", 'idiot'],
  ['Mia is not very intelligent and the client has noticed.', 'idiot'],
  ['The apprentice is a bit dim, to be honest.', 'stupid-person'],
  ['Tell that grubby little weasel in procurement to stop ringing me.', 'person-label'],
  ['Honestly, the new planner is a total weirdo.', 'person-is-label'],
  ['Lovely guy, not one working brain cell.', 'stupid-person'],
  ['He has the attention span of a gnat.', 'stupid-person'],
  ['I honestly wonder how she ever qualified.', 'stupid-person'],
  ["I'm lowering my expectations of you for next quarter.", 'stupid-person'],
  ["I won't take budget advice from a glorified typist.", 'stupid-person'],
  ['Tell that little toerag in dispatch to answer his phone.', 'vulgar-name'],
  ['Some asshat blocked the loading bay again.', 'vulgar-name'],
  ['The objector has written again. Sad little man, nothing better to do.', 'person-label'],
  // contempt by comparison
  ['I swear he got his engineering degree out of a Christmas cracker.', 'stupid-person'],
  ['This spec reads like a toddler wrote it.', 'stupid-person'],
  ['Honestly I get more sense out of the photocopier than from you.', 'stupid-person'],
  ['She has never had an original idea in ten years here.', 'stupid-person'],
  ['Briefing Carl is like explaining tax to a goldfish.', 'stupid-person'],
  ['Tell the grumpy old git in stores to answer his phone.', 'stupid-person'],
  // "can't believe" is disbelief, not a denial of what follows
  ["Can't believe that dickhead in procurement signed it.", 'vulgar-name'],
  // ranked below things, and other long-way-round put-downs
  ['Honestly a wet sponge would retain more of the brief than Gary.', 'stupid-person'],
  ['You get more sense out of the vending machine than the new analyst.', 'stupid-person'],
  ["I'd trust the stapler to chair that meeting over Neil.", 'stupid-person'],
  ["She's a few sandwiches short of a buffet, check everything she files.", 'stupid-person'],
  ['Someone get the man a colouring book.', 'stupid-person'],
  ["It's the one job he can't screw up.", 'stupid-person'],
  ['Arguing with someone that dense is a waste of my afternoon.', 'stupid-person'],
  ['Not sure our producer could find the set with a map and a torch.', 'incompetent-person'],
  ['Our client rang again, the attention span of a gnat.', 'stupid-person'],
  ['Frankly the man is a waste of a uniform.', 'incompetent-person'],
  ['Too busy admiring himself in the lift mirror, pompous little man.', 'person-label'],
  ['Tell that prick from accounts to call me.', 'vulgar-name'],
  // a faculty compared with a thing, a jumped-up or walking label, and the long way round
  ['The new buyer has the commercial instincts of a wet sponge.', 'incompetent-person'],
  ["Don't bother with Clive, he's a jumped-up shelf stacker with a clipboard.", 'incompetent-person'],
  ['Our project sponsor is a walking red flag.', 'incompetent-person'],
  ["Terry couldn't read a rota to save his life.", 'incompetent-person'],
  ["She wouldn't find the fire exit if it was taped to her forehead.", 'incompetent-person'],
  ['Honestly the new planner is a complete waste of a desk.', 'incompetent-person'],
  ['Tell Rory he is a drongo and I said so.', 'person-is-label'],
  ['Honestly, Kevin is a nobody in that team.', 'person-is-label'],
  ['Honestly, Priyanka is a dummy when it comes to budgets.', 'person-is-label'],
  // a compound with a pet or a machine word is still a person
  ['The dog walker is a lunatic.', 'person-label'],
  ['Our van driver is a total idiot.', 'idiot'],
  ['The printer guy in dispatch is a complete idiot.', 'idiot'],
  ['The contractors we hired are a bunch of amateurs.', 'person-label'],
  ['Anyone who signs this off is a moron.', 'idiot'],
  ['Your brother in accounts is a total muppet.', 'person-label'],
  ['Their sales team is useless at closing anything.', 'incompetent-person'],
  ['I told him he was useless.', 'incompetent-person'],
  ['In other words, idiots wrote this spec.', 'idiot'],
  ['The client is an idiot.', 'directed-name-calling'],
  ['Honestly, you moron, read the brief.', 'directed-name-calling'],
  ['Marcus is a complete imbecile.', 'directed-name-calling'],
  ['The new VP is a buffoon.', 'idiot'],
  ['Some halfwit in legal rejected it.', 'idiot'],
  ['She is a minimally talented spoiled brat.', 'incompetent-person'],
  ['She is a minimally talented spoiled brat.', 'spoiled-brat'],
  ['Frankly he is a clown.', 'person-is-label'],
  ['What a loser.', 'person-label'],
  ['The partners are a bunch of amateurs.', 'person-label'],
  ['Jenkins is so lazy.', 'incompetent-person'],
  ['The contractor is completely incompetent.', 'incompetent-person'],
  ['He has no idea what he is doing.', 'incompetent-person'],
  ["She doesn't know what she's talking about.", 'incompetent-person'],
  ["He couldn't organise a piss-up in a brewery.", 'incompetent-person'],
  ['He is a total waste of space.', 'person-is-label'],
  ['A first-year analyst could have caught this.', 'incompetent-person'],
  ['Sometimes I wonder what exactly you do all day.', 'incompetent-person'],
  ['The lead actor has the range of a parking cone.', 'incompetent-person'],
  ['Honestly, an intellectual lightweight.', 'incompetent-person'],
  ['Our new designer is talentless.', 'incompetent-person'],
  ['Honestly he is dead weight.', 'incompetent-person'],
  ['Not the sharpest tool in the shed, our new hire.', 'idiot'],
  ['The candidate was dim as a 20-watt bulb.', 'stupid-person'],
  ['He is dumb as a box of rocks.', 'stupid-person'],
  ['Frankly, she is clueless.', 'stupid-person'],
  ['Stop acting like a spoiled child.', 'spoiled-brat'],
  ['He threw another tantrum in the meeting.', 'spoiled-brat'],
  ['She has gotten so fat since the summer.', 'appearance'],
  ['Tell that fat slob to clean his desk.', 'appearance'],
  ['Clients from hell, every one of them.', 'snide-client'],
  ['The clients are morons, just bill them.', 'directed-name-calling'],
  ['Our customers are such cheapskates.', 'snide-client'],
  ['He is being an asshole about the invoice.', 'vulgar-name'],
  ['That a-hole from the lender called again.', 'vulgar-name'],
  ['Pompous windbag, as always.', 'incompetent-person'],
  ['The genius in procurement ordered the wrong hinges.', 'incompetent-person'],
  ['Honestly, the keynote speaker is a has-been.', 'person-label'],
  ['The panel was a bunch of washed-up has-beens.', 'person-label'],
  ['What a jerk.', 'person-label'],
  ['He is a real ass about expense reports.', 'vulgar-name'],
  ['The idiots in sales signed off.', 'idiot'],
  ['What a fat cow she is.', 'appearance'],
  // groups, comparisons and whoever: constructions, not listed jokes
  ['You lot are utterly clueless.', 'stupid-person'],
  ['The analysts over in Madrid are useless.', 'incompetent-person'],
  ['Payroll are completely hopeless.', 'incompetent-person'],
  ['Their whole department is a complete shambles.', 'incompetent-person'],
  ['The contractors are a pack of chancers.', 'person-label'],
  ['She has the attention span of a gnat.', 'stupid-person'],
  ['He is about as helpful as a wet weekend.', 'incompetent-person'],
  ['Whoever built this report must be brain-dead.', 'stupid-person'],
  ["That vendor couldn't code his way out of a wet paper bag.", 'incompetent-person'],
  // obfuscated ('*': any insult rule; the engine keeps the widest finding)
  ['The client is an ID10T.', 'directed-name-calling'],
  ['Some m.o.r.o.n changed it', '*'],
  ['Some m0r0n changed it', '*'],
  ['Some idiooooot changed it', '*'],
  ['Some \u0456d\u0456\u043Et changed it', '*'], // Cyrillic i and o
  ['Some id\u200Biot changed it', '*'], // zero-width space inside
  ['Some IDIOT changed it', '*'],
  ['The landlord is a greedy slug.', 'person-is-label'],
  ['Move over, you greedy slug.', 'person-label'],
  ['That pharmacist is a dozy cow.', 'person-label'],
  ['What a smug little weasel.', 'person-label'],
  ['Tom in finance is a dead loss.', 'person-is-label'],
  ['Our receptionist is a bit of an airhead.', 'person-label'],
  ['The auditor is clueless.', 'stupid-person'],
  ['Honestly she is a bean-counter with no vision.', 'person-label'],
  ["He's about as much use as a chocolate kettle.", 'incompetent-person'],
  ["He's as sharp as a marble.", 'stupid-person'],
  // Reported words are someone else's; the writer's own calling is not reported speech.
  ['Frankly I would call him an idiot.', 'idiot'],
  ['I called him a moron and I stand by it.', 'idiot'],
  // 'who' is not a reporter: the writer is calling the author an idiot.
  ['The person who wrote that is an idiot.', 'idiot'],
  ['The person who posted that is an idiot.', 'idiot'],
  ['im sure some moron changed the config', 'idiot'],
  // comparisons and competence put-downs as constructions
  ['She negotiates like a sulky teenager.', 'spoiled-brat'],
  ['He argues like a ten-year-old.', 'spoiled-brat'],
  ["He wouldn't recognise a good idea if it bit him.", 'incompetent-person'],
  ["She couldn't run a lemonade stand.", 'incompetent-person'],
  ["Our account lead couldn't string two words together.", 'incompetent-person'],
  ['He has the emotional intelligence of a brick.', 'incompetent-person'],
  ['A trained chimp would make better decisions than the board.', 'incompetent-person'],
  ['She is an overpaid typist.', 'incompetent-person'],
  ['The self-styled expert in marketing got it wrong again.', 'incompetent-person'],
  ['The plank in accounts sent it twice.', 'incompetent-person'],
  ['That intern dresses like a scarecrow.', 'appearance'],
  ['He has the social skills of a cactus.', 'incompetent-person'],
  ["She wouldn't know a debit from a credit.", 'incompetent-person'],
  ['Is he dense or something?', 'stupid-person'],
  ['Our new director is an empty suit.', 'person-label'],
  ['That smug little man cancelled again.', 'person-label'],
  ['The brainiac in legal lost the contract.', 'incompetent-person'],
  ['He is a slippery little toad.', 'person-label'],
  ['What a petty little nobody.', 'person-label'],
  ['Smooth move, Einstein, the whole floor got the email.', 'incompetent-person'],
  ['Thanks for nothing, hotshot.', 'incompetent-person'],
  ["You're a joke of a dispatcher, Ned.", 'person-label'],
  ['Who put that muppet in charge of the rota?', 'person-label'],
  ['The marketing clowns promised next-day delivery again.', 'person-label'],
  ['His rota is a mess and so is he.', 'incompetent-person'],
  ["Lovely man, but there's nothing going on upstairs.", 'incompetent-person'],
  ['Honestly, Bram is the weakest link.', 'incompetent-person'],
  ["She's not the brightest spark on the floor.", 'idiot'],
  ['He is the dimmest bulb in accounts.', 'idiot'],
  ['You absolute weasel, you sold my shift.', 'directed-name-calling'],
  ['Our so-called project manager lost the plans.', 'incompetent-person'],
  ['Nice work, Sherlock, we got there an hour ago.', 'incompetent-person'],
  ['Ask our resident genius, he broke it.', 'incompetent-person'],
  ['A trained pigeon could sort the post faster.', 'incompetent-person'],
  ['He is the most useless site manager we have had.', 'incompetent-person'],
  ['youre an idiot and everyone knows it', 'directed-name-calling'],
  // self-mockery is 'I'm such an idiot', not any moron after 'I'm'
  ["I'm sure some moron changed the config.", 'idiot'],
  // a machine beside a person does not excuse the person
  ['The guy who fixed the printer on the second floor is a complete idiot.', 'idiot'],
  ['Our new coordinator has the attention span of a gnat.', 'stupid-person'],
  ['The new team lead has the decision-making of a shopping trolley.', 'incompetent-person'],
  ['Honestly the buyer has the musical taste of a ringtone.', 'incompetent-person'],
  ['That supplier rep is a walking paper jam.', 'incompetent-person'],
  ['Our new area manager is a glorified paperweight.', 'person-is-label'],
  ["I've met parking meters with more charm than him.", 'incompetent-person'],
  ["Honestly the rep couldn't sell ice in the Arctic in July.", 'incompetent-person'],
  ["She couldn't find the loading bay with a map and a guide.", 'incompetent-person'],
  ['Whoever priced this has the financial literacy of a goldfish.', 'incompetent-person'],
  ["I've met traffic cones with better judgement than our area lead.", 'incompetent-person'],
  ['A five-year-old with a glue stick would have made a better poster.', 'incompetent-person'],
  ['The new buyer is about as sharp as a sack of spanners.', 'incompetent-person'],
  ['He drafts contracts like a parrot with a concussion.', 'incompetent-person'],
  ['Remind me why we kept the nepo-hire on the pitch team.', 'idiot'],
];

const MUST_NOT_FLAG: string[] = [
  // the same shapes, harmless
  'A first-week trainee would have caught this if the checklist had listed it, so let us add it.',
  'Children should not be allowed near the cleaning cupboard.',
  'No idea how he got to the airport so fast.',
  'The new booking system in Leeds is pretty much idiot-proof.',
  "He's a passenger on the 8:15 to Leeds, so he will be late.",
  "I'll pour the water over his head at the charity dunk tank.",
  'The tax question is clearly beyond the scope of this review.',
  'Any intern could do this job with the new template, which is the point of it.',
  'He has no clue where the spare key is, can you show him?',
  'What planet is the rover on now, Mars or the Moon?',
  'The raffle prize is a mug and a tea towel.',
  'The footbridge is a plank over the ditch, so wear boots.',
  "I'm a bit of a weirdo about colour-coded spreadsheets.",
  "I'm such a bit of a muppet with the new till.",
  'Jon is not very clever with passwords, so set him up with the manager app.',
  'The stairwell is not very bright after six; facilities are on it.',
  'The portal is a glorified spreadsheet, but it works.',
  'The brain of a bee has about a million neurons.',
  'Her expectations of the new system are high.',
  'Bring the old bat and pads for the staff cricket match.',
  'Her degree is from a small college out of state.',
  'It reads like a child could follow it, which is the point of a safety card.',
  "The office guinea pig got out again. He's thick as two planks but a genius at escaping.",
  'CI is being a drama queen today, everything times out.',
  'The label printer by the door is a useless piece of junk, it jammed again.',
  // things, pets and teams short of something
  "We're a few chairs short of a full room, can you grab two from the kitchen?",
  'A new printer would do more for the team than another meeting.',
  'Our rescue kitten has the attention span of a goldfish.',
  'I could not find the site office with the sat nav, so I rang ahead.',
  // machines and disbelief, not people
  'The card reader by the back door is a piece of shit, it ate my badge again.',
  'The sat-nav in the pool car is a total idiot, it sent me round the ring road twice.',
  'Out sick on the day of the match? Sick my arse.',
  // tools and things, and a compliment
  "It's a glorified spreadsheet, but it does the job.",
  'The old booking app is a walking disaster, so we are replacing it in May.',
  'Mina is a walking encyclopedia on tax law, ask her first.',
  "I couldn't draw to save my life, so I've asked the design team.",
  // 'nobody' as a pronoun, not the label 'a nobody'
  'She\'s asked that nobody touches the display case.',
  'Sorry all, I\'m the idiot who booked the wrong room.',
  'The flat on Mill Lane was a nightmare to show, the tenants were out.',
  // test material and a pudding, not people
  'The demo tenant is seeded with dummy records for the walkthrough.',
  'Dessert on Wednesday is spotted dick and custard.',
  "The rescue pup we're fostering is a complete clown, he chewed his lead in half.",
  // praise in the same shapes
  'She has the patience of a saint and the focus of a surgeon.',
  'He is a potato farmer from Lincolnshire and supplies two of our sites.',
  "I've seen teams with more budget than us miss the deadline.",
  "We couldn't find the site with the map they sent, so we were late.",
  'She is as sharp as a tack and as bright as a button.',
  'I feel like a zombie with a hangover after the offsite.',
  'My kid would do better with a tutor, so we hired one.',
  "I've met teams with better tooling, but none with better people.",
  'Our auditor is a walking encyclopedia of lease accounting.',
  "The office is a walking distance from the station, and it's a walking tour after lunch.",
  // someone else's words, quoted and reported (low: shown, but no prompt at send)
  'A caller shouted "you brainless idiot" at our receptionist and hung up; I have logged it.',
  'The reviewer wrote “what a pompous idiot the narrator is” and gave it two stars.',
  // a pet or a machine, not a person
  'Our sheepdog Bess is a total diva about the rain, so I will be late.',
  "Mum's dog is a lunatic, he dug up the whole herb bed overnight.",
  'My spaniel is as thick as two short planks and ate a tennis ball.',
  'The forklift charger is dumb as a rock, it never knows when the battery is full.',
  'The label printer in dispatch is a complete idiot today, use the spare one.',
  'The meter in the basement is an absolute moron, it reads zero all night.',
  'The card reader at reception is being a total idiot again.',
  'The kiosk scanner by reception is dumb as a brick this morning.',
  'Excel is being a complete moron with these date formats.',
  'The office printer has the brains of a teaspoon, it jams on every envelope.',
  'Our rescue puppy has the attention span of a gnat but she is a delight.',
  "Let's strangle scope creep before it starts.",
  'We look like a bunch of amateurs with that typo on the banner.',
  'A guest wrote in her review that the waiter was a moron.',
  // banter about family, pets and games; reported words of a third party; self-mockery
  'My brother is a total muppet at darts, he missed the board twice.',
  'Our cat is an absolute idiot, she chewed the charger.',
  'Our lot are hopeless at the pub quiz but we had a laugh.',
  'A parent complained that the coach told her son he was useless.',
  'Customers keep calling the chatbot an idiot in the comments.',
  'Total numpty moment from me, wrong attachment again.',
  "It was a complete shambles at the airport, my flight was cancelled twice.",
  "She has the memory of an elephant, ask her about the 2019 contract.",
  // a word cited, not used at anyone
  "The picket signs carried the word 'Moron' over the company logo.",
  'Old style guides call the term "nincompoop" dated.',
  'Googling "talentless hack" brought up a music blog.',
  'We need an idiot-proof setup for the kiosk.',
  'The installer is foolproof.',
  'This draft needs work before it goes to the client.',
  'The numbers in slide 4 are wrong; please fix them.',
  'He told a joke at lunch and everyone laughed.',
  'This tool is useless for our use case.',
  'Sorry, I was an idiot and forgot the attachment.',
  "I'm such an idiot, I sent the wrong file.",
  'That makes us look stupid in front of the board.',
  'The report is a joke of a document, honestly.',
  'Lazy loading is enabled for the image gallery.',
  'The patient is brain dead; the family has been informed.',
  'Please do not feed the clown fish in the lobby tank.',
  'We hired a clown for the kids party.',
  'A fat-finger error caused the trade break.',
  'The dummy variable is set to zero.',
  'Run git pull before you merge.',
  'He is not an idiot, he was just rushed.',
  'Bratwurst and brats on the grill at the team BBQ.',
  'The finger prick test is scheduled for 9am.',
  'Scope creep is the main risk on this project.',
  'Our gross margin improved.',
  'The amateur photographers club meets on Tuesday.',
  'Chaucer was an advanced amateur astronomer.',
  // "has been" is a verb, not the noun "has-been"
  'A parcel for you has been held at reception.',
  "Kim's main focus has been the Asia accounts.",
  'The server is patched and has been restarted.',
  "The team's budget has been approved.",
  'It is has been a long quarter.',
  'Plan A has been approved by finance.',
  // self-deprecation, idioms, slang intensifiers, body parts
  'What a jerk I was to miss your talk.',
  'History is full of useful idiots.',
  'A kick-ass demo from the design team.',
  'Those are ugly ass chairs in the lobby.',
  'We got an ass-kicking from the auditors.',
  "The dog's ass was shaved by the vet.",
  "Oh well, life's a bitch.",
  'Olive oil is rich in fatty acids.',
  "It ain't over till the fat lady sings.",
  'Terraform is a tool for provisioning.',
  'The analysts over in Madrid are brilliant.',
  'The engineers are not useless, they were understaffed.',
  'Our customers are spoiled for choice this season.',
  'This laptop has the memory of a phone from 2010.',
  'Whoever wrote this report did a careful job.',
  'Customers say these features are useless for them.',
  'History is full of useful idiots.',
  'The museum is full of dinosaurs.',
  'Witness says the manager called him a useless lump in front of staff.',
  'The customer alleged that our driver was a lazy pig.',
  'We were total muppets about the deadline, sorry.',
  'The old boiler is a useless lump of metal.',
  'I was a smug little weasel at school, sorry.',
  'The handbook lists names such as idiot, moron and worse as examples of abusive language.',
  "In the training video one actor tells the other 'you are useless' and the group discusses it.",
  "Our dignity policy bans name-calling such as 'moron', and shouting.",
  // self-deprecation typed without the apostrophe
  'im such an idiot, the invite went to the wrong list',
  'He slept like a baby after the launch.',
  "I wouldn't know if it arrived, I was out.",
  "We can't string the lights together without an adapter.",
  'I am such a lazy slob on weekends.',
  'She talked like a seasoned diplomat.',
  "He's like a kid in a candy store with the new servers.",
  'He has the manners of a perfect gentleman.',
  'She is as sharp as a tack.',
  'The new lead has more brain cells than all of us put together!',
  'The petty cash box is in the safe.',
  'A sad little dog was found in the car park.',
  'Great job, genius! The client loved the pitch.',
  "There's nothing genius about it, just hard work.",
  'The joke at the start of the talk landed well.',
  'The first draft is rough, but so is every first draft.',
  "There's a lot going on upstairs: the movers are in.",
  'The weakest link in the process is the manual upload.',
  'The clown for the family day is booked for 2pm.',
  'Who booked that clown for the party? The kids loved him.',
  'We need the sharpest knife in the kitchen for this.',
  'Please tell the sales team upstairs the printer is fixed.',
  'You lot are a menace at the pub quiz, well played.',
];

describe('lexicon: insult', () => {
  for (const [text, rule] of MUST_FLAG) {
    it(`flags ${JSON.stringify(text)} as insult/${rule}`, () => {
      const found = insults(text);
      const hit = found.find((f) => rule === '*' || f.rule === rule);
      assert.ok(hit, `expected insult/${rule}, got ${JSON.stringify(found.map((f) => `${f.rule}:${f.text}`))}`);
      assert.notEqual(hit.action, 'inform', 'a belittling remark should reach the send check');
    });
  }

  for (const text of MUST_NOT_FLAG) {
    it(`does not warn on ${JSON.stringify(text)}`, () => {
      const warned = insults(text).filter((f) => f.action !== 'inform');
      assert.deepEqual(warned.map((f) => `${f.rule}:${f.text}`), []);
    });
  }

  it('the learned scorer warns on at most 5 of the innocent sentences above', () => {
    // Insult became a scored category at 0.85 (scripts/train-model.ts THRESHOLDS). These one-line
    // look-alikes were written against the rules ("the brain of a bee", "a joke of a document");
    // on 1,320 held-out mails the scorer found 12 more insults for 1 false alarm more.
    const warned = learnedWarnings(classifier, MUST_NOT_FLAG, 'insult');
    assert.ok(warned.length <= 5, `${warned.length}: ${warned.join(' | ')}`);
  });

  it('rates name-calling aimed at the reader or a named person higher than the bare word', () => {
    const bare = insults('Some idiot changed the config.').find((f) => f.rule === 'idiot');
    const aimed = insults('You idiot, you changed the config.').find((f) => f.rule === 'directed-name-calling');
    assert.equal(bare?.severity, 'medium');
    assert.equal(aimed?.severity, 'high');
  });

  it('lowers a denied insult to inform', () => {
    const found = insults('I would never call anyone an idiot.');
    assert.ok(found.length > 0);
    for (const f of found) assert.equal(f.action, 'inform');
  });

  it('does not report insults that only appear in the quoted original', () => {
    const draft = 'Noted, I will call them.\n\n-----Original Message-----\nFrom: Sam\nThe client is an idiot.';
    assert.deepEqual(insults(draft), []);
  });
});
