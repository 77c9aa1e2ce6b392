/**
 * An Outlook compose item for tests, built with office-addin-mock. Behaviour is seeded with plain
 * functions (office-addin-mock keeps functions as they are) over a mutable `state`, so each test can
 * make a read fail, drop requirement sets, or inspect what the add-in wrote.
 */
import { OfficeMockObject } from 'office-addin-mock';
import type { Classifier, ClassifyResult, Draft, Finding } from '../../src/classifier/types.js';
import type { OfficeLike } from '../../src/outlook/office-types.js';

export interface MockState {
  body: string;
  subject: string;
  to: string[];
  cc: string[];
  bcc: string[];
  /** Highest Mailbox requirement set the host claims. */
  mailbox: string;
  failBody?: string;
  throwOnBody?: boolean;
  /** Never answer body.getAsync (a host that hangs). */
  hangBody?: boolean;
  session: Record<string, string>;
  notifications: Record<string, { type: string; message: string; actions?: unknown }>;
  /** Reject insight messages (older hosts) to exercise the fallback. */
  noInsight?: boolean;
  bodyWrites: Array<{ how: 'set' | 'selected'; data: string }>;
  /** Internet headers the add-in set (item.internetHeaders, Mailbox 1.8). */
  headers: Record<string, string>;
  /** Refuse internetHeaders.setAsync. */
  failHeaders?: boolean;
}

const ok = (value: unknown, asyncContext?: unknown) => ({ status: 'succeeded', value, asyncContext });
const failed = (message: string) => ({ status: 'failed', value: undefined, error: { name: 'Error', message, code: 9002 } });

function cmpVersion(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export function mockOffice(seed: Partial<MockState> = {}): { office: OfficeLike; state: MockState } {
  const state: MockState = {
    body: '',
    subject: '',
    to: [],
    cc: [],
    bcc: [],
    mailbox: '1.15',
    session: {},
    notifications: {},
    bodyWrites: [],
    headers: {},
    ...seed,
  };
  const recipients = (key: 'to' | 'cc' | 'bcc') => ({
    getAsync(cb: Function) {
      cb(ok(state[key].map((emailAddress) => ({ emailAddress, displayName: emailAddress.split('@')[0], recipientType: 'user' }))));
    },
  });
  const mock = new OfficeMockObject({
    host: 'outlook',
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    CoercionType: { Text: 'text', Html: 'html' },
    EventType: { RecipientsChanged: 'olkRecipientsChanged', ItemChanged: 'olkItemSelectedChanged' },
    MailboxEnums: {
      SendModeOverride: { PromptUser: 'promptUser' },
      ItemNotificationMessageType: { InformationalMessage: 'informationalMessage', InsightMessage: 'insightMessage' },
      ActionType: { ShowTaskPane: 'showTaskPane' },
    },
    context: {
      requirements: {
        isSetSupported(name: string, version?: string) {
          return name === 'Mailbox' && cmpVersion(state.mailbox, version ?? '1.1') >= 0;
        },
      },
      mailbox: {
        userProfile: { emailAddress: 'me@example.com', displayName: 'Me' },
        item: {
          body: {
            getAsync(_type: string, options: { asyncContext?: unknown }, cb: Function) {
              if (state.throwOnBody) throw new Error('host exploded');
              if (state.hangBody) return;
              if (state.failBody) cb(failed(state.failBody));
              else cb(ok(state.body, options && options.asyncContext));
            },
            setAsync(data: string, _options: object, cb: Function) {
              state.bodyWrites.push({ how: 'set', data });
              state.body = data;
              cb(ok(undefined));
            },
            setSelectedDataAsync(data: string, _options: object, cb: Function) {
              state.bodyWrites.push({ how: 'selected', data });
              cb(ok(undefined));
            },
          },
          subject: {
            getAsync(cb: Function) {
              cb(ok(state.subject));
            },
          },
          to: recipients('to'),
          cc: recipients('cc'),
          bcc: recipients('bcc'),
          internetHeaders: {
            setAsync(headers: Record<string, string>, cb?: Function) {
              if (state.failHeaders) {
                if (cb) cb(failed('headers refused'));
                return;
              }
              Object.assign(state.headers, headers);
              if (cb) cb(ok(undefined));
            },
          },
          sessionData: {
            getAsync(name: string, cb: Function) {
              if (name in state.session) cb(ok(state.session[name]));
              else cb(failed('not found'));
            },
            setAsync(name: string, value: string, cb?: Function) {
              state.session[name] = value;
              if (cb) cb(ok(undefined));
            },
          },
          notificationMessages: {
            replaceAsync(key: string, details: { type: string; message: string; actions?: unknown }, cb?: Function) {
              if (state.noInsight && details.type === 'insightMessage') {
                if (cb) cb(failed('unsupported'));
                return;
              }
              state.notifications[key] = details;
              if (cb) cb(ok(undefined));
            },
            removeAsync(key: string, cb?: Function) {
              delete state.notifications[key];
              if (cb) cb(ok(undefined));
            },
          },
        },
      },
    },
  });
  return { office: mock as unknown as OfficeLike, state };
}

/**
 * A stand-in classifier with a fixed, visible rule set, so handler tests exercise the handler's
 * paths independently of lexicon changes: "idiot" is an insult (warn), "hunter2" a secret (block),
 * "fyi" a low-severity note (inform), "EXPLODE" makes classify throw.
 */
export function fakeClassifier(onClassify?: (draft: Draft) => void): Classifier {
  return {
    classify(input: string | Draft): ClassifyResult {
      const draft = typeof input === 'string' ? { body: input } : input;
      if (onClassify) onClassify(draft);
      if (draft.body.includes('EXPLODE')) throw new Error('classifier bug');
      const findings: Finding[] = [];
      const rules: Array<[string, Finding['category'], string, Finding['severity'], Finding['action']]> = [
        ['idiot', 'insult', 'name-calling', 'medium', 'warn'],
        ['hunter2', 'secret', 'password', 'high', 'block'],
        ['fyi', 'tone', 'terse', 'low', 'inform'],
      ];
      for (const [word, category, rule, severity, action] of rules) {
        let from = 0;
        for (;;) {
          const at = draft.body.indexOf(word, from);
          if (at < 0) break;
          findings.push({ category, rule, severity, action, start: at, end: at + word.length, text: word, message: `Because of ${word}.`, suggestion: 'Say it differently.' });
          from = at + word.length;
        }
      }
      findings.sort((a, b) => a.start - b.start);
      const rank = { pass: 0, inform: 1, warn: 2, block: 3 } as const;
      let verdict: ClassifyResult['verdict'] = 'pass';
      for (const f of findings) if (rank[f.action] > rank[verdict]) verdict = f.action;
      return { verdict, findings, truncated: false, notices: [] };
    },
  };
}

/** A launch event that records every completion. */
export function recordingEvent() {
  const calls: Array<Record<string, unknown> | undefined> = [];
  return { calls, event: { completed: (options?: Record<string, unknown>) => void calls.push(options) } };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
