/**
 * Line and column of offsets in a text, for `source:line:col` output.
 *
 * Lines end at `\n`, `\r\n` or a lone `\r` (a CRLF counts once). Lines and
 * columns start at 1; a column counts Unicode code points from the start of
 * the line (an emoji is one column, as a reader counts it, not two UTF-16
 * units). Offsets are UTF-16 indexes into the text, as in findings.
 */
export interface Position {
  line: number;
  col: number;
}

/**
 * Positions of many offsets in one left-to-right pass over the text: linear in
 * the text length plus the number of offsets (offsets are sorted first), so a
 * long single-line draft with many findings stays cheap.
 * Offsets outside [0, text.length] are clamped.
 */
export function positionsOf(text: string, offsets: readonly number[]): Position[] {
  const order = offsets.map((_, i) => i).sort((a, b) => offsets[a]! - offsets[b]!);
  const result: Position[] = new Array(offsets.length);
  let line = 1;
  let col = 1;
  let i = 0;
  for (const k of order) {
    const target = Math.max(0, Math.min(text.length, Math.floor(offsets[k]!)));
    for (; i < target; i++) {
      const c = text.charCodeAt(i);
      const prev = i > 0 ? text.charCodeAt(i - 1) : 0;
      if (c === 0x0d || (c === 0x0a && prev !== 0x0d)) {
        line++;
        col = 1;
      } else if (c === 0x0a) {
        // The LF of a CRLF: the CR already ended the line.
      } else if (isLow(c) && prev >= 0xd800 && prev <= 0xdbff) {
        // The low half of a surrogate pair: the pair is one column, counted at its high half.
      } else {
        col++;
      }
    }
    result[k] = { line, col };
  }
  return result;
}

/** Position of a single offset. */
export function positionOf(text: string, offset: number): Position {
  return positionsOf(text, [offset])[0]!;
}

function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
