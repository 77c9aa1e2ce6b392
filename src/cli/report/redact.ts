/**
 * Redacted excerpts for the scan report. The report is read by admins and may be passed
 * around, so it must never carry the personal data the scan found:
 * - every `pii` and `secret` finding inside the excerpt is replaced by its rule id
 *   (`[pii/credit-card]`), whole, including when it is the finding the excerpt is about;
 * - every digit is written as `#` (account numbers, amounts, phone numbers the detectors
 *   did not claim, a colleague's salary in a `confidential` finding);
 * - every word containing `@` (an address) is written as `[address]`.
 * What remains is the wording around a finding, which is what an admin needs to judge a rule.
 * Linear: one pass over a window of bounded size.
 */
import type { Draft, Finding } from '../../classifier/types.js';

export interface ExcerptPart {
  text: string;
  /** `match`: the words of the finding; `masked`: a redacted span. Absent: context. */
  kind?: 'match' | 'masked';
}

/** Characters of context on each side of a finding. */
export const CONTEXT_CHARS = 60;
/** Longest shown match; a longer one is cut in the middle. */
const MAX_MATCH_CHARS = 120;

const SENSITIVE = new Set(['pii', 'secret']);

export function redactedExcerpt(draft: Draft, finding: Finding, all: readonly Finding[]): ExcerptPart[] {
  const field = finding.field ?? 'body';
  if (field !== 'body' && field !== 'subject') return [{ text: scrub(finding.message), kind: 'match' }];
  const text = field === 'subject' ? (draft.subject ?? '') : draft.body;
  let from = Math.max(0, finding.start - CONTEXT_CHARS);
  let to = Math.min(text.length, finding.end + CONTEXT_CHARS);
  // Start and end at word boundaries so no half-word (half a name) is shown.
  while (from > 0 && from < finding.start && !/\s/.test(text[from - 1]!)) from++;
  while (to < text.length && to > finding.end && !/\s/.test(text[to]!)) to--;

  // Sensitive spans overlapping the window, in order, merged.
  const masks = all
    .filter((f) => (f.field ?? 'body') === field && SENSITIVE.has(f.category) && f.end > from && f.start < to)
    .map((f) => ({ start: Math.max(from, f.start), end: Math.min(to, f.end), label: `[${f.category}/${f.rule}]` }))
    .sort((a, b) => a.start - b.start);

  const parts: ExcerptPart[] = [];
  if (from > 0) parts.push({ text: '… ' });
  let pos = from;
  const plain = (a: number, b: number, kind?: 'match'): void => {
    if (b <= a) return;
    let t = scrub(text.slice(a, b));
    if (kind === 'match' && t.length > MAX_MATCH_CHARS) t = `${t.slice(0, MAX_MATCH_CHARS / 2)} … ${t.slice(-MAX_MATCH_CHARS / 2)}`;
    if (t) parts.push(kind ? { text: t, kind } : { text: t });
  };
  const span = (a: number, b: number): void => {
    // Context before the match, the match, context after, each scrubbed.
    const ms = Math.max(a, finding.start);
    const me = Math.min(b, finding.end);
    if (me > ms) {
      plain(a, ms);
      plain(ms, me, 'match');
      plain(me, b);
    } else plain(a, b);
  };
  for (const m of masks) {
    if (m.end <= pos) continue;
    span(pos, Math.max(pos, m.start));
    parts.push({ text: m.label, kind: 'masked' });
    pos = Math.max(pos, m.end);
  }
  span(pos, to);
  if (to < text.length) parts.push({ text: ' …' });
  return parts;
}

/** Whitespace runs as one space, digits as #, words with @ as [address], control characters dropped. */
export function scrub(s: string): string {
  let out = '';
  let word = '';
  const flush = (): void => {
    out += word.includes('@') ? '[address]' : word;
    word = '';
  };
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (/\s/.test(ch)) {
      flush();
      if (!out.endsWith(' ')) out += ' ';
    } else if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) {
      // invisible or direction-changing: dropped
    } else if (/\p{Nd}/u.test(ch)) {
      word += '#';
    } else {
      word += ch;
    }
  }
  flush();
  return out;
}
