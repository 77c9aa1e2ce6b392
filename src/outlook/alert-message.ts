/**
 * Plain-text wording shared by the Smart Alerts dialog, the compose info bar and the pane.
 * Outlook limits: errorMessage at most 500 characters; notification messages at most 150.
 */
import { ACTION_RANK, SEVERITY_RANK, type Category, type ClassifyResult, type Finding } from '../classifier/types.js';

export const MAX_ALERT_CHARS = 500;
export const MAX_NOTIFICATION_CHARS = 150;

export const CATEGORY_LABELS: Record<Category, string> = {
  pii: 'Personal data',
  secret: 'Secret',
  insult: 'Insult',
  identity: 'Identity',
  profanity: 'Profanity',
  threat: 'Threat',
  legal: 'Legal risk',
  confidential: 'Confidential',
  tone: 'Tone',
  context: 'Context',
};

export function categoryLabel(category: string): string {
  return (CATEGORY_LABELS as Record<string, string>)[category] ?? category;
}

/**
 * Collapses whitespace and shortens to `max` characters with an ellipsis, cutting at a space
 * when one is near the end so that no word is broken off ("it also says…", not "it also sa…").
 */
export function clip(text: string, max: number): string {
  let flat = '';
  let lastSpace = false;
  let i = 0;
  // Single pass, bounded: stop once past the limit.
  for (; i < text.length && flat.length <= max; i++) {
    const space = isSpace(text[i]!);
    if (space) {
      if (!lastSpace && flat.length > 0) flat += ' ';
    } else {
      flat += text[i];
    }
    lastSpace = space;
  }
  flat = flat.trim();
  // The loop may stop right after a space, with the text cut exactly at a word's end: then only
  // what is left unread tells that something was cut.
  while (i < text.length && isSpace(text[i]!)) i++;
  if (flat.length <= max && i >= text.length) return flat;
  let cut = flat.slice(0, Math.max(0, max - 1));
  const space = cut.lastIndexOf(' ');
  if (flat[cut.length] !== ' ' && space >= max * 0.7) cut = cut.slice(0, space);
  return `${cut.trimEnd()}…`;
}

function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\n' || ch === '\r' || ch === '\t' || ch === '\u00a0';
}

/** Findings that stop a send (warn and block), strongest first, in draft order otherwise. */
export function sendFindings(result: ClassifyResult): Finding[] {
  return result.findings
    .filter((f) => f.action === 'warn' || f.action === 'block')
    .map((f, i) => ({ f, i }))
    .sort((a, b) => ACTION_RANK[b.f.action] - ACTION_RANK[a.f.action] || SEVERITY_RANK[b.f.severity] - SEVERITY_RANK[a.f.severity] || a.i - b.i)
    .map((x) => x.f);
}

/** One line per finding: `Insult: "spoiled brat": why`. */
export function describeFinding(f: Finding, quoteMax = 40, reasonMax = 110): string {
  const where = f.field === 'subject' ? ' (subject)' : '';
  const quoted = f.text ? ` "${clip(f.text, quoteMax)}"${where}` : where;
  return `${categoryLabel(f.category)}${quoted ? `:${quoted}` : ''}: ${clip(f.message, reasonMax)}`;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * The Smart Alerts text: what was found (category, the words, why) and what the user can do.
 * Always at most 500 characters; findings that do not fit are counted ("and 2 more").
 */
export function formatSendAlert(result: ClassifyResult, options: { canSendAnyway: boolean; sendAgainToOverride?: boolean; reasonRequired?: boolean }): string {
  const list = sendFindings(result);
  const blocking = result.verdict === 'block';
  const head = blocking
    ? `Second Thought stopped this message: ${plural(list.length, 'thing', 'things')} must change before it can be sent.`
    : `Second Thought: ${plural(list.length, 'thing', 'things')} you may regret sending.`;
  const tail = blocking
    ? ' Open Second Thought to review and fix.'
    : options.reasonRequired
      ? ' To send anyway, give a reason in Second Thought, then press Send again.'
      : options.canSendAnyway
      ? ' Review them, or choose Send Anyway.'
      : options.sendAgainToOverride
        ? ' Review them, or press Send again to send anyway.'
        : ' Review them in Second Thought.';
  // Full reasons when they all fit; otherwise shorter reasons so that more findings are named.
  const build = (reasonMax: number) => {
    let body = '';
    let shown = 0;
    for (const f of list) {
      const line = `\n- ${describeFinding(f, 40, reasonMax)}`;
      const more = list.length - shown - 1;
      const reserve = more > 0 ? `\n(and ${more} more)`.length : 0;
      if (head.length + body.length + line.length + reserve + tail.length > MAX_ALERT_CHARS) break;
      body += line;
      shown++;
    }
    if (shown < list.length) body += `\n(and ${list.length - shown} more)`;
    return { body, shown };
  };
  let { body, shown } = build(110);
  if (shown < list.length) {
    const shorter = build(50);
    if (shorter.shown > shown) ({ body, shown } = shorter);
  }
  const text = `${head}${body}\n${tail.trim()}`;
  return text.length > MAX_ALERT_CHARS ? clip(text, MAX_ALERT_CHARS) : text;
}

/** The Smart Alerts text when checking failed and the policy holds the message. */
export function formatHoldMessage(reason: string): string {
  return clip(
    `Second Thought could not check this message (${reason}). Your organization holds messages that cannot be checked: press Send again in a moment, or open Second Thought.`,
    MAX_ALERT_CHARS,
  );
}

/** The compose info bar: "Second Thought: 2 things to review". */
export function formatNotification(result: ClassifyResult): string | null {
  const shown = result.findings.length;
  if (shown === 0) return null;
  const strongest = sendFindings(result).length;
  const text =
    strongest > 0
      ? `Second Thought: ${plural(shown, 'thing', 'things')} to review before sending`
      : `Second Thought: ${plural(shown, 'note', 'notes')} on this draft`;
  return clip(text, MAX_NOTIFICATION_CHARS);
}
