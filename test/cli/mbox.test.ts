import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { MboxSplitter, readMbox, readMboxFile, type MboxMessage } from '../../src/cli/mbox.js';
import { tempDir } from '../temp-dir.js';

/** Stores messages the mboxrd way: envelope line, body with `>*From ` lines escaped, blank separator line. */
function store(messages: { envelope: string; body: string }[], eol = '\n'): Buffer {
  let out = '';
  for (const m of messages) {
    const escaped = m.body
      .split('\n')
      .map((line) => (/^>*From /.test(line) ? `>${line}` : line))
      .join('\n');
    out += `From ${m.envelope}${eol}${escaped}${eol}`;
  }
  return Buffer.from(out, 'utf8');
}

/** Feeds `bytes` cut at the given offsets and collects every message. */
function split(bytes: Buffer, cuts: number[], options = {}): MboxMessage[] {
  const splitter = new MboxSplitter(options);
  const points = [...new Set(cuts.filter((c) => c > 0 && c < bytes.length))].sort((a, b) => a - b);
  const out: MboxMessage[] = [];
  let prev = 0;
  for (const p of [...points, bytes.length]) {
    out.push(...splitter.push(bytes.subarray(prev, p)));
    prev = p;
  }
  out.push(...splitter.end());
  return out;
}

async function* chunks(parts: (string | Buffer)[]): AsyncGenerator<Buffer> {
  for (const p of parts) yield Buffer.isBuffer(p) ? p : Buffer.from(p, 'utf8');
}

async function collect(gen: AsyncGenerator<MboxMessage>): Promise<MboxMessage[]> {
  const out: MboxMessage[] = [];
  for await (const m of gen) out.push(m);
  return out;
}

