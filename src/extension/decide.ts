/**
 * What happens when the user presses Send in Gmail, decided without DOM or Chrome APIs
 * (unit-tested in test/extension/decide.test.ts). Same rules as the Outlook send handler:
 * - pass / inform: the message goes;
 * - warn: the user is asked, and may send anyway;
 * - block: it cannot go until the draft changes;
 * - the check failed: the policy's `onError` decides ('send' lets it go, 'hold' stops it).
 * Wording comes from the Outlook alert text (src/outlook/alert-message.ts), so both hosts say
 * the same thing. The draft itself is never touched: stopping a send only cancels the click.
 */
import type { ClassifyResult } from '../classifier/types.js';
import type { ResolvedPolicy } from '../policy/types.js';
import { describeFinding, formatHoldMessage, sendFindings } from '../outlook/alert-message.js';

export type SendDecision =
  | { kind: 'send' }
  | { kind: 'prompt'; title: string; lines: string[]; result: ClassifyResult }
  | { kind: 'block'; title: string; lines: string[]; result: ClassifyResult }
  | { kind: 'hold'; title: string; lines: string[]; reason: string };

/** At most this many findings are listed in the prompt; the rest are counted. */
export const PROMPT_MAX_FINDINGS = 6;

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function findingLines(result: ClassifyResult, max = PROMPT_MAX_FINDINGS): string[] {
  const list = sendFindings(result);
  const lines = list.slice(0, max).map((f) => describeFinding(f));
  if (list.length > max) lines.push(`(and ${list.length - max} more)`);
  return lines;
}

/** The decision for a finished check, or for a check that threw (`result` is an Error then). */
export function decideSend(outcome: ClassifyResult | Error, policy: Pick<ResolvedPolicy, 'onError'>): SendDecision {
  if (outcome instanceof Error) {
    if (policy.onError === 'hold') {
      const reason = outcome.message || 'unknown error';
      return { kind: 'hold', title: 'Second Thought could not check this message', lines: [formatHoldMessage(reason)], reason };
    }
    return { kind: 'send' };
  }
  if (outcome.verdict === 'pass' || outcome.verdict === 'inform') return { kind: 'send' };
  const n = sendFindings(outcome).length;
  if (outcome.verdict === 'block') {
    return {
      kind: 'block',
      title: `Second Thought stopped this message: ${plural(n, 'thing', 'things')} must change before it can be sent.`,
      lines: findingLines(outcome),
      result: outcome,
    };
  }
  return { kind: 'prompt', title: `Second Thought: ${plural(n, 'thing', 'things')} you may regret sending.`, lines: findingLines(outcome), result: outcome };
}

/** Text for the little badge on a compose window and the toolbar icon. */
export function badgeText(result: ClassifyResult | null): string {
  if (!result) return '';
  const n = result.findings.length;
  return n === 0 ? '' : n > 99 ? '99+' : String(n);
}

/** The panel's status line (the task pane's, with Gmail's name for the send step). */
export function gmailStatusLine(result: ClassifyResult): string {
  const n = result.findings.length;
  if (n === 0) return 'Nothing to review.';
  const label = n === 1 ? '1 thing to review' : `${n} things to review`;
  if (result.verdict === 'block') return `${label}: this message cannot be sent as it is.`;
  if (result.verdict === 'warn') return `${label}: you will be asked before it is sent.`;
  return `${label}.`;
}
