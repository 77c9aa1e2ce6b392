import assert from 'node:assert/strict';
import { formatProblem, parsePolicyJson, validatePolicy, validatePolicyText, type PolicyProblem } from '../../src/policy/validate.js';

const term = (extra: Record<string, unknown> = {}) => ({
  patterns: ['Project Falcon'],
  category: 'confidential',
  severity: 'high',
  message: 'Codename of an unannounced project.',
  ...extra,
});

function errors(value: unknown): PolicyProblem[] {
  return validatePolicy(value).problems.filter((p) => p.level === 'error');
}
function warnings(value: unknown): PolicyProblem[] {
  return validatePolicy(value).problems.filter((p) => p.level === 'warning');
}
function only(problems: PolicyProblem[]): PolicyProblem {
  assert.equal(problems.length, 1, problems.map(formatProblem).join('\n'));
  return problems[0]!;
}

describe('policy/validate', () => {
  it('accepts an empty policy with version and returns it', () => {
    const r = validatePolicy({ version: 1 });
    assert.deepEqual(r.problems, []);
    assert.deepEqual(r.policy, { version: 1 });
  });

  it('accepts a full policy unchanged (round trip through the schema)', () => {
    const doc = {
      $schema: './policy.schema.json',
      $comment: ['IT policy', 'reviewed 2026-11'],
      version: 1,
      severityActions: { low: 'inform', medium: 'warn', high: 'block' },
      categories: { pii: { action: 'block', $comment: 'always' }, tone: { minSeverity: 'medium' } },
      rules: { 'tone/shouting': { action: 'off' }, 'pii/credit-card': { action: 'block', minSeverity: 'low' } },
      terms: [term({ id: 'falcon', externalOnly: true, suggestion: 'Say "the project".', exceptions: ['falcon heavy'] })],
      internalDomains: ['example.com', '@corp.example.net'],
      allow: ['killer app'],
      quietHours: { start: '22:00', end: '06:30', timeZone: 'Europe/Berlin' },
      maxRecipients: 25,
      onError: 'hold',
      sendMode: 'block',
      maxDraftChars: 200000,
      locks: ['categories.pii', 'rules.pii/credit-card', 'allow'],
    };
    const r = validatePolicy(doc);
    assert.deepEqual(r.problems, []);
    assert.deepEqual(r.policy, doc);
    assert.deepEqual(validatePolicy(JSON.parse(JSON.stringify(r.policy))).policy, doc);
  });

  describe('errors name the path, the value found and what was expected', () => {
    const table: Array<[string, unknown, string, string | RegExp]> = [
      ['wrong type (string for object)', { version: 1, categories: 'pii' }, '$.categories', /expected an object, found "pii"/],
      ['wrong type (number for list)', { version: 1, allow: 3 }, '$.allow', /expected a list \(JSON array\), found 3/],
      ['wrong enum value', { version: 1, categories: { pii: { action: 'blok' } } }, '$.categories.pii.action', /expected one of "off", "inform", "warn", "block", found "blok"/],
      ['wrong severity', { version: 1, severityActions: { high: 'stop' } }, '$.severityActions.high', /found "stop"/],
      ['unsupported version', { version: 2 }, '$.version', /understands version 1.*expected 1, found 2/],
      ['version as string', { version: '1' }, '$.version', /found "1"/],
      ['missing required term field', { version: 1, terms: [{ patterns: ['x y'], category: 'legal', severity: 'low' }] }, '$.terms[0].message', /missing: expected a string/],
      ['empty pattern list', { version: 1, terms: [term({ patterns: [] })] }, '$.terms[0].patterns', /expected a non-empty list, found a list of 0 items/],
      ['term in context category', { version: 1, terms: [term({ category: 'context' })] }, '$.terms[0].category', /found "context"/],
      ['bad term id', { version: 1, terms: [term({ id: 'Project Falcon' })] }, '$.terms[0].id', /expected a rule id of lowercase letters/],
      ['unparsable pattern (parenthesis)', { version: 1, terms: [term({ patterns: ['ok', 'go (away'] })] }, '$.terms[0].patterns[1]', /parentheses must wrap a whole term.*found "go \(away"/],
      ['unparsable pattern (short stem)', { version: 1, terms: [term({ patterns: ['ass*'] })] }, '$.terms[0].patterns[0]', /stem shorter than 4/],
      ['unparsable pattern (gap at the end)', { version: 1, allow: ['delete ...'] }, '$.allow[0]', /a gap must stand between words/],
      ['unparsable exception', { version: 1, terms: [term({ exceptions: ['<bogus> x'] })] }, '$.terms[0].exceptions[0]', /unknown token class/],
      ['bad rule id key', { version: 1, rules: { ssn: { action: 'block' } } }, '$.rules.ssn', /invalid key "ssn": expected a rule id "category\/rule"/],
      ['rule in unknown category', { version: 1, rules: { 'pi/ssn': {} } }, '$.rules["pi/ssn"]', /invalid key/],
      ['bad time of day', { version: 1, quietHours: { start: '25:00', end: '06:00' } }, '$.quietHours.start', /expected a time of day as "HH:MM".*found "25:00"/],
      ['unknown time zone', { version: 1, quietHours: { start: '22:00', end: '06:00', timeZone: 'Mars/Olympus' } }, '$.quietHours.timeZone', /unknown time zone/],
      ['empty quiet hours', { version: 1, quietHours: { start: '22:00', end: '22:00' } }, '$.quietHours.end', /same time/],
      ['negative recipients', { version: 1, maxRecipients: -1 }, '$.maxRecipients', /expected a number >= 0, found -1/],
      ['fractional recipients', { version: 1, maxRecipients: 2.5 }, '$.maxRecipients', /found 2.5/],
      ['tiny draft limit', { version: 1, maxDraftChars: 10 }, '$.maxDraftChars', /expected a number >= 1000/],
      ['bad onError', { version: 1, onError: 'retry' }, '$.onError', /expected one of "send", "hold"/],
      ['bad domain', { version: 1, internalDomains: ['not a domain'] }, '$.internalDomains[0]', /expected a domain name/],
      ['unknown lock path', { version: 1, locks: ['categories.pi'] }, '$.locks[0]', /expected a lockable setting/],
      ['lock on an organization-only setting', { version: 1, locks: ['onError'] }, '$.locks[0]', /expected a lockable setting/],
      ['contradictory lock (category off)', { version: 1, categories: { tone: { action: 'off' } }, locks: ['categories.tone'] }, '$.locks[0]', /contradictory lock "categories.tone"/],
      ['contradictory lock (rule off)', { version: 1, rules: { 'tone/shouting': { action: 'off' } }, locks: ['rules.tone/shouting'] }, '$.locks[0]', /contradictory lock/],
      ['contradictory lock (severity off)', { version: 1, severityActions: { low: 'off' }, locks: ['severityActions.low'] }, '$.locks[0]', /contradictory lock/],
      ['comment of the wrong type', { version: 1, $comment: 5 }, '$.$comment', /expected a string or a list of strings, found 5/],
    ];
    for (const [name, doc, path, message] of table) {
      it(name, () => {
        const p = only(errors(doc));
        assert.equal(p.path, path);
        assert.match(p.message, typeof message === 'string' ? new RegExp(message) : message);
        assert.equal(validatePolicy(doc).policy, null);
      });
    }
  });

  it('reports a duplicate term id, explicit or derived from the first pattern', () => {
    const explicit = only(errors({ version: 1, terms: [term({ id: 'falcon' }), term({ id: 'falcon', patterns: ['Falcon'] })] }));
    assert.equal(explicit.path, '$.terms[1].id');
    assert.match(explicit.message, /duplicate term id "confidential\/falcon" \(also \$\.terms\[0\]\)/);
    const derived = only(errors({ version: 1, terms: [term(), term({ patterns: ['project   falcon!'] })] }));
    assert.equal(derived.path, '$.terms[1].patterns');
    assert.match(derived.message, /confidential\/project-falcon.*derived/);
  });

  it('allows the same term id in two categories (the full ids differ)', () => {
    assert.deepEqual(errors({ version: 1, terms: [term({ id: 'x' }), term({ id: 'x', category: 'legal' })] }), []);
  });

  it('reports every error of a document, not only the first', () => {
    const problems = errors({ version: 1, onError: 1, sendMode: 2, allow: [3] });
    assert.deepEqual(problems.map((p) => p.path).sort(), ['$.allow[0]', '$.onError', '$.sendMode']);
  });

  it('rejects a document that is not an object', () => {
    for (const v of [null, [], 'policy', 3]) {
      const p = only(errors(v));
      assert.equal(p.path, '$');
      assert.match(p.message, /expected a JSON object/);
    }
  });

  describe('warnings', () => {
    it('warns for an unknown key, with a hint, and ignores it', () => {
      const r = validatePolicy({ version: 1, categoires: { pii: { action: 'block' } }, maxRecipients: 5 });
      const w = only(r.problems);
      assert.equal(w.level, 'warning');
      assert.equal(w.path, '$.categoires');
      assert.match(w.message, /unknown key "categoires": ignored \(did you mean "categories"\?\)/);
      assert.deepEqual(r.policy, { version: 1, maxRecipients: 5 });
    });

    it('warns for unknown keys at any depth', () => {
      const r = validatePolicy({ version: 1, categories: { pii: { acton: 'block' }, secrets: {} }, terms: [term({ severty: 'low' })] });
      assert.deepEqual(r.problems.map((p) => p.path).sort(), ['$.categories.pii.acton', '$.categories.secrets', '$.terms[0].severty']);
      assert.ok(r.problems.every((p) => p.level === 'warning'));
      assert.deepEqual(r.policy?.categories, { pii: {} });
      assert.equal(r.policy?.terms?.[0]?.severity, 'high');
    });

    it('gives no hint when no key is near', () => {
      const w = only(warnings({ version: 1, zzzzzzzzzz: true }));
      assert.doesNotMatch(w.message, /did you mean/);
    });

    it('warns when version is missing and reads the policy as version 1', () => {
      const r = validatePolicy({ maxRecipients: 3 });
      assert.equal(only(r.problems).path, '$.version');
      assert.deepEqual(r.policy, { maxRecipients: 3 });
    });

    it('warns for duplicate and covered locks', () => {
      const w = warnings({ version: 1, locks: ['categories', 'categories.pii', 'allow', 'allow'] });
      assert.deepEqual(
        w.map((p) => [p.path, /covered/.test(p.message) ? 'covered' : /twice/.test(p.message) ? 'twice' : '?']),
        [
          ['$.locks[1]', 'covered'],
          ['$.locks[3]', 'twice'],
        ],
      );
    });

    it('warns that externalOnly does nothing without internal domains', () => {
      assert.equal(only(warnings({ version: 1, terms: [term({ externalOnly: true })] })).path, '$.terms[0].externalOnly');
      assert.deepEqual(warnings({ version: 1, internalDomains: ['example.com'], terms: [term({ externalOnly: true })] }), []);
    });
  });

  describe('unknown rule ids (when the caller knows the built-in rules)', () => {
    const options = { knownRules: new Set(['tone/shouting', 'legal/destroy-evidence']), knownRuleCategories: new Set(['tone', 'legal', 'confidential']) };
    it('warns for a rules key or a rule lock that names no rule, with a hint', () => {
      const r = validatePolicy(
        { version: 1, rules: { 'tone/shoutin': { action: 'off' }, 'pii/anything': { action: 'off' } }, locks: ['rules.legal/destroy-evidense'] },
        'organization',
        options,
      );
      assert.deepEqual(r.problems.map((p) => [p.level, p.path]), [
        ['warning', '$.rules["tone/shoutin"]'],
        ['warning', '$.locks[0]'],
      ]);
      assert.match(r.problems[0]!.message, /does nothing \(did you mean "tone\/shouting"\?\)/);
      assert.match(r.problems[1]!.message, /protects nothing \(did you mean "legal\/destroy-evidence"\?\)/);
      assert.ok(r.policy, 'warnings only');
    });
    it("a term's own id is a known rule, and categories outside the list are never called unknown", () => {
      const doc = {
        version: 1,
        terms: [{ patterns: ['Project Falcon'], category: 'confidential', severity: 'high', message: 'm' }],
        rules: { 'confidential/project-falcon': { action: 'block' }, 'pii/made-up': { action: 'off' } },
      };
      assert.deepEqual(validatePolicy(doc, 'organization', options).problems, []);
      assert.deepEqual(validatePolicy({ version: 1, rules: { 'tone/shoutin': {} } }).problems, [], 'without options: no check');
    });
  });

  describe('user layer', () => {
    it('ignores organization-only settings with a warning', () => {
      const r = validatePolicy({ version: 1, sendMode: 'prompt', locks: [], allow: ['killer app'] }, 'user');
      assert.deepEqual(r.problems.map((p) => [p.level, p.path]), [
        ['warning', '$.sendMode'],
        ['warning', '$.locks'],
      ]);
      assert.deepEqual(r.policy, { version: 1, allow: ['killer app'] });
    });
  });

  describe('text', () => {
    it('names line and column of a JSON syntax error and hints at $comment for comments', () => {
      const r = validatePolicyText('{\n  "version": 1,\n  // block pii\n  "categories": {}\n}');
      const p = only(r.problems);
      assert.equal(p.path, '$');
      assert.match(p.message, /not valid JSON: .*line 3, column 3/);
      assert.match(p.message, /\$comment/);
    });

    it('drops a byte-order mark and rejects empty text', () => {
      assert.deepEqual(parsePolicyJson('\ufeff{"version":1}').value, { version: 1 });
      assert.match(only(parsePolicyJson('  \n').problems).message, /empty/);
    });
  });
});
