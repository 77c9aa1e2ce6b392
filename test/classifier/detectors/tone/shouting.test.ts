import { strict as assert } from 'node:assert';
import { shoutingDetector } from '../../../../src/classifier/detectors/tone/shouting.js';

/** The shouting detector called directly: [text, expected shouted slices]. */
function shouted(text: string): string[] {
  const hits = shoutingDetector.detect(text);
  for (const h of hits) {
    assert.equal(h.category, 'tone');
    assert.equal(h.rule, 'shouting');
    assert.ok(h.start >= 0 && h.end <= text.length && h.start < h.end);
  }
  return hits.map((h) => text.slice(h.start, h.end));
}

const MUST_FLAG: Array<[string, string[]]> = [
  ['WHY IS THIS STILL BROKEN', ['WHY IS THIS STILL BROKEN']],
  // capitals with swearing in them are hostile, whatever else they say
  ['WHO THE FUCK MOVED MY TOOLBOX', ['WHO THE FUCK MOVED MY TOOLBOX']],
  ['Right. THIS IS BULLSHIT AND EVERYONE KNOWS IT.', ['THIS IS BULLSHIT AND EVERYONE KNOWS IT.']],
  ['Please review. THIS IS THE THIRD TIME I HAVE ASKED.', ['THIS IS THE THIRD TIME I HAVE ASKED.']],
  ['FOR THE LAST TIME, STOP EDITING THE MASTER SCHEDULE.', ['FOR THE LAST TIME, STOP EDITING THE MASTER SCHEDULE.']],
  ['WHY DID NOBODY CHECK THIS?? IT IS STILL WRONG.', ['WHY DID NOBODY CHECK THIS?? IT IS STILL WRONG.']],
  ['WHY IS THE INVOICE STILL UNPAID', ['WHY IS THE INVOICE STILL UNPAID']],
  ['I told you we NEVER SHIP ON FRIDAYS, ok?', ['NEVER SHIP ON FRIDAYS']],
  ['The form has ONE field. ONE. Fill it in.', ['ONE', 'ONE']],
  ['ÉCOUTEZ: STOP SENDING THE WRONG FILES AGAIN.', ['ÉCOUTEZ: STOP SENDING THE WRONG FILES AGAIN.']],
  ['THIS IS YOUR FINAL WARNING. Miss one more slot and we are done.', ['THIS IS YOUR FINAL WARNING.']],
  ['I HAVE ALREADY ANSWERED THIS TWICE.', ['I HAVE ALREADY ANSWERED THIS TWICE.']],
  ['I AM DONE ASKING NICELY. Keys on my desk by six.', ['I AM DONE ASKING NICELY.']],
  ['THAT IS FOUR TIMES NOW?? Read the checklist.', ['THAT IS FOUR TIMES NOW??']],
  // an accusation to whoever keeps doing it, and excuses refused
  ['TO WHOEVER KEEPS TAKING VAN 3 HOME: BRING IT BACK. Thanks.', ['TO WHOEVER KEEPS TAKING VAN 3 HOME: BRING IT BACK.']],
  ['NO MORE EXCUSES, I NEED THE EXCUSE NOTES BY FIVE.', ['NO MORE EXCUSES, I NEED THE EXCUSE NOTES BY FIVE.']],
  // one weaker sign in capitals, and the mail shouts a word elsewhere
  ['The scanner jammed AGAIN this morning. I AM DONE FIXING IT FOR THEM.', ['I AM DONE FIXING IT FOR THEM.']],
  // a masked swear word in capitals is swearing, so hostile
  ['WHO THE F*CK LEFT THE GATE OPEN. Cattle everywhere.', ['WHO THE F*CK LEFT THE GATE OPEN.']],
  // two masks in a row hide a word as well as one does
  ['I AM SO DONE WITH THIS S**T. Third failed delivery.', ['I AM SO DONE WITH THIS S**T.']],
  // GO is an ordinary verb in an angry sentence, not a cheer
  ['AS I HAVE SAID TWICE, ORDERS GO IN BY NOON.', ['AS I HAVE SAID TWICE, ORDERS GO IN BY NOON.']],
  // an echo: a short sentence in capitals hammering what the sentence before said, words or digits
  ['we have three shelves. THREE. Come and collect it.', ['THREE.']],
  ['It has been 3 weeks. 3 WEEKS. Do you want the order or not', ['3 WEEKS.']],
  ['Appointments are 15 minutes. FIFTEEN. Not 25.', ['FIFTEEN.']],
  // one exasperated emphasis word with raised marks on its line
  ['just checking in AGAIN on the contract. any answer this year????', ['AGAIN']],
  ['We are waiting since May. This is NOT ACCEPTABLE!!!', ['NOT', 'ACCEPTABLE']],
  ['WHY is the float short again??', ['WHY']],
  // an order in capitals to the reader, and "I DON'T CARE"
  ['ANSWER YOUR PHONE. The client has called four times.', ['ANSWER YOUR PHONE.']],
  ["I DON'T CARE WHAT THE SYSTEM SAYS. Pay them on the 25th.", ["I DON'T CARE WHAT THE SYSTEM SAYS."]],
];

