import assert from 'node:assert/strict';
import { MemoryOutput, sanitize } from '../../src/cli/io.js';

describe('cli/io', () => {
  const table: [string, string, string][] = [
    ['plain text is unchanged', 'Hello, wörld 😀\tok', 'Hello, wörld 😀\tok'],
    ['ANSI escape', 'a\u001b[31mb', 'a\ufffd[31mb'],
    ['bell and backspace', 'a\u0007\u0008b', 'a\ufffd\ufffdb'],
    ['newline shown as a symbol, CR dropped', 'a\r\nb', 'a\u21b5b'],
    ['C1 control and DEL', 'a\u009b\u007fb', 'a\ufffd\ufffdb'],
    ['bidi override and isolate', 'a\u202eb\u2066c', 'a\ufffdb\ufffdc'],
  ];
  for (const [name, input, expected] of table) it(name, () => assert.equal(sanitize(input), expected));

  it('MemoryOutput collects writes', () => {
    const out = new MemoryOutput();
    out.write('a');
    out.write('b\n');
    assert.equal(out.text, 'ab\n');
  });
});

describe('cli/io emit', () => {
  it('waits for drain when the stream says it is full, and not otherwise', async () => {
    const { EventEmitter } = await import('node:events');
    const { emit } = await import('../../src/cli/io.js');
    const full = Object.assign(new EventEmitter(), { written: [] as string[], write(c: string) { this.written.push(c); return false; } });
    let done = false;
    const pending = emit(full, 'x').then(() => (done = true));
    await new Promise((r) => setImmediate(r));
    assert.equal(done, false, 'still waiting for drain');
    full.emit('drain');
    await pending;
    assert.equal(done, true);
    const out = new MemoryOutput();
    await emit(out, 'y');
    assert.equal(out.text, 'y');
  });
});
