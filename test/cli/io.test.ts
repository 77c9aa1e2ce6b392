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
