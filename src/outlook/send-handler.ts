/**
 * The OnMessageSend (Smart Alerts) handler, written against injected dependencies so that tests,
 * the playground and Outlook run the same code. launchevent.ts wires it to the real Office global.
 *
 * Contract: `event.completed` is called EXACTLY ONCE on every path. A handler that never completes
 * leaves the user staring at "taking longer than expected" and then unable to send (SoftBlock), so
 * body read errors, classifier exceptions and a slow host all end in a completion, decided by the
 * policy's `onError` ('send' lets the message go, 'hold' stops it with a message saying why).
 */
import type { Classifier, ClassifyResult } from '../classifier/types.js';
import { DEFAULT_POLICY } from '../policy/defaults.js';
import type { ResolvedPolicy } from '../policy/types.js';
import { formatHoldMessage, formatSendAlert, sendFindings } from './alert-message.js';
import { applyPreferenceDocument, PREFERENCES_KEY } from '../policy/user-preferences.js';
import { OVERRIDE_KEY, canRecordOverride, overrideCovers } from './override.js';
import type { LaunchEventLike, OfficeLike } from './office-types.js';
import { supportsMailbox } from './office-types.js';
import type { PolicyLoad } from './policy-source.js';
import { readDraft, officeCall } from './read-draft.js';

/** The task pane button's Control id in manifest.xml; Smart Alerts' "Take Action" opens it (Mailbox 1.14). */
export const PANE_COMMAND_ID = 'stOpenPane';
/** Outlook shows "taking longer than expected" 5 s after Send (script load included): finish well before. */
export const DEFAULT_WATCHDOG_MS = 3500;
/** Session data key remembering what the user was already warned about (send-again fallback). */
export const WARNED_KEY = 'secondThought.warned';

export interface HandlerDeps {
  office: OfficeLike;
  getPolicy: () => Promise<PolicyLoad>;
  getClassifier: (policy: ResolvedPolicy) => Classifier | Promise<Classifier>;
  watchdogMs?: number;
  log?: (message: string) => void;
}

export type SendOutcome =
  | { kind: 'allow'; options: Record<string, unknown> }
  | { kind: 'warn' | 'block'; options: Record<string, unknown>; result: ClassifyResult }
  | { kind: 'error'; options: Record<string, unknown>; reason: string };

/**
 * Calls `event.completed` at most once, whoever asks first (the check or the watchdog), and never
 * lets an exception from the host escape.
 */
export function onceCompleter(event: LaunchEventLike, log: (m: string) => void) {
  let done = false;
  return {
    get done() {
      return done;
    },
    complete(options: Record<string, unknown>): boolean {
      if (done) return false;
      done = true;
      try {
        event.completed(options);
      } catch (err) {
        log(`event.completed threw: ${err instanceof Error ? err.message : String(err)}`);
      }
      return true;
    },
  };
}

/** A short, stable fingerprint of what was found (FNV-1a over rule ids and words). */
export function fingerprint(result: ClassifyResult): string {
  let h = 0x811c9dc5;
  for (const f of sendFindings(result)) {
    const s = `${f.category}/${f.rule}\u0000${f.text}\u0001`;
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
  }
  return h.toString(16);
}

function errorOptions(policy: ResolvedPolicy, reason: string): Record<string, unknown> {
  if (policy.onError === 'hold') return { allowEvent: false, errorMessage: formatHoldMessage(reason) };
  return { allowEvent: true };
}

/** For Mailbox 1.12/1.13 clients (no Send Anyway override): was this exact set of findings already shown? */
function alreadyWarned(office: OfficeLike, print: string): Promise<boolean> {
  const item = office.context.mailbox.item;
  const session = item && item.sessionData;
  if (!session) return Promise.resolve(false);
  return officeCall<string>('reading session data', (cb) => session.getAsync(WARNED_KEY, cb)).then(
    (value) => value === print,
    () => false,
  );
}

/** The rule ids the user gave a reason for in the pane (override.ts), or null. */
function recordedOverride(office: OfficeLike): Promise<string | null> {
  const item = office.context.mailbox.item;
  const session = item && item.sessionData;
  if (!session) return Promise.resolve(null);
  return officeCall<string>('reading session data', (cb) => session.getAsync(OVERRIDE_KEY, cb)).then(
    (value) => (typeof value === 'string' ? value : null),
    () => null,
  );
}

function rememberWarned(office: OfficeLike, print: string): Promise<void> {
  const item = office.context.mailbox.item;
  const session = item && item.sessionData;
  if (!session) return Promise.resolve();
  return officeCall<void>('writing session data', (cb) => session.setAsync(WARNED_KEY, print, cb)).then(
    () => undefined,
    () => undefined,
  );
}

