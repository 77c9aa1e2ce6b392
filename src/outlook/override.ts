/**
 * Override with a reason (issue 5): when the policy sets `requireOverrideReason`, a user who sends
 * past a warning first gives a short reason in the task pane. The pane writes it, with the rule ids
 * of the warnings, into an internet header of the message (Mailbox 1.8 `item.internetHeaders`) and
 * into the item's session data; the send handler lets the message go when the recorded rule ids
 * cover every warning of the draft. The header carries rule ids and the user's reason, never the
 * draft text, so compliance can find overrides without anyone storing mail.
 *
 * No dependencies (this file is in the send handler's bundle).
 */
import type { ClassifyResult, Finding } from '../classifier/types.js';
import type { AsyncCallback, OfficeLike } from './office-types.js';
import { supportsMailbox } from './office-types.js';

export const OVERRIDE_HEADER = 'x-second-thought-override';
/** Session data key: the rule ids the user gave a reason for (comma separated, sorted). */
export const OVERRIDE_KEY = 'secondThought.override';
export const MAX_REASON_CHARS = 200;

export interface InternetHeadersLike {
  setAsync(headers: Record<string, string>, callback?: AsyncCallback<void>): void;
}

/** The full rule ids (`insult/idiot`) of the findings that ask before sending, sorted, unique. */
export function warnedRules(result: Pick<ClassifyResult, 'findings'>): string[] {
  const ids = new Set<string>();
  for (const f of result.findings as Finding[]) if (f.action === 'warn') ids.add(`${f.category}/${f.rule}`);
  return [...ids].sort();
}

/**
 * The reason as one header-safe line: whitespace runs become one space, control characters go,
 * `"` and `\` are escaped, characters outside printable ASCII are percent-encoded (as is `%`),
 * and it is cut to MAX_REASON_CHARS characters of the user's text.
 */
export function headerSafeReason(reason: string): string {
  const text = reason.replace(/\s+/g, ' ').trim().slice(0, MAX_REASON_CHARS);
  let out = '';
  for (const ch of text) {
    const c = ch.codePointAt(0) as number;
    if (c < 32 || c === 127) continue;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (ch === '%' || c > 126) out += encodeURIComponent(ch);
    else out += ch;
  }
  return out;
}

/** `rules=insult/idiot,tone/per-my-last-email; reason="…"` */
export function overrideHeaderValue(rules: readonly string[], reason: string): string {
  return `rules=${rules.join(',')}; reason="${headerSafeReason(reason)}"`;
}

/** Whether this Outlook can put the reason on the message (Mailbox 1.8 internet headers). */
export function canRecordOverride(office: OfficeLike): boolean {
  const item = office.context.mailbox.item as { internetHeaders?: InternetHeadersLike } | null;
  return !!item && !!item.internetHeaders && typeof item.internetHeaders.setAsync === 'function' && supportsMailbox(office, '1.8');
}

/** A reason is required, given at least this many non-space characters. */
export const MIN_REASON_CHARS = 4;

/**
 * Writes the override header and remembers the rule ids for the send handler. Rejects with a
 * message for the user when the reason is too short or Outlook refuses.
 */
export function recordOverride(office: OfficeLike, rules: readonly string[], reason: string): Promise<void> {
  const item = office.context.mailbox.item as ({ internetHeaders?: InternetHeadersLike } & NonNullable<OfficeLike['context']['mailbox']['item']>) | null;
  if (!item || !canRecordOverride(office)) return Promise.reject(new Error('This version of Outlook cannot attach a reason to the message.'));
  if (reason.replace(/\s+/g, '').length < MIN_REASON_CHARS) return Promise.reject(new Error(`Please give a reason of at least ${MIN_REASON_CHARS} characters.`));
  if (rules.length === 0) return Promise.reject(new Error('There is no warning to send past.'));
  const headers = item.internetHeaders as InternetHeadersLike;
  return new Promise<void>((resolve, reject) => {
    headers.setAsync({ [OVERRIDE_HEADER]: overrideHeaderValue(rules, reason) }, (r) =>
      r && r.status === 'succeeded' ? resolve() : reject(new Error(`Outlook did not accept the reason: ${(r && r.error && r.error.message) || 'unknown error'}`)),
    );
  }).then(
    () =>
      new Promise<void>((resolve, reject) => {
        const session = item.sessionData;
        if (!session) return reject(new Error('This version of Outlook cannot remember the reason for Send.'));
        session.setAsync(OVERRIDE_KEY, rules.join(','), (r) => (!r || r.status === 'succeeded' ? resolve() : reject(new Error('Outlook did not keep the reason.'))));
      }),
  );
}

/** Whether the rule ids recorded with a reason (session value) cover every warning of `result`. */
export function overrideCovers(recorded: string | null | undefined, result: Pick<ClassifyResult, 'findings'>): boolean {
  if (!recorded) return false;
  const have = new Set(recorded.split(','));
  const need = warnedRules(result);
  return need.length > 0 && need.every((id) => have.has(id));
}
