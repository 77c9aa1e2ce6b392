import assert from 'node:assert/strict';
import { DEFAULT_POLICY, resolvePolicy } from '../../src/policy/defaults.js';
import type { PolicyLoad } from '../../src/outlook/policy-source.js';
import { MAX_ALERT_CHARS } from '../../src/outlook/alert-message.js';
import { fingerprint, onMessageSend, PANE_COMMAND_ID, WARNED_KEY } from '../../src/outlook/send-handler.js';
import type { HandlerDeps } from '../../src/outlook/send-handler.js';
import { fakeClassifier, mockOffice, recordingEvent, sleep } from './mock-office.js';

const defaultLoad: PolicyLoad = { policy: DEFAULT_POLICY, source: 'default' };
const holdLoad: PolicyLoad = { policy: resolvePolicy({ onError: 'hold' }), source: 'organization' };

function deps(office: HandlerDeps['office'], extra: Partial<HandlerDeps> = {}): HandlerDeps {
  return { office, getPolicy: () => Promise.resolve(defaultLoad), getClassifier: () => fakeClassifier(), log: () => undefined, ...extra };
}

/** Waits past the handler's watchdog and checks that nothing completed a second time. */
async function settledCalls(calls: unknown[], watchdogMs: number) {
  await sleep(watchdogMs + 30);
  return calls;
}

