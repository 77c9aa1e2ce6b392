import { strict as assert } from 'node:assert';
import { createClassifier } from '../../src/classifier/index.js';
import type { Finding } from '../../src/classifier/index.js';
import { learnedWarnings, ruleFindings } from './learned-share.js';

/**
 * The shipped confidential lexicon (lexicons/en/confidential.yml) through the real engine:
 * a named person's pay and HR matters, secrecy requests and unreleased news must warn; job-ad
 * salary bands, aggregates, footers, published results and public launches must not.
 */
const classifier = createClassifier();

function confidential(text: string): Finding[] {
  const found = ruleFindings(classifier.classify(text).findings.filter((f) => f.category === 'confidential'));
  for (const f of found) assert.equal(text.slice(f.start, f.end), f.text, `offsets of ${f.rule} in ${JSON.stringify(text)}`);
  return found;
}

const MUST_FLAG: Array<[string, string]> = [
  ["Heads up, we're letting Marta go next week.", 'termination'],
  ['HR is investigating Callum over the fuel cards.', 'hr-complaint'],
  ["The new hire's offer is more than Declan earns, which will not go down well.", 'named-pay'],
  ['She is on sick leave with depression, so cover her clients for now.', 'medical-leave'],
  ["Kofi's regrade was turned down by the panel. He hasn't been told.", 'hush-with-subject'],
  ['The takeover is signed. Nobody can know before the 9am release.', 'hush-with-subject'],
  ['Margin came in at 48% against a 53% plan, strictly this thread only.', 'hush-with-subject'],
  ["Ravi wants a raise? He's already on 64k.", 'named-pay'],
  ['Their CEO is on 410,000 plus a 120k bonus.', 'named-pay'],
  ['The payroll shows Anna Berg on 9k less than her deputy.', 'named-pay'],
  ["His wife's been diagnosed with MS, so he needs Fridays off.", 'health'],
  ["Pull Kerry's sickness record before her review.", 'health'],
  ['Lucy got passed over for the team lead role again.', 'performance-discipline'],
  ['The audit says we overstated income. Keep it within finance for now.', 'hush-with-subject'],
  ['Be kind to Olu, he is going through a divorce.', 'personal-matter'],
  ["Ines's visa expires in May and we won't sponsor again.", 'personal-matter'],
  ['Quick one: Priya is starting chemotherapy in May, so plan cover for her accounts.', 'health'],
  ['The desk move is because of his epilepsy, facilities know.', 'health'],
  ['We are buying Northgate. Nothing leaves this thread until signing.', 'secrecy-request'],
  ['Margins fell again. Nobody outside this email, please.', 'secrecy-request'],
  ["Don't repeat any of this to the store managers.", 'secrecy-request'],
  // silence asked for in other words
  ["Tom is on 52k now after the regrade. Don't say where you heard it.", 'secrecy-request'],
  ['Not a word to the drivers until the depot meeting.', 'secrecy-request'],
  ["Please don't let the night team hear about the cuts before Friday.", 'secrecy-request'],
  // a soft hush beside pay, an HR matter or an unannounced deal
  ['The new head of ops is coming in at 140 base plus a 15k bonus. Obviously don\'t repeat that.', 'hush-with-subject'],
  ["Odette's tenure case isn't being supported. Please don't share.", 'hush-with-subject'],
  ['We are acquiring Brightwater on the 30th, so keep this tight.', 'hush-with-subject'],
  ['Her new package is 95k plus equity, do not tell Marcus lol', 'hush-with-subject'],
  // a leak is not excused by naming the data
  ['Customer data leaked last night. Keep this between us.', 'secrecy-request'],
  // a surprise in an earlier paragraph excuses nothing here
  ['The surprise lunch for Marta is on Friday.\n\nOn another matter, keep this between us: two branches close in June.', 'secrecy-request'],
  ['To my surprise the audit found nothing. Keep this between us.', 'secrecy-request'],
  ['Keep it quiet until the announcement, but we are buying them.', 'secrecy-request'],
  ["Don't forward this to anyone on the team.", 'secrecy-request'],
  ["Heads up: Marco's bonus is $85,000 this year.", 'named-pay'],
  // many people's pay sent at once, no name in the mail
  ['Attached are the salaries for all the regional directors, for your eyes only.', 'pay-data'],
  ["Here are everyone's bonuses for this year, pasted from the sheet.", 'pay-data'],
  ['The leadership comp spreadsheet is attached.', 'pay-data'],
  ["I'm forwarding last year's payroll for the whole team.", 'pay-data'],
  ['dont tell anyone but the Leeds branch is being shut', 'secrecy-request'],
  // a possessive written with a bare apostrophe after s, straight or curly
  ["Heads up: Mr Evans' bonus is $85,000 this year.", 'named-pay'],
  ['The board signed off Chris’ severance this morning.', 'named-pay'],
  ['Between the two of them, Jill makes $210k base.', 'named-pay'],
  ["Don't let this get out: the plant closes in May.", 'secrecy-request'],
  ["Two branches close in June. Don't let this get around.", 'secrecy-request'],
  ['Sofia has been off with depression since spring.', 'health'],
  ["Approve Devon's 12% raise before the cycle closes.", 'named-pay'],
  ['We are offering Rosa Quint $165k plus equity.', 'named-pay'],
  ["Can you check Omar's equity grant before he signs?", 'named-pay'],
  ['Her salary is 140,000 and she wants more.', 'named-pay'],
  ["We're letting Grady go on Friday.", 'termination'],
  // a full name, two people, and a date after "go at"
  ["We're letting Martha Quigley go on Friday.", 'termination'],
  ['We are letting Ines and Callum go at the end of the quarter.', 'termination'],
  ["Odette's contract isn't being renewed after the pilot.", 'termination'],
  ["We're not renewing Bram's contract for next season.", 'termination'],
  // silence until a date
  ["Please don't say anything to him before Friday.", 'secrecy-request'],
  ["Don't mention anything to the night crew yet.", 'secrecy-request'],
  ['Odette Hale starts medical leave on Monday, about six weeks.', 'medical-leave'],
  ["We're settling with her for $40k and an NDA.", 'named-pay'],
  ['The buyer is Harwell Group, and this cannot get out before the vote.', 'secrecy-request'],
  ['Manager note: Petra Lund is being terminated Friday over the stock losses.', 'termination'],
  ['Dr Amos Finch is being suspended pending the prescribing review.', 'performance-discipline'],
  ["Noor Haddad's hip fracture is worse than the press release said.", 'health'],
  ["Quietly: Dana Pike's contract as head of events won't be renewed.", 'termination'],
  ['Ravi Menon (deputy site lead) is being let go on Friday.', 'termination'],
  ['Partners only, do not forward.', 'secrecy-request'],
  ["Internal numbers, not released: we're down 4 in the north.", 'secrecy-request'],
  ['Lucia is being let go at the end of the month.', 'termination'],
  ['We are terminating Pieter Vos after the audit.', 'termination'],
  ['Security will walk him out at five.', 'termination'],
  ['Hassan is on a PIP until March.', 'performance-discipline'],
  ['We put Colette on a performance improvement plan last week.', 'performance-discipline'],
  ['Brent got a final warning for the expense claims.', 'performance-discipline'],
  ['Compliance opened an investigation into Farah over the trades.', 'performance-discipline'],
  ['Nadia is on medical leave until June.', 'medical-leave'],
  ["Walt's diagnosis is pancreatic cancer, so he will be out a while.", 'health'],
  ['Keep it quiet, but Ines is pregnant.', 'health'],
  ['Rory has been diagnosed with depression.', 'health'],
  ['There was a harassment complaint against Miles last week.', 'hr-complaint'],
  ['Sasha filed a discrimination complaint with HR.', 'hr-complaint'],
  ["Don't tell anyone about the reorg.", 'secrecy-request'],
  ['Please keep this between us.', 'secrecy-request'],
  ['This stays between you and me.', 'secrecy-request'],
  ['The numbers are not for distribution until Monday, so hold them.', 'secrecy-request'],
  ["Please don't forward this.", 'secrecy-request'],
  ['He has not been told yet, so keep it off the list.', 'secrecy-request'],
  ['Before we announce, I need the slides from Legal.', 'unreleased-news'],
  ['Everything in this deck is under NDA.', 'unreleased-news'],
  ['The acquisition of Brightline closes on the 30th.', 'unreleased-news'],
  ['The buyout is due to be announced once the lenders sign.', 'unreleased-news'],
  ["The Wren headset isn't announced until the spring event.", 'unreleased-news'],
  ['Our new fares will not be public until the 3rd.', 'unreleased-news'],
  ['Codename OSPREY is the new pocket camera, keep it in the room.', 'unreleased-news'],
  ['Between us, we are putting her on a performance plan in May.', 'performance-discipline'],
  ["He's been on a PIP since March.", 'performance-discipline'],
  ['We made the shortlist. Not public until the client announces it in March.', 'unreleased-news'],
  ['The new fitness watch (codenamed Larkspur) ships in October.', 'unreleased-news'],
  ['Project Heron, the new e-bike, slipped again.', 'unreleased-news'],
  ['Redundancies will be made public in the new year.', 'unreleased-news'],
  ['Send me the Q2 earnings ahead of the release.', 'unreleased-news'],
  ['Layoffs are planned for the first week of January.', 'unreleased-news'],
  ["We're cutting 40 jobs in the Leeds office.", 'unreleased-news'],
  ["Jane's comp is 140k before bonus.", 'named-pay'],
  ['The pay package of Maria Lopez is $140,000.', 'named-pay'],
  ['Dana was terminated on Friday.', 'termination'],
  ['Ines was laid off last month, but keep it quiet.', 'termination'],
  ["Dana's termination was handled badly.", 'termination'],
  ['Please keep this strictly confidential.', 'secrecy-request'],
  ['Some layoffs are planned for the Denver office.', 'unreleased-news'],
  ['Marta got a written warning yesterday.', 'performance-discipline'],
  ['Please do not forward this to anyone outside the deal team.', 'secrecy-request'],
  ['Marco was given a final written warning on Monday.', 'performance-discipline'],
  ['Apparently Dana was put on gardening leave yesterday.', 'performance-discipline'],
  ['Priya earns twice what I do.', 'named-pay'],
  ['I saw his payslip on the printer.', 'named-pay'],
  ["Don't say a word to anyone until Friday.", 'secrecy-request'],
  ['Not a word to anyone, please.', 'secrecy-request'],
  ['Tariq has been signed off sick with stress.', 'health'],
  ['Strictly between us, the Leeds site is being sold.', 'secrecy-request'],
  ['Please keep this completely to yourself.', 'secrecy-request'],
  ["Kieran's on 70k plus bonus.", 'named-pay'],
  ['I hear Connor failed his probation.', 'performance-discipline'],
  ['Rowan is about to be made redundant.', 'termination'],
  ['Mina is on long-term sick leave since June.', 'medical-leave'],
  ['Omar from the night shift is being dismissed on Monday.', 'termination'],
];

