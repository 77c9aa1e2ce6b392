import assert from 'node:assert/strict';
import { applyOverrides, decodeText, kindOf, readInput, toRecipient, type InputItem } from '../../src/cli/input.js';
import { FIXTURES } from './helpers.js';

async function all(path: string, stdin = ''): Promise<InputItem[]> {
  const out: InputItem[] = [];
  async function* once(): AsyncGenerator<Buffer> {
    yield Buffer.from(stdin);
  }
  for await (const item of readInput(path, { stdin: once(), cwd: FIXTURES })) out.push(item);
  return out;
}

describe('cli/input', function () {
  // Each case builds a classifier; generous under a loaded shared machine (no timing is asserted).
  this.timeout(120_000);
  const kinds: [string, string][] = [
    ['-', 'text'],
    ['a.eml', 'eml'],
    ['A.EML', 'eml'],
    ['box.mbox', 'mbox'],
    ['notes.txt', 'text'],
    ['README', 'text'],
    ['mail.eml.txt', 'text'],
    ['archive.mbox.gz', 'text'],
  ];
  for (const [path, kind] of kinds) it(`${path} is read as ${kind}`, () => assert.equal(kindOf(path), kind));

  const recipients: [string, unknown][] = [
    ['a@x.example', 'a@x.example'],
    ['  a@x.example ', 'a@x.example'],
    ['Kim Lee <kim@x.example>', { emailAddress: 'kim@x.example', displayName: 'Kim Lee' }],
    ['"Lee, Kim" <kim@x.example>', { emailAddress: 'kim@x.example', displayName: 'Lee, Kim' }],
    ['<kim@x.example>', '<kim@x.example>'],
  ];
  for (const [text, expected] of recipients) it(`reads the address ${text}`, () => assert.deepEqual(toRecipient(text), expected));

  it('overrides replace only what is given', () => {
    const draft = { body: 'b', subject: 's', to: ['t@x.example'], from: 'f@x.example' };
    assert.deepEqual(applyOverrides(draft, {}), draft);
    assert.deepEqual(applyOverrides(draft, { to: [], subject: '' }), { ...draft, subject: '' });
    assert.deepEqual(applyOverrides(draft, { cc: ['c@x.example'], from: 'g@x.example' }), { ...draft, cc: ['c@x.example'], from: 'g@x.example' });
  });

  it('decodes UTF-8 text, drops a byte-order mark, turns CRLF into LF, replaces invalid bytes', () => {
    assert.equal(decodeText(Buffer.from('\ufeffa\r\nb\rc', 'utf8')), 'a\nb\nc');
    assert.equal(decodeText(Buffer.from([0x61, 0xff, 0x62])), 'a\ufffdb');
    // UTF-16 with its byte-order mark (Windows "Unicode" text), both byte orders.
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('you idiot\r\nü', 'utf16le')]);
    assert.equal(decodeText(le), 'you idiot\nü');
    const be = Buffer.from(le.subarray(2)).swap16();
    assert.equal(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), be])), 'you idiot\nü');
  });

  it('reads standard input as one plain-text message', async () => {
    assert.deepEqual(await all('-', 'hello\r\n'), [{ source: '<stdin>', draft: { body: 'hello\n' } }]);
  });

  it('yields errors instead of throwing: missing file, directory, malformed mbox message', async () => {
    assert.deepEqual(await all('nope.txt'), [{ source: 'nope.txt', error: 'cannot read: no such file or directory' }]);
    assert.match((await all('.'))[0]!.error!, /is a directory/);
    const box = await all('archive.mbox');
    assert.deepEqual(
      box.map((i) => [i.source, i.error === undefined]),
      [
        ['archive.mbox#1', true],
        ['archive.mbox#2', true],
        ['archive.mbox#3', false],
        ['archive.mbox#4', true],
      ],
    );
    assert.equal(box[1]!.draft!.subject, 'Re: Lunch');
    assert.ok(box[1]!.draft!.body.includes('\nFrom the desk of Sam'), 'the >From line is unescaped');
  });
});
