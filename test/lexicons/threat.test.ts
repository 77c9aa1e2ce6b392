import { strict as assert } from 'node:assert';
import { createClassifier } from '../../src/classifier/index.js';
import type { Finding } from '../../src/classifier/index.js';
import { learnedWarnings, ruleFindings } from './learned-share.js';

/**
 * The shipped threat lexicon (lexicons/en/threat.yml) through the real engine.
 * MUST_FLAG rows are [draft, expected rule]: a threat finding with that rule, at warn level
 * (medium or high), whose text is exactly the slice its offsets name. MUST_NOT rows are
 * business hyperbole and idioms that must give no threat finding at all.
 */
const classifier = createClassifier();

function threats(text: string): Finding[] {
  const found = ruleFindings(classifier.classify(text).findings.filter((f) => f.category === 'threat'));
  for (const f of found) assert.equal(text.slice(f.start, f.end), f.text, `offsets of ${f.rule} in ${JSON.stringify(text)}`);
  return found;
}

const MUST_FLAG: Array<[string, string]> = [
  ["Say that again and I'll stove your head in.", 'violence'],
  ["Cross me on the rota again and we'll settle it outside.", 'violence'],
  ['Touch my stock room again and there will be broken fingers.', 'violence'],
  ["Next time he shouts at Tina I'm putting him through the shop window.", 'violence'],
  ['If the bonus goes to Leeds again, somebody on that panel is going to get hurt.', 'violence'],
  ['I know where Mr Osei parks, by the way.', 'know-where-you-live'],
  ["Tell Janet she'd better not be on her own when I come in.", 'know-where-you-live'],
  ["I've got plenty on you and I'm not afraid to use it.", 'blackmail'],
  ["We both know how it would look if your wife heard about the conference. Vote with us.", 'blackmail'],
  ['Pay up by Friday or my cousins will come round and collect it in person.', 'blackmail'],
  ["When I find out who scratched my car they're going to need a dentist.", 'violence'],
  ["I'll deal with him outside work, give me his name.", 'violence'],
  ["I'll be at their office on Monday and it won't be a polite visit.", 'violence'],
  ["Pay by Friday or the photos go to his wife.", 'blackmail'],
  ["Say a word to the auditors and I'll make sure you're the one who takes the fall.", 'blackmail'],
  ['One phone call from me and your little agency is finished.', 'career-threat'],
  ['Move my shifts again and there will be consequence for you.', 'youll-be-sorry'],
  ["Trust me, you don't want to make an enemy of me.", 'watch-your-back'],
  ['Nobody snitches round here, and we will know who squealed.', 'watch-your-back'],
  ["Push this grievance and you'll find out how quickly things turn sour for you.", 'regret'],
  ["If I go, I'll bring the whole board down with me.", 'regret'],
  ["Careful: we've got dirt on the lot of you.", 'blackmail'],
  ['Tell Jordan he had better drop the grievance if he knows what is good for him.', 'ultimatum'],
  ['You two in purchasing should watch your backs at the depot.', 'watch-your-back'],
  ["Say that again and I'll batter him.", 'violence'],
  ['Next time he mouths off I will drag him out by his ear.', 'violence'],
  ["We've got your home address on file and we're not afraid to use it.", 'know-where-you-live'],
  ["You're going to regret speaking to my team like that.", 'regret'],
  ['Miss the deadline again and I will set fire to their office, not joking.', 'violence'],
  ['We know you are looking into our accounts. Inspectors have accidents too.', 'violence'],
  ["If she blocks the extension again I'll pop over to hers for a quiet word.", 'know-where-you-live'],
  ['Say that again in the meeting and we can sort it out in the car park.', 'violence'],
  ["Move my trolley one more time and next time it's your tyres.", 'violence'],
  ['We have ways of making your audit very long.', 'blackmail'],
  ["I'd hate for those expense claims of yours to surface right before your review.", 'blackmail'],
  ['I know a few things about the Leeds contract that your board would find interesting.', 'blackmail'],
  ['Remember I still have screenshots of your messages from the offsite.', 'blackmail'],
  ["Keep talking to the client behind my back and you'll be looking for a new job.", 'career-threat'],
  ["That's not a threat, it's a promise.", 'career-threat'],
  ["If this happens again you're finished here.", 'career-threat'],
  ["Let's just say accidents happen on site.", 'watch-your-back'],
  ["He won't be walking straight after I'm done with him.", 'violence'],
  ["I don't forget and I don't forgive. Ask the last supplier.", 'watch-your-back'],
  // veiled: alone together, long memories
  ['Around here people have long memories about who complained.', 'watch-your-back'],
  // more ways a threat ends: car parks, ambulances, broken fingers, a visit with the lads
  ["Next time we'll sort it out in the car park.", 'violence'],
  ['Tell the charge hand I will be waiting for him after shift.', 'violence'],
  ["If that van cuts me up again he's getting a brick through his windscreen.", 'violence'],
  ["Leave the gate open once more and I'm going to break someone's fingers.", 'violence'],
  ["Touch my locker again and I'll fucking have you.", 'violence'],
  ["If he turns up at the party he's leaving in an ambulance.", 'violence'],
  ["I know fine where their yard is. One more late drop and I'm coming up the road with the lads.", 'violence'],
  // work and a career taken away
  ['Go to HR about it if you like. Then see how many weekend jobs come your way.', 'career-threat'],
  ["Let him try. I've ended bigger careers than his.", 'career-threat'],
  ['Spend the weekend thinking about whether you still want a job on Monday.', 'career-threat'],
  ['The last person who queried my figures does not work here any more.', 'career-threat'],
  ["Cross me on the tender and you'll be doing night audits until you retire.", 'ultimatum'],
  ["If the audit goes badly she won't work in this trade again.", 'career-threat'],
  ['Sign the variation or every client in the region hears how you cut corners.', 'career-threat'],
  // what the writer holds
  ["Vote against it and the photos end up in your wife's inbox.", 'blackmail'],
  ['Behave yourself and the screenshots stay in my drawer.', 'blackmail'],
  ["I'd hate for your visa renewal to get complicated over a timesheet.", 'blackmail'],
  ['We know your brother is living at the flat. It would be a shame for that to come up.', 'blackmail'],
  // speaking up, beside what the writer can do about it
  ['Heard you have been talking to someone at the Gazette. Think about that over the weekend.', 'retaliation'],
  ['I would reconsider taking this to the school board. Your daughter has two more years in my class.', 'retaliation'],
  // crews sent round, property damaged, a problem "not only at work"
  ['If the rent is not in by Monday I will send a couple of the lads round to his flat.', 'violence'],
  ['Tell the supplier I will come round personally with my cousins.', 'violence'],
  ["Block my drive again and your tyres won't last the night.", 'violence'],
  ["One more parking ticket and I'm taking a hammer to his wing mirrors. And his car.", 'violence'],
  ['Keep this up and you will have a big problem with me, and not just at work.', 'violence'],
  ["I'll be outside at six if you want to repeat that to my face.", 'watch-your-back'],
  ["I'd watch my back walking to the station if I were you.", 'watch-your-back'],
  // the career closed off, or held over the reader
  ['Go to the ombudsman and I will make sure your contract is not renewed.', 'career-threat'],
  ['He can expect a short reference: I will make sure his reference says exactly why.', 'career-threat'],
  ['Whoever leaked the floor plan: you will not work in this trade again.', 'career-threat'],
  ['You do that. See how many shifts you get afterwards.', 'career-threat'],
  ['Happy to discuss your objection on Friday. Bring a box for your desk.', 'career-threat'],
  ["Push me on this and I'll make you wish you had stayed in sales.", 'youll-be-sorry'],
  ["The survey is a lot less anonymous than you think.", 'youll-be-sorry'],
  ['Pay the deposit or the photos from the party go to his wife.', 'blackmail'],
  ["Nice car. Be a shame if it ended up in the river.", 'blackmail'],
  ["I've got mates in the police, so think before you sign anything.", 'blackmail'],
  ['There are three late invoices in your file which so far I have chosen not to raise.', 'blackmail'],
  ["Remember who's marking it.", 'blackmail'],
  // a grievance or a report, beside the veiled closer
  ["I'd drop the grievance if I were you. These things have a way of following people around.", 'retaliation'],
  ['Whoever reported me to the dean should know I sit on their panel. Something to think about.', 'retaliation'],
  // the consequence said as where the person ends up, or who will be waiting
  ['Next person who leaves the fryer dirty gets their face shoved in it.', 'violence'],
  ["If she shouts at my lads again she'll be the one needing a doctor.", 'violence'],
  ["Keep telling tales and you'll find your bike at the bottom of the canal.", 'violence'],
  ["He'd better not show his face round here again.", 'violence'],
  ['Tell the promoter a few of our lads will be waiting for him after the match.', 'violence'],
  ["Keep undercutting us and I know some lads who'd happily have a word.", 'violence'],
  // work taken away as the punishment, and blacklisting said as nobody booking them
  ["Go to the partners about it again and you'll find yourself on the Lagos rotation.", 'career-threat'],
  ["Pull out now and no studio in this city books you again.", 'career-threat'],
  ["You're on every weekend shift until Christmas.", 'career-threat'],
  ['I can make your rota very, very uncomfortable.', 'career-threat'],
  ['Drop the complaint or I will remember it at review time.', 'career-threat'],
  // what the writer knows, held over the reader
  ['Block my proposal again and I might mention what I know about his expenses.', 'blackmail'],
  ['Remind the committee whose signature is on the overspend.', 'blackmail'],
  ['Do that again and the whole office hears about your expense claims.', 'blackmail'],
  // speaking up, closed with a veiled "he'll get the message"
  ['If Omar goes to the union about the breaks, his overtime dries up. He will get the message.', 'retaliation'],
  // speaking up in other words (grassing, cc'ing HR, a review site), beside a power the writer holds
  ['So Noor copied HR on her note about the overtime. Memories are long in a team this small.', 'retaliation'],
  ["You grassed me up to the area manager over the till counts. Fine. Let's see how your probation review reads.", 'retaliation'],
  ['Heard someone has been posting reviews on Glassdoor about the night shifts. I know who you are.', 'retaliation'],
  ["Kev told the board the outage was on my team. Don't expect me to sign his contract extension.", 'retaliation'],
  ['If Dina takes the parking rota to the union again, her weekend hours go to zero.', 'retaliation'],
  ['Whoever reported me to facilities for the heater, enjoy your split shifts.', 'retaliation'],
  // the way the target ends up, said another way
  ["If he scratches my van again I'll put him in the canal.", 'violence'],
  ['Touch my till again and you will be picking your teeth up off the car park.', 'violence'],
  ["One more crack about my kids and I'll wrap that lanyard around his neck.", 'violence'],
  ["If he jumps the queue one more time he's leaving in an ambulance.", 'violence'],
  ['Tell the courier he will find out what I mean when he walks to his van one night.', 'violence'],
  ["Sign the timesheet or I'll break both your hands.", 'violence'],
  ["Keep undercutting me and I'll pay your yard a visit with a couple of my lads.", 'violence'],
  ["I know where he drinks on Fridays, and what time he leaves.", 'know-where-you-live'],
  // the market closed to someone: every employer will be told
  ["Poach my client and you'll never work for another agency in this city.", 'career-threat'],
  ['Pull your band from the festival and every promoter in the county will hear about you.', 'career-threat'],
  // speaking up, and beside it a consequence that is never spelled out
  ['I hear Marco went to the regulator about the tank readings. Tell him to think very carefully about his next shift pattern.', 'retaliation'],
  ['So you filed a formal grievance against Dale. Your probation review is on my desk next month.', 'retaliation'],
  ["Whoever keeps leaking the rota to the union: I'll find out who you are.", 'retaliation'],
  ['Anyone emailing the trustees about the minibus should remember their renewal goes through this office. It would be a shame if it got lost.', 'retaliation'],
  ['Kim has been chatting to the health inspector. Accidents happen in a cold store, just saying.', 'retaliation'],
  // how the person would end up, or the work they would never get again
  ["If he blocks my bay once more he'll leave on a stretcher.", 'violence'],
  ["Touch my samples again and you won't be walking out of here on your own two feet.", 'violence'],
  ['Next time that courier is rude to Lucy I will go round and sort him out myself.', 'violence'],
  ["Cross me on the Dunmore bid and you won't get another gig within a hundred miles.", 'career-threat'],
  ["Go over my head again and see how far you get in this industry.", 'career-threat'],
  ['Whoever moves my tools again will be going home in an ambulance.', 'violence'],
  ["If he parks in my bay once more he won't be walking out of here in one piece.", 'violence'],
  ["Touch the rota again and I'll put my fist through your windscreen.", 'violence'],
  ["Keep it up and you'll find out what it feels like.", 'violence'],
  ["Next time I'll be round his workshop with a crowbar.", 'weapons'],
  ['If he calls again, tell him to drop dead.', 'violence'],
  ["Say that again and I'll break your fucking jaw.", 'violence'],
  ["I'll break your neck if you cc the client again.", 'violence'],
  ['If they talk to the union we will break their fingers.', 'violence'],
  ['Someone should put a bullet in that supplier.', 'violence'],
  ['Watch your back around here after what you said.', 'watch-your-back'],
  ["I'll hunt you down if you leak this.", 'know-where-you-live'],
  ["Cross me on this deal and you'll regret crossing me, Dan.", 'regret'],
  ['If he blocks the merger I will bury him.', 'violence'],
  // text-speak: contractions typed without the apostrophe
  ['Im going to bury him if he blocks this.', 'violence'],
  ['Say a word to compliance and Ill bury you.', 'violence'],
  // the same threat at a woman (these patterns once listed only "him")
  ['If she blocks the merger I will bury her.', 'violence'],
  ["One more complaint from her and I'm going to destroy her.", 'career-threat'],
  ["I'll have her head for this.", 'career-threat'],
  ["I'm going to hurt you if you touch my budget again.", 'violence'],
  ['Keep it up and I will kill him, I swear.', 'violence'],
  ["I'll end you in front of the whole board.", 'violence'],
  // swearing between the words of a threat is read through
  ["I swear I'll fucking end her if she goes to HR.", 'violence'],
  ["Touch my rig again and I'll put you in hospital.", 'violence'],
  ["He'd better watch himself at the next site visit.", 'watch-your-back'],
  ["Touch my stock again and you'll be leaving in an ambulance.", 'violence'],
  ['I know where you stream from, so keep my name out of it.', 'know-where-you-live'],
  ["Go to HR about the rota and remember I've got a very long memory.", 'know-where-you-live'],
  ["Complain again and I'll get your permit pulled so fast your head spins.", 'career-threat'],
  ["Go over my head a third time and I'll make sure every branch hears about your expenses.", 'career-threat'],
  ["Enjoy your bonus while you've still got one, Karl.", 'career-threat'],
  ['Maybe somebody should pay you a visit at home.', 'violence'],
  ["Undercut us again and I'll be round his depot with a baseball bat.", 'weapons'],
  ["When I find out who did it, you'll be lucky to walk.", 'violence'],
  ["Publish one more photo and he'll be needing a dentist.", 'violence'],
  ["You will not enjoy what happens next, Derek.", 'youll-be-sorry'],
  ["Tell him we'll see how brave he is without his mates.", 'youll-be-sorry'],
  ['You had better hope we never share a shift again.', 'youll-be-sorry'],
  ['If he shoves her once more he goes home in a body bag.', 'violence'],
  ["Tell the landlord he won't like how this conversation goes.", 'youll-be-sorry'],
  ['Keep complaining and we will make their lives a misery.', 'career-threat'],
  ['Someone should punch him in the face for that presentation.', 'violence'],
  ["Watch your back at the offsite.", 'watch-your-back'],
  ['I know where you live, Karen.', 'know-where-you-live'],
  ['We know which school your kids go to.', 'know-where-you-live'],
  ['I will destroy you and your little team.', 'career-threat'],
  ['One call from me will ruin your career.', 'career-threat'],
  ["I'll make sure you never work in this industry again.", 'career-threat'],
  ['I can make your life a living hell, believe me.', 'career-threat'],
  ["You'll be sorry when the review cycle comes round.", 'youll-be-sorry'],
  ['Sign the waiver today, or else.', 'or-else'],
  ["Don't test me on this, Priya.", 'dont-test-me'],
  ['Drop the grievance or the photos from the party go public.', 'blackmail'],
  ['It would be a real shame if your wife found out about the trip.', 'blackmail'],
  ['Something bad might happen to your car in the garage.', 'blackmail'],
  ['Pay me the commission or I will tell everyone what you did.', 'blackmail'],
  ['Think carefully. Accidents happen to people who talk too much.', 'blackmail'],
  ['He brought a gun to the office last week and said it was for the auditors.', 'weapons'],
  ['Keep complaining to HR and see how long you last here.', 'blackmail'],
  ['Finish the migration tonight. You will regret it.', 'regret'],
  ['Just approve the invoice before Friday or you will regret it.', 'regret'],
  ['If you talk to the union about this, you will be fired within the week.', 'ultimatum'],
  ['I will sue you personally for every cent.', 'legal-threat'],
  ["I'm warning you, stay away from my accounts.", 'blackmail'],
  ['I am not bluffing about the audit.', 'watch-your-back'],
  ['I know where you live, Derek.', 'know-where-you-live'],
  ["If you've got a problem with me, say it to my face.", 'watch-your-back'],
  ["You won't like what happens next if the numbers slip.", 'blackmail'],
  ["Tell anyone what you saw in there and you're finished.", 'blackmail'],
  ['Push this to the board and your career is over.', 'career-threat'],
  ['One word to anyone and your job is done.', 'career-threat'],
  ["One more stunt like that and you'll be out.", 'blackmail'],
  ["Keep asking questions and you'll see.", 'blackmail'],
  ["I'm going to strangle Malcolm when he walks in.", 'violence'],
  ["Undermine me one more time and I'll make sure you're fired.", 'ultimatum'],
  ['It would be a pity if your appraisal went badly this year.', 'blackmail'],
  ['Remember who writes your appraisal before you send that.', 'blackmail'],
  ["Do it again and I'll see to it that you never get promoted here.", 'career-threat'],
  ["Keep your mouth shut if I were you.", 'blackmail'],
  ["Keep this up and you'll be first on the redundancy list.", 'career-threat'],
  ["Leak the figures and I'll drag your name through every paper in town.", 'career-threat'],
  ['Cross me again and your licence will be the least of your worries.', 'career-threat'],
  ['Back me on this or you can kiss your commission goodbye.', 'career-threat'],
  ["Go to the inspector and you'll never work in this trade again.", 'career-threat'],
  ["One more cheek from you and I'll have security walk you out.", 'career-threat'],
  ["I'm going to knock him out if he touches my tools again.", 'violence'],
  ["I swear I'll throw the stapler at Derek's head.", 'violence'],
  ['I could cheerfully strangle the contractor who left this mess.', 'violence'],
  ['Sign it, or your wife hears about the hotel.', 'blackmail'],
  ['One word from me and your placement ends on Friday.', 'career-threat'],
  ['Push back again and watch how fast your shifts dry up.', 'career-threat'],
  ["You're one late shift away from a disciplinary.", 'career-threat'],
  ['Think hard about who signs your probation before you call the union.', 'blackmail'],
  ["Say that again and you'll be leaving without a job.", 'ultimatum'],
  ["I'll rip Marco's arms off if he parks in my bay again.", 'violence'],
  ["Next time you hang up on a caller, you're fired.", 'career-threat'],
  ["Say that once more and I'll slap the taste out of your mouth.", 'violence'],
  ['Accidents happen, so be careful who you talk to.', 'blackmail'],
  ['Accidents happen to people who talk to auditors.', 'blackmail'],
  ['If you want to keep your job, stop talking to the union.', 'ultimatum'],
  ["Cut my scene again and I'll kill you, I mean it.", 'violence'],
  ["She said the figures are late again, so I'll strangle her.", 'violence'],
  // veiled and conditional threats outside the stock phrasings
  ["Honestly I could snap Trevor's neck for losing the keys.", 'violence'],
  ["Move my desk again and I'll put you through the window.", 'violence'],
  ["If he touches my locker I'll break every bone in his body.", 'violence'],
  ['Somebody ought to rough him up a bit after the shift.', 'violence'],
  ["Keep calling the hotline and I'll come over and shut you up.", 'violence'],
  ['I know which van is yours, so think before you report me.', 'know-where-you-live'],
  ['I know your rota and where you park, just so you know.', 'know-where-you-live'],
  ["The new guy needs to be taught a lesson he won't forget.", 'youll-be-sorry'],
  ["One more word from you and I'll rearrange your face.", 'ultimatum'],
  ['Cross me on the vote and you will end up in a ditch.', 'ultimatum'],
  ['You will find out what happens to people who cross me.', 'blackmail'],
  ["You wouldn't want anything to happen to that new car of yours.", 'blackmail'],
  ["We'll pay your depot a visit, and it won't be a social call.", 'blackmail'],
  ["You're one complaint away from being fired.", 'career-threat'],
  ["I'll make sure you never work in catering in this county again.", 'career-threat'],
  ["I'm going to make an example of him at the all-hands.", 'career-threat'],
  ["I'll make sure no agency in the region hires her.", 'career-threat'],
  ["I'll see to it that you're blacklisted by every supplier.", 'career-threat'],
  ['Drop the grievance, or your work permit goes away.', 'career-threat'],
  ["I'll smash the clipboard over his head.", 'violence'],
  ['I know where the new foreman parks. Just saying.', 'know-where-you-live'],
  ['Going round his place with the lads tonight, see how brave he is.', 'violence'],
];

