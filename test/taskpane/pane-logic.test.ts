import assert from 'node:assert/strict';
import type { ClassifyResult, Draft, Finding } from '../../src/classifier/types.js';
import { DEFAULT_POLICY, resolvePolicy } from '../../src/policy/defaults.js';
import {
  countWords,
  createScheduler,
  describeChecked,
  draftSignature,
  groupBySeverity,
  isInternalAddress,
  occurrenceIndex,
  replacementFor,
  spliceChecked,
  statusLine,
  summarizeRecipients,
} from '../../src/taskpane/pane-logic.js';

const f = (p: Partial<Finding>): Finding => ({ category: 'insult', rule: 'r', severity: 'medium', action: 'warn', start: 0, end: 1, text: 'x', message: 'm', ...p });

describe('taskpane/pane-logic', () => {
  it('groups by severity, high first, keeping draft order and dropping empty groups', () => {
    const groups = groupBySeverity([f({ text: 'a', severity: 'low' }), f({ text: 'b', severity: 'high' }), f({ text: 'c', severity: 'low' })]);
    assert.deepEqual(groups.map((g) => [g.severity, g.findings.map((x) => x.text)]), [['high', ['b']], ['low', ['a', 'c']]]);
    assert.deepEqual(groupBySeverity([]), []);
  });

  it('counts words in one pass', () => {
    assert.equal(countWords(''), 0);
    assert.equal(countWords('  one\ttwo\n\nthree  '), 3);
    assert.equal(countWords('a'.repeat(100_000)), 1);
  });

  const internal: Array<[string, string[], boolean]> = [
    ['amy@contoso.com', ['contoso.com'], true],
    ['amy@mail.contoso.com', ['contoso.com'], true],
    ['amy@CONTOSO.COM', ['contoso.com'], true],
    ['amy@notcontoso.com', ['contoso.com'], false], // must not match: suffix without a dot
    ['amy@contoso.com.evil.org', ['contoso.com'], false],
    ['amy@example.org', [], false],
    ['no-at-sign', ['contoso.com'], false],
  ];
  for (const [addr, domains, expected] of internal) {
    it(`isInternalAddress(${addr}, [${domains}]) is ${expected}`, () => assert.equal(isInternalAddress(addr, domains), expected));
  }

  it('names external recipients only when the policy knows the internal domains', () => {
    const draft: Draft = { body: '', to: ['amy@contoso.com', { emailAddress: 'Bob@Example.org' }], cc: ['bob@example.org'] };
    assert.deepEqual(summarizeRecipients(draft, resolvePolicy({ internalDomains: ['contoso.com'] })), { total: 2, external: ['bob@example.org'], known: true });
    assert.deepEqual(summarizeRecipients(draft, DEFAULT_POLICY), { total: 2, external: [], known: false });
  });

  it('the empty state says what was checked, leaving out categories switched off', () => {
    const text = describeChecked({ body: 'two words', to: ['a@b.c'] }, resolvePolicy({ categories: { profanity: { action: 'off' } } }));
    assert.match(text, /^Checked the subject, the body \(2 words\) and 1 recipient for personal data, .*, hostile tone and outside recipients or late sending\.$/);
    assert.doesNotMatch(text, /profanity/);
  });

  it('status line follows the verdict', () => {
    const r = (verdict: ClassifyResult['verdict'], n: number): ClassifyResult => ({ verdict, findings: Array.from({ length: n }, () => f({})), truncated: false, notices: [] });
    assert.equal(statusLine(r('pass', 0)), 'Nothing to review.');
    assert.match(statusLine(r('warn', 2)), /^2 things to review: Outlook will ask/);
    assert.match(statusLine(r('block', 1)), /^1 thing to review: this message cannot be sent/);
  });

  const replacements: Array<[Partial<Finding>, string | null]> = [
    [{ suggestion: 'Try “Could we revisit the plan?” instead.' }, 'Could we revisit the plan?'],
    [{ suggestion: 'Try "let us talk" instead.' }, 'let us talk'],
    [{ suggestion: 'Describe the problem, not the person.' }, null],
    [{ suggestion: 'Give the specific gap ("the last three deliverables were late") and what you need.' }, null],
    [{ suggestion: 'Say “the new product” instead.' }, 'the new product'],
    [{ category: 'pii', rule: 'ssn', text: '123-45-6789' }, '[removed]'],
    [{ category: 'secret', rule: 'password', text: 'hunter2' }, '[removed]'],
    [{ category: 'tone', rule: 'shouting', text: 'THIS IS UNACCEPTABLE' }, 'This is unacceptable'],
    [{ category: 'context', rule: 'external', field: 'recipients', text: '' }, null],
  ];
  for (const [p, expected] of replacements) {
    it(`replacementFor ${JSON.stringify(p)} is ${JSON.stringify(expected)}`, () => assert.equal(replacementFor(f(p)), expected));
  }

  it('splices only when the words are still where they were', () => {
    assert.equal(spliceChecked('you idiot!', 4, 9, 'idiot', 'friend'), 'you friend!');
    assert.equal(spliceChecked('you idiot!', 0, 5, 'idiot', 'friend'), null);
    assert.equal(spliceChecked('short', 3, 99, 'x', 'y'), null);
  });

  it('occurrenceIndex counts earlier occurrences', () => {
    assert.equal(occurrenceIndex('a x a x a', 'a', 8), 2);
    assert.equal(occurrenceIndex('a x a x a', 'a', 0), 0);
    assert.equal(occurrenceIndex('aaaa', 'aa', 2), 1);
  });

  it('draft signature changes with body, subject and recipients', () => {
    const base: Draft = { body: 'b', subject: 's', to: ['a@x.y'] };
    const sig = draftSignature(base);
    assert.notEqual(draftSignature({ ...base, body: 'c' }), sig);
    assert.notEqual(draftSignature({ ...base, subject: 't' }), sig);
    assert.notEqual(draftSignature({ ...base, to: ['b@x.y'] }), sig);
    assert.equal(draftSignature({ ...base }), sig);
  });

  describe('scheduler (fake clock)', () => {
    function clock() {
      let now = 0;
      const timers: Array<{ at: number; fn: () => void; id: number }> = [];
      let nextId = 1;
      return {
        setTimeout: (fn: () => void, ms: number) => {
          const id = nextId++;
          timers.push({ at: now + ms, fn, id });
          return id;
        },
        clearTimeout: (id: unknown) => {
          const i = timers.findIndex((t) => t.id === id);
          if (i >= 0) timers.splice(i, 1);
        },
        async advance(ms: number) {
          const end = now + ms;
          await new Promise((r) => setImmediate(r)); // let pending reads settle and arm their timers
          for (;;) {
            timers.sort((a, b) => a.at - b.at);
            const t = timers[0];
            if (!t || t.at > end) break;
            timers.shift();
            now = t.at;
            t.fn();
            await new Promise((r) => setImmediate(r));
          }
          now = end;
          await new Promise((r) => setImmediate(r));
        },
      };
    }

    it('checks at once when asked, then only after the writer pauses, never per keystroke', async () => {
      const c = clock();
      let body = 'hello';
      const checked: string[] = [];
      const s = createScheduler({ read: () => Promise.resolve({ body }), check: (d) => checked.push(d.body), debounceMs: 600, pollMs: 200, setTimeout: c.setTimeout, clearTimeout: c.clearTimeout });
      s.now();
      await c.advance(0);
      assert.deepEqual(checked, ['hello']);
      // typing: a change every 150 ms for 3 s
      for (let i = 0; i < 20; i++) {
        body += 'x';
        await c.advance(150);
      }
      assert.deepEqual(checked, ['hello'], 'no check while typing');
      await c.advance(2000);
      assert.equal(checked.length, 2);
      assert.equal(checked[1], body);
      // nothing changes: polling goes on, no more checks
      await c.advance(5000);
      assert.equal(checked.length, 2);
      s.stop();
    });

    it('a poke (recipients changed) checks after the debounce; read errors are reported, not retried in a loop', async () => {
      const c = clock();
      let to = ['a@x.y'];
      let fail = false;
      let reads = 0;
      const errors: unknown[] = [];
      const checked: Draft[] = [];
      const s = createScheduler({
        read: () => {
          reads++;
          return fail ? Promise.reject(new Error('host busy')) : Promise.resolve({ body: 'b', to });
        },
        check: (d) => checked.push(d),
        onError: (e) => errors.push(e),
        debounceMs: 300,
        pollMs: 0,
        setTimeout: c.setTimeout,
        clearTimeout: c.clearTimeout,
      });
      s.now();
      await c.advance(0);
      to = ['a@x.y', 'b@x.y'];
      s.poke();
      await c.advance(400);
      assert.equal(checked.length, 2);
      fail = true;
      const before = reads;
      s.now();
      await c.advance(5000);
      assert.equal(errors.length, 1);
      assert.equal(reads - before, 1);
      s.stop();
    });

    it('stops polling when hidden', async () => {
      const c = clock();
      let reads = 0;
      let visible = false;
      const s = createScheduler({ read: () => (reads++, Promise.resolve({ body: '' })), check: () => undefined, pollMs: 100, visible: () => visible, setTimeout: c.setTimeout, clearTimeout: c.clearTimeout });
      await c.advance(1000);
      assert.equal(reads, 0);
      visible = true;
      await c.advance(1000);
      assert.ok(reads >= 9);
      s.stop();
    });
  });
});
