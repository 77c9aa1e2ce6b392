/**
 * An Office.js stand-in for the playground: ONLY what Second Thought uses, over a simulated
 * compose window. It is injected on playground pages only (playground.ts for the event handlers,
 * pane-standin.ts for the pane iframe); the production bundles never import this file
 * (test/playground/bundles.test.ts checks the built files).
 *
 * One `PlaygroundMailbox` holds the draft; each runtime (the page running launchevent.js, the pane
 * iframe) gets its own Office-like object over it from `createOffice()`, as Outlook gives the event
 * runtime and the pane separate runtimes over one item.
 */
import type { AsyncResultLike, EmailAddressLike, NotificationMessageDetailsLike } from '../outlook/office-types.js';

export interface ComposeState {
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  body: string;
}

export const EVENT_TYPES = {
  RecipientsChanged: 'olkRecipientsChanged',
  ItemChanged: 'olkItemSelectedChanged',
  InitializationContextChanged: 'olkInitializationContextChanged',
} as const;

const ENUMS = {
  SendModeOverride: { PromptUser: 'promptUser' },
  ItemNotificationMessageType: {
    InformationalMessage: 'informationalMessage',
    InsightMessage: 'insightMessage',
    ErrorMessage: 'errorMessage',
    ProgressIndicator: 'progressIndicator',
  },
  ActionType: { ShowTaskPane: 'showTaskPane' },
  RecipientType: { User: 'user', ExternalUser: 'externalUser', DistributionList: 'distributionList', Other: 'other' },
  BodyMode: { FullBody: 0, HostConfig: 1 },
};

type Callback<T> = (r: AsyncResultLike<T> & { asyncContext?: unknown }) => void;
type Listener = (arg?: unknown) => void;

function later(fn: () => void) {
  setTimeout(fn, 0);
}
const ok = <T>(value: T, asyncContext?: unknown) => ({ status: 'succeeded', value, asyncContext });
const failed = (message: string) => ({ status: 'failed', value: undefined as never, error: { name: 'GenericResponseError', message, code: 9020 } });

