import { strict as assert } from 'node:assert';
import { createClassifier } from '../../src/classifier/index.js';
import type { Finding } from '../../src/classifier/index.js';

/**
 * The shipped tone lexicon (lexicons/en/tone.yml) through the real engine, plus the tone
 * detectors as the classifier runs them. Passive-aggressive and hostile phrasing must warn;
 * sincere follow-ups and routine process notes must not.
 */
const classifier = createClassifier();

function tone(text: string): Finding[] {
  const found = classifier.classify(text).findings.filter((f) => f.category === 'tone');
  for (const f of found) assert.equal(text.slice(f.start, f.end), f.text, `offsets of ${f.rule} in ${JSON.stringify(text)}`);
  return found;
}

const MUST_FLAG: Array<[string, string]> = [
  ["I'm not angry, I'm just disappointed in how the launch was handled.", 'sarcasm'],
  ["Oh no, please, take your time. It's only the payroll.", 'sarcasm'],
  ["Thanks for telling me the venue changed. Oh wait, you didn't.", 'sarcasm'],
  ['Chasing again. Maybe this one will get a reply.', 'sarcasm'],
  ['Great quarter, team. Some of you know who you are.', 'sarcasm'],
  ['Sponsor logos, please. Fifth time of asking.', 'said-repeatedly'],
  ['We have all been told many, many times not to reply-all.', 'said-repeatedly'],
  ['I am writing you now the fourth time about the van.', 'said-repeatedly'],
  ["Fine, do it your way. Just don't come running to me when it breaks.", 'dismissive'],
  ["I am not explaining it again. Look it up.", 'dismissive'],
  ['Glad you could finally join us on this thread, Martin.', 'dismissive'],
  ["Let me make this simple, since the last two emails apparently weren't: no receipt, no refund.", 'dismissive'],
  ['The rota is on the shared drive, as you would have seen had you opened the link.', 'sarcasm'],
  ["I'm taking silence as a yes, so the new layout goes live Monday.", 'take-that-as-no'],
  ["Not sure which part of 'no site visits without a booking' was unclear.", 'not-sure-how-else'],
  ['Oh how lovely, another audit request at 4pm on a Friday.', 'finally'],
  ['With respect, and I use the word loosely, that was a mess.', 'sarcasm'],
  ["I'll book it myself, since apparently no one else can read a calendar.", 'sarcasm'],
  ["I've read your draft and I'm not sure whether to laugh or cry.", 'sarcasm'],
  ['Perhaps next time you could manage the summary at least.', 'sarcasm'],
  ["I'm not sure what was unclear about 'Friday noon'.", 'not-sure-how-else'],
  ['It is now Tuesday. I look forward to your explanation.', 'sarcasm'],
  ["No problem, I'll just fix the rota myself then.", 'sarcasm'],
  ['Since everyone else is apparently too busy, I have booked it.', 'sarcasm'],
  ['Maybe check your inbox before accusing me in front of the team.', 'sarcasm'],
  // talking down
  ['Okay. Let me try once again, slowly. The server is down.', 'sarcasm'],
  ['Since reading the rota is hard, here it is again in capitals.', 'sarcasm'],
  ['Perhaps next time check the booking before you drive out.', 'sarcasm'],
  // more sarcasm in stock words
  ['Thanks for copying my director in on that. Very grown up.', 'sarcasm'],
  ['Just chasing the signed contract again. Any time this month would be lovely.', 'sarcasm'],
  ["It's on the wiki, which you'd know if you'd opened it once.", 'sarcasm'],
  ["No rush, I'm sure whatever you're doing is more important than the client.", 'sarcasm'],
  ['Sorry, I must have missed the memo where deadlines became optional.', 'sarcasm'],
  ["Let me try smaller words: no purchase order, no payment.", 'sarcasm'],
  // sarcasm in more stock shapes
  ["We'll just tell the printer the files are on their way, shall we?", 'sarcasm'],
  ['No worries, I will read the brief with my psychic powers.', 'sarcasm'],
  ['The report was due Monday. No rush though, obviously.', 'sarcasm'],
  ['Forwarded me my own spreadsheet back. Truly a genius at work.', 'sarcasm'],
  ['I am sure the auditors will find it just as charming as I do.', 'sarcasm'],
  ['Have a lovely holiday in June. Oh wait.', 'sarcasm'],
  ['Do you need me to draw you a picture of the loading plan?', 'sarcasm'],
  ["I've attached the checklist again, since telling you clearly didn't work.", 'sarcasm'],
  ['Once more, since apparently it needs repeating: the gate is locked at six.', 'sarcasm'],
  ['Wonderful to see the sign-in sheet is optional now.', 'sarcasm'],
  ['Thanks for the invoices, a mere month after they were due.', 'sarcasm'],
  // patience and thanks that mean the opposite
  ['Explain to me why the van went to Leeds. Take your time, I\'ll wait.', 'sarcasm'],
  ["I'll just book the room myself again, shall I?", 'sarcasm'],
  ['The checklist is there for a reason, Gavin.', 'sarcasm'],
  ["We are not your personal alarm clock, so set your own reminders.", 'sarcasm'],
  ['Always the last to know in this office.', 'sarcasm'],
  ['Lovely to find out from the caterer that the menu changed.', 'sarcasm'],
  // sarcasm: praise or patience that means the opposite
  ["Two missed pickups in one week. Slow clap, everyone.", 'sarcasm'],
  ['Booking the client into the wrong city takes a special kind of genius.', 'sarcasm'],
  ["I trust you're familiar with the concept of a calendar invite.", 'sarcasm'],
  ["I'm sure nobody else had anything to add after your hour on slide four.", 'sarcasm'],
  ["Sending the checklist again, since it apparently didn't sink in last week.", 'sarcasm'],
  ["No worries, I'll just do it myself again, as usual.", 'sarcasm'],
  ['Well done, Einstein, the printer was unplugged.', 'sarcasm'],
  ["I'm not sure how many more ways I can say it: the van keys stay on site.", 'said-repeatedly'],
  ['I will not be explaining the rota again.', 'said-repeatedly'],
  ['I should not have to write this mail every month.', 'said-repeatedly'],
  ["I'd appreciate not having to chase the timesheets again.", 'said-repeatedly'],
  ["It's adorable that you think that counts as a final draft.", 'sarcasm'],
  ['So the vendor deigned to answer after three weeks.', 'finally'],
  ['RTFM. The setting is under Options.', 'did-you-read'],
  ['Per my last email, the form is due Friday.', 'per-my-last-email'],
  ['As per my previous message, the venue changed.', 'per-my-last-email'],
  ['As I have said repeatedly, we need the signed copy.', 'said-repeatedly'],
  ["I've told you three times already, twice in writing.", 'said-repeatedly'],
  ['For the third time, the login is on the wiki.', 'said-repeatedly'],
  ['How many times do I have to ask for the receipts?', 'said-repeatedly'],
  ['As previously stated, this is not optional.', 'as-previously-stated'],
  ['Going forward, please cc me on anything client-facing.', 'going-forward-please'],
  ['Kindly refrain from editing the master copy.', 'going-forward-please'],
  ["I'm not sure how else to explain this.", 'not-sure-how-else'],
  ["It's not rocket science.", 'not-sure-how-else'],
  ["I'll take that as a no.", 'take-that-as-no'],
  ['Thanks in advance for finally getting back to me.', 'finally'],
  ['Nice of you to finally show up to standup.', 'finally'],
  ['With all due respect, that plan will not work.', 'with-all-due-respect'],
  ['No offense, but your draft is unreadable.', 'with-all-due-respect'],
  ["Since you didn't bother to read the brief, here it is again.", 'did-you-read'],
  ['Did you even read my email?', 'did-you-read'],
  ['As anyone can see, the totals are wrong.', 'did-you-read'],
  ['You of all people should know this.', 'did-you-read'],
  ['What is wrong with you?', 'hostile-question'],
  ['Are you kidding me?', 'hostile-question'],
  ['Who do you think you are?', 'hostile-question'],
  ['This is completely unacceptable.', 'unacceptable'],
  ["I'm sick and tired of chasing these invoices.", 'unacceptable'],
  ['Get your act together.', 'dismissive'],
  ["That's not my problem.", 'dismissive'],
  ['Stop whining and ship it.', 'dismissive'],
  ['Which you clearly have not opened.', 'clearly-you-didnt'],
  ["You apparently haven't opened the attachment.", 'clearly-you-didnt'],
  ["You didn't bother to check the totals.", 'did-you-read'],
  ['Is reading optional around here? The answer was in the first line.', 'did-you-read'],
  ['In the future, please copy me on every change.', 'going-forward-please'],
  ['Going forward, please check the totals before you send.', 'going-forward-please'],
  ['Suck it up and finish the report.', 'dismissive'],
  ['As per my earlier note, I asked for the numbers by Monday.', 'per-my-last-email'],
  ['As I previously explained twice, the template is in the wiki.', 'said-repeatedly'],
  ['Please refer to my earlier message.', 'per-my-last-email'],
  ["I'll explain it one more time.", 'not-sure-how-else'],
  ['Maybe I should spell it out more slowly.', 'not-sure-how-else'],
  ['Fine, suit yourself.', 'dismissive'],
  ['Once again, I need to remind you to submit your timesheet.', 'said-repeatedly'],
  ["I won't keep repeating myself.", 'said-repeatedly'],
  ['Am I the only one who reads the release notes?', 'said-repeatedly'],
  ["I'd have thought someone in your position would know that.", 'did-you-read'],
  ['Nice of you to finally join us.', 'finally'],
  ["What's so hard about filling in a form?", 'not-sure-how-else'],
  ["Which part of 'not this week' don't you understand?", 'hostile-question'],
  ['Do I seriously need to explain this again?', 'not-sure-how-else'],
  ["I've asked 4 times now.", 'said-repeatedly'],
  ['Let me remind you once again that the form is mandatory.', 'said-repeatedly'],
  ["I've told him a dozen times.", 'said-repeatedly'],
  ['How many times do I have to say it?', 'said-repeatedly'],
  ['How many more ways can I explain the process?', 'not-sure-how-else'],
  ['Were you even reading the brief?', 'hostile-question'],
  // families rather than phrasings: any say-verb, any reader action, a counted reminder
  ['How many more ways can I word this?', 'not-sure-how-else'],
  ["I'll type this slowly for everyone.", 'not-sure-how-else'],
  ["Honestly, this isn't that complicated.", 'not-sure-how-else'],
  ['Is it honestly too much to ask for a status update?', 'not-sure-how-else'],
  ['Maybe check the numbers this time, actually check them, for once.', 'not-sure-how-else'],
  ["I'll assume you never opened the attachment.", 'take-that-as-no'],
  ['Going by my last four emails, nothing has moved.', 'said-repeatedly'],
  ['As we have discussed twice now, the venue is fixed.', 'said-repeatedly'],
  ['Lovely to hear from you eventually.', 'finally'],
  ["I'm sure they had an excellent excuse.", 'finally'],
  ['Fantastic, another outage on a Friday.', 'finally'],
  ['Are you physically incapable of closing the fridge?', 'did-you-read'],
  ['Congratulations on missing the only deadline that mattered.', 'finally'],
  ['This is the bare minimum I expect from a shift lead.', 'did-you-read'],
  ["I'm getting really tired of covering for you.", 'unacceptable'],
  ['Your handover notes were frankly embarrassing.', 'unacceptable'],
  ["Honestly, you're making my job harder every week.", 'unacceptable'],
  ["I've heard it all before.", 'unacceptable'],
  ['Did I miss the memo where invoices became optional?', 'finally'],
  ["I don't have all day, send the figures.", 'dismissive'],
  ["I'm not your maid, put the cups in the dishwasher.", 'dismissive'],
  ['Spare me the lecture and fix the rota.', 'dismissive'],
  ["I don't appreciate being copied in like that.", 'dismissive'],
  ["I'm starting to wonder if anyone in this kitchen actually reads the allergy board.", 'said-repeatedly'],
  ['Did you learn nothing from the last inspection?', 'dismissive'],
  ["You're a grown adult, so act your age.", 'dismissive'],
  ['Your behaviour at the handover was frankly insulting.', 'unacceptable'],
  // sarcasm families: envy, "some of us", "finally" at the reader, mock praise, "optional"
  ['Must be nice to take two-hour lunches every day.', 'finally'],
  ['Some of us actually stayed late to finish it.', 'finally'],
  ['Some of us still have targets to hit.', 'finally'],
  ["So you've finally opened the spreadsheet.", 'finally'],
  ['Congrats on finally noticing the error log.', 'finally'],
  ['I guess code review is optional for your squad.', 'finally'],
  ['Great, the invoice run failed again.', 'finally'],
  ['Sure, skip the dry run, because that went so well in May.', 'finally'],
  ["So you've finally found the time to reply.", 'finally'],
  ['Took them long enough.', 'finally'],
  ['Which bit of "no overtime" was unclear?', 'not-sure-how-else'],
  ["I'll use small words this time.", 'not-sure-how-else'],
  ['I will put it in smaller words.', 'not-sure-how-else'],
  ['Which bit of "sign here" did you not understand?', 'hostile-question'],
  ['Unsurprisingly, the courier was late again.', 'finally'],
  ['No pressure, the regulator has only been waiting a month.', 'finally'],
  ['Well, Sherlock, the door was unlocked all along.', 'finally'],
  ['Do you need me to hold your hand through the login too?', 'dismissive'],
  ['Another urgent request at 4:55 on a Friday. Love that for me.', 'finally'],
  // sarcasm in stock forms and mock questions
  ['Maybe actually open the attachment this time.', 'not-sure-how-else'],
];