const MUST_NOT: string[] = [
  'FYI the Q3 OKR review is ASAP.',
  'URGENT: please review the attached SOW by EOD.',
  'PROJECT STATUS REPORT',
  'Thanks,\nJOHN SMITH\nSENIOR VICE PRESIDENT, SALES',
  'SELECT NAME FROM USERS WHERE ID = 1',
  'THE SOFTWARE IS PROVIDED AS IS, WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED.',
  'Set MAX_RETRIES and HTTP_PROXY in the ENV file, then restart.',
  'Our KPIs and OKRs go to the CEO before the QBR.',
  'PLEASE NOTE THE NEW DIAL-IN NUMBER FOR FRIDAY.',
  'WHOEVER PARKED THE BLUE VAN IN BAY 3, PLEASE MOVE IT BEFORE NOON.',
  'HAPPY BIRTHDAY TO YOU, SAM!!!',
  'ALL DONE!! THANKS EVERYONE FOR THE HARD WORK',
  'CLASSES RUN THREE TIMES A DAY. PLEASE WIPE THE MATS.',
  'We signed with ACME GLOBAL LOGISTICS PARTNERS today.',
  'Please do NOT forward this email.',
  'WHY ARE WE MOVING TO THE NEW MAIL SYSTEM?',
  // the same capitals with no other shouting in the mail: a notice
  'I AM DONE WITH THE ROTA FOR MAY. Copies are on the board.',
  // a product of variables is not a masked word
  'MULTIPLY A*B*C FOR EACH ROW OF THE SHEET',
  'GO TEAM GO!!! WE WON THE BID',
  'STORM WARNING FOR THE COAST. THE WEATHER SERVICE HAS ISSUED A STORM WARNING FOR THE BAY AREA.',
  'HOW TO ENROLL: 1. Open the portal.',
  // a name repeated in capitals is a label, not an echo; a word the sentence before did not say is none
  'Project Apollo update. APOLLO.',
  'Room booked for Tuesday. TUESDAY.',
  'we have three shelves. FOUR.',
  // warm emphasis with marks, and an exasperated word whose marks are on another line
  'GREAT news !!!! Testing is complete.',
  'Let us NEVER forget this year.\nOn to the next one.\nThank you all!!!',
  'It was ALREADY on the list.\n\nSee you at the party!!!',
  // sales mail shouts NOW and TODAY with its marks
  'Start making money TODAY!!! Order NOW!!!',
  // notices in capitals that start with a verb
  'READ THIS CAREFULLY BEFORE SIGNING.',
  'REPLY TO THIS EMAIL TO CONFIRM YOUR PLACE.',
  'PLEASE TAKE CARE ON THE STAIRS.',
  'I',
  '',
];

describe('tone/shouting detector', () => {
  for (const [text, expected] of MUST_FLAG) {
    it(`flags ${JSON.stringify(text)}`, () => {
      assert.deepEqual(shouted(text), expected);
    });
  }
  for (const text of MUST_NOT) {
    it(`does not flag ${JSON.stringify(text)}`, () => {
      assert.deepEqual(shouted(text), []);
    });
  }

  it('merges consecutive shouted lines into one finding', () => {
    const text = 'Team,\nSTOP CHANGING THE PLAN.\nI HAVE TOLD YOU THIS TWICE.\nThanks';
    assert.deepEqual(shouted(text), ['STOP CHANGING THE PLAN.\nI HAVE TOLD YOU THIS TWICE.']);
  });

  it('does not merge shouted lines across a line it passes over unread', () => {
    // The middle line has no word with two capitals, so the detector skips it without splitting it into units.
    const text = 'WHY IS THIS STILL WRONG AGAIN\nok, fine then\nSTOP EDITING THE MASTER COPY NOW';
    assert.deepEqual(shouted(text), ['WHY IS THIS STILL WRONG AGAIN', 'STOP EDITING THE MASTER COPY NOW']);
  });

  it('is a warning (medium) with a message and a suggestion', () => {
    const [hit] = shoutingDetector.detect('STOP SENDING ME THE WRONG FILE');
    assert.ok(hit);
    assert.equal(hit.severity, 'medium');
    assert.ok(hit.message.length > 0 && (hit.suggestion ?? '').length > 0);
  });

  it('keeps UTF-16 offsets with astral characters before the shouting', () => {
    const text = '😀😀 Hi. WHY IS THIS STILL WRONG';
    assert.deepEqual(shouted(text), ['WHY IS THIS STILL WRONG']);
  });

  it('copes with pathological input (one long capital word, no spaces, punctuation only)', () => {
    assert.deepEqual(shouted('A'.repeat(50_000)), []);
    assert.deepEqual(shouted('!?.'.repeat(20_000)), []);
    const many = 'STOP SENDING IT NOW. '.repeat(5_000);
    const hits = shoutingDetector.detect(many);
    assert.equal(hits.length, 1, 'consecutive shouted sentences merge into one finding');
    assert.ok(shoutingDetector.detect('NO. '.repeat(20_000)).length <= 20, 'emphasis findings are capped');
  });
});