function cmpVersion(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Splits "a@x.com; Bo <b@y.org>, c@z" into addresses. */
export function parseAddresses(text: string): string[] {
  return text
    .split(/[;,\n]/)
    .map((part) => {
      const s = part.trim();
      const lt = s.lastIndexOf('<');
      const gt = s.lastIndexOf('>');
      return lt >= 0 && gt > lt ? s.slice(lt + 1, gt).trim() : s;
    })
    .filter((s) => s.length > 0);
}

export class PlaygroundMailbox {
  state: ComposeState = { to: [], cc: [], bcc: [], subject: '', body: '' };
  /** The Mailbox requirement set the simulated Outlook claims (1.15 web / new Outlook; 1.12 older classic). */
  mailboxVersion = '1.15';
  /** Launch-event handlers registered with Office.actions.associate. */
  readonly handlers: Record<string, (event: unknown) => void> = {};
  readonly notifications = new Map<string, NotificationMessageDetailsLike>();
  readonly session = new Map<string, string>();
  /** Internet headers the add-in set on the message (item.internetHeaders, Mailbox 1.8): shown on Send. */
  readonly headers = new Map<string, string>();
  /** Roaming settings (Office.context.roamingSettings): one store for all runtimes, kept in localStorage. */
  readonly roaming = new PlaygroundRoamingSettings();
  /** Context the pane reads with getInitializationContextAsync (set by Smart Alerts' button). */
  initializationContext: string | null = null;
  /** The body's selection in the simulated editor (for setSelectedDataAsync). */
  selection: { start: number; end: number } = { start: 0, end: 0 };
  private readonly itemListeners = new Map<string, Set<Listener>>();
  private readonly changeListeners = new Set<(what: 'body' | 'subject' | 'notifications' | 'headers') => void>();

  /** The UI listens for writes made by the add-in (Replace, notification bar). */
  onChange(listener: (what: 'body' | 'subject' | 'notifications' | 'headers') => void): void {
    this.changeListeners.add(listener);
  }
  private changed(what: 'body' | 'subject' | 'notifications' | 'headers') {
    for (const l of this.changeListeners) l(what);
  }

  /** Fires an item event (e.g. RecipientsChanged) to the handlers the pane added. */
  fire(eventType: string, arg?: unknown): void {
    for (const l of this.itemListeners.get(eventType) ?? []) {
      try {
        l(arg ?? { type: eventType });
      } catch (err) {
        console.error(err);
      }
    }
  }

  private recipients(key: 'to' | 'cc' | 'bcc') {
    return {
      getAsync: (a?: unknown, b?: unknown) => {
        const cb = (typeof a === 'function' ? a : b) as Callback<EmailAddressLike[]> | undefined;
        const list = this.state[key].map((emailAddress) => ({ emailAddress, displayName: emailAddress.split('@')[0], recipientType: 'user' }));
        if (cb) later(() => cb(ok(list)));
      },
    };
  }

  /** A new Office-like object for one runtime. */
  createOffice() {
    const mb = this;
    const item = {
      itemType: 'message',
      body: {
        getAsync(coercionType: string, a?: unknown, b?: unknown) {
          const cb = (typeof a === 'function' ? a : b) as Callback<string> | undefined;
          const options = (typeof a === 'object' && a) || {};
          if (!cb) return;
          const text = mb.state.body;
          const value = coercionType === 'html' ? `<html><body><div>${escapeHtml(text).split('\n').join('<br>')}</div></body></html>` : text;
          later(() => cb(ok(value, (options as { asyncContext?: unknown }).asyncContext)));
        },
        getTypeAsync(cb: Callback<string>) {
          later(() => cb(ok('text')));
        },
        setAsync(data: string, a?: unknown, b?: unknown) {
          const cb = (typeof a === 'function' ? a : b) as Callback<void> | undefined;
          const options = (typeof a === 'object' && a) || {};
          later(() => {
            if ((options as { coercionType?: string }).coercionType === 'html') {
              if (cb) cb(failed('The playground editor holds plain text only.'));
              return;
            }
            mb.state.body = data;
            mb.changed('body');
            if (cb) cb(ok(undefined));
          });
        },
        setSelectedDataAsync(data: string, a?: unknown, b?: unknown) {
          const cb = (typeof a === 'function' ? a : b) as Callback<void> | undefined;
          later(() => {
            const { start, end } = mb.selection;
            mb.state.body = mb.state.body.slice(0, start) + data + mb.state.body.slice(end);
            mb.selection = { start: start + data.length, end: start + data.length };
            mb.changed('body');
            if (cb) cb(ok(undefined));
          });
        },
      },
      subject: {
        getAsync(a?: unknown, b?: unknown) {
          const cb = (typeof a === 'function' ? a : b) as Callback<string> | undefined;
          if (cb) later(() => cb(ok(mb.state.subject)));
        },
        setAsync(data: string, a?: unknown, b?: unknown) {
          const cb = (typeof a === 'function' ? a : b) as Callback<void> | undefined;
          later(() => {
            mb.state.subject = data;
            mb.changed('subject');
            if (cb) cb(ok(undefined));
          });
        },
      },
      to: this.recipients('to'),
      cc: this.recipients('cc'),
      bcc: this.recipients('bcc'),
      notificationMessages: {
        replaceAsync(key: string, details: NotificationMessageDetailsLike, a?: unknown, b?: unknown) {
          const cb = (typeof a === 'function' ? a : b) as Callback<void> | undefined;
          later(() => {
            if (!details || typeof details.message !== 'string' || details.message.length > 150) {
              if (cb) cb(failed('The notification message must be at most 150 characters.'));
              return;
            }
            mb.notifications.set(key, details);
            mb.changed('notifications');
            if (cb) cb(ok(undefined));
          });
        },
        removeAsync(key: string, a?: unknown, b?: unknown) {
          const cb = (typeof a === 'function' ? a : b) as Callback<void> | undefined;
          later(() => {
            mb.notifications.delete(key);
            mb.changed('notifications');
            if (cb) cb(ok(undefined));
          });
        },
      },
      internetHeaders: {
        setAsync(headers: Record<string, string>, a?: unknown, b?: unknown) {
          const cb = (typeof a === 'function' ? a : b) as Callback<void> | undefined;
          later(() => {
            for (const [name, value] of Object.entries(headers ?? {})) mb.headers.set(name.toLowerCase(), String(value));
            mb.changed('headers');
            if (cb) cb(ok(undefined));
          });
        },
        getAsync(names: string[], a?: unknown, b?: unknown) {
          const cb = (typeof a === 'function' ? a : b) as Callback<Record<string, string>> | undefined;
          const out: Record<string, string> = {};
          for (const n of names) if (mb.headers.has(n.toLowerCase())) out[n] = mb.headers.get(n.toLowerCase()) as string;
          if (cb) later(() => cb(ok(out)));
        },
      },
      sessionData: {
        getAsync(name: string, cb: Callback<string>) {
          later(() => (mb.session.has(name) ? cb(ok(mb.session.get(name) as string)) : cb(failed('not found'))));
        },
        setAsync(name: string, value: string, cb?: Callback<void>) {
          later(() => {
            mb.session.set(name, value);
            if (cb) cb(ok(undefined));
          });
        },
      },
      addHandlerAsync(eventType: string, handler: Listener, a?: unknown, b?: unknown) {
        const cb = (typeof a === 'function' ? a : b) as Callback<void> | undefined;
        const set = mb.itemListeners.get(eventType) ?? new Set<Listener>();
        set.add(handler);
        mb.itemListeners.set(eventType, set);
        if (cb) later(() => cb(ok(undefined)));
      },
      getInitializationContextAsync(cb: Callback<string>) {
        later(() => cb(ok(mb.initializationContext ?? '')));
      },
    };
    return {
      context: {
        mailbox: {
          item,
          userProfile: { emailAddress: 'you@contoso.com', displayName: 'You' },
          addHandlerAsync(_eventType: string, _handler: Listener, cb?: Callback<void>) {
            if (cb) later(() => cb(ok(undefined)));
          },
        },
        roamingSettings: mb.roaming,
        requirements: {
          isSetSupported(name: string, version?: string) {
            return name === 'Mailbox' && cmpVersion(mb.mailboxVersion, version ?? '1.1') >= 0;
          },
        },
      },
      onReady(callback?: (info: { host: string; platform: string }) => void) {
        const info = { host: 'Outlook', platform: 'OfficeOnline' };
        return new Promise((resolve) =>
          later(() => {
            if (callback) callback(info);
            resolve(info);
          }),
        );
      },
      actions: {
        associate(name: string, handler: (event: unknown) => void) {
          mb.handlers[name] = handler;
        },
      },
      AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
      CoercionType: { Text: 'text', Html: 'html' },
      EventType: { ...EVENT_TYPES },
      MailboxEnums: ENUMS,
    };
  }
}

/** Office.context.roamingSettings over localStorage (or memory where storage is refused); 32 KB like Outlook. */
export class PlaygroundRoamingSettings {
  static readonly KEY = 'secondThought.playground.roamingSettings';
  static readonly LIMIT = 32 * 1024;
  private values: Record<string, unknown> = {};
  private saved: Record<string, unknown> = {};
  constructor() {
    try {
      const raw = typeof localStorage !== 'undefined' ? localStorage.getItem(PlaygroundRoamingSettings.KEY) : null;
      if (raw) this.saved = JSON.parse(raw);
    } catch {
      this.saved = {};
    }
    this.values = { ...this.saved };
  }
  get(name: string): unknown {
    return this.values[name];
  }
  set(name: string, value: unknown): void {
    this.values[name] = value;
  }
  remove(name: string): void {
    delete this.values[name];
  }
  saveAsync(a?: unknown, b?: unknown): void {
    const cb = (typeof a === 'function' ? a : b) as Callback<void> | undefined;
    later(() => {
      const text = JSON.stringify(this.values);
      if (new TextEncoder().encode(text).length > PlaygroundRoamingSettings.LIMIT) {
        if (cb) cb(failed('The settings exceed 32 KB.'));
        return;
      }
      this.saved = JSON.parse(text);
      try {
        if (typeof localStorage !== 'undefined') localStorage.setItem(PlaygroundRoamingSettings.KEY, text);
      } catch {
        /* memory only */
      }
      if (cb) cb(ok(undefined));
    });
  }
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}
