import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { MalformedMessageError, headerProblem, parseEml } from '../../src/cli/eml.js';
import { fixture } from './helpers.js';

describe('cli/eml', () => {
  it('decodes a multipart message: quoted-printable (soft break inside a word) and base64 parts, encoded subject, addresses, date', async () => {
    const m = await parseEml(readFileSync(fixture('multipart.eml')));
    assert.ok(m.body.includes('Café meeting at ten. The quuxfire deck is attached.'), m.body);
    assert.ok(m.body.includes('We will zorblax them if they slip again.'), m.body);
    assert.ok(!m.body.includes('=C3') && !m.body.includes('quux='), 'quoted-printable left encoded');
    assert.equal(m.subject, 'Plan for Zorblax');
    assert.deepEqual(m.to, [
      { emailAddress: 'sam@corp.example', displayName: 'Sam Ortiz' },
      { emailAddress: 'kim@partner.example', displayName: 'Lee, Kim' },
    ]);
    assert.deepEqual(m.cc, ['team@corp.example']);
    assert.deepEqual(m.from, { emailAddress: 'dana@corp.example', displayName: 'Dana Reyes' });
    assert.equal(m.date?.toISOString(), '2026-11-23T09:15:00.000Z');
  });

  it('turns an HTML-only message into text (no tags, entities decoded, script not kept)', async () => {
    const m = await parseEml(readFileSync(fixture('html-only.eml')));
    assert.ok(m.body.includes('The quuxfire numbers & the plan are below.'), m.body);
    assert.ok(!m.body.includes('<'), m.body);
    assert.ok(!m.body.includes('alert'), m.body);
  });

  it('normalizes CRLF to LF in the body', async () => {
    const m = await parseEml(Buffer.from('Subject: x\r\n\r\nline one\r\nline two\r\n'));
    assert.equal(m.body, 'line one\nline two\n');
  });

  it('reads group addresses and a message without To', async () => {
    const m = await parseEml(Buffer.from('To: Team: a@x.example, b@x.example;\r\n\r\nhi\r\n'));
    assert.deepEqual(m.to, ['a@x.example', 'b@x.example']);
    const n = await parseEml(Buffer.from('Subject: none\n\nhi\n'));
    assert.deepEqual(n.to, []);
    assert.equal(n.from, undefined);
  });

  const malformed: [string, string][] = [
    ['empty', ''],
    ['blank', '\n\n  \n'],
    ['prose first line', 'hello there, no headers\n\nbody'],
    ['empty header name', ': value\n\nbody'],
    ['space in the name', 'Not A Header: x\n\nbody'],
  ];
  for (const [name, raw] of malformed) {
    it(`rejects a malformed message: ${name}`, async () => {
      await assert.rejects(parseEml(Buffer.from(raw)), MalformedMessageError);
    });
  }

  const wellFormed = ['Subject: s\n\nb', 'X-Custom-Header: 1\n\n', '\ufeffFrom: a@x.example\n\nb', 'Received: from x by y\r\n\r\n'];
  for (const raw of wellFormed) {
    it(`accepts the start of a message: ${JSON.stringify(raw.slice(0, 18))}`, () => {
      assert.equal(headerProblem(Buffer.from(raw)), undefined);
    });
  }
});
