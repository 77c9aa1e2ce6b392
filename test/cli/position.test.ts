import assert from 'node:assert/strict';
import fc from 'fast-check';
import { positionOf, positionsOf } from '../../src/cli/position.js';

describe('cli/position', () => {
  const table: [string, string, number, number, number][] = [
    ['start of text', 'abc', 0, 1, 1],
    ['middle of first line', 'abc', 2, 1, 3],
    ['end of text', 'abc', 3, 1, 4],
    ['after LF', 'ab\ncd', 3, 2, 1],
    ['on the LF itself', 'ab\ncd', 2, 1, 3],
    ['after CRLF counts one line', 'ab\r\ncd', 4, 2, 1],
    ['between CR and LF', 'ab\r\ncd', 3, 2, 1],
    ['lone CR is a break', 'ab\rcd', 4, 2, 2],
    ['blank lines', 'a\n\n\nb', 4, 4, 1],
    ['emoji is one column', '😀x', 2, 1, 2],
    ['inside a surrogate pair: the pair counts once', '😀x', 1, 1, 2],
    ['tab is one column', '\tx', 1, 1, 2],
    ['offset past the end is clamped', 'ab', 99, 1, 3],
    ['negative offset is clamped', 'ab', -4, 1, 1],
  ];
  for (const [name, text, offset, line, col] of table) {
    it(name, () => assert.deepEqual(positionOf(text, offset), { line, col }));
  }

  it('answers many offsets in any order, each as if asked alone', () => {
    const text = 'one\r\ntwo 😀 three\nfour\rfive';
    const offsets = [20, 0, 5, 12, 3, 27, 5];
    assert.deepEqual(
      positionsOf(text, offsets),
      offsets.map((o) => positionOf(text, o)),
    );
  });

  it('property: matches a line/column count over the text split on line breaks', () => {
    const text = fc.array(fc.constantFrom('a', 'b', ' ', '\n', '\r', '\r\n', '😀', 'é'), { maxLength: 40 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, fc.nat(60), (t, raw) => {
        const offset = Math.min(raw, t.length);
        const before = t.slice(0, offset);
        // Reference: split on CRLF | CR | LF (a CR whose LF is past the offset still ends the line).
        const lines = before.split(/\r\n|\r|\n/);
        const last = lines[lines.length - 1]!;
        const expected = { line: lines.length, col: [...last].length + 1 };
        assert.deepEqual(positionOf(t, offset), expected);
      }),
      { numRuns: 500 },
    );
  });
});