const MUST_NOT: string[] = [
  'The problem has been discussed many, many times in the literature.',
  'Glad you could join us for the launch, Martin, it was lovely to see you.',
  'Take your time with the survey, there is no deadline.',
  'Forwarding the post below, which a contractor left on our page. This is completely unacceptable and I have reported it to HR.',
  "I've told him it's unacceptable and he has been suspended pending a hearing.",
  "Don't take silence as agreement: chase each supplier for a written yes.",
  'Never take silence to mean consent in a safeguarding case.',
  'Oh how lovely, another record month for the team!',
  'Since no one else had signed up, I took the Friday slot.',
  'Please use the template loosely, as a starting point.',
  "I'm not sure what the dress code is for Friday.",
  "Everyone is very busy this week, so I'll book the room myself.",
  'Next time we meet, can you check the booking system with me?',
  'The line was bad, so I said it again slowly and she got it.',
  'Forwarding for the record: I think the remark below is completely unacceptable and should be addressed.',
  // sincere uses
  "She handled the client really well, very mature for a first-year.",
  'Any time this week would be great for the call, I am flexible.',
  // the same words said plainly
  "I'll just check with Priya and then book the table, shall I book for six?",
  'Oh wait, I found the file, it was in the shared drive all along.',
  'No rush at all, Friday is fine.',
  'Great to see everyone again at the offsite.',
  "I'm sure it's just an oversight, thanks for flagging it.",
  // the same words, meant
  "I'll wait for your call before I book the van.",
  'Sorry, I was out. Genuinely asking for your view on the layout: which do you prefer?',
  "It's hard to keep up with the changes, so try to keep up with the weekly notes.",
  'The lock is there for a reason and we have replaced it.',
  'Great to hear from the client that they loved the launch.',
  // a process announced, not a rebuke
  'From now on, you will need to badge in at the side door.',
  // correcting oneself
  'Per my last email: apologies, the venue is Room 4, not Room 2.',
  // praise in the same shapes
  'It takes a special kind of talent to run a hospice ward for twenty years.',
  'Thanks for nothing short of a brilliant quarter, team.',
  'How many ways can we say thank you to the volunteers this year?',
  "I won't be sending it again, it's in the shared folder.",
  "It's adorable that you thought of the kids with the gift bags.",
  'Only a genius could have designed a bridge like that.',
  'The new booking app is so simple a toddler could use it.',
  "I assume you're familiar with the concept of net present value; if not, page 3 explains it.",
  'It has come to my attention once again how generous this team is. Thank you.',
  // keeping something up; being hard on oneself
  'Do try to keep up the stretches after the physio session.',
  "I'm done being nice to myself about the training, time to get serious.",
  'Is proofreading optional for the internal newsletter, or does Legal need to see it?',
  "I didn't bother to check the old logs, they rotate daily.",
  "I'm running out of ways to thank you for the help this month!",
  'Is it too much to ask the vendor for a discount? Worth a try.',
  // a typo for "designed", said of a form, not of a person
  'The new intake form is primarily deigned to capture the billing contact.',
  // taken back at once
  'RTFM... sorry, that came out ruder than I meant. The setting is under Options.',
  // a phrase cited, not said to anyone
  'The prank template told staff to reply with the words "I have had enough of this" and leave early.',
  'Searching for "go to hell" used to land on a vendor\'s home page.',
  'Just following up on my note from Tuesday.',
  'As discussed, the agenda is attached.',
  'Friendly reminder: timesheets are due Friday.',
  "What's wrong with my laptop? It won't boot.",
  'Thanks for finally shipping the launch, team!',
  "Don't bother to reply, I'll see you Monday.",
  'Going forward, please send invoices to ap@example.com.',
  'Please read the lease carefully before signing.',
  'How hard is the exam? I want to prepare.',
  'Great!',
  'FYI the Q3 OKR review is ASAP.',
  'Are you serious about joining the hackathon? Count me in.',
  'Looking forward to seeing you all at the offsite.',
  'If you would rather not receive these updates in the future, please reply STOP.',
  'Priya leads the rollout team going forward, please help her get set up.',
  'The hotel is far from ideal, but I can certainly suck it up for two nights.',
  'Per my earlier email, I am attaching the signed lease.',
  'As per my previous note, attached is the revised budget.',
  'Please refer to my previous email for the dial-in details.',
  'Could you repeat the account number slowly when you call?',
  'Once again, I have to thank everyone for a brilliant quarter.',
  'Thanks for nothing short of a brilliant launch.',
  'Glad you finally decided to join the running club!',
  'Thanks for actually sending the figures early, that helped a lot.',
  // reminders without a count, and restating a point, are ordinary mail
  "As I've said before, we welcome the review.",
  'Per my email yesterday, the contract was approved.',
  'How many times per week should the backup run?',
  'How many times a year do we review access?',
  "It isn't hard at all to set up, I promise.",
  'Let me explain it slowly on the call, it is a dense topic.',
  'Great, another record quarter for the team.',
  'Excellent, another bug fixed before release.',
  'Sorry to repeat myself, but thanks again for hosting.',
  "I'm so done with this weather, roll on spring.",
  'Well done on breaking the sales record!',
  'Do you actually review the dashboards weekly? Just curious.',
  'Did I miss the email saying the office is closed Friday?',
  "The least you can do is relax this weekend, you've earned it.",
  'The bare minimum spec is 8 GB of RAM.',
  'Use your head and take a break when you need one.',
  'You will learn nothing new in the refresher, but it is mandatory.',
  'Must be nice weather in Lisbon this week.',
  'It must be nice to have the renovation finished at last.',
  'Some of us will be at the offsite, the rest will dial in.',
  'Some of us actually enjoyed the workshop.',
  'Finally, good news: the permit is through.',
  'Congratulations on the new role, well deserved!',
  'I guess the Friday call is optional this week since most people are on leave.',
  'Which part of the proposal was unclear? I can rewrite it.',
  'Thanks for finally sorting out the parking permits, much appreciated.',
  'Let me know when you have found a slot that suits you.',
  'The fund had an earnings surprise, down 3% on the day.',
  'No pressure, take all the time you need after the move.',
  'It must be great being back in Oslo, say hi to everyone.',
  // sincere praise and plain reports that share words with sarcasm
  'We hit the target because the team always worked so well together.',
  'Congrats on discovering the new comet, Dr. Lee!',
  'We had a dozen eggs one time, but when they hatched we only got ten live chicks.',
  'Which part of the form was confusing? I will fix the wording.',
  'Thanks for copying my manager, she wanted to see the figures.',
  'We could barely keep up with orders this month!',
  'Thanks so much for looping in my manager, she can approve it today.',
];

