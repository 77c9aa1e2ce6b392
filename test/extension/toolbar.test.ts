import assert from 'node:assert/strict';
import { toolbarState, UNAVAILABLE_BADGE } from '../../src/extension/toolbar.js';

describe('extension/toolbar', () => {
  it('unavailable: "off" and a title that says drafts are not checked', () => {
    const s = toolbarState({ state: 'unavailable', count: 3, detail: "Gmail's compose window was not recognized" });
    assert.equal(s.text, UNAVAILABLE_BADGE);
    assert.match(s.title, /checking is unavailable.*not recognized.*not being checked/);
  });
  it('counts findings; nothing shown for none or idle', () => {
    assert.equal(toolbarState({ state: 'ok', count: 0 }).text, '');
    assert.equal(toolbarState({ state: 'ok', count: 2 }).text, '2');
    assert.match(toolbarState({ state: 'ok', count: 1 }).title, /1 thing to review/);
    assert.equal(toolbarState({ state: 'ok', count: 1000 }).text, '99+');
    assert.equal(toolbarState({ state: 'idle', count: 0 }).text, '');
  });
});
