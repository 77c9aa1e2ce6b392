import assert from 'node:assert/strict';
import { createClassifier } from '../../src/classifier/index.js';
import type { ClassifyResult, Finding } from '../../src/classifier/types.js';
import { badgeText, decideSend, findingLines, gmailStatusLine, PROMPT_MAX_FINDINGS } from '../../src/extension/decide.js';

function finding(action: Finding['action'], text = 'idiot', extra: Partial<Finding> = {}): Finding {
  return { category: 'insult', rule: 'person', severity: 'medium', action, start: 0, end: text.length, text, message: 'Belittles a person.', ...extra };
}
function result(verdict: ClassifyResult['verdict'], findings: Finding[]): ClassifyResult {
  return { verdict, findings, truncated: false, notices: [] };
}

describe('extension/decide', () => {
  it('pass and inform send; warn prompts; block blocks (table)', () => {
    const rows: Array<[ClassifyResult, string]> = [
      [result('pass', []), 'send'],
      [result('inform', [finding('inform')]), 'send'],
      [result('warn', [finding('warn')]), 'prompt'],
      [result('block', [finding('warn'), finding('block', 'moron')]), 'block'],
    ];
    for (const [r, kind] of rows) assert.equal(decideSend(r, { onError: 'send' }).kind, kind, r.verdict);
  });

  it('a failed check follows onError: send lets it go, hold stops it and says why', () => {
    assert.deepEqual(decideSend(new Error('boom'), { onError: 'send' }), { kind: 'send' });
    const held = decideSend(new Error('lexicons failed to load'), { onError: 'hold' });
    assert.equal(held.kind, 'hold');
    assert.ok(held.kind === 'hold' && held.lines[0]!.includes('lexicons failed to load'));
  });

  it('the prompt names the strongest findings first, with the Outlook alert wording', () => {
    const d = decideSend(result('block', [finding('warn', 'fool'), finding('block', 'moron')]), { onError: 'send' });
    assert.equal(d.kind, 'block');
    assert.ok(d.kind === 'block');
    assert.match(d.title, /stopped this message: 2 things must change/);
    assert.match(d.lines[0]!, /^Insult: "moron": /);
    assert.match(d.lines[1]!, /^Insult: "fool": /);
  });

  it('lists at most PROMPT_MAX_FINDINGS and counts the rest; inform findings are not listed', () => {
    const many = Array.from({ length: PROMPT_MAX_FINDINGS + 3 }, (_, i) => finding('warn', `w${i}`));
    const lines = findingLines(result('warn', [...many, finding('inform', 'note')]));
    assert.equal(lines.length, PROMPT_MAX_FINDINGS + 1);
    assert.equal(lines.at(-1), '(and 3 more)');
    assert.ok(!lines.some((l) => l.includes('"note"')));
  });

  it('badge and status text', () => {
    assert.equal(badgeText(null), '');
    assert.equal(badgeText(result('pass', [])), '');
    assert.equal(badgeText(result('warn', [finding('warn'), finding('inform')])), '2');
    assert.equal(badgeText(result('warn', Array.from({ length: 120 }, () => finding('warn')))), '99+');
    assert.equal(gmailStatusLine(result('pass', [])), 'Nothing to review.');
    assert.equal(gmailStatusLine(result('warn', [finding('warn')])), '1 thing to review: you will be asked before it is sent.');
    assert.equal(gmailStatusLine(result('block', [finding('block'), finding('warn')])), '2 things to review: this message cannot be sent as it is.');
  });

  it('end to end with the real classifier: a regrettable draft prompts, a clean one sends', () => {
    const c = createClassifier();
    assert.equal(decideSend(c.classify({ body: 'Frankly the client is an idiot.' }), { onError: 'send' }).kind, 'prompt');
    assert.equal(decideSend(c.classify({ body: 'Thanks, the figures are attached. See you Monday.' }), { onError: 'send' }).kind, 'send');
  });
});
