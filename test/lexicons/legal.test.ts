import { strict as assert } from 'node:assert';
import { createClassifier } from '../../src/classifier/index.js';
import type { Finding } from '../../src/classifier/index.js';
import { learnedWarnings, ruleFindings } from './learned-share.js';

/**
 * The shipped legal lexicon (lexicons/en/legal.yml) through the real engine: smoking-gun
 * wording must warn with the expected rule and exact offsets; ordinary deletion, litigation
 * holds, retention-policy shredding and pricing policies must not be flagged.
 */
const classifier = createClassifier();

function legal(text: string): Finding[] {
  const found = ruleFindings(classifier.classify(text).findings.filter((f) => f.category === 'legal'));
  for (const f of found) assert.equal(text.slice(f.start, f.end), f.text, `offsets of ${f.rule} in ${JSON.stringify(text)}`);
  return found;
}

const MUST_FLAG: Array<[string, string]> = [
  ['Just bill the client for the full 40 hours, they\'ll never check.', 'nobody-will-notice'],
  ['We agreed with Brightline to keep our bids above 2 million.', 'price-fixing'],
  ['Ensure the memo never sees the light of day.', 'cover-up'],
  ['Settle it in cash so there is no paper trail.', 'cover-up'],
  ["Book the fee as training so it doesn't stand out.", 'cover-up'],
  ['Could you just misplace those receipts?', 'destroy-evidence'],
  ['Pad the mileage a bit, finance never check.', 'nobody-will-notice'],
  // counting on nobody checking, said of a test, a signature or an office
  ['Print 100% wool on the swing tags, nobody ever tests them.', 'nobody-will-notice'],
  ["Backfill the training log, nobody's ever going to check.", 'nobody-will-notice'],
  ['Just put 40 hours for all of them, the funder never audits it anyway.', 'nobody-will-notice'],
  // fixed without telling, kept off a declaration, held back for a deal
  ['We patch the leak quietly and do not notify the affected customers.', 'cover-up'],
  ['Route the fee through your brother, that way it never shows up on your declaration.', 'cover-up'],
  ['The trial missed its endpoint, so we are sitting on it until the funding round closes.', 'cover-up'],
  ["Don't you dare write that in the incident report.", 'avoid-writing'],
  ["Officially we didn't know about the fault until the recall notice.", 'knew-defect'],
  ["Their rep says they go up 8% in May; we'll match it so neither of us loses customers.", 'price-fixing'],
  // moved out of sight for a visit
  ['The inspector is in on Thursday. Stack the broken chairs in the yard until he has left.', 'kept-from-scrutiny'],
  ['Auditors arrive Monday, take the petty cash book off the shelf and put it back next week.', 'kept-from-scrutiny'],
  ['Wipe the shared drive logs before the integrity panel asks for them.', 'destroy-evidence'],
  ['Can you date the invoice 28 February rather than today?', 'backdating'],
  ['Please date the timesheets from the trip as June rather than July.', 'backdating'],
  ["If anyone from the regulator calls, you don't remember the dinner.", 'hide-from-regulator'],
  ['If the auditors ask, we only found it on Monday.', 'hide-from-regulator'],
  ["If anyone asks, this is the first we've heard of the leak.", 'hide-from-regulator'],
  ["Don't log the burn as an incident, put it down as feedback.", 'hide-from-regulator'],
  ['Code the bonus as travel so it does not go through payroll.', 'cover-up'],
  ["Put his son on the payroll, he doesn't actually do anything but it helps the family.", 'cover-up'],
  ['Add a few extra names to the claim to round it up.', 'cover-up'],
  ['We were warned the ladder was faulty last spring and did nothing.', 'knew-defect'],
  ["They want a 'thank you' paid into the buyer's personal account.", 'bribery'],
  ["We're both putting our fees up in May, so the clients won't have anywhere cheaper to go.", 'price-fixing'],
  ["Shred the old notes, I don't want those lying around if the auditors ever ask.", 'destroy-evidence'],
  ['The agency pays under the rate but nobody ever checks.', 'nobody-will-notice'],
  ['We all agreed to 6% with the other distributors at the trade fair.', 'price-fixing'],
  ['The pressure test failed, so substitute the certificates from the previous unit.', 'falsify-records'],
  ['The true set of ledgers stays with me until the VAT inspection is done.', 'falsify-records'],
  ['If the HSE ring, that side of it never comes up.', 'hide-from-regulator'],
  ['Can you re-date the training certificates to last month before the audit?', 'backdating'],
  ['We keep two sets of minutes: the tidy one for the client and the real one.', 'off-the-books'],
  ['That payment stays off the company books, obviously.', 'off-the-books'],
  ["Don't flag this to the insurer until the claim is paid.", 'hide-from-regulator'],
  ['Nobody needs to see the maintenance log before the audit.', 'hide-from-regulator'],
  ['If the insurer asks, the crack appeared after the handover.', 'hide-from-regulator'],
  ['Fill in the logbook now and date the entries as if they were done weekly.', 'backdating'],
  // the company's own checkers kept out, and records kept clear of a trigger
  ['The relief valve failed its retest and I passed it anyway. Do not mention this to QA.', 'hide-from-regulator'],
  ["Put 480 on the noise sheet so it doesn't trigger a second survey.", 'hide-from-regulator'],
  // rivals sharing out work and holding a floor
  ['Both yards will work it out between themselves who gets the hull contract and who gets the refit.', 'price-fixing'],
  ['Like we said at the trade fair, neither of us goes below 12 a pallet this season.', 'price-fixing'],
  ['Let them have the Dunmore lot and they will return the favour on the spring tender.', 'price-fixing'],
  // cash kept off the paperwork
  ['Cash for the driveway job, split four ways. Do not put it on the job sheet.', 'off-the-books'],
  ['A little thank-you envelope for the surveyor, not through the ledger of course.', 'off-the-books'],
  // kept from whoever is entitled to see it
  ["The assessor is in on Monday. Take the March delivery notes home, he doesn't need to see them.", 'kept-from-scrutiny'],
  ['The ladder was out of date when Sam fell. Replace it before the insurer visits and let us not bring up the tag.', 'kept-from-scrutiny'],
  ['Please hold off logging the fall until I have spoken to the family.', 'kept-from-scrutiny'],
  ['Drop runs 3 to 5 before the file goes to the sponsor.', 'kept-from-scrutiny'],
  ["The subpoena lands next week and honestly I'd rather those notes didn't exist.", 'kept-from-scrutiny'],
  // prices agreed with rivals, cash kept out of the books, two versions
  ['Can you tell Hartwell what the other bids came in at? I want them to win.', 'price-fixing'],
  ["They're going up 6% in March and so are we, that way nobody is undercutting anyone.", 'price-fixing'],
  ['Break his cash into three deposits, each under the threshold so we do not have to report it.', 'off-the-books'],
  ["Pay the driver in cash and don't run it through the payroll.", 'off-the-books'],
  ['Attached are the real figures, not the version we sent the bank.', 'off-the-books'],
  ['We fix the meter tonight and it never happened.', 'cover-up'],
  ["Best we don't put the real reason for the cancellation in writing.", 'avoid-writing'],
  ['Run the old claim forms through the shredder before the auditors arrive.', 'destroy-evidence'],
  // knowledge beside silence, in the same paragraph
  ["We've known about the seal problem since spring. Leave it out of the customer newsletter.", 'known-and-kept-quiet'],
  ['Engineering knew before the launch. Keep selling the current units and no recall notice for now.', 'known-and-kept-quiet'],
  ["We've been aware for months. On Friday, position it as something QA spotted this week.", 'known-and-kept-quiet'],
  // off e-mail, beside a topic that would not survive being written down
  ['About the stock count before the audit: not on email, ring me tonight.', 'channel-switch'],
  ['The valuation is a bit generous. Better to talk by phone about it.', 'channel-switch'],
  ["The cash for the inspector is sorted. Let's not go into it on email.", 'channel-switch'],
  // a record rewritten, and beside it a sign the new version is meant to mislead
  ['Please redo the chiller checklist for last week so it reads 3 degrees every day. The auditor never looks at the probe data.', 'altered-record'],
  ["I've adjusted the noise readings for the night shift; if anyone asks, the meter was recalibrated.", 'altered-record'],
  ['Re-score the July call samples. Nobody cross-checks the raw recordings anyway.', 'altered-record'],
  // a failure kept out of the record others rely on
  ["Leave the two failed weld tests out of the handover pack; the insurer doesn't need them.", 'left-out-of-record'],
  ["Don't put the forklift fall in the incident log, we'll sort it between us.", 'left-out-of-record'],
  ['We are not sending the full results to the inspector, only the summary page.', 'left-out-of-record'],
  // a payment dressed as something else
  ["Put his fee through the events budget so it doesn't show as a payment to him.", 'off-the-books'],
  ["Pay the fixer in cash, I don't want our name on any invoice.", 'off-the-books'],
  ['Strictly off the record: we knew about the leak in March.', 'off-the-record'],
  ['Nobody checks these, just backdate the certificate to March.', 'backdating'],
  ['Honestly, just sweep it under the carpet and nobody will ask.', 'cover-up'],
  ['Fake the invoices so the quarter balances.', 'falsify-records'],
  ['Send the inspector a case of wine and 500 in cash before Friday.', 'bribery'],
  // a code in another paragraph excuses nothing here
  ['The door code changes at midnight.\n\nAbout the rebate for Hanlon: do not put this in writing.', 'avoid-writing'],
  ["Keep the line running, just don't enter the torque readings into the maintenance log.", 'avoid-writing'],
  ['Overwrite the CCTV before the prosecutor asks for it.', 'destroy-evidence'],
  ['Keep the reported count under the state threshold until the cruise ends.', 'hide-from-regulator'],
  ['We agreed not to notify the regulator until the refinancing closed.', 'hide-from-regulator'],
  ['Their rep says they will hold quotes at 40 a tonne minimum if we do the same.', 'price-fixing'],
  // counting on nobody checking; bidders agreeing a ceiling
  ['Print the old certificate and send it anyway, nobody checks.', 'nobody-will-notice'],
  ['Use the cheaper labels, nobody verifies anyway.', 'nobody-will-notice'],
  ["Spoke to their deal team: neither of us goes above 8x for the Hollin assets.", 'price-fixing'],
  // binned after reading; records cleared before a freedom-of-information request
  ["Bin this email once you've read it, and the spreadsheet too.", 'destroy-after-reading'],
  ['Delete the complaint notes before the FOI request lands.', 'destroy-evidence'],
  ['Please delete this email after you read it.', 'destroy-after-reading'],
  ['Burn after reading, seriously.', 'destroy-after-reading'],
  ['Shred these before Monday.', 'destroy-evidence'],
  ['Wipe the emails on the shared inbox before the auditors arrive.', 'destroy-evidence'],
  ['We need to get rid of the evidence before this goes further.', 'destroy-evidence'],
  ['Clean up the folder before the auditors see it.', 'destroy-evidence'],
  ['Turn off retention on the sales chat until the review is over.', 'destroy-evidence'],
  ["Don't put this in writing.", 'avoid-writing'],
  ['Call me instead of emailing about the Henley account.', 'avoid-writing'],
  ['Keep this off email from now on.', 'avoid-writing'],
  ["I don't want a paper trail on the rebate.", 'avoid-writing'],
  ['Keep this payment off the books.', 'off-the-books'],
  ['Leave that out of the minutes, please.', 'off-the-books'],
  ['Strictly off the record: the numbers are soft.', 'off-the-record'],
  ['This conversation never happened.', 'off-the-record'],
  ['We knew about the defect in the hinge and shipped them anyway.', 'knew-defect'],
  ['Known issue with the valve, but ship it anyway.', 'knew-defect'],
  ['Management had known about the contamination for months.', 'knew-defect'],
  ['We have to cover this up before the board meeting.', 'cover-up'],
  ['Sweep it under the rug and move on.', 'cover-up'],
  ["Don't tell the FDA about the second batch.", 'hide-from-regulator'],
  ['If the auditors ask, we never saw the memo.', 'hide-from-regulator'],
  ['Can you backdate the contract to March 1?', 'backdating'],
  ['Just fudge the numbers a little for the board deck.', 'falsify-records'],
  ['They cooked the books for two years.', 'falsify-records'],
  ['Log the visit as if it happened on Monday.', 'falsify-records'],
  ['We agreed on pricing with our competitors at the trade show.', 'price-fixing'],
  ["Don't log the near miss on the scaffold, we'll get audited.", 'hide-from-regulator'],
  ['Leave the damp readings out of the log until after the inspection.', 'hide-from-regulator'],
  ["We'll call it an advisory fee so it gets through procurement.", 'bribery'],
  ['Shall we agree with the two rivals to keep the surcharge where it is?', 'price-fixing'],
  ['I have an understanding with the other tenderers on the depot job.', 'price-fixing'],
  ['Our main rival has promised to hold its rates if we hold ours.', 'price-fixing'],
  ["We won't undercut them if they stay out of Texas.", 'price-fixing'],
  ["Let's split the market with them: you take the north, we take the south.", 'price-fixing'],
  ['We can rig the bid so Halvorsen wins this one.', 'price-fixing'],
  ['A little grease for the wheels at the permit office would help.', 'bribery'],
  ['Set aside a little something for the inspector.', 'bribery'],
  ['The kickback goes through the consulting line.', 'bribery'],
  ['Call it a facilitation payment and move on.', 'bribery'],
  ['Tell your brother to buy the shares before the announcement.', 'insider-trading'],
  ['Find a reason to fire her before she files the complaint.', 'retaliation'],
  ['It is technically illegal but nobody enforces it.', 'illegal-awareness'],
  ['There must be no paper trail on this.', 'avoid-writing'],
  ['Make the complaint disappear.', 'cover-up'],
  ['Dump the old calibration printouts before the inspectors turn up.', 'destroy-evidence'],
  ['Engineering has known for a year that the bracket cracks, but we keep shipping it.', 'knew-defect'],
  ['Nobody outside finance should ever find out about the write-off.', 'cover-up'],
  // Vocabulary sets (record nouns, named regulators, officials, defect and ship words) reach across trades.
  ['Bin the sign-in sheets before the environmental health visit on Friday.', 'destroy-evidence'],
  ['Shred the calibration logs, the auditors are in next week.', 'destroy-evidence'],
  ['Mark the boiler service as done, even though the engineer never came.', 'falsify-records'],
  ['We know the strap cracks under load, but keep selling it.', 'knew-defect'],
  ['Keep the residents in the dark about the damp survey.', 'hide-from-regulator'],
  ['Leave the spill out of the monthly report to the council.', 'hide-from-regulator'],
  ['Pay them cash in hand this month.', 'off-the-books'],
  ['Give the customs officer something extra and the crates will clear.', 'bribery'],
  ['Keep this off Slack, ring me instead.', 'avoid-writing'],
  ["Don't tell the tenants the boiler failed its gas check.", 'hide-from-regulator'],
  ['Keep the trustees out of the loop on the overspend.', 'hide-from-regulator'],
  ["Don't let the auditors anywhere near the Q2 reconciliations.", 'hide-from-regulator'],
  ['Hold off notifying the insurer until the claim window closes.', 'hide-from-regulator'],
  ['Keep the subcontractor fees out of the ledger this month.', 'off-the-books'],
  ['Sign the pump off as tested and we will run it next week.', 'falsify-records'],
  ['Their new tariff stays as it is, provided we hold ours.', 'price-fixing'],
  ['We will not chase each other\'s customers in the east.', 'price-fixing'],
  ["We've known about the cracks in the beams since March and kept selling the units anyway.", 'knew-defect'],
  ['Can you doctor the timesheets so the hours add up?', 'falsify-records'],
  // a fix word that is denied is no excuse
  ['They knew about the cracks and never told the tenants.', 'knew-defect'],
  ["We've known about the leak since Monday and haven't fixed it.", 'knew-defect'],
  ['Take the temperature logs home tonight, the EHO is in tomorrow.', 'destroy-evidence'],
  ['Make it look as if the hoist was inspected last week.', 'falsify-records'],
  ['Adjust the delivery times on the dockets before the traffic commissioner sees them.', 'falsify-records'],
  ['Move this to WhatsApp, the work chat is archived.', 'avoid-writing'],
  ["Don't email me about the refund, I'll ring you.", 'avoid-writing'],
  ["Tenants don't need to know about the mould in block C.", 'hide-from-regulator'],
  ["Put the deposits through the sister company so the bank doesn't see them.", 'hide-from-regulator'],
  ['Keep the loss adjuster out of the plant room.', 'hide-from-regulator'],
  ['Give the licensing officer a case of wine and he will sort the renewal.', 'bribery'],
  ["We're both putting the hourly rate up to 60 in May, so neither of us loses work.", 'price-fixing'],
  ["We agreed to stay off each other's shops in the town centre.", 'price-fixing'],
  ['Put two grand in an envelope for the planning clerk.', 'bribery'],
  ['Load up on Harlow stock before the takeover is announced.', 'insider-trading'],
  ['We kept selling the jars even though the seal test failed.', 'knew-defect'],
  ["If the fire brigade calls, we didn't know the alarm was off.", 'hide-from-regulator'],
  ['No one will ever know we skipped the torque check.', 'cover-up'],
  ['We never had this call, agreed?', 'off-the-record'],
  ['The fewer people who hear about the leak, the better.', 'cover-up'],
  ['Paint over the mould in flat 2 before the surveyor comes.', 'cover-up'],
  ['Split the order into two so each stays under the sign-off limit.', 'illegal-awareness'],
  ['Slip the harbour master a drink for his trouble.', 'bribery'],
  ['Give her the worst rota until she resigns.', 'retaliation'],
  ['If the papers get hold of this, we are finished.', 'cover-up'],
  ['Say nothing to the underwriters about the flood.', 'cover-up'],
  ['Act like the fire drill was done on the day when the auditor asks.', 'falsify-records'],
  ['Forget you ever saw these numbers.', 'off-the-record'],
  ["Book it to sundries so the auditors don't query it.", 'hide-from-regulator'],
  ['We pay the drivers under the table, so keep them off the rota.', 'off-the-books'],
  ['Half of the fee goes under the table to his cousin.', 'off-the-books'],
  ['Just shred the old maintenance logs before the inspector comes round.', 'destroy-evidence'],
  ['Clear out the old fire-door logs before the inspector comes round.', 'destroy-evidence'],
  // misconduct described plainly, without record words
  ['Just say the extinguishers were serviced in May.', 'falsify-records'],
  ['Just tell the regulator the discharge readings were within limits.', 'falsify-records'],
  ["Put down that the load test passed; we'll redo it next month.", 'falsify-records'],
  ['Mark the ladder as inspected and Sam will look at it whenever he is back.', 'falsify-records'],
  ['Date the order the 30th so it falls in the old financial year.', 'falsify-records'],
  ['Move the date on the handover note so it looks like we met the deadline.', 'falsify-records'],
  ['Forge a sign-off from the site engineer.', 'falsify-records'],
  ["Say the guard was fitted when she got hurt, even though it wasn't.", 'falsify-records'],
  ["Don't log the pallet incident, we're trying to keep the streak.", 'hide-from-regulator'],
  ['Slip the purchasing manager a couple of tickets for the final.', 'bribery'],
  ['Offer the licensing officer a weekend at the cottage.', 'bribery'],
  ['Pick up some shares before the merger news is out.', 'insider-trading'],
  ['Tell your brother to sell his shares before the profit warning.', 'insider-trading'],
  ['We have known the hinges crack under load for months and kept fitting them.', 'knew-defect'],
  ['Keep it off the logbook and pay him cash.', 'off-the-books'],
  ["Pay the temps from the float; the accountant doesn't need to know.", 'off-the-books'],
  ['We knew about the hinge defect before delivery.', 'knew-defect'],
  ['The inspector stays happy as long as his envelope arrives before the visit.', 'bribery'],
  ['A case of champagne to the licensing clerk and the permit clears by Friday.', 'bribery'],
];

