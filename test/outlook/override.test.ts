import assert from 'node:assert/strict';
import type { ClassifyResult, Finding } from '../../src/classifier/types.js';
import { resolvePolicy } from '../../src/policy/defaults.js';
import type { PolicyLoad } from '../../src/outlook/policy-source.js';
import {
  OVERRIDE_HEADER,
  OVERRIDE_KEY,
  canRecordOverride,
  headerSafeReason,
  overrideCovers,
  overrideHeaderValue,
  recordOverride,
  warnedRules,
} from '../../src/outlook/override.js';
import { onMessageSend } from '../../src/outlook/send-handler.js';
import { fakeClassifier, mockOffice, recordingEvent } from './mock-office.js';

function finding(category: Finding['category'], rule: string, action: Finding['action']): Finding {
  return { category, rule, action, severity: 'medium', start: 0, end: 1, text: 'x', message: 'm' };
}
const result = (findings: Finding[]): Pick<ClassifyResult, 'findings'> => ({ findings });

describe('outlook/override', () => {
  it('warnedRules: the warn findings only, full ids, sorted and unique', () => {
    const r = result([finding('tone', 'per-my-last-email', 'warn'), finding('insult', 'idiot', 'warn'), finding('insult', 'idiot', 'warn'), finding('pii', 'email', 'inform')]);
    assert.deepEqual(warnedRules(r), ['insult/idiot', 'tone/per-my-last-email']);
  });

  describe('headerSafeReason', () => {
    const rows: Array<[string, string]> = [
      ['Client asked for it', 'Client asked for it'],
      ['  two\r\nlines\tand tabs ', 'two lines and tabs'],
      ['say "hi" \\ bye', 'say \\"hi\\" \\\\ bye'],
      ['100% sure', '100%25 sure'],
      ['café', 'caf%C3%A9'],
      ['a\u0000b\u007fc', 'abc'],
    ];
    for (const [input, out] of rows) it(`${JSON.stringify(input)} -> ${JSON.stringify(out)}`, () => assert.equal(headerSafeReason(input), out));
    it('cuts the reason to 200 characters', () => assert.equal(headerSafeReason('y'.repeat(500)).length, 200));
  });

  it('the header value names the rules and the reason', () => {
    assert.equal(overrideHeaderValue(['insult/idiot', 'tone/per-my-last-email'], 'agreed with legal'), 'rules=insult/idiot,tone/per-my-last-email; reason="agreed with legal"');
  });

  it('overrideCovers: every warned rule must have been given a reason', () => {
    const r = result([finding('insult', 'idiot', 'warn'), finding('tone', 'sarcasm', 'warn')]);
    assert.equal(overrideCovers('insult/idiot,tone/sarcasm', r), true);
    assert.equal(overrideCovers('insult/idiot', r), false);
    assert.equal(overrideCovers(null, r), false);
    assert.equal(overrideCovers('insult/idiot', result([])), false);
  });

  describe('recordOverride (office-addin-mock)', () => {
    it('sets the header and remembers the rule ids; no draft text goes into either', async () => {
      const { office, state } = mockOffice({ body: 'you idiot, secret words here', mailbox: '1.15' });
      assert.equal(canRecordOverride(office), true);
      await recordOverride(office, ['insult/idiot'], 'Quoting the customer');
      assert.deepEqual(state.headers, { [OVERRIDE_HEADER]: 'rules=insult/idiot; reason="Quoting the customer"' });
      assert.equal(state.session[OVERRIDE_KEY], 'insult/idiot');
      assert.ok(!JSON.stringify(state.headers).includes('secret words'));
    });

    it('is detected as unsupported before Mailbox 1.8, and then refuses', async () => {
      const { office, state } = mockOffice({ mailbox: '1.7' });
      assert.equal(canRecordOverride(office), false);
      await assert.rejects(recordOverride(office, ['insult/idiot'], 'a good reason'), /cannot attach/);
      assert.deepEqual(state.headers, {});
    });

    it('refuses a too short reason, and reports Outlook refusing the header', async () => {
      const { office, state } = mockOffice({});
      await assert.rejects(recordOverride(office, ['insult/idiot'], ' ok '), /at least/);
      state.failHeaders = true;
      await assert.rejects(recordOverride(office, ['insult/idiot'], 'a good reason'), /did not accept/);
      assert.equal(state.session[OVERRIDE_KEY], undefined);
    });
  });

  describe('send handler with requireOverrideReason', () => {
    const load: PolicyLoad = { policy: resolvePolicy({ requireOverrideReason: true }), source: 'organization' };
    const deps = (office: ReturnType<typeof mockOffice>['office']) => ({
      office,
      getPolicy: () => Promise.resolve(load),
      getClassifier: () => fakeClassifier(),
      log: () => undefined,
    });

    it('a warning asks for a reason (no Send Anyway); after the pane records one, Send goes through', async () => {
      const { office } = mockOffice({ body: 'you idiot' });
      const first = recordingEvent();
      const out = await onMessageSend(first.event, deps(office));
      assert.equal(out.kind, 'warn');
      const opts = first.calls[0] as Record<string, unknown>;
      assert.equal(opts.allowEvent, false);
      assert.equal(opts.sendModeOverride, undefined);
      assert.match(String(opts.errorMessage), /give a reason/);
      assert.ok(opts.commandId);
      const rules = out.kind === 'warn' ? warnedRules(out.result) : [];
      await recordOverride(office, rules, 'The customer used this word first');
      const second = recordingEvent();
      assert.equal((await onMessageSend(second.event, deps(office))).kind, 'allow');
    });

    it('a reason given for other rules does not let a new warning through', async () => {
      const { office, state } = mockOffice({ body: 'you idiot' });
      state.session[OVERRIDE_KEY] = 'tone/sarcasm';
      const ev = recordingEvent();
      assert.equal((await onMessageSend(ev.event, deps(office))).kind, 'warn');
    });

    it('blocks stay blocks, and without internet headers (before 1.8) the usual flow applies', async () => {
      const blocked = mockOffice({ body: 'hunter2' });
      blocked.state.session[OVERRIDE_KEY] = 'secret/fake';
      assert.equal((await onMessageSend(recordingEvent().event, deps(blocked.office))).kind, 'block');
      const old = mockOffice({ body: 'you idiot', mailbox: '1.7' });
      const ev = recordingEvent();
      await onMessageSend(ev.event, deps(old.office));
      assert.doesNotMatch(String((ev.calls[0] as Record<string, unknown>).errorMessage), /give a reason/);
    });
  });
});
