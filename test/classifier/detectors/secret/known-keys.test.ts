import assert from 'node:assert/strict';
import { KNOWN_KEY_FORMATS, findKnownKeys, isKnownKey, knownKeysDetector as d } from '../../../../src/classifier/detectors/secret/known-keys.js';
import { ALNUM, DIGITS, HEX, LOWER, UPPER, B64URL, checkSpanProperty, expectNothing, expectSecret, fakeGen } from './helpers.js';

const g = fakeGen(20241123);

// Fake keys in each published shape, generated here (never real ones).
const awsId = 'AKIA' + g(16, UPPER + DIGITS);
const awsTemp = 'ASIA' + g(16, UPPER + DIGITS);
const ghp = 'ghp_' + g(36);
const ghs = 'ghs_' + g(36);
const ghPat = 'github_pat_' + g(22) + '_' + g(59);
const glpat = 'glpat-' + g(20, B64URL.replace('-', ''));
const slackBot = `xoxb-${g(12, DIGITS)}-${g(13, DIGITS)}-${g(24)}`;
const slackUser = `xoxp-${g(12, DIGITS)}-${g(12, DIGITS)}-${g(13, DIGITS)}-${g(32, HEX)}`;
const slackHook = `https://hooks.slack.com/services/T${g(8, UPPER + DIGITS)}/B${g(10, UPPER + DIGITS)}/${g(24)}`;
const stripeLive = 'sk_live_' + g(24);
const stripeRestricted = 'rk_live_' + g(24);
const stripeTest = 'sk_test_' + g(24);
const google = 'AIza' + g(35, B64URL);
const openaiProj = 'sk-proj-' + g(48, B64URL);
const anthropic = 'sk-ant-api03-' + g(93, B64URL) + 'AA';
const skStyle = 'sk-' + g(48);
const twilio = 'SK' + g(32, HEX);
const sendgrid = 'SG.' + g(22, B64URL) + '.' + g(43, B64URL);
const npm = 'npm_' + g(36);
const pypi = 'pypi-AgEIcHlwaS5vcmc' + g(60, B64URL);
const shopify = 'shpat_' + g(32, HEX);
const hf = 'hf_' + g(34, UPPER + LOWER);
const dop = 'dop_v1_' + g(64, HEX);
const adobe = 'p8e-' + g(32, LOWER + DIGITS);
const intra42 = 's-s4t2ud-' + g(64, HEX);
// Azure AD client secrets: three characters, a digit, `Q~`, then 31 to 34; `~` may come first.
const azure = '~' + g(2) + '8Q~' + g(34, ALNUM + '_~.-');
const gitlabSession = '_gitlab_session=' + g(32, LOWER + DIGITS);

