import { strict as assert } from 'node:assert';
import { createClassifier } from '../../src/classifier/index.js';
import type { Finding } from '../../src/classifier/index.js';
import { learnedWarnings, ruleFindings } from './learned-share.js';

/**
 * The shipped identity lexicon (lexicons/en/identity.yml) through the real engine.
 * Slur rows are built from parts so the test file does not read as a list of slurs.
 */
const classifier = createClassifier();

function identity(text: string): Finding[] {
  const found = ruleFindings(classifier.classify(text).findings.filter((f) => f.category === 'identity'));
  for (const f of found) assert.equal(text.slice(f.start, f.end), f.text, `offsets of ${f.rule} in ${JSON.stringify(text)}`);
  return found;
}

const MUST_FLAG: Array<[string, string]> = [
  ["Put Wei on the numbers, she's Chinese so she'll be brilliant at it.", 'group-stereotype'],
  ['Ask the Indian guys, they love working weekends.', 'group-stereotype'],
  ['Get the Romanian lads in, they will work for peanuts.', 'group-stereotype'],
  ['The Polish lads will do it cheap.', 'group-stereotype'],
  ['He probably loved that film, being black and all.', 'group-stereotype'],
  // the group as the reason for a failing, and a joke's tag after a group
  ['That Greek contractor is late again, like the rest of them.', 'group-stereotype'],
  ['Of course she got lost in the spreadsheet. Women and numbers, am I right?', 'group-stereotype'],
  // the money trope, jokes with a trade in between
  ['Give the vendor call to Levi, Jewish guys know how to haggle.', 'national-origin'],
  ['Save a few Irish builder jokes for the quiz night.', 'national-origin'],
  // sexuality guessed at, inclusion mocked
  ['Nice shoes on the new analyst, I think we know which way he swings.', 'coded-remark'],
  ['Is the new receptionist gay or something?', 'coded-remark'],
  ['Skip the pronoun nonsense in the onboarding deck.', 'coded-remark'],
  // the older ones told to make way, or to be beyond learning
  ['Once the dinosaurs in finance retire we can finally go paperless.', 'age-remark'],
  ["The older generation just don't get hybrid working.", 'age-remark'],
  // a decision on the name's origin
  ['Reject any applicants with a Pakistani name for the branch job.', 'decision-on-trait'],
  ['Come on, be a real man and stop moaning about the cold.', 'group-stereotype'],
  ['Older people just cannot use computers, so skip them for the pilot.', 'group-stereotype'],
  ['Women should not be on building sites, it is too rough.', 'group-stereotype'],
  ["His accent will put customers off, give the calls to someone else.", 'national-origin'],
  ['We want a younger face for the relaunch campaign.', 'age-remark'],
  ['Give the rota job to the Polish lad in stores, they are all great with logistics.', 'group-stereotype'],
  ["Typical. You Americans always love a lawsuit.", 'group-stereotype'],
  ["Don't bother with a late slot for Amir, he'll be off praying again.", 'group-stereotype'],
  ['He is moody again today, must be her time of the month, says Jo.', 'gendered-slur'],
  ['Shortlist candidates ideally under 35 for the field sales role.', 'age-remark'],
  ['Honestly, at his age he is unlikely to ever learn the new system.', 'age-remark'],
  ['Anybody over 50 simply cannot adapt to agile, so skip them.', 'age-remark'],
  // masked, in a way that fits no commonly masked swear word
  ['Tell that sl*t from marketing to stop copying me in.', 'gendered-slur'],
  // a reason for the decision is no excuse: complaints feared, a support role, what clients assume
  ["Keep Amira off the front desk, the headscarf puts some guests off and we don't need the complaints.", 'decision-on-trait'],
  ["He's autistic, so let's move him to the support desk where clients won't see him.", 'decision-on-trait'],
  ['Last two hires went on maternity leave. Can we go for a bloke this time?', 'hiring-by-group'],
  // left out of what the others do, beside the trait
  ["Ravi phoned back. He's deaf, and the client lunch is at a noisy place. Let's go without him this time.", 'decision-on-trait'],
  ["Are you autistic or something? Read the ticket before you reply.", 'ableist-slur'],
  // a wink for the unspoken reason, beside a decision
  ["Strong CV, but he's not really one of us, if you know what I mean. Let's go with the other one.", 'decision-on-trait'],
  ['Find out which foot he kicks with before we put him forward to Dromore Steel.', 'decision-on-trait'],
  ['We want someone like us on reception, so give the post to the second applicant.', 'decision-on-trait'],
  // traits in words the older lists lacked
  ["He's quite obviously gay, so keep him off the school visits.", 'hiring-by-group'],
  ['She has the bipolar thing, so don\'t give her the quarter-end close.', 'decision-on-trait'],
  ['Omar turns 62 in March; let\'s not renew his contract and call it a restructure.', 'decision-on-trait'],
  ['Bin anyone who graduated before 1990, we need some energy in the branch.', 'decision-on-trait'],
  ['Keep the over 60s off the night rota, we need people who can keep up.', 'decision-on-trait'],
  ['The surname is Nigerian, so run the extra checks on her references.', 'decision-on-trait'],
  ['Put him on the back desk, that accent will put people off.', 'decision-on-trait'],
  ['Yusuf wears the turban, so I have taken him off the front-of-house list.', 'decision-on-trait'],
  ['Can we steer the Roma family towards the other estate?', 'decision-on-trait'],
  // gender, said outright
  ['The crew listens better to a man, so let Darren chair the site meeting.', 'gender-stereotype'],
  ['Great, more women telling us how to run a warehouse.', 'gender-stereotype'],
  ['Ask whether she is planning a family before we offer the secondment.', 'gender-stereotype'],
  ["The client is not going to take a girl seriously on the plant tour.", 'gender-stereotype'],
  // an adjustment refused, beside a decision against the person
  ["Great interview, but she uses a wheelchair and I'm not fighting estates for a ramp. Let's offer it to the second candidate.", 'refused-adjustment'],
  ['A signer for every team meeting is silly money. Give him the printed notes, he will manage.', 'refused-adjustment'],
  // who may apply, said outright
  ['The client has asked for no more Somali carers on the Eastside contract.', 'hiring-by-group'],
  ['For the depot role we want male applicants only, please.', 'hiring-by-group'],
  ['From Monday, only UK-trained staff on the triage line.', 'hiring-by-group'],
  // ages, pregnancy and looks beside a decision
  ['With her being over 55, is it worth the course? Put one of the young lads on it instead.', 'decision-on-trait'],
  ["Now that Tessa's expecting, let's go with Omar for the lead.", 'decision-on-trait'],
  ["She's due in June, so give the audit to Priya.", 'decision-on-trait'],
  ['Honestly he is a 68 year old who still prints his email, stick him on the newsletter.', 'decision-on-trait'],
  ["They want a white guy in a suit across the table. Send Mark.", 'decision-on-trait'],
  ['She is in a chair and the site is all stairs, just tell her the role has been filled.', 'decision-on-trait'],
  // gender and faith given as the reason, in words the older lists lacked
  ["Give the supplier talks to Dev, the buyers there won't take a woman seriously.", 'gender-stereotype'],
  ['Let Tom do the haggling, women just don\'t negotiate the same way.', 'group-stereotype'],
  ["Nice of Carla to offer, but she got engaged last month, so she'll be off on maternity before the launch.", 'gender-stereotype'],
  ['Add a day to the Peruvian visit, they will be late, it is a Latin thing.', 'group-stereotype'],
  ['You know how Greek families are, the whole street will come to the viewing.', 'group-stereotype'],
  ["The landlords are Jewish so they'll haggle over every line.", 'group-stereotype'],
  ['His dyslexia is a very handy excuse for the typos.', 'group-stereotype'],
  ["The intern we got from the diversity scheme can't write a memo.", 'group-stereotype'],
  // a trait beside a decision, both in new words
  ["Keep the autistic analyst off the client calls, he'll say something odd.", 'decision-on-trait'],
  ["Make sure the Muslim lad isn't on the Christmas rota, it'll just be awkward.", 'decision-on-trait'],
  ["Dina is just back from her honeymoon and we all know what comes next. Give the Berlin role to Mark.", 'decision-on-trait'],
  ['The new sales candidate is 59. I am leaning towards the younger one.', 'decision-on-trait'],
  ['We need someone for the night shoots, so probably not a mum.', 'decision-on-trait'],
  ['Could we seat the man with the guide dog by the kitchen door so the others are not bothered?', 'decision-on-trait'],
  // a group's supposed habits given as the reason for a staffing or service call
  ['Put the Ghanaian lads on the loading bay, they are used to the heat.', 'group-stereotype'],
  ["Give the Latvian temps the freezer shifts, they won't complain.", 'decision-on-trait'],
  ['Keep an extra eye on the Somali girls when they come into the shop.', 'decision-on-trait'],
  ['Can we stop giving the Travellers the riverside pitches? Tell them we are fully booked.', 'decision-on-trait'],
  ['Great shoot, but maybe lose the hijab on the second model, it might look odd to the Texas buyers.', 'decision-on-trait'],
  ['The new girl on logistics is fine but I would rather a bloke does the depot visits.', 'decision-on-trait'],
  // sweeping statements in other words
  ['Honestly, what you would expect from that lot: late again and no apology.', 'group-stereotype'],
  ['Typical of the Kurdish families on that road, the bins are out every day.', 'group-stereotype'],
  ['Honestly, Turkish drivers never check the tyre pressures.', 'group-stereotype'],
  ['Those tenants live like animals, no wonder the damp is back.', 'group-stereotype'],
  // a trait beside a staffing or service decision, in either order, in the same paragraph
  ["Marta mentioned she's pregnant again. Let's give the Leeds launch to Owen instead.", 'decision-on-trait'],
  ['Put the Bristol audit with Callum. Nadia is back from maternity in March and her focus will be elsewhere.', 'decision-on-trait'],
  ["Brian is back on Monday. He's 64 now, so give the new CRM rollout to someone younger.", 'decision-on-trait'],
  ['The Hadley site needs someone steady. Kemal wears a turban and the client is old-school, so give the Hadley site to Rhys.', 'decision-on-trait'],
  ['Let\'s avoid the Somali families on the Eastgate list, they rarely renew anyway.', 'decision-on-trait'],
  ['Her accent is really thick. Not sure about her for the phone queue, can we offer it to someone else?', 'decision-on-trait'],
  ["anyone past 55 just mark them as not a fit, we need energy on this team", 'decision-on-trait'],
  ['We should have a bloke on the loading bay, the customers take it better. Swap Jess to the tills.', 'decision-on-trait'],
  ["He's openly gay and the Gulf client is old-fashioned, so let's not send him on the Doha trip.", 'decision-on-trait'],
  ["She's expecting again, so let's replace her on the Harlow bid.", 'decision-on-trait'],
  ['Parents with toddlers are never in before nine, hold off on the offer to Dana.', 'decision-on-trait'],
  // a group's manners said to be in the blood, or "a cultural thing"
  ["They're late to every site meeting, it's a cultural thing with that crew.", 'group-stereotype'],
  ["Haggling is in their nature, so pad the quote by ten percent.", 'group-stereotype'],
  ['They all drive like maniacs over there, budget for the excess.', 'group-stereotype'],
  ["What did we expect, hiring two Polish lads for the front desk.", 'group-stereotype'],
  ['You know how it goes with those people, get the deposit in cash.', 'group-stereotype'],
  ['Women just cannot park, so give Sian the minibus and take the van yourself.', 'group-stereotype'],
  ['Can we find someone a bit less ethnic for the brochure cover?', 'group-stereotype'],
  // a hedge between the group and the claim changes nothing
  ['Older staff simply can\'t learn the new rostering app.', 'group-stereotype'],
  // a vet's office is not a breeding word: the slur still counts
  ['That bitch from the vet office shouted at our driver.', 'gendered-slur'],
  ['Everyone knows the new guy in logistics is a fruit.', 'homophobic-transphobic-slur'],
  ['Those faggots in marketing can pay for their own lunch.', 'homophobic-transphobic-slur'],
  // a group as a "type" or a "lot", "their own kind", and age put-downs
  ['Same every season with these Brazilian types, all charm and no paperwork.', 'group-stereotype'],
  ["Put the new family on the east estate, they'll be happier among their own kind.", 'group-stereotype'],
  ["You know what that lot are like with deadlines.", 'group-stereotype'],
  ['Most of the Tuesday club are half gaga by now, so keep the forms short.', 'age-remark'],
  ['The night porter is sweet but deaf as a post.', 'age-remark'],
  ["Keep Rosa off the forklift rota, women and heavy plant don't mix.", 'group-stereotype'],
  ['No more hiring the Romanian lads for the bar, please.', 'hiring-by-group'],
  ["I'd rather we didn't interview the applicant with the wheelchair for the warehouse.", 'hiring-by-group'],
  ['Nice enough chap, but camp as Christmas in front of clients.', 'coded-remark'],
  ["The residents don't want the high street turning into Little Lagos.", 'coded-remark'],
  ["He's Dutch, they're all so rude in meetings.", 'group-stereotype'],
  ['Those Pentecostal types never last a term here.', 'group-stereotype'],
  ['We are not hiring some cripple for the stockroom.', 'ableist-slur'],
  ["We've already got the token Asian in the ensemble.", 'group-stereotype'],
  // a person's group given as the reason, a sweeping "they always" after a group, turning people away by group
  ["She's Turkish, so of course the quote will come back padded.", 'group-stereotype'],
  ["She's in her sixties, no point sending her on the cloud course.", 'hiring-by-group'],
  ['Stop hiring women with young kids for the field roles.', 'hiring-by-group'],
  ["He's a bit too camp for the sales floor.", 'coded-remark'],
  ['Shortlist only people without a foreign accent for the reception job.', 'hiring-by-group'],
  ["He's Nigerian, so naturally he'll haggle over the invoice.", 'group-stereotype'],
  ['She is a Muslim so of course she will want Fridays off.', 'group-stereotype'],
  // slurs (plain, capitals, leetspeak, look-alikes, spacing)
  [`Don't send the ${'nig' + 'ger'} to the meeting.`, 'racial-slur'],
  [`Another ${'sp' + 'ic'} on the night shift.`, 'racial-slur'],
  [`The ${'ki' + 'ke'} from accounting called.`, 'racial-slur'],
  [`Some ${'tow' + 'elhead'} in security stopped me.`, 'racial-slur'],
  [`That ${'WET' + 'BACK'} crew again.`, 'racial-slur'],
  [`He called him a ${'fag' + 'got'}.`, 'homophobic-transphobic-slur'],
  [`He called him a ${'f4g' + 'g0t'}.`, 'homophobic-transphobic-slur'],
  ["That's so gay.", 'homophobic-transphobic-slur'],
  ['That idea is so r3tarded.', 'ableist-slur'],
  ['That idea is r*tarded.', 'ableist-slur'],
  ['You r e t a r d.', 'ableist-slur'],
  ['Are you autistic or something?', 'ableist-slur'],
  ['She is a stupid bitch.', 'gendered-slur'],
  ['She must be on her period.', 'gendered-slur'],
  // stereotypes and remarks about groups
  ['All women are too emotional to lead.', 'group-stereotype'],
  ['Women get too emotional when the numbers get tight.', 'group-stereotype'],
  ['Mexicans are lazy.', 'group-stereotype'],
  ['Immigrants can\u2019t speak English properly.', 'group-stereotype'],
  ['Send it to the offshore team, you know how they are.', 'group-stereotype'],
  ["He'll be off praying or whatever it is they do.", 'group-stereotype'],
  ['Typical woman, always late.', 'group-stereotype'],
  ['Typical male, never reads the brief.', 'group-stereotype'],
  ['Honestly, he is retarded.', 'ableist-slur'],
  ['She is pretty sharp for a woman.', 'gender-stereotype'],
  ['Let the girls in accounting plan the party.', 'group-stereotype'],
  ["She just got engaged, so she'll be pregnant within a year.", 'gender-stereotype'],
  ["Let's not hire women of childbearing age.", 'gender-stereotype'],
  ['She only got promoted because she is a woman.', 'gender-stereotype'],
  ['Go back to your country.', 'national-origin'],
  ["I can't understand his accent at all.", 'national-origin'],
  ['Fresh off the boat, that one.', 'national-origin'],
  ['The Mexican crew is probably still on siesta.', 'group-stereotype'],
  ['He is too old to learn the new system.', 'age-remark'],
  ['We need young blood on this team.', 'age-remark'],
  ['She is past her sell-by date.', 'age-remark'],
  ['That old fart in finance blocked it.', 'age-remark'],
  ['OK boomer.', 'age-remark'],
  ['Useless with computers, like most people her age.', 'age-remark'],
  ['Put the deaf guy on the call, what could go wrong.', 'disability-remark'],
  ['Hiring her with the wheelchair is a liability.', 'disability-remark'],
  ['If the name is one nobody can pronounce, put it at the bottom.', 'coded-remark'],
  ['He is a bit too flamboyant for the family-office clients, if you catch my drift.', 'coded-remark'],
  // sweeping statements built from a group and a generalizing word, and hiring by group
  ['Welders from that agency? Mexicans are always late.', 'group-stereotype'],
  ['Chinese suppliers are all crooks, read the contract twice.', 'group-stereotype'],
  ['Boomers just can\u2019t handle the new CRM.', 'group-stereotype'],
  ['Gypsies will steal the copper off the roof.', 'group-stereotype'],
  ['Germans have no sense of humour.', 'group-stereotype'],
  ['Africans are hopeless with deadlines.', 'group-stereotype'],
  ['Filipinos make good cleaners.', 'group-stereotype'],
  ['The French are rude, let the Paris team sort it out.', 'group-stereotype'],
  ["Let's not hire another immigrant for the front desk.", 'hiring-by-group'],
  ["Don't let the Indian guy near the client.", 'hiring-by-group'],
  ['You can\u2019t trust a Pakistani with the accounts.', 'group-stereotype'],
  ["We want a young team, nobody over 45.", 'age-remark'],
  ["Don't hire anyone over 50, they won't fit in.", 'hiring-by-group'],
  // vocabulary of the existing constructions: occupations, customers, habits, staffing verbs
  ['Polish cleaners are unreliable.', 'group-stereotype'],
  ['The Albanians in the kitchen are always skiving.', 'group-stereotype'],
  ['Nigerian suppliers will scam you.', 'group-stereotype'],
  ['Elderly patients are hopeless with the kiosk.', 'group-stereotype'],
  ['Mexican women make great cleaners.', 'group-stereotype'],
  ['Typical Gen Z, no attention span.', 'group-stereotype'],
  ['The Scots are a bunch of drunks.', 'group-stereotype'],
  ['We need a man for this job, not a girl.', 'group-stereotype'],
  ["You can't give an older driver the route.", 'hiring-by-group'],
  ['Keep the hijab girls on the back desk.', 'hiring-by-group'],
  ["Let's hire the younger guy, clients like energy.", 'hiring-by-group'],
  ['No more applicants over 55 for this desk.', 'age-remark'],
  ['I told him to go back to his own country.', 'national-origin'],
  // constructions: 'typical X', 'what else would you expect from', group then 'they can't', habits with 'never'
  ['Typical Brits, nobody brought an umbrella to the offsite.', 'group-stereotype'],
  ['What else would you expect from a crew of Romanians?', 'group-stereotype'],
  ['The Nigerian contractors never bother to sign in.', 'group-stereotype'],
  ["Skip the Pakistani applicants, they can't handle pressure.", 'group-stereotype'],
  ['Disabled workers slow everything down.', 'group-stereotype'],
  ['Autistic staff have no people skills.', 'group-stereotype'],
  ["Don't bother interviewing anyone over forty.", 'hiring-by-group'],
  ["Don't hand the Leeds account to a woman.", 'hiring-by-group'],
  ['The new office is a bunch of oldies and pensioners.', 'age-remark'],
  ['We need someone under thirty for the role.', 'age-remark'],
  ['Catholics stick together on the board.', 'group-stereotype'],
  ['Staff over fifty struggle with anything digital.', 'group-stereotype'],
  ["Deaf people shouldn't be hired for the call centre.", 'group-stereotype'],
  ["Women don't make good managers.", 'group-stereotype'],
  ['The Irish crew will be drunk by noon.', 'group-stereotype'],
  ['Young people these days have zero loyalty.', 'group-stereotype'],
  ["You can't trust Albanians with the keys.", 'group-stereotype'],
  ['Typical Englishman, no idea about wine.', 'group-stereotype'],
  ['Nigerians are only good for security jobs.', 'group-stereotype'],
  ['Immigrants are wrecking the town.', 'group-stereotype'],
  ['We need a young white guy for reception.', 'group-stereotype'],
  ["Don't hire disabled people for the van routes.", 'hiring-by-group'],
  ['Asian staff are docile, they never complain.', 'group-stereotype'],
  ['Arab suppliers will try to cheat on weight.', 'group-stereotype'],
  ['Older women are hard to work with.', 'group-stereotype'],
  // a trait given as the reason for a staffing decision, or a trait and then what is done to the person
  ["Let's not shortlist Anna, she's engaged and will want time off.", 'hiring-by-group'],
  ["I wouldn't consider the applicant with the stammer for the sales post.", 'hiring-by-group'],
  ["He's Korean, so keep him away from the Seoul tender.", 'hiring-by-group'],
  ["She's pregnant, so she's out of the question for the Asia role.", 'hiring-by-group'],
  ['His turban will put clients off, send someone else.', 'coded-remark'],
  ['Is Margaret getting too old for the client work?', 'age-remark'],
  ["The Dutch buyers won't respect a woman on the call.", 'group-stereotype'],
  ["We don't need a wheelchair case in the warehouse.", 'disability-remark'],
  ["We can't trust anyone with epilepsy to drive the forklift tour for clients.", 'hiring-by-group'],
  ["She's bipolar, so no way she runs the audit.", 'hiring-by-group'],
  ["Let's go with the younger applicant, he has more runway.", 'hiring-by-group'],
  ["Our partners in Osaka don't like working with women.", 'group-stereotype'],
  ['Her Nigerian accent is a bit much for the investor call.', 'coded-remark'],
  ["He's Scottish, so keep an eye on his expenses.", 'hiring-by-group'],
  ["The intern is deaf, so don't let her near the client calls.", 'hiring-by-group'],
  ["Don't send Leah to Riyadh, she's a woman.", 'hiring-by-group'],
  ['Keep the pregnant one off the client visits.', 'hiring-by-group'],
  ['Avoid anyone over 60 for the trading desk.', 'age-remark'],
  ['You know what the Romanians are like.', 'group-stereotype'],
  ['Bin anyone born before 1968.', 'age-remark'],
];

