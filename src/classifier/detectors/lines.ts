/** Bounded line look-ups for the detectors: every look is capped, so scans that call them stay linear. */

/** Start of the line containing `i`, looking back at most `limit` characters (keeps scans linear). */
export function lineStartOf(text: string, i: number, limit = 400): number {
  const stop = Math.max(0, i - limit);
  for (let j = i - 1; j >= stop; j--) if (text.charCodeAt(j) === 10) return j + 1;
  return stop;
}
/** End (exclusive, before the newline) of the line containing `i`, looking ahead at most `limit` characters. */
export function lineEndOf(text: string, i: number, limit = 400): number {
  const stop = Math.min(text.length, i + limit);
  for (let j = i; j < stop; j++) if (text.charCodeAt(j) === 10) return j;
  return stop;
}