const MUST_NOT: string[] = [
  // the same words, nothing sensitive beside them
  "The new laptops haven't arrived and Nadia hasn't been told the delivery date.",
  'We won the regional award, but nobody can know before the announcement on Monday.',
  'She is on sick leave until Friday, so cover her clients for now.',
  'Keep it within the team channel, the invite link is for staff only.',
  'All users should upgrade. Distros were notified a week ago under embargo and have packages ready.',
  "The surprise for Linnea's 50th is Friday. She doesn't know, so keep it off the lab calendar!",
  "She's already on the 9:30 call, can you take the 10?",
  // pay policy, dates, bands and templates, not people's pay
  'Bonuses for all staff will be paid on the 25th.',
  'Attached are the salary bands for all the engineering roles.',
  "Here is the bonus policy for everyone's reference.",
  'The team salary review timeline is attached.',
  'Attached is the comp review form for all managers to fill in by Friday.',
  'Raises for everyone this year, well deserved.',
  // the idiom, not a leak
  "The backlog is growing, so don't let it get out of hand.",
  "Don't let the cables get around the desk legs.",
  "Let Marta go next, she's been waiting longest.",
  'HR is investigating the payroll error from March.',
  'Olga is going through a divorce settlement file for the client this afternoon.',
  'Her cancer research group won the grant, congratulations to the whole lab.',
  "Don't repeat this mistake on the next install: check the valve first.",
  'Please do not forward this draft rota yet; two nurses still have swaps pending.',
  'Our penetration test summary is available under NDA; I will send the form today.',
  'A reminder that the half-year figures are embargoed until the results call, so no comments to customers.',
  // drafts, surprises, promises and handled abuse, with the reason said after the request or before it
  "Please don't forward this draft timetable yet, two teachers still have to confirm their rooms.",
  'Not for circulation yet: this is the first draft of the volunteer handbook.',
  'Draft deck attached. Not for distribution.',
  "Keep it under wraps until Friday's leaving party, we're collecting for a hamper.",
  "The staff breakfast on Monday is a surprise, so keep it off the team channel.",
  "Thanks for telling me about the scan, Dev. I'll keep it between us and occupational health.",
  "A racist meme went round the drivers' group last night. If you received it, please don't forward it.",
  // a nasty message passed to HR; a surprise tea; a merger already announced
  "I've reported the message to HR, so please don't forward it any further.",
  "Surprise afternoon tea for Maya on Friday at 3, so mum's the word!",
  'Come and hear about the merger with Harbour Foods, announced yesterday, at the town hall on Thursday.',
  // the same hush about nothing sensitive
  "Don't tell Ravi!! We're doing a surprise leaving do for him on Friday, chip in for the cake.",
  "Please don't share the draft yet, the numbers in section 2 are placeholders.",
  "Keep it tight, ten slides max for the board.",
  "Please don't share colleagues' salary details; the policy explains why.",
  // a hushed celebration, not a secret
  "Shh, Omar's 40th is on Friday. Cake at 4 in the kitchen, keep it quiet!",
  "Shhh, it's Rosa's fifteen years with us next week. Don't tell anyone, I'll bring the card round.",
  'Please do not email passport scans. If a candidate sends one, don\'t forward it; tell HR.',
  'Your staff PIN works on every till in the store, so keep it to yourself.',
  'We could not let him go without a cake and a card.',
  'The locker room code changed today after it got passed around. Please keep it to yourself.',
  'Ana\'s farewell is on Friday at four. Keep it quiet around her, she thinks it is a budget review.',
  // what the secret is about was said a sentence before (secrecy-request's excusedBy)
  'We are organising a surprise lunch for Marta on her last day. Please keep this between us.',
  'Dev\'s birthday collection is going round this week. Don\'t tell anyone in his team.',
  // leaving early, good news, and a wait that hides nothing
  'Let Martha go at four today, she covered Sunday.',
  "Odette's contract was renewed in May, congratulations to her.",
  "Don't say anything until you've read the whole report.",
  'Odette starts sick leave policy training tomorrow with the new starters.',
  "Tom's account was suspended for non-payment, please call the bank.",
  'The session was terminated at the request of the user.',
  "Dad's stroke was mild, thank goodness, he's home on Sunday.",
  "Please don't leave the room during the exam.",
  "The files don't leave the building without a sign-out.",
  "Please don't share it yet, it's still a draft.",
  "We've won the regional award, but please don't share it yet as the announcement is on Monday.",
  'The draft timetable is not to be shared with parents until the head has signed it off.',
  "The surprise party plans don't leave this thread, please.",
  'We need to make sure this cannot get out of hand.',
  'Acme is suspended pending the credit review.',
  "Please run Priya's salary through the new payroll system from March.",
  'The merger was announced on Monday; the press release is attached.',
  'The earnings call will be public, dial-in details below.',
  // a formal embargo to a public date, and keeping a document from outside parties, are ordinary handling
  'Please keep this confidential until the press release goes out on Monday.',
  "This deck is internal, please don't forward it to vendors.",
  'Under the NDA we can share the roadmap with their CTO only.',
  "Tom's bonus scheme proposal is attached for review.",
  'Sofia has been off with the flu, back Monday.',
  "Let's get it out the door by Friday.",
  // a document's distribution marking describes the document; it asks nobody to hide anything
  'Attached is the daily media digest. This digest is not for redistribution outside subscribing firms.',
  'The salary range for this role is $120,000 to $150,000 plus benefits.',
  'Our bonus pool is 5% of payroll this year.',
  "Engineering's bonus pool is unchanged.",
  'We announced record Q2 revenue of $3.1B last week.',
  'Join us for the public launch of the new tablet on Monday.',
  'Let Amy go first, she has a train to catch.',
  "Don't tell anyone yet, it's a surprise party for Tom!",
  'Tom fired off an email to the vendor.',
  'Acme has terminated the contract.',
  'Sarah is on maternity leave; please contact Tom.',
  "We're closing the Boston office for Thanksgiving.",
  'Acme makes 500 units a day at the Ohio plant.',
  'We pay Acme Corp $5,000 a month for hosting.',
  'The connection was terminated by the server after 30 seconds.',
  "Acme's compensation committee meets quarterly.",
  "Jane's comp.lang.python post explains the bug.",
  'Congress passed a stimulus package of $700 billion; Bernanke wants $100 billion more.',
  "If we terminate early, payment is in Euro's (Termination Currency).",
  'If Section B was not terminated before March, the fee applies.',
  "Thanks for writing in; we'll keep your report confidential.",
  'There are no layoffs planned for the Denver office.',
  'Step 3: the Supervisor issues a written warning and HR files a copy.',
  'Seats are by invitation only, so please do not forward this email.',
  'My sister Ines was laid off last month; she is looking for a planning role.',
  "Please don't forward this mail on to anybody, since the link grants access to the folder.",
  "Let's split the workshop prep between you and me.",
  "Don't say a word to anyone about the surprise party.",
  'Acme earned more than expected this quarter.',
  'HR Rep and Supervisor then give a written warning to the employee.',
  'Olivia signed off on the budget this morning.',
  "Please don't forward this survey link, it is unique to you.",
  "Don't tell the team how to structure it, let them decide.",
  'Brightwater has accused the supplier of fraud in its court filing.',
  'Before we announce the results of the raffle, grab a coffee.',
  // a minutes or agenda header is not a name
  'Minutes: staff raised a grievance about the night rota; the union will meet HR.',
  "The raffle winners won't be announced until the party.",
  'The incident did not become public until the following spring.',
  'Pick a codename for your hackathon team on the form.',
  'The staff intranet (codename Beacon) goes live on Monday.',
  "The rota isn't published until Friday.",
  'We put them on notice about the late deliveries.',
  "She's on a pip install spree again, the venv is huge.",
  'Just between us, we are planning a surprise send-off for Lin on Friday.',
  'Reminder: the handbook rules on medical leave are in section 7.',
  'Winners not announced until the party, so come along!',
  // hard negatives: a band, a rule, an instruction about a draft, published results
  "The manager's salary band for this grade is 50k to 60k.",
  'Board members only get a vote at the AGM.',
  'The board only meets twice a year.',
  'Please delete the old spreadsheet once you have read the summary in the wiki.',
  'Please delete this draft after reading the final version.',
  'The support team does not know the new tool yet, so training is on Monday.',
  'Our published half-year results are on the website.',
  // a complaint about something, not about the person; a review of a paper; a rating of a hotel
  'The customer complained about her delivery arriving damaged, so please send a replacement.',
  "The manager's base camp is at 3200 metres, plus a rest day.",
  'His review scored the paper below expectations on novelty, so we will revise it.',
  'She rated the hotel below par because of the noise.',
];

