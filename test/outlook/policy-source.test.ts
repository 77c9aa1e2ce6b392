import assert from 'node:assert/strict';
import { DEFAULT_POLICY } from '../../src/policy/defaults.js';
import { getPolicy, loadPolicy, policyFromTextUnvalidated, policyUrl, resetPolicyCache } from '../../src/outlook/policy-source.js';
import { policyFromText } from '../../src/outlook/policy-text.js';

type Res = { ok: boolean; status: number; text(): Promise<string> };
const respond = (status: number, body: string) => (): Promise<Res> => Promise.resolve({ ok: status >= 200 && status < 300, status, text: () => Promise.resolve(body) });

describe('outlook/policy-source', () => {
  it('resolves an organization policy over the default', async () => {
    const load = await loadPolicy({ url: 'https://h/policy.json', fetch: respond(200, '{"onError":"hold","internalDomains":["corp.example"]}') });
    assert.equal(load.source, 'organization');
    assert.equal(load.notice, undefined);
    assert.equal(load.policy.onError, 'hold');
    assert.deepEqual(load.policy.internalDomains, ['corp.example']);
    assert.equal(load.policy.maxRecipients, DEFAULT_POLICY.maxRecipients);
  });

  const fallbacks: Array<[string, LoadArgs, RegExp]> = [
    ['missing (404)', { fetch: respond(404, 'nope') }, /No organization policy is installed/],
    ['a server error', { fetch: respond(500, '') }, /HTTP 500/],
    ['not JSON', { fetch: respond(200, '{onError: hold') }, /organization policy/],
    ['JSON but not an object', { fetch: respond(200, '[1,2]') }, /organization policy is invalid/],
    ['null', { fetch: respond(200, 'null') }, /organization policy is invalid/],
    ['a policy with a wrong value (validated)', { fetch: respond(200, '{"onError":"maybe"}'), parse: policyFromText }, /organization policy is invalid \(.*onError/],
    ['a network error', { fetch: () => Promise.reject(new TypeError('Failed to fetch')) }, /could not be reached/],
    ['fetch throwing synchronously', { fetch: () => { throw new Error('blocked'); } }, /could not be reached/],
    ['too slow', { fetch: () => new Promise<Res>(() => undefined), timeoutMs: 30 }, /did not arrive within 30 ms/],
  ];
  type LoadArgs = Parameters<typeof loadPolicy>[0];
  for (const [name, args, notice] of fallbacks) {
    it(`falls back to the default with a notice when the policy is ${name}`, async () => {
      const load = await loadPolicy({ url: 'https://h/policy.json', ...args });
      assert.equal(load.source, 'default');
      assert.equal(load.policy, DEFAULT_POLICY);
      assert.match(load.notice ?? '', notice);
    });
  }

  it('policyFromText is the single seam into src/policy: valid text resolves, anything else is the default with a notice', () => {
    const good = policyFromText('{"maxRecipients": 3}');
    assert.equal(good.source, 'organization');
    assert.equal(good.policy.maxRecipients, 3);
    for (const bad of ['null', '3', '"x"', '[]', 'true', '{"maxRecipients": "many"}']) {
      const load = policyFromText(bad);
      assert.equal(load.source, 'default', bad);
      assert.equal(load.policy, DEFAULT_POLICY);
      assert.ok(load.notice && load.notice.length > 0, bad);
    }
  });

  it('the unvalidated reader (send handler) resolves objects and refuses anything else', () => {
    assert.equal(policyFromTextUnvalidated('{"maxRecipients": 3}').policy.maxRecipients, 3);
    for (const bad of ['null', '3', '[]', '{oops']) {
      const load = policyFromTextUnvalidated(bad);
      assert.equal(load.source, 'default', bad);
      assert.ok(load.notice, bad);
    }
  });

  it('outside a page (Node, like the JavaScript-only runtime) the URL is absolute, on the build origin', () => {
    const url = policyUrl();
    assert.match(url, /^https:\/\/[^/]+\/policy\.json$/);
  });

  it('getPolicy fetches once per runtime', async () => {
    resetPolicyCache();
    let n = 0;
    const fetch = () => { n++; return respond(404, '')(); };
    await getPolicy({ url: 'https://h/p', fetch });
    await getPolicy({ url: 'https://h/p', fetch });
    assert.equal(n, 1);
    resetPolicyCache();
  });

  describe('the unvalidated reader still checks the values that decide actions (structuralProblem)', () => {
    // [policy text, default applies]
    const rows: Array<[string, boolean]> = [
      ['{"categories": {"insult": {"action": "shout"}}}', true],
      ['{"rules": {"insult/idiot": {"minSeverity": "huge"}}}', true],
      ['{"severityActions": {"high": "ignore"}}', true],
      ['{"terms": [{"patterns": "bluebird", "category": "confidential", "severity": "high", "message": "m"}]}', true],
      ['{"allow": "x"}', true],
      ['{"maxRecipients": -1}', true],
      ['{"onError": "maybe"}', true],
      ['{"requireOverrideReason": "yes"}', true],
      ['{"version": 2}', true],
      // must stay the organization's
      ['{"categories": {"insult": {"action": "block"}, "$comment": "x"}, "severityActions": {"low": "off"}}', false],
      ['{"terms": [{"patterns": ["bluebird"], "category": "confidential", "severity": "high", "message": "m"}], "requireOverrideReason": true}', false],
      ['{"unknownKey": 1, "quietHours": null}', false],
    ];
    for (const [text, fallsBack] of rows) {
      it(`${text} -> ${fallsBack ? 'default' : 'organization'}`, () => {
        const load = policyFromTextUnvalidated(text);
        assert.equal(load.source, fallsBack ? 'default' : 'organization');
        if (fallsBack) assert.match(String(load.notice), /invalid \(\$\./);
      });
    }
  });
});