describe('cli/mbox', () => {
  it('splits on From lines at line starts and drops the envelope and separator line', () => {
    const bytes = Buffer.from(
      'From alice@example.com Mon Nov 23 10:00:00 2026\nSubject: one\n\nbody one\n\n' +
        'From bob@example.com Mon Nov 23 11:00:00 2026\nSubject: two\n\nbody two\n\n',
    );
    const msgs = split(bytes, []);
    assert.equal(msgs.length, 2);
    assert.deepEqual(
      msgs.map((m) => [m.index, m.envelope, m.raw.toString()]),
      [
        [1, 'alice@example.com Mon Nov 23 10:00:00 2026', 'Subject: one\n\nbody one\n'],
        [2, 'bob@example.com Mon Nov 23 11:00:00 2026', 'Subject: two\n\nbody two\n'],
      ],
    );
    assert.equal(msgs[1]!.offset, bytes.indexOf('From bob'));
  });

  it('does not split on "From" inside a line, on "From:" headers or on escaped >From lines, and unescapes one >', () => {
    const bytes = Buffer.from(
      'From a@x Mon\nFrom: A <a@x>\nSubject: s\n\nsaid it. From now on\n>From here we go\n>>From the top\nFromage\n',
    );
    const msgs = split(bytes, []);
    assert.equal(msgs.length, 1);
    assert.equal(msgs[0]!.raw.toString(), 'From: A <a@x>\nSubject: s\n\nsaid it. From now on\nFrom here we go\n>From the top\nFromage');
  });

  it('finds a "From " line split across chunks at every possible cut', () => {
    const text = 'From a@x Mon\nSubject: 1\n\nhello\n>From me\n\nFrom b@x Tue\nSubject: 2\n\nbye\n';
    const bytes = Buffer.from(text);
    const whole = split(bytes, []).map((m) => [m.envelope, m.raw.toString()]);
    assert.equal(whole.length, 2);
    for (let cut = 1; cut < bytes.length; cut++) {
      const parts = split(bytes, [cut]).map((m) => [m.envelope, m.raw.toString()]);
      assert.deepEqual(parts, whole, `cut at ${cut}`);
    }
    // One byte at a time.
    const bytewise = split(bytes, [...Array(bytes.length).keys()]).map((m) => [m.envelope, m.raw.toString()]);
    assert.deepEqual(bytewise, whole);
  });

  it('reads CRLF mboxes, dropping the CRLF separator', () => {
    const bytes = Buffer.from('From a@x Mon\r\nSubject: 1\r\n\r\nhi\r\n\r\nFrom b@x Tue\r\nSubject: 2\r\n\r\nyo\r\n\r\n');
    const msgs = split(bytes, [5, 14, 30]);
    assert.deepEqual(
      msgs.map((m) => [m.envelope, m.raw.toString()]),
      [
        ['a@x Mon', 'Subject: 1\r\n\r\nhi\r\n'],
        ['b@x Tue', 'Subject: 2\r\n\r\nyo\r\n'],
      ],
    );
  });

  it('yields a file that does not start with From as one message, and ignores a blank lead', () => {
    assert.deepEqual(
      split(Buffer.from('Subject: lone\n\nbody\n'), [3]).map((m) => [m.index, m.envelope, m.raw.toString()]),
      [[1, '', 'Subject: lone\n\nbody\n']],
    );
    assert.deepEqual(
      split(Buffer.from('\n\nFrom a@x\nSubject: s\n\nb\n'), []).map((m) => [m.index, m.raw.toString()]),
      [[1, 'Subject: s\n\nb']],
    );
    assert.deepEqual(split(Buffer.alloc(0), []), []);
  });

  it('cuts a message over maxMessageBytes, marks it truncated, and keeps reading the next one', () => {
    const big = 'x'.repeat(100);
    const bytes = Buffer.from(`From a@x\nSubject: big\n\n${big}\n\nFrom b@x\nSubject: small\n\nok\n`);
    const msgs = split(bytes, [7, 50, 90], { maxMessageBytes: 40 });
    assert.equal(msgs.length, 2);
    assert.equal(msgs[0]!.truncated, true);
    assert.equal(msgs[0]!.raw.length, 40);
    assert.equal(msgs[0]!.size, 'Subject: big\n\n'.length + 101);
    assert.equal(msgs[1]!.truncated, false);
    assert.equal(msgs[1]!.raw.toString(), 'Subject: small\n\nok');
  });

  it('takes a very long run of > at a line start as content without carrying it forever', () => {
    const run = '>'.repeat(10_000);
    const bytes = Buffer.from(`From a@x\nSubject: s\n\n${run}\nend\n`);
    const cuts = [];
    for (let i = 1; i < bytes.length; i += 1000) cuts.push(i);
    const msgs = split(bytes, cuts);
    assert.equal(msgs.length, 1);
    assert.equal(msgs[0]!.raw.toString(), `Subject: s\n\n${run}\nend`);
  });

  it('property: any message list, stored and cut into any chunks, reads back exactly', () => {
    const line = fc.oneof(
      fc.string({ maxLength: 12 }).map((s) => s.replace(/\n/g, '')),
      fc.constantFrom('From ', 'From x', '>From y', '>>From z', 'From', 'Fro', '>', '>>From', 'From:', '', '\r', 'é€😀'),
    );
    const body = fc.array(line, { maxLength: 8 }).map((lines) => lines.map((l) => `${l}\n`).join(''));
    const message = fc.record({
      envelope: fc.string({ maxLength: 10 }).map((s) => `s@x ${s.replace(/[\r\n]/g, '')}`),
      body,
    });
    fc.assert(
      fc.property(fc.array(message, { minLength: 1, maxLength: 5 }), fc.array(fc.nat(2000), { maxLength: 12 }), (messages, cuts) => {
        const bytes = store(messages);
        const got = split(bytes, cuts);
        assert.deepEqual(
          got.map((m) => ({ envelope: m.envelope, body: m.raw.toString('utf8') })),
          messages.map((m) => ({ envelope: Buffer.from(m.envelope).toString('latin1'), body: m.body })),
        );
        assert.deepEqual(
          got.map((m) => m.index),
          messages.map((_, i) => i + 1),
        );
        // Each offset points at its envelope line in the file, whatever the chunking.
        for (const m of got) assert.equal(bytes.subarray(m.offset, m.offset + 5 + Buffer.byteLength(messages[m.index - 1]!.envelope)).toString(), `From ${messages[m.index - 1]!.envelope}`);
      }),
      { numRuns: 300 },
    );
  });

  it('readMbox accepts an async stream of Buffers and strings', async () => {
    const msgs = await collect(readMbox(chunks(['From a@x\nSubject: 1\n\nhi\n\nFr', 'om b@x\n', Buffer.from('Subject: 2\n\nyo\n')])));
    assert.deepEqual(
      msgs.map((m) => m.raw.toString()),
      ['Subject: 1\n\nhi\n', 'Subject: 2\n\nyo'],
    );
  });

  it('readMboxFile reads a file in small chunks', async () => {
    const dir = tempDir('st-mbox-');
    const file = join(dir, 'a.mbox');
    const messages = Array.from({ length: 20 }, (_, i) => ({ envelope: `u${i}@x Mon`, body: `Subject: m${i}\n\nFrom the desk of ${i}\n` }));
    writeFileSync(file, store(messages));
    const got = await collect(readMboxFile(file, { chunkSize: 7 }));
    assert.deepEqual(
      got.map((m) => m.raw.toString()),
      messages.map((m) => m.body),
    );
  });
});
