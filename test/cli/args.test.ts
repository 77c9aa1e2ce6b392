import assert from 'node:assert/strict';
import { intOption, parse } from '../../src/cli/args.js';

describe('cli/args', () => {
  const options = { json: { type: 'boolean' }, to: { type: 'string', multiple: true }, policy: { type: 'string' } } as const;

  it('parses booleans, repeated options and positionals (options anywhere)', () => {
    const { values, positionals } = parse('check', ['a.txt', '--to', 'x@y.example', '--json', '--to', 'z@y.example', 'b.eml'], options);
    assert.deepEqual({ ...values }, { to: ['x@y.example', 'z@y.example'], json: true });
    assert.deepEqual(positionals, ['a.txt', 'b.eml']);
  });

  it('keeps - as a positional and everything after -- as positionals', () => {
    assert.deepEqual(parse('check', ['-', '--', '--json'], options).positionals, ['-', '--json']);
  });

  const errors: [string[], RegExp][] = [
    [['--nope'], /^check: Unknown option '--nope'$/],
    [['--policy'], /^check: Option '--policy <value>' argument missing$/],
    [['--json=1'], /^check: Option '--json' does not take an argument$/],
    [['-x'], /^check: Unknown option '-x'$/],
  ];
  for (const [args, pattern] of errors) {
    it(`usage error, first sentence only: ${args.join(' ')}`, () => {
      assert.throws(
        () => parse('check', args, options),
        (err: Error) => err.name === 'UsageError' && pattern.test(err.message) && !err.message.includes('\n'),
      );
    });
  }

  it('intOption: whole numbers only', () => {
    assert.equal(intOption('eval', 'misses', undefined, 0), 0);
    assert.equal(intOption('eval', 'misses', '12', 0), 12);
    for (const bad of ['-1', '1.5', 'ten', '', '1e3', '9999999999']) {
      assert.throws(() => intOption('eval', 'misses', bad, 0), /eval: --misses expects a whole number/);
    }
  });
});
