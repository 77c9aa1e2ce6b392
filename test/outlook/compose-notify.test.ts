import assert from 'node:assert/strict';
import { DEFAULT_POLICY } from '../../src/policy/defaults.js';
import { NOTIFICATION_KEY, onComposeChange } from '../../src/outlook/compose-notify.js';
import type { HandlerDeps } from '../../src/outlook/send-handler.js';
import { fakeClassifier, mockOffice, recordingEvent, sleep } from './mock-office.js';

function deps(office: HandlerDeps['office'], extra: Partial<HandlerDeps> = {}): HandlerDeps {
  return { office, getPolicy: () => Promise.resolve({ policy: DEFAULT_POLICY, source: 'default' }), getClassifier: () => fakeClassifier(), log: () => undefined, watchdogMs: 60, ...extra };
}

describe('outlook/compose-notify', () => {
  it('shows an insight bar with an Open button when the draft has findings', async () => {
    const { office, state } = mockOffice({ body: 'idiot and idiot' });
    const { calls, event } = recordingEvent();
    const msg = await onComposeChange(event, deps(office));
    assert.equal(msg, 'Second Thought: 2 things to review before sending');
    const bar = state.notifications[NOTIFICATION_KEY]!;
    assert.equal(bar.type, 'insightMessage');
    assert.match(JSON.stringify(bar.actions), /stOpenPane/);
    await sleep(80);
    assert.equal(calls.length, 1);
  });

  it('falls back to an informational bar where insight messages are refused', async () => {
    const { office, state } = mockOffice({ body: 'idiot', noInsight: true });
    await onComposeChange(recordingEvent().event, deps(office));
    assert.equal(state.notifications[NOTIFICATION_KEY]!.type, 'informationalMessage');
  });

  it('removes the bar once the draft is clean', async () => {
    const { office, state } = mockOffice({ body: 'idiot' });
    await onComposeChange(recordingEvent().event, deps(office));
    assert.ok(state.notifications[NOTIFICATION_KEY]);
    state.body = 'all good';
    await onComposeChange(recordingEvent().event, deps(office));
    assert.equal(state.notifications[NOTIFICATION_KEY], undefined);
  });

  it('completes exactly once when reading fails or the host hangs', async () => {
    for (const seed of [{ failBody: 'nope' }, { hangBody: true }, { body: 'EXPLODE' }]) {
      const { office } = mockOffice(seed);
      const { calls, event } = recordingEvent();
      onComposeChange(event, deps(office));
      await sleep(100);
      assert.equal(calls.length, 1, JSON.stringify(seed));
    }
  });
});