const MUST_NOT: string[] = [
  // hazards and visits, not threats
  "Someone is going to get hurt on that ladder, please get it replaced.",
  'Settle it with finance before the month closes.',
  'My brother and his friends will come to the open day and collect the raffle prizes.',
  "I've got plenty on today, can we move the call?",
  "Once you're finished here, lock up and drop the keys at reception.",
  'Accidents happen, so report every near miss to the safety desk.',
  "He won't be walking the site after the surgery, so cover his rounds.",
  "I don't want to make an enemy of the new landlord, so I'll be polite.",
  'If the launch slips, it will take the whole quarter down with it.',
  "I've got plenty on this week, can we move the call?",
  'Nobody talks in this meeting unless they hold the mic.',
  "We'll know who told the survey team once the results close.",
  "I've got a label maker and I'm not afraid to use it.",
  'The coach knows what is good for him: rest, fluids and an early night.',
  'Experienced drivers have accidents too, so please slow down on site.',
  'We set fire to the old pallets at the bonfire night.',
  "I'll pop round to yours for a quick cuppa after work.",
  'We can sort out the lift share in the car park after the meeting.',
  'Next time it is your turn to bring the biscuits.',
  'I still have copies of the signed contract if you need them.',
  "You'll be looking at a new office layout when you come back.",
  "Don't forget the form, and don't forget to sign it.",
  'Our customers have long memories, so let us get the apology right.',
  "She won't be working in the office again until March, she's on secondment.",
  "Dave fell off the ladder; he's leaving in an ambulance now, I'll call his wife.",
  'I know where their yard is, so I will drop the pallets off on my way.',
  "You won't like how the new logo looks on the van, it's very bright.",
  'I will be waiting for you at reception at nine.',
  "Last day is Friday; IT will kill his badge and laptop access at five.",
  // the same words in ordinary mail
  "I've passed your complaint to the patient liaison team; his call bell is being repaired.",
  'I got your address from Sean, so I will post the invitation today.',
  'We will send a couple of the lads round to his flat to fit the new boiler.',
  'Please make sure your contract is signed and returned by Friday.',
  'Bring a box for your desk things, we move floors on Monday.',
  'I know a few people who would be very interested in this role.',
  // the same shapes in ordinary mail
  "I know a couple of people who'd be great for the role, I'll send their CVs.",
  "You'll know all about it by Friday, the briefing pack goes out Thursday.",
  'No one in this industry uses fax any more.',
  "She's on every weekend shift until Christmas because she asked for the overtime.",
  'Our lads will be waiting at the station with the minibus.',
  // speaking up beside ordinary words, and the new violent shapes in everyday use
  'Thanks for copying HR on the rota question. Memories of last winter are why we changed it.',
  'Make sure every school in the county hears about the open day on the 14th.',
  "Every supplier in the region will hear about our new payment terms next week.",
  "I'll run him over to the station after the workshop.",
  'Wrap a warm scarf around his neck before the site walk, it is freezing up there.',
  "You'll never get a better rate in this market, so lock it in.",
  'I know where he parks, so I will leave the ladder by his van.',
  'Somebody reported me to IT for the phishing test and my access was reset, all sorted now.',
  // speaking up, and support for it; consequences that are not aimed at anyone
  'Thank you for raising this with HR. You are protected, and nothing about your review will change.',
  'Rita filed a complaint about the lift last week; think carefully about where we put the new one.',
  'If you want to go to the union about the rota, that is your right, and I will help you prepare.',
  'The inspector is coming on Tuesday. Accidents happen when the floor is wet, so mop the bay first.',
  "I'll come down to the depot and sort it out with you tomorrow.",
  "I'll sort him out with a laptop and a pass on Monday.",
  "I'll be waiting outside the station at 8 to drive you to the site.",
  "Shadow a shift and you'll find out what it feels like to be on the tills.",
  "I'll be round on Friday with a hammer and the spare hinges.",
  // a name or an adjective after a determiner, not an order to die
  'Our Drop Dead Stout is on tap at the launch.',
  // harm without a speaker behind it
  'The fall put him in hospital for a week, so his shifts are covered.',
  'She went home in an ambulance after the fall, so send flowers.',
  "I've got a long memory for good work, and yours won't be forgotten at bonus time.",
  "If the delivery is late again, I'll make sure you get a full refund.",
  'Enjoy your holiday while the office is quiet!',
  "He's finished here, so he moves to the Leeds site on Monday.",
  "You'll find out how it feels to run a marathon, it's worth it.",
  'Enjoy your new role while you settle in.',
  "Someone should pay him a visit to check he's ok.",
  "I'll be over at 10 with a hammer to fix the shelf.",
  "Can you explain the bruises on the patient's arm?",
  "He'll need a surgeon for that knee.",
  "He'll be lucky to walk again after that fall.",
  "I'd hate for anything to go missing during the move, so please label every box.",
  "After forty happy years our head chef says she's finished in this industry.",
  'Better watch your step by the entrance, the floor has just been mopped.',
  "I know where you live, so I'll drop the parcel off on my way home.",
  "I'm coming after you all for sponsorship money this week.",
  "I'll hunt you down at handover to say thank you properly.",
  "You'll be lucky to get a table there on a Friday.",
  "Let's see how tough the new tyres are on the gravel road.",
  "You won't like how the film ends, but the soundtrack is great.",
  "Careful on site today, you'll break your bloody neck on that scaffolding.",
  // a funeral and a game
  "We'll bury her next to Dad on Friday, the service is at eleven.",
  "I'll crush her at chess tonight, she has been boasting all week.",
  // sincere sentences shaped like the session-7 families
  'Then see what happens to your car insurance premium if you add a teenage driver.',
  "He'll never work in catering again after that burn; he's retraining as a pharmacist.",
  "Careful on site today, you'll break your neck on that scaffolding.",
  "I'll tell their manager about the delay.",
  'Those old printers, their days are numbered.',
  "I'm warning you now, the parking at the new site is a nightmare.",
  // a social plan, not a warning
  "I'll hunt you down after the meeting for a coffee.",
  'Your job is done for today, go home and rest.',
  "One more push and you'll have it finished.",
  "Do that again and you'll get a bonus, great work!",
  'This bug is killing our latency.',
  'Kill the process and restart the worker.',
  'Shoot me the deck when you have a minute.',
  "I'll shoot you a note after the call.",
  'Please send the execution version of the contract.',
  'The kill clause lets us exit after year one.',
  'Messages that fail go to the dead-letter queue.',
  'Nuke the staging db and reseed it.',
  'The deadline is Friday at noon.',
  "We'll crush the quarter if the Acme deal lands.",
  'Break a leg at the keynote tomorrow!',
  'The drop-dead date for the permit is March 3.',
  "You'll be sorry to hear that Tom is leaving us.",
  "I'll find you a slot next week.",
  "I'll get you that report by Friday.",
  "We'll kill them in the market with this pricing.",
  'We need the signature by Friday or else the deal slips a quarter.',
  'You will regret it if you skip the team lunch, the tacos are great.',
  "You won't regret joining the platform team.",
  "Watch yourself on the stairs, they're wet.",
  'Our firewall will destroy any packet that fails the check.',
  'The new release is going to destroy the competition.',
  'We should take this outside of the steering committee.',
  'Will they sue, assuming they are not bluffing?',
  "Reshoot the villain's line ('I know where you live, kid') on Monday.",
  'Keep pushing forward and you will be successful.',
  "Keep asking questions and you'll learn fast.",
  'Try the new build again and you will see the fix.',
  'It would be a pity if your team missed the launch party.',
  "I'll see to it that your promotion paperwork is filed today.",
  'Remember who approves your expenses now: it is Maria.',
  "Lol I'll kill you if you spoil the last episode.",
  'Please finish your review by Friday.',
  'The new tool will make your job much less difficult.',
  'This espresso will knock you out.',
  "I'll knock you a tenner off the price.",
  "I'll have someone walk you out to the car park after the interview.",
  "Keep talking to the landlord and see if he'll lower the rent.",
  'Check the rota to see how long your shift is.',
  'Try the new tool and see how fast your review gets approved!',
  "I know you're fired up about the launch, me too.",
  "You're fired if you eat my last cookie, lol.",
  "Please make sure you don't work overtime without approval.",
  'Be careful not to break your hand on that press.',
  'Knock the hell out of your targets this quarter!',
  'If you want to keep your job title on the badge, update the directory.',
  'Accidents happen, so please report every near miss to the safety team.',
  'Accidents happen, so wear the harness when you go up to the roof.',
  // a line read from a script or a training role play, not the writer's own words
  "The henchman's line 'I'm going to kill you' gets cut from the TV edit.",
  "In the role play the actor says 'I will punch you', and trainees practise calling security.",
  // someone else's threat, reported in an incident log or a witness statement
  'The caller said he would shoot up the depot, so the police were called and the site was cleared.',
  "The witness statement says that the defendant said 'I'll strangle you' twice.",
  // near misses of the veiled-threat constructions
  "I'll put you through to the accounts team.",
  'I know which school the first-aid course is at, I will send the address.',
  "That outage taught me a lesson I'll never forget.",
  "Keep testing and you'll face fewer bugs in production.",
  "Carry on past reception and you'll see the toilets on the left.",
  'See what happens when you push to main: the pipeline runs.',
  "We wouldn't want anything to happen to the servers during the move.",
  "We're two weeks away from the launch.",
  'Keep pushing on the migration and see where we get to by Friday.',
  'Reply by Friday or your shift swap request gets pulled from the rota tool.',
  "You wouldn't want anything to happen to your data, so back it up.",
  "Keep doing that and you'll end up in a ditch, slow down on the icy roads.",
  "I know which car is yours, I'll leave the keys on the seat.",
  "We know where you park, so we'll drop the pallets by your van.",
  "You'll never work a Saturday again once the new rota starts.",
  'The boss in the last level will break you if you skip the armour upgrade.',
  "I'll break you in gently on the rota next week.",
  'Make the old dashboard disappear from the menu, nobody uses it.',
  "If you don't back up the laptop you'll regret it when the disk dies.",
  'Go to the HR portal and you can download your contract.',
  "Let's see what happens to your proposal at the board meeting.",
  'Your application goes on to the next stage, congratulations!',
  "I'll never work for a startup again, honestly.",
  'It would be awful if someone fell off that ladder, please get it fixed.',
  'People who asked for the new laptops are gone for the day.',
  "You'd better hope we never find out how the magician does it.",
  "They'll make you suffer through three hours of slides.",
];

