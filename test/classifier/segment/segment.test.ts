import { strict as assert } from 'node:assert';
import { findSegments, inSegment } from '../../../src/classifier/segment/segment.js';

/** The texts of the segments of one kind. */
function parts(text: string, kind: string): string[] {
  return findSegments(text)
    .filter((s) => s.kind === kind)
    .map((s) => text.slice(s.start, s.end));
}

describe('findSegments', () => {
  it('finds "> " quoted lines', () => {
    const text = 'My answer.\n> your question\n>> older\nmore of mine';
    assert.deepEqual(parts(text, 'quote'), ['> your question', '>> older']);
  });

  it('treats everything after "On … wrote:" as quoted, also when the header wraps', () => {
    const one = 'Sounds good.\n\nOn Mon, 2 Jun 2025 at 10:00, Sam Lee <sam@x.example> wrote:\nold text';
    assert.deepEqual(parts(one, 'quote'), ['On Mon, 2 Jun 2025 at 10:00, Sam Lee <sam@x.example> wrote:\nold text']);
    const wrapped = 'Fine.\nOn Mon, 2 Jun 2025 at 10:00, Sam Lee <sam@x.example>\nwrote:\nold text';
    assert.equal(parts(wrapped, 'quote')[0]!.startsWith('On Mon'), true);
  });

  it('takes everything after "On … wrote:" for quoted, a reply written below the "> " lines included (DESIGN.md section 2)', () => {
    const below = 'Top line.\n\nOn Mon, 2 Jun 2025, Sam Lee <sam@x.example> wrote:\n> can you send the figures?\n\nSent them this morning.';
    assert.deepEqual(parts(below, 'quote'), ['On Mon, 2 Jun 2025, Sam Lee <sam@x.example> wrote:\n> can you send the figures?\n\nSent them this morning.']);
  });

  for (const sep of ['-----Original Message-----', '---------- Forwarded message ---------', 'Begin forwarded message:', '________________________________']) {
    it(`treats everything after "${sep}" as quoted`, () => {
      const text = `Mine.\n${sep}\nFrom: A\nold`;
      assert.deepEqual(parts(text, 'quote'), [`${sep}\nFrom: A\nold`]);
    });
  }

  it('treats an Outlook From:/Sent: block and what follows as quoted', () => {
    const text = 'See below.\n\nFrom: Jane Roe <jane@x.example>\nSent: Tuesday, June 3, 2025 9:14 AM\nTo: Me\nSubject: Re: plan\n\nold words';
    assert.equal(parts(text, 'quote')[0]!.startsWith('From: Jane'), true);
  });

  it('does not take a From: line without a Sent/Date line for a header', () => {
    assert.deepEqual(findSegments('From: the team, with thanks for a great year.\nMore text.'), []);
  });

  it('finds a signature after "-- " and after a sign-off with a few short lines', () => {
    const dashes = 'Text.\n-- \nJane Roe\n+1 555 0100';
    assert.deepEqual(parts(dashes, 'signature'), ['-- \nJane Roe\n+1 555 0100']);
    const signOff = 'Text here.\n\nBest regards,\nJane Roe\nHead of Sales\nAcme Corp';
    assert.deepEqual(parts(signOff, 'signature'), ['Best regards,\nJane Roe\nHead of Sales\nAcme Corp']);
  });

  it('does not take a sign-off word inside a sentence for a signature', () => {
    assert.deepEqual(parts('Thanks for nothing, you clown.\nBye', 'signature'), []);
  });

  it('does not take a sign-off followed by a long body for a signature', () => {
    const body = 'Thanks,\n' + Array.from({ length: 12 }, (_, i) => `line ${i} of the actual message`).join('\n');
    assert.deepEqual(parts(body, 'signature'), []);
  });

  it('finds a legal disclaimer paragraph', () => {
    const text =
      'Numbers attached.\n\nThis email and any attachments are confidential and intended solely for the addressee. If you received this message in error, delete it.\n\nP.S. lunch?';
    assert.deepEqual(parts(text, 'disclaimer'), [
      'This email and any attachments are confidential and intended solely for the addressee. If you received this message in error, delete it.',
    ]);
  });

  it('finds quoted lines with the quoted writer\'s initials or name before ">"', () => {
    const text = 'Agreed.\nKM> the budget is late\nKM>> older point\n    Priya> indented quote\n    Priya> more\nMy own reply.';
    assert.deepEqual(parts(text, 'quote'), ['KM> the budget is late', 'KM>> older point', '    Priya> indented quote', '    Priya> more']);
  });

  it('keeps a lone "Word> " line (a menu path) as the writer\'s own text', () => {
    assert.deepEqual(parts('Open Tools> Options to change it.\nSettings> Mail> Rules is where it lives.', 'quote'), []);
  });

  it('finds runs of "| " quoted lines but not table rows or a lone "|" line', () => {
    const text = 'See:\n| the cutover is friday\n| and the freeze starts thursday\nOk by me.';
    assert.deepEqual(parts(text, 'quote'), ['| the cutover is friday', '| and the freeze starts thursday']);
    assert.deepEqual(parts('| region | total |\n| north | 12 |\nDone.', 'quote'), []);
    assert.deepEqual(parts('Steps:\n| first, back up\nthen upgrade', 'quote'), []);
  });

  it('treats an attribution line without "On" and the quoted run after it as quoted, not the reply below', () => {
    const text = 'Hi all,\n\nDana Whitaker <dana@x.example> wrote:\n# can we move the review\n#\n# to monday?\nYes, monday works for me.';
    assert.deepEqual(parts(text, 'quote'), ['Dana Whitaker <dana@x.example> wrote:', '# can we move the review', '#', '# to monday?']);
    const msg = 'In message <abc123@host.example>, Lee writes:\n> the script fails\nTry the new flag.';
    assert.deepEqual(parts(msg, 'quote'), ['In message <abc123@host.example>, Lee writes:', '> the script fails']);
  });

  it('does not swallow the writer\'s own text after a line that merely ends with "wrote:"', () => {
    const text = 'Here is the summary I wrote:\nrevenue is up, costs are flat.\nComments welcome.';
    assert.deepEqual(findSegments(text), []);
    const mid = 'As the auditor wrote: the controls held up.\nNext steps below.';
    assert.deepEqual(findSegments(mid), []);
  });

  it('reads a dash-escaped "- -- " line in a signed message as the signature delimiter', () => {
    const text = 'Patch attached.\n\n- -- \nRui Costa  rui@x.example\nrui.costa@y.example';
    assert.deepEqual(parts(text, 'signature'), ['- -- \nRui Costa  rui@x.example\nrui.costa@y.example']);
  });

  it('returns sorted, non-overlapping segments that inSegment can search', () => {
    const text = 'a\n> q1\nb\n> q2\nThanks,\nJo\n> q3\nOn Mon, Sam wrote:\nold';
    const segs = findSegments(text);
    for (let k = 1; k < segs.length; k++) assert.ok(segs[k]!.start >= segs[k - 1]!.end);
    assert.equal(inSegment(segs, text.indexOf('q1')), true);
    assert.equal(inSegment(segs, text.indexOf('b')), false);
    assert.equal(inSegment(segs, text.indexOf('old')), true);
  });
});