const MUST_NOT_FLAG: string[] = [
  // the colour word in Spanish and Portuguese
  'Hola equipo, el coche negro está en el garaje. Saludos.',
  'O carro preto? Não, o modelo negro e branco chega amanhã.',
  // what one team likes, a supplier's price, the whole of something
  'The German engineers say they love the new build pipeline.',
  'The Polish supplier will do it cheaper if we order by Friday.',
  'Being new and all, she asked great questions in the review.',
  // the same words with no group, or for a good reason
  'The second printer jammed like the rest of them, so call facilities.',
  'The Jewish Museum quote is in, and Dana wants to haggle on the catering.',
  'Can you polish the jokes for the quiz night before Friday?',
  'The older faculty asked for a longer induction, so book two sessions.',
  'Which way the rate swings next quarter decides the hedge.',
  'Flag any order with a missing postcode for manual review.',
  "She's French and she'll be in Paris that week, so move the review.",
  "He's not a real man, he's a robot in the film.",
  'The background noise puts callers off, so use the quiet room.',
  'The parrot in ward 2 is a total psycho, so use the thick gloves.',
  "It's that time of the month again: timesheets are due on Friday.",
  'Keep each talk ideally under 20 minutes and the deck under 30 slides.',
  'Hire two engineers, ideally under 90k each including on-costs.',
  'Amir will be at prayers at one on Friday, so the pour starts at two.',
  // a masked word is read as the swear word people mask ("S**T" is "shit", not a slur)
  'I AM SO DONE WITH THIS S**T, third failed delivery this week.',
  "My gran didn't learn to swim until she was far too old to compete.",
  "We received a complaint that a driver refused a passenger in a wheelchair; we're investigating.",
  'Quick update on neurodiversity support: staff who are dyslexic can book coaching, no need to say why.',
  "Priya is pregnant, but let's not assume she wants off the audit team. Ask her first.",
  'The last two quotes were too high. Can we go for a cheaper van this time?',
  "Ravi's on leave, so let's go without him this time and send him the notes.",
  // a health rule and a faith's hours respected
  'During lambing, pregnant staff should stay out of the sheds because of the infection risk, so Mia will cover the farm shop.',
  "Ramadan starts on Monday, so let's avoid lunch meetings this month and hold the team social after sunset.",
  // a diagnosis or an identity stated as a fact, with what the person asked for
  "Sana told us she's autistic and would like agendas in writing before each meeting.",
  "The new technician is trans and starts on Monday; please use Jo and they/them.",
  // the same words, no decision made on a trait
  'The firm turns 60 in May, so book the hall for the anniversary dinner.',
  'Sam turns 50 on Friday; the card is on my desk if you want to sign it.',
  "He's quite obviously the best person for the audit, so give it to him.",
  'If you know what I mean by a soft launch, skip the next slide.',
  'Her wife is collecting her at five, so let her go before the traffic.',
  'The Greek supplier sent the invoices, so file them with the March batch.',
  'They are not welcome to park in the loading bay, please tell the drivers.',
  'Which school she went to does not matter; her portfolio speaks for itself.',
  "We can't book an interpreter for Friday, the agency is full, so let's move the meeting to Monday when one is free.",
  'The ramp quote is silly money, so I have asked facilities for two more quotes before we order.',
  "I have pretty much no Irish at all, but my daughter starts at the Gaelscoil in September.",
  'The hotel is over 60 years old, so send Mark to check the wiring.',
  'Lovely turnout from the mosque for the food drive; can we set the back room up as a prayer space?',
  'Anyone over 65 gets the free flu jab, so send the list to the clinic.',
  'Paki-sabi kay Mark na the delivery is on Friday.',
  // the same words for good reasons
  "She's Hindu so she'll be off for Diwali; Sam will cover her shift.",
  'The Jewish calendar has two holidays that week, so we moved the launch.',
  "One of the applicants has a guide dog. The no-pets rule doesn't apply to assistance dogs, so please don't screen her out.",
  'The Muslim staff network is running the iftar on Thursday.',
  // groups and habits in ordinary mail
  "I'm used to the cold by now, the Oslo office keeps it at 18.",
  'The Portuguese buyers always ask for samples before they order, so pack two.',
  "Don't put the new prices in the system until the 1st, as the old ones apply until then.",
  'The Polish lads asked to work the same shift, so put them on nights together as they requested.',
  'Please keep an eye on the till when the new starter is on, it is her first week on the register.',
  // a trait named for a good reason: asked-for changes, safety duties, reports, or no decision at all
  "Priya is pregnant and asked to come off the late shifts, so let's move her to the day rota.",
  "Ola is pregnant, so keep her off the x-ray room until the risk assessment is done.",
  'Tom uses a wheelchair; give the ground-floor office to him and move the printer upstairs.',
  'A customer made a remark about her hijab. I have logged the complaint, and we will not serve him again.',
  "Dan is fasting for Ramadan and prefers the early start, so give him the 7am slot.",
  "Anna is back from maternity leave on Monday. Please set up her laptop and her building pass.",
  "Congratulations to Sam, who is 60 today! Cake in the kitchen at three.",
  "He's 61 pages into the report.\n\nSeparately, let's give the Leeds account to someone else.",
  "I'm a single mum who started in the back office and now runs the desk, so thank you.",
  'The old ones apply until the 1st, so do not put the new prices in the system yet.',
  'What did we expect from the new supplier? The samples were fine.',
  "It's a family thing with the Hendersons, they all come to the open day.",
  'The dyke behind the north field overtopped in the storm; the drainage board is on it.',
  'Our clinic has a bitch in whelp booked for a scan on Tuesday.',
  // fruit and faggots as food
  'Every class gets a fruit snack at break time.',
  'The butcher has faggots and gravy on special this week.',
  'Order two trays of faggots for the Saturday counter.',
  // kinds of things, and an animal's own kind
  'We stock these Italian types of flour and two German ones.',
  'Those Polish lot numbers on the pallet labels need checking.',
  'Young birds learn the song from adults of their own species.',
  // past decisions reported, and things that don't mix
  'We did not hire the Indian candidate because he accepted another offer.',
  "We didn't promote the female engineer this cycle; she only joined in May.",
  "Oil and water don't mix, so shake the dressing first.",
  'Women have always been under-represented in engineering, so the mentoring scheme matters.',
  'Immigrants have always been the backbone of this city.',
  "We don't want a token woman on the board; we want the best chair.",
  // the verb and the adjective
  'The outage crippled the network for a day, and the fine could cripple PCs makers.',
  'They face crippling debt after the flood.',
  'The token ring network still runs the old plant.',
  // a remark reported in order to deal with it
  'The recruiter passed on the client brief, which said "no one over 50", and we have declined it.',
  'The Polish drivers will drink the coffee if you leave it out, so make a fresh pot.',
  "That dish is a bit too foreign for the kids' menu; let's do pasta.",
  // observance and access named, writing to a candidate, a person's own choice, a family, a difficulty of circumstance
  "He's Jewish, so expect him to be off for Yom Kippur next week.",
  "He's Muslim, so double-check the catering has halal options.",
  "Drop the deaf applicant a line to ask which interpreter she'd like.",
  "Skip the older candidates' cover letters for now, we'll read them on Tuesday.",
  "In her late sixties, she still won't retire, she loves the job.",
  "It's in their blood: the Hendersons have run the winery for five generations.",
  'The Italian suppliers are difficult to reach in August because of the holidays.',
  "She's Nigerian, so she'll help with the Lagos calls.",
  "He's gay, so please add his husband to the dinner list.",
  "He's Jewish and will be off for Yom Kippur, so move the review.",
  'Older customers always call before 9, so staff the phones early.',
  'The delegation from Saudi Arabia arrives at 10; they always bring gifts, so plan a short ceremony.',
  "We won't take the French contract unless the terms improve.",
  "Don't drop the older laptops, IT will recycle them.",
  'A caller with a strong accent asked about the refund; I asked him to spell the order number.',
  'The passenger complained that one of our drivers called her a silly cow at the depot.',
  "She's a wheelchair user, so of course we'll hold the offsite somewhere step-free.",
  "He's Portuguese, so he can cover the Lisbon client in their own language.",
  'Please do not use the word "retarded" in client documents.',
  'The tenant said her neighbour called her a stupid cow, and we logged it.',
  'Nobody over 18 needs a parental consent form.',
  'Our Asian markets team meets on Monday.',
  'The gala is a black-tie event.',
  'Women in Engineering lunch is on Thursday.',
  'We are sponsoring a gay-rights charity this year.',
  'The office is closed for a Muslim holiday.',
  'Eid and Diwali are both on the shared calendar.',
  'Our Jewish and Christian colleagues asked for flexible hours.',
  'She leads the Black employee network.',
  'Older workers are protected under the ADEA.',
  'Women are underrepresented in senior roles.',
  'He is a gay man and a great manager.',
  'The chink in our armor is the supply chain.',
  'Pass the crackers and cheese to the reception.',
  'The coon hound show is in April.',
  'The flood dyke on the east field needs repair.',
  'Homo sapiens evolved in Africa.',
  'Take a fag break if you need one.',
  'The trap door in the studio is locked.',
  'The lame duck session starts in December.',
  'Thank you for your kind words.',
  'Send them back to me when signed.',
  'This server is too old to upgrade.',
  'Retarded concrete was used for the slab.',
  'The patient has spastic diplegia.',
  'Go back to your country office for the visa stamp.',
  'A typical Indian wedding lasts three days.',
  'Those people who registered late will get a link.',
  'He retired after a long career; the team wished him well.',
  'Growth was retarded by the port strike.',
  'Curing is retarded in cold weather, so wait a day.',
  'As a typical male, I left the gift shopping to the last minute.',
  // groups as subjects of plain facts, eligibility and logistics
  'Women make up 40% of our engineering hires this year.',
  'Older workers are eligible for the phased retirement scheme.',
  'Men are welcome at the awareness lunch.',
  'The Americans never replied to the RFP.',
  'Pregnant women should not handle the solvents, per the risk assessment.',
  "Don't hire a contractor for this, we can do it in-house.",
  'We are hiring another engineer for the Dublin team.',
  'Nobody over 18 kg should be lifted without the hoist.',
  'Millennials are the biggest segment in our survey.',
  'Immigrants are entitled to the same benefits under the policy.',
  // particular people and plain facts after "are all / always / too / just"
  'The men are all on site today.',
  'Our Germans are always on time.',
  'Americans are so welcoming, you will love the Boston office.',
  'Women are too often overlooked for promotion.',
  'Immigrants are just 12% of the workforce.',
  "Don't put a woman's name on the badge twice.",
  'Polish cleaners are available on Saturdays.',
  'The Albanians in the kitchen are always on time.',
  'Keep the Spanish guys on the Madrid account.',
  'In the complaint she says he called her a stupid cow.',
  'Elderly patients are entitled to free prescriptions.',
  'The Scots are a bunch of volunteers from the Glasgow office.',
  'The grievance alleges that the foreman told a worker to go back to his own country.',
  'The supervisor told me to go back to my own country and I want to report it.',
  'The Nigerian contractors never sent the invoice.',
  'Our Romanian drivers are all on the Cluj route this week.',
  'The waiting room was full of pensioners.',
  "Don't give the keys to anyone before Monday.",
  'Send the invoice to a Muslim charity.',
  'Women make great use of the new mentoring scheme.',
  'Pregnant staff should not work with the solvents in lab 3.',
  'Staff over 50 can join the pension review.',
  'With my old man I got no respect, as the joke goes.',
  'Immigrants are good for the local economy, says the report.',
  'We need a female engineer for the role.',
  'The grievance alleges that the supervisor said Poles are lazy.',
  // inclusive mentions next to the words of the constructions above
  "He's deaf, so please book a BSL interpreter for the interview.",
  "She's pregnant, so we've moved her desk nearer the lift as she asked.",
  'We cannot refuse to promote someone because she is pregnant; HR will review it.',
  'The wheelchair access at the Leeds office is embarrassing, facilities must fix the ramp.',
  'The accent colour on the slides looks bad on the projector.',
  'We need a native speaker to proofread the French brochure.',
  'Filter out the spam in Chinese charsets before it reaches the queue.',
  "He'll need Friday afternoons off for prayers; I've agreed, please adjust the rota.",
  "She'll probably have a baby shower before her leave, let's chip in.",
  'At her age she is already a partner, which is remarkable.',
  "Don't give the old laptop to the new starter.",
  'Is the server too old to run the new agent?',
  'We need younger customers to try the app.',
  'Someone with dyslexia can request extra time in the assessment.',
  "He's fasting this month, so let's move the team lunch to after sunset.",
  'He uses a wheelchair, so we have booked the ground-floor room.',
  'Please reserve the quiet room for Jonah, he is autistic and finds open plan noisy.',
  'Disabled customers find the checkout uncomfortable, so we are redesigning it.',
  'Our Muslim clients asked for halal catering at the launch.',
  'He managed to avoid being put in a summer camp as a kid.',
  "She's pregnant, so keep her off the x-ray rota until the risk assessment is done.",
  'Skip anyone born after 2009, they are too young for a forklift licence.',
];

