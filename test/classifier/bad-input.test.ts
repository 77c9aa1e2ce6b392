import { strict as assert } from 'node:assert';
import { createClassifier } from '../../src/classifier/index.js';

/** Every finding's text is the original slice, and the offsets are in range. */
function assertMapsBack(text: string, findings: Array<{ start: number; end: number; text: string; field?: string }>): void {
  for (const f of findings) {
    if (f.field === 'recipients' || f.field === 'sentAt') continue;
    assert.ok(f.start >= 0 && f.start <= f.end && f.end <= text.length, `offsets ${f.start}-${f.end} out of range`);
    assert.equal(text.slice(f.start, f.end), f.text);
  }
}

describe('bad input', () => {
  const classifier = createClassifier();

  it('an empty draft passes with no findings', () => {
    const r = classifier.classify('');
    assert.deepEqual([r.verdict, r.findings, r.truncated], ['pass', [], false]);
    assert.deepEqual(classifier.classify({ body: '' }).findings, []);
  });

  it('a missing or non-string body is read as text, not thrown on', () => {
    assert.equal(classifier.classify({ body: undefined as unknown as string }).verdict, 'pass');
    assert.equal(classifier.classify(null as unknown as string).verdict, 'pass');
  });

  it('a 2 MB draft is checked up to the default limit and the rest is reported', () => {
    const chunk = 'The quarterly numbers are in the shared folder; please review them before Friday.\n';
    const big = chunk.repeat(Math.ceil((2 * 1024 * 1024) / chunk.length));
    const r = classifier.classify(big);
    assert.equal(r.truncated, true);
    assert.equal(r.notices.length, 1);
    assertMapsBack(big, r.findings);
  });

  it('binary junk gives a defined result', () => {
    let junk = '';
    for (let k = 0; k < 5000; k++) junk += String.fromCharCode((k * 7919) % 65536);
    const r = classifier.classify(junk);
    assert.ok(['pass', 'inform', 'warn', 'block'].includes(r.verdict));
    assertMapsBack(junk, r.findings);
  });

  it('lone surrogates are read as text', () => {
    const text = 'abc \ud800 def \udc00 ghi \ud83d';
    const r = classifier.classify(text);
    assertMapsBack(text, r.findings);
  });

  it('HTML source is text: markup and script are neither run nor rendered, only read', () => {
    const html = '<html><body><script>alert(1)</script><img src=x onerror="alert(2)"><p>Hello team</p></body></html>';
    const r = classifier.classify(html);
    assertMapsBack(html, r.findings);
  });
});