const MUST_NOT: string[] = [
  "Bill the client for the full 40 hours as agreed; they'll check it against the timesheets.",
  'We agreed with Brightline to keep our prices at last year\'s level for the renewal.',
  'That prototype will never see the light of day, sadly.',
  'We must leave an audit trail for every change to the register.',
  "There's no paper trail for this expense, can you find the receipt?",
  'We all agreed on the venue with the other agencies in the consortium.',
  'I always lose the file I need on this laptop.',
  // the same words, harmless
  'If I lose my commission over this, I will raise it with payroll.',
  'Shred the sign-in sheets once they are in the system, as per the records retention procedure.',
  'The contractor will bury the new data cables under the car park on Friday.',
  'Move your car off the loading bay until the delivery van has left.',
  'Nobody ever tests the fire doors on our floor, can facilities book a check?',
  'Sit on it until Monday and we will decide with fresh eyes.',
  'Set the filter so that cancelled orders never show up in the weekly report.',
  "The report shows March instead of April in the date range, could you rerun it?",
  'I have uploaded the Kestrel Fabrications files to the portal.',
  'Put him in the back office where nobody has to see the mess.',
  'Copy the readings from the calibration sheet into the log.',
  'I printed a second set of sheets for the auditors, they are on the table.',
  'Swap in the figures from the new forecast before Friday.',
  'From Monday, holiday requests go through the HR portal rather than by email.',
  'We are planning a surprise leaving do for Priya. Please do not mention it on the team chat!',
  'The client asked us to delete all their records at the end of the contract, so please run the purge and send the deletion certificate.',
  'A few invoices were backdated automatically by the old system during the migration; IT has a ticket open.',
  'The treaty with Swiss Re (our reinsurer), dated 3 May, is attached.',
  // accounting words and placeholders in a form
  'The new rules push banks to take risky assets off the books faster.',
  'In the test screen, use "real data" if known and "fake data" (contracts, ids) if unknown.',
  'Two sets of minutes were taken by mistake; please use the one from Anna.',
  'Please flag this to the auditors before Friday so they can plan.',
  'Nobody needs to see the draft before it is proofread.',
  // an asset written off, a setting, a checker told on purpose
  'The old pumping station was written off the books when it closed in 2015.',
  "Lower the alarm threshold so it doesn't trigger every time the door opens.",
  'Please mention this to QA before Friday so they can plan the retest.',
  // a machine's error code, test data on schedule, a rule against shredding, a true date, a collection
  'The label printer keeps throwing a fault code on start-up, can IT have a look before the compliance check?',
  'Under the retention schedule we will delete the sandbox accounts created for the pilot on 30 June.',
  "Nothing goes in the shredder without checking with Records first, please.",
  'The offer letter says 3 March but it goes out today, so please redate it to today.',
  "We're doing a whip-round for Sam's retirement: put cash in the envelope on my desk by Thursday.",
  "Their press officer let slip off the record that the recall was late; can Legal check before we publish?",
  "I've reported the foreman's remark to HR. Nobody should have to hear that at work.",
  // the same words with nothing kept from anyone
  "The kids don't need to know about the surprise party.",
  "I'll take the laptops home for the weekend and bring them back Monday.",
  'After the award, please tell the team what the other bids came in at so we can learn from it.',
  'The valve failed once in 2019 and it never happened again.',
  'We put the leak right last month and the inspector has signed it off.',
  // security, training and jokes, not concealment
  "Please delete this after reading, the new door code for the plant room is in it.",
  'If an official ever asks for a facilitation payment, the answer is no and you call Legal.',
  'The night report did not mention the boiler leak, so I logged it this morning.',
  'Off the books lol: lunch is on me today.',
  // knowledge and phone calls in ordinary mail
  "We've known about the venue change since Monday, so leave the old address out of the invite.",
  "We knew the deadline was tight; thanks everyone for pulling it off.",
  "Don't email the client yet, call me when you land.",
  "The audit went well. I'm driving, so not on email today, ring me instead.",
  'We knew about the leak last week and the plumber fixed it; we reported it to the landlord.',
  // editing records and reports for honest reasons
  'Never adjust a count to make it match the system; write down what you see.',
  'I corrected the dates in the log, they were a typo, and added a dated note.',
  'Rewrite the batch record template so it shows the cleaning step clearly.',
  'Leave the draft appendix out of the report to the board; it goes in next month.',
  "Please take the patients' names off the incident log before it goes to the regulator, and keep the rest.",
  "Don't put personal data in the shared log, the inspector asked us to anonymise it.",
  "The refund goes back to the card, so it will show as a payment on your statement.",
  'Remember that nothing is off the record with journalists.',
  'We don\'t do off-the-record briefings on recalls.',
  // the honest thing asked for, and a reporter's source
  'Invoices are dated the day they arrive and never backdated.',
  'If a reading was missed, leave the box empty rather than fake the figures.',
  'Please use the values from the test guide instead of making up numbers.',
  'Talked to the site manager off the record; she will go on the record on Monday.',
  // drills, demos, warnings, retention notices, promises and office collections
  'Security will send a few fake phishing emails this month; report them with the button.',
  'Remember the training environment runs on fake customer data only.',
  'Please watch out for fake invoices from suppliers asking to change bank details.',
  'Call recordings are kept for 60 days and then overwritten, unless a complaint is under investigation.',
  'We have refunded everyone affected, so nothing has been swept under the carpet.',
  'The leaving card and the collection are in a brown envelope on my desk.',
  // papers for the auditors, not a gift
  'Once the reconciliation is done I will send the auditors a selection of 40 invoices.',
  // security advice about a code named a sentence before (avoid-writing's excusedBy)
  'The alarm code changes at midnight. Get it from the shift lead in person and do not email it.',
  'Your new wifi password is on the card in reception. Please don\'t write it down anywhere.',
  'The national pay award for staff this year is 3.5%, backdated to April.',
  'If anyone approaches you about throwing a game, report it to me or the integrity officer.',
  "We destroyed Westbrook's full-court press in the second half.",
  'Neither of us will be in on Friday, so please send questions to Priya.',
  "Just don't put anything in the system until it's approved.",
  "Just don't put personal data in the ticket, link to the record instead.",
  'Keep your personal opinions off the written evaluation.',
  'Keep the number of attendees under the fire limit.',
  'We decided not to notify parents until the trip was confirmed.',
  "Please make sure that's what the minutes say before we circulate them.",
  'Nobody actually checks the fire extinguishers, which worries me; can facilities look?',
  "Just don't put your name in the visitor log, initials are fine.",
  "Keep your shoes off the paper, it's still drying.",
  'Nobody checks the shared inbox on Fridays, so call me if it is urgent.',
  'This report is a waste of paper if nobody reads it, so let us shorten it.',
  "It's fine as long as no-one checks in anything that breaks the build.",
  // the act condemned, not proposed
  'Massaging the figures would be fraud, so we report the miss as it is.',
  'Faking the test results is a sackable offence.',
  // a news desk holding a story for a later bulletin
  'Happy to bury the bypass story till tomorrow if the desk agrees.',
  // sincere sentences shaped like the session-7 families
  'If the auditors ask, the reconciliation was completed on the 3rd and the file is on the shared drive.',
  "The inspectors don't need to see the draft, only the signed final version.",
  'Buyers rarely check the small print, which is why we spell it out in bold.',
  'Please make the duplicate invoices disappear from the queue; finance already paid the originals.',
  'The court never checks the exhibit numbering, so we must get it right ourselves.',
  "Keep the invoice out of the system until it's approved, it has a wrong PO.",
  'Sign it as inspected once Joe has checked it.',
  'We deleted the duplicate records before the audit, per the retention policy.',
  'Please delete the duplicate invite.',
  "We'll destroy the old test database after the migration.",
  'Legal hold: preserve all documents and do not delete or destroy anything related to the Carver matter.',
  'Shred the expired HR files per our retention schedule.',
  'We have a price-match policy for online orders.',
  'Our pricing is competitive in every region.',
  'Your raise is backdated to January 1.',
  'Please change the date on the meeting invite.',
  'Nobody will notice the downtime during the cutover window.',
  'Passwords should not be in email.',
  'Complete the anti-bribery training by Friday.',
  'We fixed the pricing page bug this morning.',
  'Wipe the laptop before you return it to IT for recycling.',
  'Our cover letter template is attached.',
  'I read the article about price fixing cases in the news.',
  'Can you sign off the invoice before Friday so it gets paid?',
  "Don't report the spill to me, report it to the site safety officer.",
  "Sorry, I didn't report the incident yet because I was off sick; doing it now.",
  'Please book the trade show as a marketing expense.',
  'Annual reminder from Legal: do not share pricing or bid details with competitors at trade fairs.',
  'We agreed with the landlord to keep the rent where it is for another year.',
  'Let me know when you have read the attached policy.',
  'The round trip fare to Denver is $420.',
  'The journalist agreed to keep my comments off the record.',
  "Please don't shred any of the inspection records.",
  'Archive the old calibration printouts before the inspectors arrive so they can read them.',
  'We have known about the bracket issue since May and the fix ships next week.',
  'Keep the customer in the loop on every delay.',
  'Sign the pump off once it has actually been tested.',
  'We review each other\'s customer tickets every Monday.',
  'We knew about the leak and called the plumber straight away.',
  'Change the date of the fire drill to Thursday.',
  'Wipe down the counters before the environmental health visit.',
  'Shred the spare blank forms, we have moved to the digital version.',
  'Keep all the calibration logs until the auditors have finished.',
  'Please put the broken pallets in the skip before the surveyor walks the site.',
  "Don't tell the tenants about the rent review yet.",
  "We've known about the leak in the kitchen since Monday; facilities are fixing it tomorrow.",
  'The doctor reviewed the test results with the patient.',
  'We knew about the fire drill and did not mention it to the new starters.',
  'We knew about the fault and reported it to the manufacturer straight away.',
  'We knew the boiler was unsafe so we shut it and called the engineer.',
  "We'll move the on-call rota to WhatsApp because it works abroad.",
  'The loss adjuster visits Tuesday; give him full access to the plant room.',
  'The ethics training covers bid rigging and bribery; finish it by Friday.',
  "Do text me when you land, I'll call you back.",
  "Please ring me rather than emailing, I'm driving most of the day.",
  'Split the invoice into three stage payments as the contract says.',
  'Forget I said anything, it was a silly idea.',
  'IT will reformat the site laptop after the HSE investigator has taken an image of it.',
  'If the press asks, send them to the comms team.',
  'Please take the HR files home only in the locked bag, per the off-site records policy.',
  'Facilities will destroy the old staff badges and SIM cards once the new ones are issued.',
  'Tape the extension cable under the table so nobody trips over it.',
  'Please clear your desks and empty the bins before the auditors arrive on Monday.',
  'We burned the midnight oil before the inspection, and it showed.',
  'Kickback from the table saw is the most common injury in the shop; use the riving knife.',
  // near misses of the plain-misconduct constructions
  'Tell the inspector the boiler is in the basement, door B.',
  "The build passed; we'll check it again next week.",
  "Sign the contract and we'll send the countersigned copy next week.",
  "Please date the form with today's date when you sign it.",
  "Let's forge ahead with the certificate renewal.",
  "Don't report the pallet incident to me, report it to the safety officer.",
  'The pay rise is backdated to April.',
  "Good news on the pay deal for the warehouse team. It will be backdated to April, so you'll see it in June.",
  'Your salary increase will be back-dated to January.',
  'Pick up some snacks before the results announcement.',
  'Tell the auditor the accounts were reviewed by Maria last week.',
  "Please confirm that it was tested; we'll check it again next week.",
  "Date the letter so it lands before Friday's post.",
  'The 4% pay rise agreed with the union in March is backdated to 1 April.',
  "Set a strong master password and don't write it down.",
  'The test data is in place, all fake test names and numbers.',
  'We knew the old pump had failed before, so we replaced it.',
  'If the inspector asks, show him the maintenance log.',
  'This summary is wasted if nobody reads it.',
  'The training module covers bribery, kickbacks and gifts to officials.',
  'If the auditors ask, tell them to contact me directly.',
  "Don't tell the kids about the trip until after Christmas.",
  'Our volume rebate gives us 3% back on orders over 10k.',
  'Nobody checks in code on Fridays after four.',
  "I'd rather the board saw the full version, warts and all.",
  'If they call, I was not in the office yesterday.',
  "The inspector won't check the east wing today because it's closed.",
  "Customers don't need to see the internal ticket number.",
  'Tell the auditor the stock was counted on Friday, not Saturday.',
  'Clear the old log files from the server before the security audit so we have disk space.',
  'Bring the cash and then the order is confirmed.',
  'The court never looks at emails sent after the deadline, so file early.',
];

