/**
 * Human-readable output of findings:
 *
 *     notes.txt:3:17  medium  insult/stupid-person  Calling someone stupid in writing reads as contempt.
 *         …and frankly »the client is an idiot« who never…
 *         suggestion: Describe the problem with the work, not the person.
 *
 * Line and column are those of the finding's start in the checked text (for an
 * `.eml`, its decoded body). A finding in the subject reads `source:subject:col`;
 * recipient and send-time findings read `source:recipients` and `source:sent-at`.
 * Mail content is untrusted: control characters are neutralised before printing.
 */
import type { ClassifyResult, Draft, Finding, Verdict } from '../classifier/types.js';
import { sanitize } from './io.js';
import { positionsOf } from './position.js';

/** Characters of context shown on each side of a finding. */
const CONTEXT = 40;
/** Longest finding text shown whole; longer ones are cut in the middle. */
const MAX_MATCH = 120;

/** The location prefix of each finding (`source:line:col`, `source:subject:col`, …), in findings order. */
export function locations(source: string, draft: Draft, findings: readonly Finding[]): string[] {
  const body = draft.body;
  const subject = draft.subject ?? '';
  const bodyIdx: number[] = [];
  const subjIdx: number[] = [];
  findings.forEach((f, i) => {
    const field = f.field ?? 'body';
    if (field === 'body') bodyIdx.push(i);
    else if (field === 'subject') subjIdx.push(i);
  });
  const bodyPos = positionsOf(body, bodyIdx.map((i) => findings[i]!.start));
  const subjPos = positionsOf(subject, subjIdx.map((i) => findings[i]!.start));
  const out: string[] = new Array(findings.length);
  bodyIdx.forEach((fi, k) => (out[fi] = `${source}:${bodyPos[k]!.line}:${bodyPos[k]!.col}`));
  subjIdx.forEach((fi, k) => (out[fi] = `${source}:subject:${subjPos[k]!.col}`));
  findings.forEach((f, i) => {
    if (out[i] === undefined) out[i] = `${source}:${f.field === 'sentAt' ? 'sent-at' : (f.field ?? 'body')}`;
  });
  return out;
}

/** The excerpt line: the finding marked with » « inside a little of its context, on one line. */
export function excerpt(original: string, finding: Finding): string {
  if (finding.end <= finding.start && !finding.text) return '';
  const start = clamp(finding.start, original.length);
  const end = clamp(Math.max(finding.end, finding.start), original.length);
  let match = original.slice(start, end) || finding.text;
  if (match.length > MAX_MATCH) match = `${match.slice(0, MAX_MATCH / 2)}…${match.slice(-MAX_MATCH / 2)}`;
  const beforeFrom = Math.max(0, start - CONTEXT);
  const afterTo = Math.min(original.length, end + CONTEXT);
  const before = cutAtLine(original.slice(beforeFrom, start), 'before');
  const after = cutAtLine(original.slice(end, afterTo), 'after');
  const lead = beforeFrom > 0 && before.length === start - beforeFrom ? '…' : '';
  const tail = afterTo < original.length && after.length === afterTo - end ? '…' : '';
  return oneLineText(`${lead}${before}»${match}«${after}${tail}`);
}

/** Keeps context on the finding's own line. */
function cutAtLine(text: string, side: 'before' | 'after'): string {
  if (side === 'before') {
    const i = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'));
    return i === -1 ? text : text.slice(i + 1);
  }
  const n = text.indexOf('\n');
  const r = text.indexOf('\r');
  const i = n === -1 ? r : r === -1 ? n : Math.min(n, r);
  return i === -1 ? text : text.slice(0, i);
}

function oneLineText(text: string): string {
  return sanitize(text.replace(/\t/g, ' '));
}

function clamp(n: number, max: number): number {
  return Math.max(0, Math.min(max, Math.floor(n)));
}

/** All lines printed for one message's findings (nothing when there are none). */
export function formatFindings(source: string, draft: Draft, result: ClassifyResult): string {
  const where = locations(sanitize(source), draft, result.findings);
  const lines: string[] = [];
  result.findings.forEach((f, i) => {
    lines.push(`${where[i]}  ${f.severity}  ${f.category}/${f.rule}  ${sanitize(f.message)}${f.action === 'block' ? ' [blocks sending]' : ''}`);
    const original = f.field === 'subject' ? (draft.subject ?? '') : f.field === undefined || f.field === 'body' ? draft.body : '';
    const ex = original ? excerpt(original, f) : '';
    if (ex) lines.push(`    ${ex}`);
    if (f.suggestion) lines.push(`    suggestion: ${sanitize(f.suggestion)}`);
  });
  for (const notice of result.notices) lines.push(`${sanitize(source)}: note: ${sanitize(notice)}`);
  return lines.length ? `${lines.join('\n')}\n` : '';
}

/** Running totals for the summary line. */
export class CheckSummary {
  messages = 0;
  findings = 0;
  unreadable = 0;
  readonly verdicts: Record<Verdict, number> = { block: 0, warn: 0, inform: 0, pass: 0 };

  add(result: ClassifyResult): void {
    this.messages++;
    this.findings += result.findings.length;
    this.verdicts[result.verdict]++;
  }

  /** e.g. `3 messages checked: 1 warn, 2 pass; 4 findings; 1 message could not be read` */
  line(): string {
    const verdicts = (['block', 'warn', 'inform', 'pass'] as const)
      .filter((v) => this.verdicts[v] > 0)
      .map((v) => `${this.verdicts[v]} ${v}`);
    let text = `${plural(this.messages, 'message')} checked`;
    if (verdicts.length) text += `: ${verdicts.join(', ')}`;
    text += `; ${plural(this.findings, 'finding')}`;
    if (this.unreadable) text += `; ${plural(this.unreadable, 'input')} could not be read`;
    return text;
  }
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