describe('outlook/send-handler', () => {
  it('allows a clean draft', async () => {
    const { office } = mockOffice({ body: 'Lunch at noon?', subject: 'Lunch', to: ['a@example.com'] });
    const { calls, event } = recordingEvent();
    const out = await onMessageSend(event, deps(office, { watchdogMs: 80 }));
    assert.equal(out.kind, 'allow');
    assert.deepEqual(await settledCalls(calls, 80), [{ allowEvent: true }]);
  });

  it('allows a draft whose findings only inform', async () => {
    const { office } = mockOffice({ body: 'fyi the build is green' });
    const { calls, event } = recordingEvent();
    await onMessageSend(event, deps(office));
    assert.deepEqual(calls, [{ allowEvent: true }]);
  });

  it('passes body as text, subject and all recipients to the classifier', async () => {
    const { office } = mockOffice({ body: 'b', subject: 's', to: ['t@x.com'], cc: ['c@x.com'], bcc: ['b@x.com'] });
    let seen: unknown;
    const { event } = recordingEvent();
    await onMessageSend(event, deps(office, { getClassifier: () => fakeClassifier((d) => (seen = d)) }));
    assert.deepEqual(seen, {
      body: 'b',
      subject: 's',
      to: [{ emailAddress: 't@x.com', displayName: 't' }],
      cc: [{ emailAddress: 'c@x.com', displayName: 'c' }],
      bcc: [{ emailAddress: 'b@x.com', displayName: 'b' }],
    });
  });

  it('warns with Send Anyway, the words and a pane button on Mailbox 1.14+', async () => {
    const { office } = mockOffice({ body: 'The client is an idiot.', mailbox: '1.14' });
    const { calls, event } = recordingEvent();
    const out = await onMessageSend(event, deps(office, { watchdogMs: 80 }));
    assert.equal(out.kind, 'warn');
    await settledCalls(calls, 80);
    assert.equal(calls.length, 1);
    const opts = calls[0]!;
    assert.equal(opts.allowEvent, false);
    assert.equal(opts.sendModeOverride, 'promptUser');
    assert.equal(opts.commandId, PANE_COMMAND_ID);
    assert.equal(opts.cancelLabel, undefined, 'older clients would put it on "Don\'t Send"');
    const msg = String(opts.errorMessage);
    assert.match(msg, /Insult/);
    assert.match(msg, /"idiot"/);
    assert.match(msg, /Because of idiot\./);
    assert.match(msg, /Send Anyway/);
  });

  it('blocks with no way through (no override) when the verdict is block', async () => {
    const { office, state } = mockOffice({ body: 'password is hunter2, idiot', mailbox: '1.15' });
    const { calls, event } = recordingEvent();
    const out = await onMessageSend(event, deps(office));
    assert.equal(out.kind, 'block');
    assert.equal(calls.length, 1);
    assert.equal(calls[0]!.allowEvent, false);
    assert.equal(calls[0]!.sendModeOverride, undefined);
    assert.equal(calls[0]!.commandId, PANE_COMMAND_ID);
    assert.doesNotMatch(String(calls[0]!.errorMessage), /Send Anyway|Send again/);
    // the block finding is listed first
    assert.ok(String(calls[0]!.errorMessage).indexOf('Secret') < String(calls[0]!.errorMessage).indexOf('Insult'));
    // A second Send of the same blocked draft is blocked again.
    const second = recordingEvent();
    await onMessageSend(second.event, deps(office));
    assert.equal(second.calls[0]!.allowEvent, false);
    assert.equal(state.session[WARNED_KEY], undefined);
  });

  it('on Mailbox 1.12 warns once, then lets the same draft through on the next Send', async () => {
    const { office, state } = mockOffice({ body: 'You idiot.', mailbox: '1.12' });
    const first = recordingEvent();
    await onMessageSend(first.event, deps(office));
    assert.equal(first.calls.length, 1);
    assert.equal(first.calls[0]!.allowEvent, false);
    assert.equal(first.calls[0]!.commandId, undefined, 'commandId needs 1.14');
    assert.equal(first.calls[0]!.sendModeOverride, undefined, 'sendModeOverride needs 1.14');
    assert.match(String(first.calls[0]!.errorMessage), /press Send again/);
    const second = recordingEvent();
    await onMessageSend(second.event, deps(office));
    assert.deepEqual(second.calls, [{ allowEvent: true }]);
    // A changed draft with different findings is warned about afresh.
    state.body = 'You idiot. idiot!';
    const third = recordingEvent();
    await onMessageSend(third.event, deps(office));
    assert.equal(third.calls[0]!.allowEvent, false);
  });

  it('keeps the alert within 500 characters and counts what did not fit', async () => {
    const { office } = mockOffice({ body: Array.from({ length: 40 }, () => 'idiot').join(' '), mailbox: '1.15' });
    const { calls, event } = recordingEvent();
    await onMessageSend(event, deps(office));
    const msg = String(calls[0]!.errorMessage);
    assert.ok(msg.length <= MAX_ALERT_CHARS, `length ${msg.length}`);
    assert.match(msg, /\(and \d+ more\)/);
  });

  const faults: Array<[string, (s: ReturnType<typeof mockOffice>['state']) => Partial<HandlerDeps> | void]> = [
    ['the body read fails', (s) => void (s.failBody = 'Internal error')],
    ['the body read throws', (s) => void (s.throwOnBody = true)],
    ['the classifier throws', (s) => void (s.body = 'EXPLODE')],
    ['the classifier cannot be created', () => ({ getClassifier: () => { throw new Error('lexicons missing'); } })],
    ['the classifier fails to load', () => ({ getClassifier: () => Promise.reject(new Error('chunk failed')) })],
  ];
  for (const [name, inject] of faults) {
    for (const load of [defaultLoad, holdLoad]) {
      it(`completes exactly once when ${name} (onError=${load.policy.onError})`, async () => {
        const { office, state } = mockOffice({ body: 'hello' });
        const extra = inject(state) ?? {};
        const { calls, event } = recordingEvent();
        const out = await onMessageSend(event, deps(office, { watchdogMs: 80, getPolicy: () => Promise.resolve(load), ...extra }));
        assert.equal(out.kind, 'error');
        await settledCalls(calls, 80);
        assert.equal(calls.length, 1);
        if (load.policy.onError === 'send') assert.deepEqual(calls[0], { allowEvent: true });
        else {
          assert.equal(calls[0]!.allowEvent, false);
          assert.match(String(calls[0]!.errorMessage), /could not check/);
        }
      });
    }
  }

  it('the watchdog completes once when the host never answers, and a late answer changes nothing', async () => {
    const { office, state } = mockOffice({ body: 'idiot', hangBody: true });
    const { calls, event } = recordingEvent();
    const out = await onMessageSend(event, deps(office, { watchdogMs: 50, getPolicy: () => Promise.resolve(holdLoad) }));
    assert.equal(out.kind, 'error');
    assert.equal(calls.length, 1);
    assert.equal(calls[0]!.allowEvent, false);
    assert.match(String(calls[0]!.errorMessage), /took too long/);
    state.hangBody = false;
    await sleep(60);
    assert.equal(calls.length, 1);
  });

  it('the watchdog fires when the policy never arrives (default onError: send)', async () => {
    const { office } = mockOffice({ body: 'idiot' });
    const { calls, event } = recordingEvent();
    const out = await onMessageSend(event, deps(office, { watchdogMs: 40, getPolicy: () => new Promise<PolicyLoad>(() => undefined) }));
    assert.equal(out.kind, 'error');
    assert.deepEqual(calls, [{ allowEvent: true }]);
  });

  it('survives event.completed throwing, still calling it only once', async () => {
    const { office } = mockOffice({ body: 'idiot' });
    let n = 0;
    const out = await onMessageSend({ completed: () => { n++; throw new Error('host gone'); } }, deps(office, { watchdogMs: 40 }));
    await sleep(60);
    assert.equal(out.kind, 'warn');
    assert.equal(n, 1);
  });

  it('fingerprint depends on the findings, not on the rest of the draft', () => {
    const c = fakeClassifier();
    assert.equal(fingerprint(c.classify('hello idiot')), fingerprint(c.classify('bye idiot')));
    assert.notEqual(fingerprint(c.classify('idiot')), fingerprint(c.classify('idiot idiot')));
  });

  it('an organization policy the classifier cannot build on means checking with the default, not no checking', async () => {
    const { office } = mockOffice({ body: 'you idiot' });
    const { calls, event } = recordingEvent();
    const org: PolicyLoad = { policy: resolvePolicy({ maxRecipients: 7 }), source: 'organization' };
    const seen: unknown[] = [];
    const out = await onMessageSend(
      event,
      deps(office, {
        getPolicy: () => Promise.resolve(org),
        getClassifier: (p) => {
          seen.push(p);
          if (p !== DEFAULT_POLICY) throw new Error('term does not compile');
          return fakeClassifier();
        },
      }),
    );
    assert.equal(out.kind, 'warn');
    assert.deepEqual(seen, [org.policy, DEFAULT_POLICY]);
    assert.equal(calls.length, 1);
  });
});