const LOW_ONLY: string[] = [
  "Let's take this offline after the standup.",
  // quoted as someone else's words: shown, no prompt at send
  'Our records training lists phrases like "shred it before the audit" as ones never to write.',
];

describe('legal lexicon', () => {
  for (const [text, rule] of MUST_FLAG) {
    it(`flags ${rule}: ${JSON.stringify(text)}`, () => {
      const found = legal(text);
      const hit = found.find((f) => f.rule === rule);
      assert.ok(hit, `expected legal/${rule}, got ${JSON.stringify(found.map((f) => f.rule))}`);
      assert.ok(hit.severity === 'medium' || hit.severity === 'high', `severity ${hit.severity}`);
      assert.ok(hit.message.length > 0 && (hit.suggestion ?? '').length > 0);
    });
  }

  for (const text of MUST_NOT) {
    it(`does not flag ${JSON.stringify(text)}`, () => {
      assert.deepEqual(
        legal(text).map((f) => `${f.rule}:${f.text}`),
        [],
      );
    });
  }

  it('the learned scorer warns on at most 3 of the innocent sentences above', () => {
    // Its own false alarms on wording it never trained on, counted: lower the figure when it improves.
    // 1 -> 2 when legal's threshold went from 0.8 to 0.55 (scripts/train-model.ts THRESHOLDS);
    // 2 -> 3 when personal names stopped being features ("pick up some snacks before the results
    // announcement", 0.57), at 0.55 and at 0.5 alike.
    const warned = learnedWarnings(classifier, MUST_NOT, 'legal');
    assert.ok(warned.length <= 3, `${warned.length}: ${warned.join(' | ')}`);
  });

  for (const text of LOW_ONLY) {
    it(`only informs on ${JSON.stringify(text)}`, () => {
      const found = legal(text);
      assert.ok(found.length > 0, 'expected an informational finding');
      assert.ok(found.every((f) => f.severity === 'low' && f.action === 'inform'));
    });
  }

  it('ignores smoking-gun wording inside a forwarded message', () => {
    const text = 'See below, FYI.\n\n---------- Forwarded message ---------\nFrom: Sam\n\nDelete this after reading.\n';
    assert.deepEqual(legal(text), []);
  });

  it('reports the subject field too', () => {
    const r = classifier.classify({ subject: 'Delete this after reading', body: 'See attached.' });
    const hit = r.findings.find((f) => f.category === 'legal');
    assert.ok(hit);
    assert.equal(hit.field, 'subject');
    assert.equal(hit.text, 'Delete this after reading');
  });
});