describe('confidential lexicon', () => {
  for (const [text, rule] of MUST_FLAG) {
    it(`flags ${rule}: ${JSON.stringify(text)}`, () => {
      const found = confidential(text);
      const hit = found.find((f) => f.rule === rule);
      assert.ok(hit, `expected confidential/${rule}, got ${JSON.stringify(found.map((f) => f.rule))}`);
      assert.ok(hit.severity === 'medium' || hit.severity === 'high', `severity ${hit.severity}`);
      assert.ok(hit.message.length > 0 && (hit.suggestion ?? '').length > 0);
    });
  }

  for (const text of MUST_NOT) {
    it(`does not flag ${JSON.stringify(text)}`, () => {
      assert.deepEqual(
        confidential(text).map((f) => `${f.rule}:${f.text}`),
        [],
      );
    });
  }

  it('the learned scorer warns on at most 0 of the innocent sentences above', () => {
    // Its own false alarms on wording it never trained on, counted: lower the figure when it improves.
    const warned = learnedWarnings(classifier, MUST_NOT, 'confidential');
    assert.ok(warned.length <= 0, `${warned.length}: ${warned.join(' | ')}`);
  });

  it('does not flag a standard confidentiality footer', () => {
    const text =
      'See you at 3.\n\nCONFIDENTIALITY NOTICE: This email and any attachments are confidential and intended solely for the use of the individual to whom they are addressed. If you have received this email in error, please notify the sender.';
    assert.deepEqual(confidential(text), []);
  });

  it("names the person in the finding's text", () => {
    const text = "Just so you know, Priya's salary is 155k.";
    const hit = confidential(text).find((f) => f.rule === 'named-pay');
    assert.ok(hit);
    assert.ok(hit.text.startsWith('Priya'), hit.text);
  });
});
