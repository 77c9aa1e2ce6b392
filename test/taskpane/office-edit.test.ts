import assert from 'node:assert/strict';
import type { Finding } from '../../src/classifier/types.js';
import { replaceFinding } from '../../src/taskpane/office-edit.js';
import { mockOffice } from '../outlook/mock-office.js';

const finding = (p: Partial<Finding>): Finding => ({ category: 'pii', rule: 'ssn', severity: 'high', action: 'warn', start: 0, end: 0, text: '', message: 'm', ...p });

describe('taskpane/office-edit (Replace, on click only)', () => {
  it('replaces the finding in a plain-text body through setAsync', async () => {
    const { office, state } = mockOffice({ body: 'My SSN is 123-45-6789, thanks' });
    const item = office.context.mailbox.item!;
    (item.body as unknown as { getTypeAsync: Function }).getTypeAsync = (cb: Function) => cb({ status: 'succeeded', value: 'text' });
    const out = await replaceFinding(item, finding({ start: 10, end: 21, text: '123-45-6789' }), '[removed]');
    assert.equal(out, 'replaced');
    assert.equal(state.body, 'My SSN is [removed], thanks');
    assert.deepEqual(state.bodyWrites.map((w) => w.how), ['set']);
  });

  it('writes nothing when the draft changed since the check', async () => {
    const { office, state } = mockOffice({ body: 'My SSN is (deleted already)' });
    const out = await replaceFinding(office.context.mailbox.item, finding({ start: 10, end: 21, text: '123-45-6789' }), '[removed]');
    assert.equal(out, 'changed');
    assert.deepEqual(state.bodyWrites, []);
  });

  it('reports a failed write', async () => {
    const { office } = mockOffice({ body: 'x', failBody: 'Body is locked' });
    await assert.rejects(replaceFinding(office.context.mailbox.item, finding({ start: 0, end: 1, text: 'x' }), 'y'), /Body is locked/);
  });

  it('has nothing to do without an item', async () => {
    assert.equal(await replaceFinding(null, finding({}), 'y'), 'unsupported');
  });
});