const LOW_ONLY: string[] = [
  'Just to be clear, the answer is no.',
  'Obviously we need more time.',
  "He apparently doesn't have the option of upgrading, so we patch it.",
  // quoted as someone else's words: shown, no prompt at send
  'The style guide flags phrases like "as I clearly stated" because they read as curt.',
];

describe('tone lexicon', () => {
  for (const [text, rule] of MUST_FLAG) {
    it(`flags ${rule}: ${JSON.stringify(text)}`, () => {
      const found = tone(text);
      const hit = found.find((f) => f.rule === rule);
      assert.ok(hit, `expected tone/${rule}, got ${JSON.stringify(found.map((f) => f.rule))}`);
      assert.ok(hit.severity === 'medium' || hit.severity === 'high', `severity ${hit.severity}`);
      assert.ok(hit.message.length > 0 && (hit.suggestion ?? '').length > 0);
    });
  }

  for (const text of MUST_NOT) {
    it(`does not flag ${JSON.stringify(text)}`, () => {
      assert.deepEqual(
        tone(text).map((f) => `${f.rule}:${f.text}`),
        [],
      );
    });
  }

  for (const text of LOW_ONLY) {
    it(`only informs on ${JSON.stringify(text)}`, () => {
      const found = tone(text);
      assert.ok(found.length > 0);
      assert.ok(found.every((f) => f.severity === 'low' && f.action === 'inform'));
    });
  }

  it('runs the shouting and exclamation detectors through the classifier', () => {
    const text = 'Hi Sam,\n\nWHY IS THE CALL SHEET STILL WRONG? Where is the revised one?!?!\n\nThanks';
    const rules = tone(text).map((f) => f.rule);
    assert.ok(rules.includes('shouting'), JSON.stringify(rules));
    assert.ok(rules.includes('exclamation'), JSON.stringify(rules));
  });

  it('does not report tone inside a quoted reply', () => {
    const text = 'Sounds good.\n\nOn Tue, 3 Jun 2025, Sam Lee <sam@x.example> wrote:\n> Per my last email, STOP CHANGING THE SCHEDULE AGAIN!!!\n';
    assert.deepEqual(tone(text), []);
  });
});
