import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { policyJsonSchemaText } from '../../../src/policy/json-schema.js';
import { validatePolicyText } from '../../../src/policy/validate.js';
import { ROOT, assertOneLineError, cli } from '../helpers.js';
import { tempDir } from '../../temp-dir.js';

const POLICIES = join(ROOT, 'test', 'fixtures', 'policy');
const p = (name: string): string => join(POLICIES, name);

describe('cli/commands/policy', () => {
  it('validate: a valid policy exits 0 with one summary line', async () => {
    const r = await cli(['policy', 'validate', p('valid.policy.json')]);
    assert.equal(r.code, 0);
    assert.equal(r.stdout, `${p('valid.policy.json')}: valid\n`);
  });

  it('validate: every problem on its own line, errors before warnings, exit 2', async () => {
    const r = await cli(['policy', 'validate', p('invalid.policy.json')]);
    assert.equal(r.code, 2);
    const lines = r.stdout.trimEnd().split('\n').map((l) => l.slice(p('invalid.policy.json').length + 2));
    assert.deepEqual(lines, [
      'error $.terms[1].patterns[0]: "(away": parentheses must wrap a whole term: expected a phrase pattern (lexicons/README.md), found "go (away"',
      'error $.terms[1].id: duplicate term id "confidential/falcon" (also $.terms[0]): expected each term to have its own id',
      'warning $.maxRecipents: unknown key "maxRecipents": ignored (did you mean "maxRecipients"?)',
      'warning $.categories2: unknown key "categories2": ignored (did you mean "categories"?)',
      'invalid (2 errors, 2 warnings)',
    ]);
  });

  it('validate: warnings alone still exit 0', async () => {
    const dir = tempDir('st-policy-');
    writeFileSync(join(dir, 'w.json'), '{"version":1,"alow":["x y"]}');
    const r = await cli(['policy', 'validate', join(dir, 'w.json')]);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /warning \$\.alow: unknown key "alow": ignored \(did you mean "allow"\?\)\n.*: valid \(1 warning\)\n$/);
  });

  it('validate: a rules key naming no built-in rule is a warning with a hint', async () => {
    const r = await cli(['policy', 'validate', '-'], '{"version":1,"rules":{"tone/shoutng":{"action":"off"}}}');
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^-: warning \$\.rules\["tone\/shoutng"\]: no rule "tone\/shoutng" exists in this version, nor a term with that id: the setting does nothing \(did you mean "tone\/shouting"\?\)$/m);
  });

  it('validate: every detector rule of a checked category is known (tone/shouting, confidential/pay-list)', async () => {
    const r = await cli(['policy', 'validate', '-'], '{"version":1,"rules":{"tone/shouting":{"action":"inform"},"confidential/pay-list":{"action":"block"}}}');
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^-: valid\n$/);
  });

  it('validate: the learned scorer\'s rule is known in each category it scores (threat/learned)', async () => {
    const r = await cli(['policy', 'validate', '-'], '{"version":1,"rules":{"threat/learned":{"action":"off"},"legal/learned":{"action":"block"}}}');
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^-: valid\n$/);
  });

  it('validate: comments, unreadable files and standard input', async () => {
    const c = await cli(['policy', 'validate', p('comments.policy.json'), join(POLICIES, 'missing.json')]);
    assert.equal(c.code, 2);
    assert.match(c.stdout, /comments\.policy\.json: error \$: not valid JSON: .* at line 2, column 3 \(JSON has no comments/);
    assert.match(c.stdout, /missing\.json: error \$: cannot read: no such file or directory/);
    const s = await cli(['policy', 'validate', '-'], '{"version":1,"onError":"explode"}');
    assert.equal(s.code, 2);
    assert.match(s.stdout, /^-: error \$\.onError: expected one of "send", "hold", found "explode"$/m);
  });

  it('schema: prints the generated JSON Schema', async () => {
    const r = await cli(['policy', 'schema']);
    assert.equal(r.code, 0);
    assert.equal(r.stdout, policyJsonSchemaText());
    assert.equal(JSON.parse(r.stdout).properties.version.const, 1);
  });

  it('init: prints a valid commented policy, writes --out once, overwrites only with --force', async () => {
    const printed = await cli(['policy', 'init']);
    assert.equal(printed.code, 0);
    assert.equal(validatePolicyText(printed.stdout).problems.length, 0);
    const out = join(tempDir('st-policy-'), 'policy.json');
    assert.equal((await cli(['policy', 'init', '--out', out])).code, 0);
    assert.equal(readFileSync(out, 'utf8'), printed.stdout);
    const again = await cli(['policy', 'init', '--out', out]);
    assert.equal(again.code, 2);
    assertOneLineError(again.stderr);
    assert.match(again.stderr, /already exists \(use --force to overwrite\)/);
    writeFileSync(out, 'old');
    assert.equal((await cli(['policy', 'init', '--out', out, '--force'])).code, 0);
    assert.equal(readFileSync(out, 'utf8'), printed.stdout);
  });

  const usage: Array<[string[], RegExp]> = [
    [['policy'], /expected 'validate FILE\.\.\.', 'schema' or 'init'/],
    [['policy', 'frob'], /unknown subcommand 'frob'/],
    [['policy', 'validate'], /no policy file given/],
    [['policy', 'schema', 'x'], /unexpected argument 'x'/],
    [['policy', 'validate', '--out', 'x', 'f.json'], /--out does not apply/],
    [['policy', '--bogus'], /bogus/],
  ];
  for (const [args, message] of usage) {
    it(`usage error: ${args.join(' ')}`, async () => {
      const r = await cli(args);
      assert.equal(r.code, 2);
      assertOneLineError(r.stderr);
      assert.match(r.stderr, message);
    });
  }
});
