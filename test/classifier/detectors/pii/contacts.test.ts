import assert from 'node:assert/strict';
import { CONTACT_LIST_MIN, findEmails, findPhones, scanContacts } from '../../../../src/classifier/detectors/pii/contacts.js';

const values = (text: string, spans: { start: number; end: number }[]) => spans.map((s) => text.slice(s.start, s.end));

describe('pii contacts scanners', () => {
  it('finds formatted phone numbers with exact spans', () => {
    const text = 'Call (503) 555-0146 or +44 20 7946 0321, fax 503.555.0199; cell +1 310 555 0147.';
    assert.deepEqual(values(text, findPhones(text)), ['(503) 555-0146', '+44 20 7946 0321', '503.555.0199', '+1 310 555 0147']);
  });

  it('splits a comma-separated list of phones', () => {
    const text = '917-555-0188, 646-555-0123, 347-555-0169';
    assert.deepEqual(values(text, findPhones(text)), ['917-555-0188', '646-555-0123', '347-555-0169']);
  });

  it('reads a UK national number and a country hinted one', () => {
    const a = 'mobile 07911 123456';
    assert.deepEqual(values(a, findPhones(a)), ['07911 123456']);
    // Ofcom's drama range (07700 900000-900999) is read as a mobile, though libphonenumber calls it
    // unassigned: sample mail is written with it; the next number up is an ordinary invalid one.
    const drama = 'mobile 07700 900461, or +44 7700 900999';
    assert.deepEqual(values(drama, findPhones(drama)), ['07700 900461', '+44 7700 900999']);
    assert.deepEqual(findPhones('mobile 07700 901461'), []);
    const b = 'my Japanese number is 090-2345-6789';
    assert.deepEqual(values(b, findPhones(b)), ['090-2345-6789']);
  });

  it('needs a phone word for a bare digit run', () => {
    assert.deepEqual(findPhones('PO 2025004417 is approved'), []);
    const t = 'phone: 2025550143';
    assert.deepEqual(values(t, findPhones(t)), ['2025550143']);
  });

  it('does not read versions, IPs, dates or prices as phones', () => {
    for (const t of ['release 10.2.155.3001', 'host 192.168.100.101', 'on 2024-05-01', 'cost $4155550132', '1/2/2024', 'INC-4155550132']) {
      assert.deepEqual(findPhones(t), [], t);
    }
  });

  it('stops reading phones in a table of figures (bounded libphonenumber work), after finding those before it', () => {
    // Seven-digit groups, each a distinct phone-shaped candidate that libphonenumber must parse.
    const rows: string[] = [];
    for (let k = 0; k < 3000; k++) rows.push(`${2000000 + k * 7919} ${3000000 + k * 104729}`);
    const before = 'Reach me at (503) 555-0146.\n';
    const after = '\nOr call 917-555-0188.';
    const text = before + rows.join('\n') + after;
    const found = values(text, findPhones(text));
    assert.equal(found[0], '(503) 555-0146');
    assert.ok(!found.includes('917-555-0188'), 'past the table nothing more is read');
    // The same number without the table in front is found: the limit is what hid it.
    assert.deepEqual(values(after, findPhones(after)), ['917-555-0188']);
  });

  it('finds e-mail addresses with a linear scanner', () => {
    const text = 'Write to <dana.whit+news@mail.lanternpeak.example>, or ops@x-y.co.uk. Not: a@b, @home, foo@bar., x..y@z.com';
    assert.deepEqual(values(text, findEmails(text)), ['dana.whit+news@mail.lanternpeak.example', 'ops@x-y.co.uk']);
  });

  it('keeps a sentence-ending dot out of the address and accepts IDN domains', () => {
    const t = 'Mail jo@example.org. Or hans@bücher.example.';
    assert.deepEqual(values(t, findEmails(t)), ['jo@example.org', 'hans@bücher.example']);
  });

  it('stays linear on long runs of @ and local-part characters', () => {
    const t = 'a@'.repeat(20000) + 'x'.repeat(20000);
    assert.ok(Array.isArray(findEmails(t)));
  });

  it(`calls ${CONTACT_LIST_MIN}+ distinct phones a contact list`, () => {
    const list = 'Call tree:\nAmy - 917-555-0188\nBo - 646-555-0123\nCy - 347-555-0169\nDee - 718-555-0142\n';
    assert.equal(scanContacts(list).isList, true);
    assert.equal(scanContacts('Amy - 917-555-0188\nBo - 646-555-0123\n').isList, false);
  });

  it('does not count quoted lines, headers, signatures or role addresses towards a list', () => {
    const mail =
      'Thanks, see below.\n\n' +
      'From: Ann <ann@corp.example>\nTo: bob@corp.example, cy@corp.example,\n  dee@corp.example\n' +
      '> eve@corp.example wrote:\n' +
      'Questions go to info@corp.example or support@corp.example.\n' +
      '-- \nFred fred@corp.example\n';
    assert.equal(scanContacts(mail).isList, false);
    const roster = 'New team:\nann@corp.example\nbob@corp.example\ncy@corp.example\ndee@corp.example\n';
    assert.equal(scanContacts(roster).isList, true);
  });
  it("does not take one person's or one organization's contact block for a list", () => {
    // one writer's several addresses after a dash-escaped signature delimiter (PGP-signed mail)
    const signed = 'Patch below.\n\n- -- \nRui Costa   rui@a-mail.example\n  rcosta@b-mail.example\n  rui@costa.example\n  costa@c-mail.example\n';
    assert.equal(scanContacts(signed).isList, false);
    // a help desk's staff lines in one office exchange, plus its main number
    const desk = 'Call the service desk at 512-330-2000, or Ana at 512-471-3301, Ben at 512-471-3302 or Cleo at 512-471-3307.';
    assert.equal(scanContacts(desk).isList, false);
    // private numbers in different exchanges are still a list, and so are numbers written in the
    // fictional 555 exchange, which says nothing about a shared office
    assert.equal(scanContacts('Ana 512-330-2000, Ben 512-471-3302, Cleo 512-688-1407, Dev 512-901-2210').isList, true);
    assert.equal(scanContacts('Ana 512-555-0101, Ben 512-555-0102, Cleo 512-555-0103, Dev 512-555-0104').isList, true);
  });

  it("does not take a newsletter's published staff box for a list", () => {
    const staff = 'STAFF\nEdited by Ana Ruiz (ana@news.example), Ben Ode (ben@mail.example),\nCleo Park (cleo@post.example) and Dev Shah (dev@inbox.example).\n\nTo unsubscribe, reply with STOP.';
    assert.equal(scanContacts(staff).isList, false);
    assert.equal(scanContacts(staff.slice(0, staff.indexOf('\n\nTo unsub'))).isList, true);
  });

  it('splits two addresses joined by "|"', () => {
    assert.deepEqual(findEmails('alternates = "ops@x.example|dev@x.example"').map((e) => e.key), ['ops@x.example', 'dev@x.example']);
  });
});