describe('lexicon: identity', () => {
  for (const [text, rule] of MUST_FLAG) {
    it(`flags ${JSON.stringify(text)} as identity/${rule}`, () => {
      const found = identity(text);
      const hit = found.find((f) => f.rule === rule);
      assert.ok(hit, `expected identity/${rule}, got ${JSON.stringify(found.map((f) => `${f.rule}:${f.text}`))}`);
      assert.notEqual(hit.action, 'inform');
    });
  }

  for (const text of MUST_NOT_FLAG) {
    it(`does not warn on ${JSON.stringify(text)}`, () => {
      const warned = identity(text).filter((f) => f.action !== 'inform');
      assert.deepEqual(warned.map((f) => `${f.rule}:${f.text}`), []);
    });
  }

  it('the learned scorer warns on at most 2 of the innocent sentences above', () => {
    // Its own false alarms on wording it never trained on, counted: lower the figure when it improves.
    // 1 -> 2 when the model stopped reading greetings: "He's Portuguese, so he can cover the Lisbon
    // client in their own language" scores 0.86 against 0.85.
    const warned = learnedWarnings(classifier, MUST_NOT_FLAG, 'identity');
    assert.ok(warned.length <= 2, `${warned.length}: ${warned.join(' | ')}`);
  });

  it('rates slurs high', () => {
    const found = identity(`You ${'sp' + 'ic'}.`);
    assert.equal(found[0]?.severity, 'high');
  });

  it('only informs on casual disability words', () => {
    const found = identity('It has been a crazy week.');
    assert.ok(found.length > 0);
    for (const f of found) assert.equal(f.action, 'inform');
  });
});
