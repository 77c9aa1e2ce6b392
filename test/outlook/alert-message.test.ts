import assert from 'node:assert/strict';
import type { ClassifyResult, Finding } from '../../src/classifier/types.js';
import { clip, formatHoldMessage, formatNotification, formatSendAlert, MAX_ALERT_CHARS, MAX_NOTIFICATION_CHARS, sendFindings } from '../../src/outlook/alert-message.js';

function finding(partial: Partial<Finding>): Finding {
  return { category: 'insult', rule: 'r', severity: 'medium', action: 'warn', start: 0, end: 1, text: 'x', message: 'Why.', ...partial };
}
function result(findings: Finding[], verdict: ClassifyResult['verdict']): ClassifyResult {
  return { verdict, findings, truncated: false, notices: [] };
}

describe('outlook/alert-message', () => {
  it('clip collapses whitespace and shortens with an ellipsis', () => {
    assert.equal(clip('  a \n\n b\tc  ', 10), 'a b c');
    assert.equal(clip('abcdefghij', 5), 'abcd…');
    assert.equal(clip('x'.repeat(1_000_000), 8).length, 8);
  });

  it('clip marks a cut that falls exactly at the end of a word, and cuts at a space when one is near', () => {
    // The first ten characters end with a whole word: the rest was still cut, so the ellipsis shows.
    assert.equal(clip('one two th more words', 10), 'one two…');
    assert.equal(clip('it also says more about the writer', 14), 'it also says…');
    assert.equal(clip('it also says   \n  ', 12), 'it also says');
    // No space near the end: the word is cut rather than dropping most of the text.
    assert.equal(clip('a verylongwordwithoutspaces', 12), 'a verylongw…');
  });

  it('lists block findings first, then by severity, and leaves inform out', () => {
    const r = result(
      [
        finding({ text: 'low', severity: 'low', action: 'inform' }),
        finding({ text: 'med', severity: 'medium' }),
        finding({ text: 'blk', category: 'secret', action: 'block' }),
        finding({ text: 'high', severity: 'high' }),
      ],
      'block',
    );
    assert.deepEqual(sendFindings(r).map((f) => f.text), ['blk', 'high', 'med']);
  });

  it('names category, the words, the reason and marks subject findings', () => {
    const msg = formatSendAlert(result([finding({ text: 'you fool', field: 'subject', message: 'It belittles.' })], 'warn'), { canSendAnyway: true });
    assert.match(msg, /Insult: "you fool" \(subject\): It belittles\./);
    assert.match(msg, /Send Anyway/);
  });

  it('a finding without words (recipients, timing) is named by category and reason only', () => {
    const msg = formatSendAlert(result([finding({ category: 'context', text: '', field: 'recipients', message: 'Goes outside.' })], 'warn'), { canSendAnyway: true });
    assert.match(msg, /\n- Context: Goes outside\./);
  });

  it('stays within 500 characters with long words and many findings', () => {
    const many = Array.from({ length: 30 }, (_, i) => finding({ text: `word${i} `.repeat(30), message: 'm'.repeat(300) }));
    for (const verdict of ['warn', 'block'] as const) {
      const msg = formatSendAlert(result(many, verdict), { canSendAnyway: verdict === 'warn' });
      assert.ok(msg.length <= MAX_ALERT_CHARS, String(msg.length));
      assert.match(msg, /and \d+ more/);
    }
  });

  it('hold message and notification respect their limits', () => {
    assert.ok(formatHoldMessage('x'.repeat(2000)).length <= MAX_ALERT_CHARS);
    assert.equal(formatNotification(result([], 'pass')), null);
    assert.equal(formatNotification(result([finding({}), finding({})], 'warn')), 'Second Thought: 2 things to review before sending');
    assert.equal(formatNotification(result([finding({ action: 'inform', severity: 'low' })], 'inform')), 'Second Thought: 1 note on this draft');
    assert.ok((formatNotification(result([finding({})], 'warn')) ?? '').length <= MAX_NOTIFICATION_CHARS);
  });
});