describe('threat lexicon', () => {
  for (const [text, rule] of MUST_FLAG) {
    it(`flags ${rule}: ${JSON.stringify(text)}`, () => {
      const found = threats(text);
      const hit = found.find((f) => f.rule === rule);
      assert.ok(hit, `expected threat/${rule}, got ${JSON.stringify(found.map((f) => f.rule))}`);
      assert.ok(hit.severity === 'medium' || hit.severity === 'high', `severity ${hit.severity}`);
      assert.ok(hit.message.length > 0 && (hit.suggestion ?? '').length > 0, 'message and suggestion');
    });
  }

  it('only informs on a threat someone else made, quoted', () => {
    const found = threats('The note on my windscreen said "watch your back"; security have the photo.');
    assert.deepEqual(found.map((f) => `${f.rule}:${f.severity}:${f.action}`), ['watch-your-back:low:inform']);
  });

  for (const text of MUST_NOT) {
    it(`does not flag ${JSON.stringify(text)}`, () => {
      assert.deepEqual(
        threats(text).map((f) => `${f.rule}:${f.text}`),
        [],
      );
    });
  }

  it('the learned scorer warns on at most 2 of the innocent sentences above', () => {
    // Its own false alarms on wording it never trained on, counted: lower the figure when it improves.
    const warned = learnedWarnings(classifier, MUST_NOT, 'threat');
    assert.ok(warned.length <= 2, `${warned.length}: ${warned.join(' | ')}`);
  });

  it('lowers a denied threat ("I would never hurt you") below the warning level', () => {
    const found = threats("I would never hurt you, you know that.");
    assert.ok(found.every((f) => f.severity !== 'high'));
  });

  it('ignores a threat inside a quoted reply', () => {
    const text = 'Forwarding for the record.\n\n> I know where you live.\n> Watch your back.\n';
    assert.deepEqual(threats(text), []);
  });

  it('finds a threat in mixed case, stretched and zero-width-split spelling', () => {
    const text = 'I KNOW WHERE YOU LIIIIVE.';
    const hit = threats(text).find((f) => f.rule === 'know-where-you-live');
    assert.ok(hit);
    assert.equal(hit.text, 'I KNOW WHERE YOU LIIIIVE');
  });
});