describe('secret/known-keys', () => {
  it('keeps the formats as data with the required fields', () => {
    assert.ok(KNOWN_KEY_FORMATS.length > 50);
    for (const f of KNOWN_KEY_FORMATS) {
      assert.ok(f.id && f.rule && f.severity && f.description, f.id);
      assert.ok(['api-key', 'private-key', 'password', 'token', 'connection-string'].includes(f.rule), f.id);
      // Bounded quantifiers only: no * or + applied to a group or class.
      assert.doesNotMatch(f.body, /[\])][*+]/, `${f.id} uses an unbounded quantifier`);
    }
  });

  const positives: [string, string, string, string, ('high' | 'medium')?][] = [
    ['AWS access key id in an env line', `AWS_ACCESS_KEY_ID=${awsId}`, awsId, 'api-key', 'high'],
    ['AWS temporary key in prose', `use ${awsTemp} for now`, awsTemp, 'api-key', 'high'],
    ['GitHub classic token', `token so the script can push: ${ghp}\nrepo scope`, ghp, 'token', 'high'],
    ['GitHub server token in quotes', `"${ghs}"`, ghs, 'token'],
    ['GitHub fine-grained PAT', `pat=${ghPat}`, ghPat, 'token'],
    ['GitLab PAT', `The runner needs ${glpat} (mine)`, glpat, 'token'],
    ['Slack bot token', `Bot token: ${slackBot} - add it`, slackBot, 'token'],
    ['Slack user token', `'${slackUser}'`, slackUser, 'token'],
    ['Slack webhook URL, scheme included', `webhook:\n${slackHook}\nthanks`, slackHook, 'token'],
    ['Stripe live secret key', `Live key is ${stripeLive} - can you confirm`, stripeLive, 'api-key', 'high'],
    ['Stripe restricted key', stripeRestricted, stripeRestricted, 'api-key', 'high'],
    ['Stripe test key is medium', `test: ${stripeTest}.`, stripeTest, 'api-key', 'medium'],
    ['Google API key', `Maps key: ${google}\n`, google, 'api-key', 'high'],
    ['OpenAI project key', `OPENAI_API_KEY=${openaiProj}`, openaiProj, 'api-key', 'high'],
    ['Anthropic key', `key ${anthropic} `, anthropic, 'api-key', 'high'],
    ['generic sk- key is medium', `(${skStyle})`, skStyle, 'api-key', 'medium'],
    ['Twilio API key with context', `Twilio API key ${twilio}`, twilio, 'api-key', 'high'],
    ['SendGrid key', `SENDGRID_API_KEY=${sendgrid}\nLOG=info`, sendgrid, 'api-key'],
    ['npm token', `//registry/:_authToken=${npm}`, npm, 'token'],
    ['PyPI token', `password = ${pypi}`, pypi, 'token'],
    ['Shopify token', `X-Shopify-Access-Token: ${shopify}`, shopify, 'token'],
    ['Hugging Face token', `HF_TOKEN=${hf}`, hf, 'token'],
    ['DigitalOcean token', `${dop}`, dop, 'token'],
    ['Adobe client secret', `adobeClient := "${adobe}"`, adobe, 'api-key', 'high'],
    ['42 Intra client secret', `INTRA_SECRET=${intra42}`, intra42, 'api-key', 'high'],
    ['Azure client secret starting with ~', `<value xsi:type="xsd:string">${azure}</value>`, azure, 'api-key', 'high'],
    ['GitLab session cookie (its prefix starts with _)', `Cookie: ${gitlabSession}; path=/`, gitlabSession, 'token'],
  ];
  // Its ids look like a demo (sequential, repeated digits), its secret part does not: the secret decides.
  const slackDemoIds = `xoxb-123456789012-${g(24)}`;
  positives.push(['a Slack token whose ids look like a demo', `SLACK_TOKEN=${slackDemoIds}`, slackDemoIds, 'token']);
  for (const [name, text, value, rule, severity] of positives) {
    it(`finds ${name}`, () => {
      expectSecret(d, text, value, rule, severity);
    });
  }

  const negatives: [string, string][] = [
    ['the AWS documentation example key', 'AKIAIOSFODNN7EXAMPLE'],
    ['a masked GitHub token', 'ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
    ['a GitHub token one character short', 'ghp_' + g(35)],
    ['a key glued inside a longer word', 'fooAKIA' + g(16, UPPER + DIGITS)],
    ['a Stripe publishable key', 'pk_live_' + g(24)],
    ['a Slack token with a masked tail', `xoxb-${g(12, DIGITS)}-${g(12, DIGITS)}-####################`],
    ['a Slack token whose secret part is a demo', `xoxb-${g(12, DIGITS)}-${g(12, DIGITS)}-abcdefghijklmnopqrstuvwx`],
    ['a documentation Slack token', 'xoxb-your-bot-token-here'],
    ['a Slack-like file name', 'https://example.org/images/2018-xoxo-party-1.jpg'],
    ['a file name that starts like a key', 'assets/video_box.ico-' + g(32, HEX) + '.png'],
    ['a sequential demo Google key', 'AIzaSyabcdefghijklmnopqrstuvwxyz1234567'],
    ['a UUID', '3f2b8c4e-9a1d-4e6f-b7c2-5d8e9f0a1b2c'],
    ['a git commit hash', 'merged in 9fceb02d0ae598e95dc970b74767f19372d61af8 yesterday'],
    ['the bare word key', 'the API key lives in Vault, ask Sam for access'],
    ['an Azure-shaped secret glued to a word before it', 'x' + azure],
    ['an Adobe-shaped prefix with a short body', 'p8e-' + g(20, LOWER + DIGITS)],
  ];
  for (const [name, text] of negatives) {
    it(`ignores ${name}`, () => {
      expectNothing(d, text);
    });
  }

  it('lowers a Twilio-shaped value without context to low severity', () => {
    const text = `ref ${twilio}`;
    const hits = d.detect(text);
    assert.equal(hits.length, 1);
    assert.equal(hits[0]!.severity, 'low');
  });

  it('prefers the longest prefix (sk-ant- over sk-)', () => {
    const [m] = findKnownKeys(anthropic);
    assert.equal(m!.format.id, 'anthropic-key');
  });

  it('isKnownKey is true only for a whole value', () => {
    assert.equal(isKnownKey(ghp), true);
    assert.equal(isKnownKey(`x ${ghp}`), false);
    assert.equal(isKnownKey(ALNUM), false);
  });

  it('reports several keys in one text, in order, without overlaps', () => {
    const text = `id ${awsId}\nsecret ${stripeLive}\nslack ${slackBot}`;
    const hits = d.detect(text);
    assert.deepEqual(hits.map((h) => text.slice(h.start, h.end)), [awsId, stripeLive, slackBot]);
  });

  it('never throws and keeps every span inside the text', () => {
    checkSpanProperty(d);
  });
});
