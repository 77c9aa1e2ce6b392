import { strict as assert } from 'node:assert';
import { createClassifier } from '../../src/classifier/index.js';
import type { Finding } from '../../src/classifier/index.js';

/**
 * The shipped legal lexicon (lexicons/en/legal.yml) through the real engine: smoking-gun
 * wording must warn with the expected rule and exact offsets; ordinary deletion, litigation
 * holds, retention-policy shredding and pricing policies must not be flagged.
 */
const classifier = createClassifier();

function legal(text: string): Finding[] {
  const found = classifier.classify(text).findings.filter((f) => f.category === 'legal');
  for (const f of found) assert.equal(text.slice(f.start, f.end), f.text, `offsets of ${f.rule} in ${JSON.stringify(text)}`);
  return found;
}

const MUST_FLAG: Array<[string, string]> = [
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
  ['Can you backdate the contract to March 1?', 'falsify-records'],
  ['Just fudge the numbers a little for the board deck.', 'falsify-records'],
  ['They cooked the books for two years.', 'falsify-records'],
  ['Log the visit as if it happened on Monday.', 'falsify-records'],
  ['We agreed on pricing with our competitors at the trade show.', 'price-fixing'],
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
  ['Purge the old receipts from the finance team shared folder before the auditors ask for them.', 'destroy-evidence'],
  ['We shredded the maintenance records last week, as agreed.', 'destroy-evidence'],
  ['Make sure that folder goes missing before the inspection.', 'destroy-evidence'],
  ['We could conveniently lose the original invoices.', 'destroy-evidence'],
  ['We agreed with the other contractors to keep our bids above 2 million.', 'price-fixing'],
  ['Coordinated with our rivals on the spring price increase.', 'price-fixing'],
  ['The units were overheating in testing and we released them anyway.', 'knew-defect'],
  ['They knew the valve was sticking and sold it regardless.', 'knew-defect'],
  ['They have been aware of the fault in the brakes since spring.', 'knew-defect'],
  ['Their rep and I agreed we will both hold at 8% over list.', 'price-fixing'],
  ['Just tick it as inspected, nobody looks at these anyway.', 'falsify-records'],
  ['Change the shipment date so the sale counts in Q4.', 'falsify-records'],
  ['Leave the auditors out of the loop on this one.', 'illegal-awareness'],
  ["Compliance mustn't find out about the side payment.", 'hide-from-regulator'],
  ["Let's not mention the leak to the client.", 'cover-up'],
  ["Don't tell the customer about the contamination.", 'cover-up'],
  ["Make sure the draft minutes don't exist by the time the investigators arrive.", 'destroy-evidence'],
  ['Pull the warning letters out of her file before the tribunal.', 'destroy-evidence'],
  ['I deleted the whole chain about the injury.', 'destroy-evidence'],
  ["Don't run the commission through payroll, we'll pay it in cash.", 'off-the-books'],
  ['We knew the brackets were cracking but the client wanted them installed.', 'knew-defect'],
  ['We have an understanding with them on pricing for the framework.', 'price-fixing'],
  ['Give the clerk a little something extra and the permit will come through.', 'bribery'],
  ['Tell the auditors we never saw the invoice.', 'hide-from-regulator'],
  ['Log the shift as attended even though nobody turned up.', 'falsify-records'],
  ['Adjust the readings so they are within tolerance.', 'falsify-records'],
  ["Let's just say the maintenance was done.", 'falsify-records'],
  ['Strip any reference to the brake problem from the minutes.', 'destroy-evidence'],
  ['Make the texts disappear before Monday.', 'destroy-evidence'],
  ['Keep that payment out of the ledger.', 'off-the-books'],
  ['Better not to email about it.', 'avoid-writing'],
  ["We've known for weeks that the casings crack under load.", 'knew-defect'],
  ['Get him to sign the form, he does not need to actually inspect the rig.', 'falsify-records'],
  ['Burn the minutes from the March board call.', 'destroy-evidence'],
  ['Quietly delete the two entries from the maintenance log.', 'destroy-evidence'],
  ["Don't write any of it down.", 'avoid-writing'],
  ['If the HSE asks, the barrier was always there.', 'hide-from-regulator'],
  ["Don't bring it up during the inspection.", 'hide-from-regulator'],
  ['Book the finder fee as marketing expenses so nobody asks.', 'hide-from-regulator'],
  ['The weld test failed but log it as a pass.', 'falsify-records'],
  ['There must be no paper trail on this.', 'avoid-writing'],
  ['Make the complaint disappear.', 'cover-up'],
];

const MUST_NOT: string[] = [
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
  'Let me know when you have read the attached policy.',
  'The round trip fare to Denver is $420.',
  'The journalist agreed to keep my comments off the record.',
  'I accidentally deleted the file, can you restore it from the backup?',
  'We shredded the expired contracts per the retention schedule.',
  'We agreed with the other vendors on the agenda for the joint webinar.',
  'We were aware of the leak and reported it to facilities the same day.',
  "Please don't shred any of the inspection records.",
  'The flood destroyed the files in the basement archive.',
  "We'll all hold at the gate until the coach arrives.",
  "We're not going to report the incident to the client, as it's below the threshold.",
  'We have been aware of the fault since Tuesday and engineers are working on a fix.',
  "Legal can't know about every contract unless you tell them.",
  'Please change the meeting date so it works for the Sydney team.',
  'We knew the old disk was failing so we migrated the data.',
  'Pay the customs officer the extra fee at the border.',
  'My understanding on pricing is that list price applies.',
  'Fix the test data so the unit tests pass.',
  'Adjust the figures so they match the new exchange rate.',
  'Give the inspector something to read while he waits.',
  "Please remove any mention of the client's name from the report.",
  "We've known for a while that the roof leaks and facilities fixed it.",
  'The test failed twice, so we raised a defect and logged it.',
  'Remove the old entries from the test log before the demo.',
];

const LOW_ONLY: string[] = ["Let's take this offline after the standup."];

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
