/**
 * The task pane's logic without DOM or Office: grouping, wording, recipient awareness, the
 * replacement a finding offers, and the re-check scheduler. Unit-tested in test/taskpane/.
 */
import type { Category, ClassifyResult, Draft, Finding, Recipient, Severity } from '../classifier/types.js';
import type { ResolvedPolicy } from '../policy/types.js';

export interface SeverityGroup {
  severity: Severity;
  label: string;
  findings: Finding[];
}

const GROUP_ORDER: Severity[] = ['high', 'medium', 'low'];
const GROUP_LABEL: Record<Severity, string> = { high: 'High', medium: 'Medium', low: 'Low' };

/** Findings grouped high → low; draft order inside a group; empty groups left out. */
export function groupBySeverity(findings: readonly Finding[]): SeverityGroup[] {
  return GROUP_ORDER.map((severity) => ({ severity, label: GROUP_LABEL[severity], findings: findings.filter((f) => f.severity === severity) })).filter(
    (g) => g.findings.length > 0,
  );
}

export const ACTION_LABEL: Record<Finding['action'], string> = {
  inform: 'For your information',
  warn: 'Asks before sending',
  block: 'Blocks sending',
};

/** The words of the draft "Send" will read, for the status line. */
export function countWords(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || c === 10 || c === 13 || c === 9 || c === 160;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

function address(r: Recipient): string {
  return (typeof r === 'string' ? r : r.emailAddress || '').trim().toLowerCase();
}

/** Whether `addr` belongs to one of the internal domains (`example.com` covers `mail.example.com`). */
export function isInternalAddress(addr: string, internalDomains: readonly string[]): boolean {
  const at = addr.lastIndexOf('@');
  if (at < 0) return false;
  const domain = addr.slice(at + 1).toLowerCase();
  return internalDomains.some((d) => {
    const dom = d.toLowerCase().replace(/^@/, '');
    return domain === dom || domain.endsWith(`.${dom}`);
  });
}

export interface RecipientSummary {
  total: number;
  /** Recipients outside the policy's internal domains; empty when no internal domains are set. */
  external: string[];
  /** False when the policy lists no internal domains (then nobody can be called external). */
  known: boolean;
}

export function summarizeRecipients(draft: Draft, policy: ResolvedPolicy): RecipientSummary {
  const all = [...(draft.to ?? []), ...(draft.cc ?? []), ...(draft.bcc ?? [])].map(address).filter((a) => a.length > 0);
  const unique = [...new Set(all)];
  const known = policy.internalDomains.length > 0;
  return { total: unique.length, external: known ? unique.filter((a) => !isInternalAddress(a, policy.internalDomains)) : [], known };
}

/** What each category looks for, as the empty state lists it. */
const CHECK_LABELS: Record<Category, string> = {
  pii: 'personal data',
  secret: 'passwords and keys',
  insult: 'insults',
  identity: 'remarks about identity',
  profanity: 'profanity',
  threat: 'threats',
  legal: 'risky legal wording',
  confidential: 'confidential matters',
  tone: 'hostile tone',
  context: 'outside recipients or late sending',
};
const ALL_CATEGORIES = Object.keys(CHECK_LABELS) as Category[];

/** Categories the policy leaves switched on, as the empty state names them. */
export function checkedCategories(policy: ResolvedPolicy): string[] {
  return ALL_CATEGORIES.filter((c) => {
    const setting = policy.categories[c];
    return !(setting && setting.action === 'off');
  }).map((c) => CHECK_LABELS[c]);
}

/** "Checked the subject, the body (120 words) and 3 recipients for personal data, secrets, …". */
export function describeChecked(draft: Draft, policy: ResolvedPolicy): string {
  const words = countWords(draft.body);
  const people = summarizeRecipients(draft, policy).total;
  const parts = [`the subject`, `the body (${words} ${words === 1 ? 'word' : 'words'})`, `${people} ${people === 1 ? 'recipient' : 'recipients'}`];
  const cats = checkedCategories(policy);
  const list = cats.length > 1 ? `${cats.slice(0, -1).join(', ')} and ${cats[cats.length - 1]}` : cats.join('');
  return `Checked ${parts[0]}, ${parts[1]} and ${parts[2]} for ${list}.`;
}

/** The status line above the findings. */
export function statusLine(result: ClassifyResult): string {
  const n = result.findings.length;
  if (n === 0) return 'Nothing to review.';
  const label = n === 1 ? '1 thing to review' : `${n} things to review`;
  if (result.verdict === 'block') return `${label}: this message cannot be sent as it is.`;
  if (result.verdict === 'warn') return `${label}: Outlook will ask before sending.`;
  return `${label}.`;
}

/**
 * The text a finding can put in place of its words, if any: a phrasing quoted in the suggestion
 * ("Try “Could we revisit…”"), a redaction for personal data and secrets, sentence case for
 * shouting. Null when the suggestion is advice rather than wording (then only Copy is offered).
 */
export function replacementFor(f: Finding): string | null {
  // Only a suggestion that IS a phrasing ('Try “…”', 'Say "…" instead'); quoted examples inside
  // advice ('Give the specific gap ("…")') are not replacements for the flagged words.
  const m = /^(?:try|say|write|use|consider)\s{0,3}:?\s{0,3}[“"]([^”"]{1,200})[”"]/i.exec(f.suggestion ?? '');
  if (m) return m[1]!;
  if (f.field === 'recipients' || f.field === 'sentAt' || !f.text) return null;
  if (f.category === 'pii' || f.category === 'secret') return '[removed]';
  if (f.category === 'tone' && f.rule === 'shouting') {
    const lower = f.text.toLowerCase();
    return lower.charAt(0).toUpperCase() + lower.slice(1);
  }
  return null;
}

/**
 * `text` with `[start, end)` replaced, only if that range still holds `expected`
 * (the draft may have changed since it was checked).
 */
export function spliceChecked(text: string, start: number, end: number, expected: string, replacement: string): string | null {
  if (start < 0 || end > text.length || start > end || text.slice(start, end) !== expected) return null;
  return text.slice(0, start) + replacement + text.slice(end);
}

/** How many times `needle` occurs in `text` before `start` (non-overlapping, left to right). */
export function occurrenceIndex(text: string, needle: string, start: number): number {
  if (!needle) return 0;
  let k = 0;
  let at = text.indexOf(needle);
  while (at >= 0 && at < start) {
    k++;
    at = text.indexOf(needle, at + needle.length);
  }
  return k;
}

/** A cheap signature of a draft, to see whether a poll found anything new. */
export function draftSignature(d: Draft): string {
  const people = [...(d.to ?? []), ...(d.cc ?? []), ...(d.bcc ?? [])].map(address).join(',');
  return `${d.subject ?? ''}\u0000${people}\u0000${d.body.length}\u0000${d.body}`;
}

export interface Scheduler {
  /** Something may have changed: check after the debounce. */
  poke(): void;
  /** Check now (e.g. the pane just opened, or the Smart Alert sent the user here). */
  now(): void;
  stop(): void;
}

export interface SchedulerOptions {
  /** Reads the draft (Office calls). */
  read: () => Promise<Draft>;
  /** Runs when the draft differs from the last checked one (or when forced). */
  check: (draft: Draft) => void;
  onError?: (err: unknown) => void;
  debounceMs?: number;
  /** Light polling: Outlook has no body-changed event. 0 turns it off. */
  pollMs?: number;
  /** False while the pane is hidden: polling pauses. */
  visible?: () => boolean;
  setTimeout?: (fn: () => void, ms: number) => unknown;
  clearTimeout?: (id: unknown) => void;
}

/**
 * Debounced re-checks. Polling reads the draft every `pollMs`; a check runs only when the draft
 * changed and then stayed unchanged for `debounceMs` (the writer paused), so typing never
 * triggers a check per keystroke. Reads never overlap.
 */
export function createScheduler(o: SchedulerOptions): Scheduler {
  const debounceMs = o.debounceMs ?? 600;
  const pollMs = o.pollMs ?? 1500;
  const st = o.setTimeout ?? ((fn, ms) => setTimeout(fn, ms));
  const ct = o.clearTimeout ?? ((id) => clearTimeout(id as ReturnType<typeof setTimeout>));
  let lastChecked: string | null = null;
  let pending: string | null = null;
  let debounceTimer: unknown = null;
  let pollTimer: unknown = null;
  let reading = false;
  let stopped = false;
  let force = false;
  let again: 'poll' | 'settled' | null = null;

  const arm = () => {
    if (debounceTimer !== null) ct(debounceTimer);
    debounceTimer = st(() => {
      debounceTimer = null;
      read('settled');
    }, debounceMs);
  };

  /** 'poll': look for a change; 'settled': the debounce ran out, check if still unchanged. */
  const read = (why: 'poll' | 'settled') => {
    if (stopped) return;
    if (reading) {
      again = again === 'settled' ? 'settled' : why;
      return;
    }
    reading = true;
    o.read()
      .then((draft) => {
        if (stopped) return;
        const sig = draftSignature(draft);
        if (force || (why === 'settled' && sig === pending && sig !== lastChecked)) {
          force = false;
          pending = null;
          lastChecked = sig;
          o.check(draft);
        } else if (sig !== lastChecked && sig !== pending) {
          pending = sig;
          arm();
        } else if (why === 'settled' && sig === lastChecked) {
          pending = null;
        }
      })
      .catch((err) => {
        force = false; // no retry loop on a persistent read error: the next poll tries again
        again = null;
        if (o.onError) o.onError(err);
      })
      .then(() => {
        reading = false;
        const next = force ? 'settled' : again;
        again = null;
        if (next) read(next);
      });
  };

  const poll = () => {
    pollTimer = null;
    if (stopped) return;
    if (!o.visible || o.visible()) read('poll');
    if (pollMs > 0) pollTimer = st(poll, pollMs);
  };
  if (pollMs > 0) pollTimer = st(poll, pollMs);

  return {
    poke() {
      read('poll');
    },
    now() {
      force = true;
      read('settled');
    },
    stop() {
      stopped = true;
      if (debounceTimer !== null) ct(debounceTimer);
      if (pollTimer !== null) ct(pollTimer);
    },
  };
}
