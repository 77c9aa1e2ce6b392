import assert from 'node:assert/strict';
import type { ClassifyResult, Finding } from '../../src/classifier/types.js';
import { CheckSummary, excerpt, formatFindings, locations } from '../../src/cli/format.js';

function f(start: number, end: number, text: string, extra: Partial<Finding> = {}): Finding {
  return { category: 'legal', rule: 'destroy-evidence', severity: 'high', action: 'warn', start, end, text, message: 'Reads as hiding evidence.', ...extra };
}

describe('cli/format', () => {
  it('locates body findings by line:col, subject findings by subject:col, others by field', () => {
    const draft = { body: 'hi\nplease delete this', subject: 'Re: delete it' };
    const findings = [f(4, 10, 'delete', { field: 'subject' }), f(10, 16, 'delete'), f(0, 0, '', { field: 'recipients', category: 'context', rule: 'large-audience' })];
    assert.deepEqual(locations('m.eml', draft, findings), ['m.eml:subject:5', 'm.eml:2:8', 'm.eml:recipients']);
  });

  it('excerpt: the finding marked on its own line with a little context', () => {
    const body = 'first line\nso please delete this after reading, thanks\nlast';
    const start = body.indexOf('delete this after reading');
    assert.equal(excerpt(body, f(start, start + 25, 'delete this after reading')), 'so please »delete this after reading«, thanks');
    const long = `${'a'.repeat(60)} delete it ${'b'.repeat(60)}`;
    const s = long.indexOf('delete it');
    const e = excerpt(long, f(s, s + 9, 'delete it'));
    assert.ok(e.startsWith('…') && e.endsWith('…') && e.includes('»delete it«'), e);
  });

  it('neutralises control characters and bidi overrides in printed mail text', () => {
    const body = 'x \u001b[2J\u202edelete';
    const out = formatFindings('s.txt', { body }, { verdict: 'warn', findings: [f(body.indexOf('delete'), body.length, 'delete')], truncated: false, notices: [] });
    assert.doesNotMatch(out, /[\u001b\u202e]/);
    assert.match(out, /^s\.txt:1:8 {2}high {2}legal\/destroy-evidence {2}Reads as hiding evidence\.$/m);
  });

  it('prints the suggestion, block marker and notices', () => {
    const result: ClassifyResult = {
      verdict: 'block',
      findings: [f(0, 6, 'delete', { action: 'block', suggestion: 'Say what to keep instead.' })],
      truncated: true,
      notices: ['Only the first 1000000 characters were checked.'],
    };
    const out = formatFindings('a.txt', { body: 'delete' }, result);
    assert.equal(
      out,
      'a.txt:1:1  high  legal/destroy-evidence  Reads as hiding evidence. [blocks sending]\n' +
        '    »delete«\n' +
        '    suggestion: Say what to keep instead.\n' +
        'a.txt: note: Only the first 1000000 characters were checked.\n',
    );
    assert.equal(formatFindings('a.txt', { body: '' }, { verdict: 'pass', findings: [], truncated: false, notices: [] }), '');
  });

  it('summary line counts messages, verdicts, findings and unreadable inputs', () => {
    const s = new CheckSummary();
    assert.equal(s.line(), '0 messages checked; 0 findings');
    s.add({ verdict: 'warn', findings: [f(0, 1, 'x'), f(1, 2, 'y')], truncated: false, notices: [] });
    s.add({ verdict: 'pass', findings: [], truncated: false, notices: [] });
    s.unreadable = 1;
    assert.equal(s.line(), '2 messages checked: 1 warn, 1 pass; 2 findings; 1 input could not be read');
  });
});