export function onMessageSend(event: LaunchEventLike, deps: HandlerDeps): Promise<SendOutcome> {
  const log = deps.log ?? ((m: string) => console.warn(`[Second Thought] ${m}`));
  const completer = onceCompleter(event, log);
  let policy: ResolvedPolicy = DEFAULT_POLICY;
  let settle: (outcome: SendOutcome) => void = () => undefined;
  const outcome = new Promise<SendOutcome>((resolve) => {
    settle = resolve;
  });

  const finish = (o: SendOutcome) => {
    if (completer.complete(o.options)) settle(o);
  };
  const fail = (reason: string) => {
    log(`send check failed: ${reason}; onError=${policy.onError}`);
    finish({ kind: 'error', options: errorOptions(policy, reason), reason });
  };

  const watchdog = setTimeout(() => fail('the check took too long'), deps.watchdogMs ?? DEFAULT_WATCHDOG_MS);
  outcome.then(() => clearTimeout(watchdog));

  Promise.resolve()
    .then(() => deps.getPolicy())
    .then((load) => {
      policy = withPreferences(load.policy, deps.office, log);
      // An organization policy the classifier cannot build on (a term that does not compile) means
      // the default, as an invalid policy does in the pane: never no checking.
      const classifier = Promise.resolve()
        .then(() => deps.getClassifier(policy))
        .catch((err) => {
          if (policy === DEFAULT_POLICY) throw err;
          log(`the organization policy could not be used (${err instanceof Error ? err.message : String(err)}); checking with the default`);
          return deps.getClassifier(DEFAULT_POLICY);
        });
      return Promise.all([readDraft(deps.office.context.mailbox.item), classifier]);
    })
    .then(([draft, classifier]) => {
      if (completer.done) return undefined;
      const result = classifier.classify(draft);
      if (result.verdict === 'pass' || result.verdict === 'inform') {
        finish({ kind: 'allow', options: { allowEvent: true } });
        return undefined;
      }
      const has114 = supportsMailbox(deps.office, '1.14');
      const blocking = result.verdict === 'block';
      if (!blocking && policy.requireOverrideReason && canRecordOverride(deps.office)) {
        // The policy asks for a reason: no Send Anyway; the pane records one (override.ts), then Send passes.
        return recordedOverride(deps.office).then((recorded) => {
          if (overrideCovers(recorded, result)) return finish({ kind: 'allow', options: { allowEvent: true } });
          const options: Record<string, unknown> = { allowEvent: false, errorMessage: formatSendAlert(result, { canSendAnyway: false, reasonRequired: true }) };
          if (has114) {
            options.commandId = PANE_COMMAND_ID;
            options.contextData = JSON.stringify({ from: 'send', verdict: result.verdict, reason: true });
          }
          return finish({ kind: 'warn', result, options });
        });
      }
      if (!blocking && !has114) {
        // No Send Anyway override before Mailbox 1.14: warn once, let the same draft through on the next Send.
        const print = fingerprint(result);
        return alreadyWarned(deps.office, print).then((warned) => {
          if (warned) return finish({ kind: 'allow', options: { allowEvent: true } });
          return rememberWarned(deps.office, print).then(() =>
            finish({
              kind: 'warn',
              result,
              options: { allowEvent: false, errorMessage: formatSendAlert(result, { canSendAnyway: false, sendAgainToOverride: true }) },
            }),
          );
        });
      }
      const options: Record<string, unknown> = {
        allowEvent: false,
        errorMessage: formatSendAlert(result, { canSendAnyway: !blocking }),
      };
      if (has114) {
        // No cancelLabel: it relabels "Take Action" on newer clients but "Don't Send" on older
        // classic Outlook and on Mac, where "Review" would promise a pane it does not open.
        options.commandId = PANE_COMMAND_ID;
        options.contextData = JSON.stringify({ from: 'send', verdict: result.verdict });
        if (!blocking) options.sendModeOverride = sendModeOverridePromptUser(deps.office);
      }
      finish({ kind: blocking ? 'block' : 'warn', result, options });
      return undefined;
    })
    .catch((err) => {
      const raw = err instanceof Error ? err.message : String(err);
      log(`send check error: ${raw}`);
      fail(userReason(raw));
    });

  return outcome;
}

/**
 * The organization policy with the user's saved preferences (hidden categories, personal
 * allow-list) applied as the pane applies them, under the organization's locks. Unreadable
 * preferences are ignored: the policy applies as it is.
 */
function withPreferences(org: ResolvedPolicy, office: OfficeLike, log: (m: string) => void): ResolvedPolicy {
  try {
    const raw = office.context.roamingSettings ? office.context.roamingSettings.get(PREFERENCES_KEY) : undefined;
    if (raw === undefined || raw === null || raw === '') return org;
    return applyPreferenceDocument(org, typeof raw === 'string' ? JSON.parse(raw) : raw).policy;
  } catch (err) {
    log(`preferences not applied: ${err instanceof Error ? err.message : String(err)}`);
    return org;
  }
}

/**
 * What the user is told about a failure: which step failed ("reading the body failed"), never a
 * raw JavaScript message such as "Cannot read properties of undefined"; the detail goes to the log.
 */
export function userReason(raw: string): string {
  const read = /^(reading [A-Za-z ]{1,20} failed|no message is open)/.exec(raw);
  return read ? read[1]! : 'an internal error in the checker';
}

function sendModeOverridePromptUser(office: OfficeLike): string {
  const enums = office.MailboxEnums as Record<string, Record<string, string>> | undefined;
  return (enums && enums.SendModeOverride && enums.SendModeOverride.PromptUser) || 'promptUser';
}
