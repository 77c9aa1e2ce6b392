import assert from 'node:assert/strict';
import { InputError, UsageError, describeFsError, isCliError, oneLine } from '../../src/cli/errors.js';

describe('cli/errors', () => {
  it('oneLine folds line breaks and never includes a stack', () => {
    const err = new Error('first line\n   second line\r\n\nthird');
    assert.equal(oneLine(err), 'first line second line third');
    assert.equal(oneLine('plain'), 'plain');
    assert.equal(oneLine(42), '42');
  });

  it('InputError names its source first', () => {
    const e = new InputError('cannot read: no such file or directory', 'a.eml');
    assert.equal(e.message, 'a.eml: cannot read: no such file or directory');
    assert.equal(e.source, 'a.eml');
    assert.equal(new InputError('bad').message, 'bad');
  });

  it('isCliError: usage and input errors only, recognised by marker', () => {
    assert.ok(isCliError(new UsageError('x')));
    assert.ok(isCliError(new InputError('x')));
    assert.ok(!isCliError(new Error('x')));
    assert.ok(!isCliError({ cliError: true }), 'not an Error');
    assert.ok(isCliError(Object.assign(new Error('copy from another module instance'), { cliError: true })));
  });

  const codes: [string, string][] = [
    ['ENOENT', 'no such file or directory'],
    ['EACCES', 'permission denied'],
    ['EISDIR', 'is a directory'],
  ];
  for (const [code, text] of codes) {
    it(`describes ${code}`, () => assert.equal(describeFsError(Object.assign(new Error(`${code}: long node text`), { code })), text));
  }
  it('falls back to the message for other errors', () => {
    assert.equal(describeFsError(new Error('boom\nmore')), 'boom more');
  });
});
