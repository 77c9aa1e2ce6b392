/**
 * Known credential formats, recognised by their published prefix and shape.
 *
 * The formats are DATA: one row per format in KNOWN_KEY_FORMATS. A row has a
 * literal, case-sensitive prefix and a body pattern that must match right
 * after it. Every body pattern uses only bounded quantifiers and is applied
 * with the sticky flag at a position where its prefix occurs, so the scan is
 * linear in the text length (at most a few hundred characters examined per
 * candidate position).
 *
 * Values that are visibly masked or documentation examples
 * (`ghp_xxxxxxxx…`, `AKIAIOSFODNN7EXAMPLE`) are skipped.
 */
import type { Detector, Hit, Severity } from '../../types.js';
import { hasPlaceholderWord, isAlnum, isPlaceholder, secretHit, type SecretRule } from './shared.js';

export interface KnownKeyFormat {
  id: string;
  rule: SecretRule;
  severity: Severity;
  /** Literal text the value starts with (case-sensitive). */
  prefix: string;
  /** Pattern source for what follows the prefix. Bounded quantifiers only. */
  body: string;
  /** Plain-language name used in the message ("a live AWS access key"). */
  description: string;
  /** When set, the severity is lowered to `low` unless this appears within 120 characters before the key. */
  needsContext?: RegExp;
  /** A test-mode or otherwise low-impact credential: message says so. */
  test?: boolean;
  /** Allow the key to continue with `-` or `_` (default: the match must end at a non-alphanumeric). */
  openEnd?: boolean;
  /**
   * Rows without a prefix must name a literal that appears `at` characters after the key's start
   * (a number, or the smallest and largest offset): the scanner looks for that literal.
   */
  probe?: { at: number | [number, number]; literal: string };
}

const B64URL = 'A-Za-z0-9_\\-';

/**
 * One row of KNOWN_KEY_FORMATS, written positionally: 117 rows of object literals spelled out their
 * six keys each, about 500 bytes gzipped of every bundle. Object.assign, not a spread: the send
 * handler is ES2016.
 */
function key(id: string, rule: SecretRule, severity: Severity, prefix: string, body: string, description: string, more?: Partial<KnownKeyFormat>): KnownKeyFormat {
  return Object.assign({ id, rule, severity, prefix, body, description }, more);
}

export const KNOWN_KEY_FORMATS: readonly KnownKeyFormat[] = [
  // Cloud providers
  ...['AKIA', 'ASIA', 'ABIA', 'ACCA', 'AGPA', 'AIDA', 'AIPA', 'ANPA', 'ANVA', 'AROA', 'APKA', 'ASCA'].map(
    (p): KnownKeyFormat => key('aws-access-key-id', 'api-key', 'high', p, '[A-Z0-9]{16}', 'AWS access key'),
  ),
  key('aws-bedrock-api-key', 'api-key', 'high', 'ABSK', '[A-Za-z0-9+/]{100,300}={0,2}', 'Amazon Bedrock API key'),
  key('google-api-key', 'api-key', 'high', 'AIza', `[${B64URL}]{35}`, 'Google API key'),
  key('google-oauth-secret', 'api-key', 'high', 'GOCSPX-', `[${B64URL}]{28}`, 'Google OAuth client secret'),
  key('google-oauth-token', 'token', 'high', 'ya29.', `[${B64URL}]{30,500}`, 'Google OAuth access token'),
  key('alibaba-access-key-id', 'api-key', 'high', 'LTAI', '[A-Za-z0-9]{20}', 'Alibaba Cloud access key'),
  key('digitalocean-token', 'token', 'high', 'dop_v1_', '[a-f0-9]{64}', 'DigitalOcean personal access token'),
  key('digitalocean-oauth', 'token', 'high', 'doo_v1_', '[a-f0-9]{64}', 'DigitalOcean OAuth token'),
  key('digitalocean-refresh', 'token', 'high', 'dor_v1_', '[a-f0-9]{64}', 'DigitalOcean refresh token'),
  key('heroku-api-key-v2', 'api-key', 'high', 'HRKU-', `[${B64URL}]{30,80}`, 'Heroku API key'),
  key('flyio-token', 'token', 'high', 'fo1_', `[${B64URL}]{40,50}`, 'Fly.io access token'),
  key('flyio-macaroon', 'token', 'high', 'fm2_', '[A-Za-z0-9+/_=,-]{100,2000}', 'Fly.io access token'),
  key('flyio-macaroon-v1', 'token', 'high', 'FlyV1 fm', '[12][ar]?_[A-Za-z0-9+/_=,-]{100,2000}', 'Fly.io access token'),
  key('azure-ad-client-secret', 'api-key', 'high', '', '[A-Za-z0-9_~.]{3}[0-9]Q~[A-Za-z0-9_~.\\-]{31,34}', 'Azure AD client secret', { probe: { at: 4, literal: 'Q~' } }),

  // Source hosting and package registries
  ...['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'].map(
    (p): KnownKeyFormat => key('github-token', 'token', 'high', p, '[A-Za-z0-9]{36,40}', 'GitHub access token'),
  ),
  key('github-fine-grained-pat', 'token', 'high', 'github_pat_', '[A-Za-z0-9_]{70,100}', 'GitHub personal access token'),
  key('gitlab-pat', 'token', 'high', 'glpat-', `[${B64URL}.]{20,300}`, 'GitLab personal access token'),
  ...['gldt-', 'glptt-', 'glrt-', 'glcbt-', 'glimt-', 'glagent-', 'glsoat-', 'glffct-', 'gloas-', 'glft-', 'GR1348941'].map(
    (p): KnownKeyFormat => key('gitlab-token', 'token', 'high', p, `[${B64URL}.]{20,300}`, 'GitLab token'),
  ),
  key('gitlab-session', 'token', 'high', '_gitlab_session=', '[0-9a-z]{32}', 'GitLab session cookie'),
  key('bitbucket-app-password', 'token', 'high', 'ATBB', '[A-Za-z0-9_=.\\-]{32,200}', 'Bitbucket app password'),
  key('atlassian-api-token', 'token', 'high', 'ATATT3', '[A-Za-z0-9_=\\-]{150,300}', 'Atlassian API token'),
  key('npm-token', 'token', 'high', 'npm_', '[A-Za-z0-9]{36}', 'npm access token'),
  key('pypi-token', 'token', 'high', 'pypi-', `[${B64URL}]{50,300}`, 'PyPI upload token'),
  key('rubygems-token', 'token', 'high', 'rubygems_', '[a-f0-9]{48}', 'RubyGems API token'),
  key('clojars-token', 'token', 'high', 'CLOJARS_', '[a-z0-9]{60}', 'Clojars deploy token'),
  key('nuget-api-key', 'api-key', 'high', 'oy2', '[a-z0-9]{43}', 'NuGet API key'),
  key('jfrog-api-key', 'api-key', 'high', 'AKCp', '[A-Za-z0-9]{69}', 'JFrog Artifactory API key'),
  key('jfrog-reference-token', 'token', 'high', 'cmVmdGtu', '[A-Za-z0-9]{56}', 'JFrog reference token'),
  key('sourcegraph-token', 'token', 'high', 'sgp_', '(?:[a-fA-F0-9]{16}_|local_)?[a-fA-F0-9]{40}', 'Sourcegraph access token'),
  key('sonar-token', 'token', 'high', 'sq', '[apu]_[A-Za-z0-9]{40}', 'SonarQube token'),
  key('pulumi-token', 'token', 'high', 'pul-', '[a-f0-9]{40}', 'Pulumi access token'),
  key('prefect-token', 'token', 'high', 'pnu_', '[a-zA-Z0-9]{36}', 'Prefect API token'),
  key('readme-token', 'token', 'high', 'rdme_', '[a-z0-9]{70}', 'ReadMe API token'),
  key('terraform-token', 'token', 'high', '', '[a-zA-Z0-9]{14}\\.atlasv1\\.[a-zA-Z0-9=_\\-]{60,70}', 'Terraform Cloud API token', { probe: { at: 14, literal: '.atlasv1.' } }),
  key('hashicorp-vault-token', 'token', 'high', 'hvs.', `[${B64URL}]{90,200}`, 'HashiCorp Vault token'),
  key('hashicorp-vault-batch', 'token', 'high', 'hvb.', `[${B64URL}]{138,300}`, 'HashiCorp Vault batch token'),
  key('doppler-token', 'token', 'high', 'dp.pt.', '[a-zA-Z0-9]{43}', 'Doppler API token'),
  key('databricks-token', 'token', 'high', 'dapi', '[a-f0-9]{32}(?:-[0-9])?', 'Databricks access token'),
  key('postman-key', 'api-key', 'high', 'PMAK-', '[a-f0-9]{24}-[a-f0-9]{34}', 'Postman API key'),
  key('openshift-token', 'token', 'high', 'sha256~', `[${B64URL}]{43}`, 'OpenShift access token'),
  key('grafana-cloud-token', 'token', 'high', 'glc_', '[A-Za-z0-9+/]{32,400}={0,2}', 'Grafana Cloud token'),
  key('grafana-service-account', 'token', 'high', 'glsa_', '[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}', 'Grafana service account token'),
  key('grafana-api-key', 'api-key', 'high', 'eyJrIjoi', '[A-Za-z0-9]{70,400}={0,2}', 'Grafana API key'),
  key('sentry-user-token', 'token', 'high', 'sntryu_', '[a-f0-9]{64}', 'Sentry user token'),
  key('sentry-org-token', 'token', 'high', 'sntrys_', 'eyJ[A-Za-z0-9+/=_]{60,600}', 'Sentry organization token'),
  key('dynatrace-token', 'token', 'high', 'dt0c01.', '[A-Za-z0-9]{24}\\.[A-Za-z0-9]{64}', 'Dynatrace API token'),
  key('new-relic-user-key', 'api-key', 'high', 'NRAK-', '[A-Za-z0-9]{27}', 'New Relic user API key'),
  key('new-relic-insert-key', 'api-key', 'high', 'NRII-', `[${B64URL}]{32}`, 'New Relic insert key'),
  key('new-relic-browser-key', 'api-key', 'medium', 'NRJS-', '[a-f0-9]{19}', 'New Relic browser key'),
  key('infracost-token', 'token', 'high', 'ico-', '[a-zA-Z0-9]{32}', 'Infracost API token'),
  key('octopus-api-key', 'api-key', 'high', 'API-', '[A-Z0-9]{26}', 'Octopus Deploy API key'),
  key('scalingo-token', 'token', 'high', 'tk-us-', `[${B64URL}]{48}`, 'Scalingo API token'),
  key('defined-networking-key', 'api-key', 'high', 'dnkey-', `[${B64URL}]{26}-[${B64URL}]{52}`, 'Defined Networking API key'),
  key('harness-pat', 'token', 'high', 'pat.', `[${B64URL}]{22}\\.[a-f0-9]{24}\\.[A-Za-z0-9]{20}`, 'Harness access token'),
  key('settlemint-token', 'token', 'high', 'sm_', '(?:pat|aat|sat)_[a-zA-Z0-9]{16}', 'SettleMint access token'),
  key('clickhouse-secret', 'api-key', 'high', '4b1d', '[A-Za-z0-9]{38}', 'ClickHouse Cloud API secret'),
  key('onepassword-service-token', 'token', 'high', 'ops_eyJ', '[A-Za-z0-9+/]{250,3000}={0,3}', '1Password service-account token'),
  key('onepassword-secret-key', 'api-key', 'high', 'A3-', '[A-Z0-9]{6}-(?:[A-Z0-9]{11}|[A-Z0-9]{6}-[A-Z0-9]{5})-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5}', '1Password secret key'),

  // Chat, mail and messaging
  ...['xoxb-', 'xoxp-', 'xoxa-', 'xoxr-', 'xoxs-', 'xoxe-', 'xoxe.xoxp-', 'xoxe.xoxb-'].map(
    (p): KnownKeyFormat => key('slack-token', 'token', 'high', p, '[0-9]{1,20}-[0-9A-Za-z\\-]{8,300}[0-9A-Za-z]', 'Slack token', { openEnd: true }),
  ),
  key('slack-app-token', 'token', 'high', 'xapp-', '[0-9]-[A-Z0-9]{9,12}-[0-9]{10,16}-[a-z0-9]{40,80}', 'Slack app token'),
  key('slack-webhook', 'token', 'high', 'hooks.slack.com/', '(?:services|workflows|triggers)/[A-Za-z0-9+/_\\-]{40,200}', 'Slack webhook URL (anyone with it can post to your channel)'),
  key('teams-webhook', 'token', 'high', 'https://', '[a-z0-9\\-]{1,63}\\.webhook\\.office\\.com/webhookb2/[a-z0-9\\-]{36}@[a-z0-9\\-]{36}/IncomingWebhook/[a-z0-9]{32}/[a-z0-9\\-]{36}', 'Microsoft Teams webhook URL'),
  key('discord-webhook', 'token', 'high', 'https://discord', '(?:app)?\\.com/api/webhooks/[0-9]{17,20}/[A-Za-z0-9_\\-]{60,70}', 'Discord webhook URL'),
  key('telegram-bot-token', 'token', 'medium', '', '[0-9]{8,10}:AA[A-Za-z0-9_\\-]{33}', 'Telegram bot token', { probe: { at: [8, 10], literal: ':AA' } }),
  key('sendgrid-key', 'api-key', 'high', 'SG.', `[${B64URL}]{16,32}\\.[${B64URL}]{30,64}`, 'SendGrid API key'),
  key('sendinblue-key', 'api-key', 'high', 'xkeysib-', '[a-f0-9]{64}-[a-zA-Z0-9]{16}', 'Brevo (Sendinblue) API key'),
  key('mailgun-key', 'api-key', 'high', 'key-', '[a-f0-9]{32}', 'Mailgun API key'),
  key('mailchimp-key', 'api-key', 'high', '', '[a-f0-9]{32}-us[0-9]{1,2}', 'Mailchimp API key', { probe: { at: 32, literal: '-us' } }),
  key('twilio-api-key', 'api-key', 'high', 'SK', '[0-9a-fA-F]{32}', 'Twilio API key', { needsContext: /twilio|\bsid\b|api[_\s-]?key|secret|token/i }),

  // Payments and commerce
  key('stripe-prod-secret', 'api-key', 'high', 'sk_prod_', '[0-9A-Za-z]{10,250}', 'live Stripe secret key'),
  key('stripe-prod-restricted', 'api-key', 'high', 'rk_prod_', '[0-9A-Za-z]{10,250}', 'live Stripe restricted key'),
  key('stripe-live-secret', 'api-key', 'high', 'sk_live_', '[0-9A-Za-z]{10,250}', 'live Stripe secret key (it can move money)'),
  key('stripe-live-restricted', 'api-key', 'high', 'rk_live_', '[0-9A-Za-z]{10,250}', 'live Stripe restricted key'),
  key('stripe-test-secret', 'api-key', 'medium', 'sk_test_', '[0-9A-Za-z]{10,250}', 'Stripe test-mode secret key', { test: true }),
  key('stripe-test-restricted', 'api-key', 'medium', 'rk_test_', '[0-9A-Za-z]{10,250}', 'Stripe test-mode restricted key', { test: true }),
  key('stripe-webhook-secret', 'api-key', 'high', 'whsec_', '[0-9A-Za-z+/=]{24,100}', 'Stripe webhook signing secret'),
  key('square-access-token', 'token', 'high', 'sq0atp-', `[${B64URL}]{22}`, 'Square access token'),
  key('square-secret', 'api-key', 'high', 'sq0csp-', `[${B64URL}]{43}`, 'Square application secret'),
  key('square-token-eaaa', 'token', 'high', 'EAAA', `[${B64URL}]{60}`, 'Square access token'),
  key('shopify-token', 'token', 'high', 'shp', '(?:at|ca|pa|ss)_[a-fA-F0-9]{32}', 'Shopify access token'),
  key('shippo-live', 'token', 'high', 'shippo_live_', '[a-fA-F0-9]{40}', 'Shippo live API token'),
  key('shippo-test', 'token', 'medium', 'shippo_test_', '[a-fA-F0-9]{40}', 'Shippo test API token', { test: true }),
  key('easypost-live', 'token', 'high', 'EZAK', '[a-zA-Z0-9]{54}', 'EasyPost API key'),
  key('easypost-test', 'token', 'medium', 'EZTK', '[a-zA-Z0-9]{54}', 'EasyPost test API key', { test: true }),
  key('duffel-token', 'token', 'high', 'duffel_', `(?:test|live)_[${B64URL}=]{43}`, 'Duffel API token'),
  key('flutterwave-secret', 'api-key', 'high', 'FLWSECK', '(?:_TEST)?-[a-hA-H0-9]{32}-X', 'Flutterwave secret key'),
  key('flutterwave-encryption', 'api-key', 'high', 'FLWSECK_TEST', '-[a-hA-H0-9]{12}', 'Flutterwave encryption key'),
  key('gocardless-token', 'token', 'high', 'live_', `[${B64URL}=]{40}`, 'GoCardless live access token'),
  key('lob-key', 'api-key', 'high', 'live_', '[a-f0-9]{35}', 'Lob live API key'),
  key('lob-test-key', 'api-key', 'medium', 'test_', '[a-f0-9]{35}', 'Lob test API key', { test: true }),
  key('planetscale-token', 'token', 'high', 'pscale_', '(?:tkn|oauth)_[A-Za-z0-9=._\\-]{32,64}', 'PlanetScale token'),
  key('planetscale-password', 'password', 'high', 'pscale_pw_', '[A-Za-z0-9=._\\-]{32,64}', 'PlanetScale database password'),

  // AI services
  key('openai-key-legacy', 'api-key', 'high', 'sk-', '[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}', 'OpenAI API key'),
  key('openai-project-key', 'api-key', 'high', 'sk-', `(?:proj|svcacct|admin)-[${B64URL}]{40,200}`, 'OpenAI API key'),
  key('anthropic-key', 'api-key', 'high', 'sk-ant-', `(?:api|admin)[0-9]{2}-[${B64URL}]{80,120}`, 'Anthropic API key'),
  key('sk-style-key', 'api-key', 'medium', 'sk-', '[A-Za-z0-9]{32,100}', 'AI service API key'),
  key('huggingface-token', 'token', 'high', 'hf_', '[A-Za-z]{34}', 'Hugging Face access token'),
  key('huggingface-org-token', 'token', 'high', 'api_org_', '[A-Za-z]{34}', 'Hugging Face organization token'),
  key('perplexity-key', 'api-key', 'high', 'pplx-', '[A-Za-z0-9]{48}', 'Perplexity API key'),

  // Other SaaS
  key('airtable-pat', 'token', 'high', 'pat', '[A-Za-z0-9]{14}\\.[a-f0-9]{64}', 'Airtable personal access token'),
  key('adobe-client-secret', 'api-key', 'high', 'p8e-', '[A-Za-z0-9]{32}', 'Adobe client secret'),
  ...['s-s4t2ud-', 's-s4t2af-'].map(
    (p): KnownKeyFormat => key('intra42-client-secret', 'api-key', 'high', p, '[a-f0-9]{64}', '42 Intra client secret'),
  ),
  key('linear-key', 'api-key', 'high', 'lin_api_', '[A-Za-z0-9]{40}', 'Linear API key'),
  key('notion-token', 'token', 'high', 'ntn_', '[0-9]{11}[A-Za-z0-9]{35}', 'Notion integration token'),
  key('notion-secret', 'token', 'high', 'secret_', '[A-Za-z0-9]{43}', 'Notion integration secret'),
  key('typeform-token', 'token', 'high', 'tfp_', '[A-Za-z0-9_\\-.=]{59}', 'Typeform API token'),
  key('frameio-token', 'token', 'high', 'fio-u-', '[A-Za-z0-9_\\-=]{64}', 'Frame.io API token'),
  key('mapbox-secret-token', 'token', 'high', 'sk.eyJ', '[A-Za-z0-9_\\-]{50,100}\\.[A-Za-z0-9_\\-]{20,30}', 'Mapbox secret token'),
  key('mapbox-public-token', 'token', 'low', 'pk.eyJ', '[A-Za-z0-9_\\-]{50,100}\\.[A-Za-z0-9_\\-]{20,30}', 'Mapbox public token'),
  key('facebook-app-token', 'token', 'high', '', '[0-9]{15,16}\\|[A-Za-z0-9_\\-]{27}', 'Facebook app access token', { probe: { at: [15, 16], literal: '|' } }),
  key('dropbox-token', 'token', 'high', 'sl.', `[${B64URL}=]{130,160}`, 'Dropbox access token'),
  key('twitter-bearer', 'token', 'high', 'AAAAAAAAAAAAAAAAAAAAA', '[A-Za-z0-9%]{30,150}', 'Twitter/X bearer token'),
  key('facebook-token', 'token', 'high', 'EAA', '(?:B|C|G|I|M)[A-Za-z0-9]{100,400}', 'Facebook access token'),
  key('yandex-token', 'token', 'high', 't1.', '[A-Z0-9a-z_\\-]{50,200}={0,2}\\.[A-Z0-9a-z_\\-]{86}={0,2}', 'Yandex access token'),
  key('yandex-api-key', 'api-key', 'high', 'AQVN', '[A-Za-z0-9_\\-]{35,38}', 'Yandex API key'),
  key('yandex-aws-key', 'api-key', 'high', 'YC', '[a-zA-Z0-9_\\-]{38}', 'Yandex Cloud access key', { needsContext: /yandex|secret|key|token/i }),
  key('age-recipient-guard', 'private-key', 'low', 'age1', '[0-9a-z]{58}', 'age public key'),
];

/** Rows indexed by the first two characters of their prefix; rows without a prefix scan every word start. */
interface Compiled {
  format: KnownKeyFormat;
  re: RegExp;
}
/** Keyed by the UTF-16 codes of the first two prefix characters (c0 * 65536 + c1): no string allocation per word. */
const BY_PREFIX = new Map<number, Compiled[]>();
const NO_PREFIX: Compiled[] = [];
for (const format of KNOWN_KEY_FORMATS) {
  if (format.id === 'age-recipient-guard') continue; // public keys are not secrets; kept as documentation of the decision
  const compiled: Compiled = { format, re: new RegExp(format.body, 'y') };
  if (format.prefix.length >= 2) {
    const k = format.prefix.charCodeAt(0) * 65536 + format.prefix.charCodeAt(1);
    let list = BY_PREFIX.get(k);
    if (!list) BY_PREFIX.set(k, (list = []));
    list.push(compiled);
  } else {
    NO_PREFIX.push(compiled);
  }
}
// Longer prefixes first so `sk-ant-` wins over `sk-`, `xoxe.xoxp-` over `xoxe-`.
for (const list of BY_PREFIX.values()) list.sort((a, b) => b.format.prefix.length - a.format.prefix.length);

export interface KnownKeyMatch {
  format: KnownKeyFormat;
  start: number;
  end: number;
}

function isBoundaryBefore(text: string, i: number): boolean {
  if (i === 0) return true;
  const c = text.charCodeAt(i - 1);
  // Not inside a word, and not after a dot (`video_box.ico-…png` is a file name, not a key).
  return !isAlnum(c) && c !== 95 && c !== 46;
}

/** A mask right after the match (`xoxp-1234-####`, `AKIA…****`) or a file extension (`….png`). */
const AFTER_REJECT = /[*#\u2022\u2026]|\.(?:png|jpe?g|gif|svg|webp|ico|css|js|html?|pdf|zip)\b/y;

function tryAt(text: string, i: number, c: Compiled): number {
  const { format, re } = c;
  if (format.prefix && !text.startsWith(format.prefix, i)) return -1;

  re.lastIndex = i + format.prefix.length;
  const m = re.exec(text);
  if (!m) return -1;
  const end = re.lastIndex;
  if (format.openEnd && text.charCodeAt(end - 1) === 45) return -1; // a variable-length key does not end with a dash
  let k = end;
  while (k < text.length && k < end + 3 && (text.charCodeAt(k) === 45 || text.charCodeAt(k) === 95)) k++;
  AFTER_REJECT.lastIndex = k;
  if (AFTER_REJECT.test(text)) return -1;
  if (end < text.length) {
    const n = text.charCodeAt(end);
    if (isAlnum(n)) return -1;
    if (!format.openEnd && (n === 95 || n === 45) && end + 1 < text.length && isAlnum(text.charCodeAt(end + 1))) return -1;
  }
  return end;
}

/**
 * Anchors, in the order they are preferred. Every prefix and probe literal is found through
 * one short needle it contains (the first of this list it has), at a fixed offset: one native
 * `indexOf` pass per needle used, instead of one regular-expression alternation of every prefix
 * tried at every position (that was a tenth of the whole classifier's time). Needles rare in
 * ordinary mail come first so each pass stops at few places; a two-character needle lets the
 * native search skip the common first letter by itself.
 */
export const ANCHOR_NEEDLES: readonly string[] = ['_', '-', '.', '/', 'A', 'K', 'V', 'J', 'Y', '4', '2', 'pi', '|', '~'];

/**
 * Prefixes with no needle of their own, anchored on a character their body always has at a
 * fixed offset from the key's start (`sq` + `[apu]_`, `shp` + `at_`…, `pat` + 14 characters + `.`).
 */
const BODY_ANCHORS: Readonly<Record<string, { needle: string; k: number }>> = {
  sq: { needle: '_', k: 3 },
  shp: { needle: '_', k: 5 },
  pat: { needle: '.', k: 17 },
};

interface Anchor {
  needle: string;
  /** Offsets of the needle from the start of the prefixes that use it (deduplicated). */
  prefixOffsets: number[];
  /** Probe literals that use it: literal, offset of the needle inside it, and key-start offsets before the literal. */
  probes: { literal: string; k: number; lo: number; hi: number }[];
}

function anchorOf(literal: string): { needle: string; k: number } {
  const body = BODY_ANCHORS[literal];
  if (body) return body;
  for (const needle of ANCHOR_NEEDLES) {
    const k = literal.indexOf(needle);
    // What follows a needle inside a key is never white space (checked per occurrence in candidates()).
    const after = k + needle.length;
    if (k >= 0 && (after >= literal.length || literal.charCodeAt(after) > 32)) return { needle, k };
  }
  throw new Error(`known key literal ${literal} has no anchor`);
}

/** Rows without a prefix are found through their probe literal. */
const PROBES = NO_PREFIX.map((c) => {
  const p = c.format.probe;
  if (!p) throw new Error(`known key format ${c.format.id} has neither prefix nor probe`);
  const [lo, hi] = typeof p.at === 'number' ? [p.at, p.at] : p.at;
  return { literal: p.literal, lo, hi };
});

const ANCHORS: Anchor[] = (() => {
  const by = new Map<string, Anchor>();
  const get = (needle: string): Anchor => {
    let a = by.get(needle);
    if (!a) by.set(needle, (a = { needle, prefixOffsets: [], probes: [] }));
    return a;
  };
  for (const list of BY_PREFIX.values()) {
    for (const { format } of list) {
      const { needle, k } = anchorOf(format.prefix);
      const a = get(needle);
      if (!a.prefixOffsets.includes(k)) a.prefixOffsets.push(k);
    }
  }
  for (const p of PROBES) {
    const { needle, k } = anchorOf(p.literal);
    const a = get(needle);
    if (!a.probes.some((q) => q.literal === p.literal && q.lo === p.lo && q.hi === p.hi)) a.probes.push({ literal: p.literal, k, lo: p.lo, hi: p.hi });
  }
  return [...by.values()];
})();

/**
 * Candidate start offsets, each encoded as `offset * 2 + (1 if a probe literal points at it)`,
 * ascending (duplicates possible). A superset of the places where a key can start: every
 * boundary position where some prefix begins (found through the prefix's anchor character),
 * and every boundary position a probe literal points back to. Extra candidates are harmless:
 * findKnownKeys checks the prefix or the probe again at each one.
 *
 * Cheap exact filters per needle occurrence: inside a key a needle is never followed by white
 * space or the end of the text (every body is non-empty and has no white space), and the body
 * right before a probe literal always ends with a letter or digit.
 */
function candidates(text: string): number[] {
  const out: number[] = [];
  const n = text.length;
  for (const a of ANCHORS) {
    const offsets = a.prefixOffsets;
    const probes = a.probes;
    const len = a.needle.length;
    for (let u = text.indexOf(a.needle); u >= 0; u = text.indexOf(a.needle, u + 1)) {
      if (u + len >= n || text.charCodeAt(u + len) <= 32) continue;
      for (let q = 0; q < offsets.length; q++) {
        const s = u - offsets[q]!;
        if (s < 0 || !isBoundaryBefore(text, s)) continue;
        if (BY_PREFIX.has(text.charCodeAt(s) * 65536 + text.charCodeAt(s + 1))) out.push(s * 2);
      }
      for (let q = 0; q < probes.length; q++) {
        const p = probes[q]!;
        const at = u - p.k;
        if (at < 1 || !isAlnum(text.charCodeAt(at - 1)) || !text.startsWith(p.literal, at)) continue;
        for (let d = p.lo; d <= p.hi; d++) if (at - d >= 0 && isBoundaryBefore(text, at - d)) out.push((at - d) * 2 + 1);
      }
    }
  }
  if (out.length > 1) out.sort((x, y) => x - y);
  return out;
}

/** Finds every known-format key in `text`, left to right, without overlaps. */
export function findKnownKeys(text: string): KnownKeyMatch[] {
  const out: KnownKeyMatch[] = [];
  const n = text.length;
  let covered = 0;
  const cands = candidates(text);
  for (let q = 0; q < cands.length; q++) {
    const i = cands[q]! >>> 1;
    let probed = cands[q]! & 1;
    while (q + 1 < cands.length && cands[q + 1]! >>> 1 === i) probed |= cands[++q]! & 1;
    if (i < covered) continue;
    // Any character may start a key, not only letters and digits: `_gitlab_session=…` and Azure
    // secrets (`~…8Q~…`) start otherwise; the prefix or probe checks below decide.
    if (!isBoundaryBefore(text, i)) continue;
    const c = text.charCodeAt(i);
    let end = -1;
    let found: KnownKeyFormat | undefined;
    const list = i + 1 < n ? BY_PREFIX.get(c * 65536 + text.charCodeAt(i + 1)) : undefined;
    if (list) {
      for (const cand of list) {
        end = tryAt(text, i, cand);
        if (end >= 0) {
          found = cand.format;
          break;
        }
      }
    }
    // Rows without a prefix can only match where one of their probe literals pointed.
    if (!found && probed) {
      for (const cand of NO_PREFIX) {
        const p = cand.format.probe!;
        const [lo, hi] = typeof p.at === 'number' ? [p.at, p.at] : p.at;
        let hasProbe = false;
        for (let at = lo; at <= hi && !hasProbe; at++) hasProbe = text.startsWith(p.literal, i + at);
        if (!hasProbe) continue;
        end = tryAt(text, i, cand);
        if (end >= 0) {
          found = cand.format;
          break;
        }
      }
    }
    if (found && !placeholderKey(text.slice(i + found.prefix.length, end))) {
      let start = i;
      // Webhook URLs are matched from their host; the report covers the scheme too.
      if (found.prefix.startsWith('hooks.')) {
        if (text.startsWith('https://', i - 8)) start = i - 8;
        else if (text.startsWith('http://', i - 7)) start = i - 7;
      }
      out.push({ format: found, start, end });
      covered = end;
    }
  }
  return out;
}

/**
 * A known-format key's body that is a placeholder. Judged on its longest part between dashes,
 * underscores and dots, which holds the secret: the other parts of such formats are ids and
 * versions (a Slack token's workspace and user numbers), and a demo-looking id ("123456789012")
 * does not make a random secret beside it a placeholder. The body's words still count
 * ("xoxb-your-token-here").
 */
function placeholderKey(body: string): boolean {
  let longest = '';
  for (const part of body.split(/[-_.]/)) if (part.length > longest.length) longest = part;
  return isPlaceholder(longest) || hasPlaceholderWord(body);
}

/** True when the whole of `value` is one known-format key (used by other detectors to avoid double reports). */
export function isKnownKey(value: string): boolean {
  const m = findKnownKeys(value);
  return m.length > 0 && m[0]!.start === 0 && m[0]!.end === value.length;
}

function severityFor(text: string, m: KnownKeyMatch): Severity {
  const f = m.format;
  if (!f.needsContext) return f.severity;
  const before = text.slice(Math.max(0, m.start - 120), m.start);
  return f.needsContext.test(before) ? f.severity : 'low';
}

function messageFor(f: KnownKeyFormat): string {
  if (f.test) return `This looks like a ${f.description}: it is not live, but it still gives access to your test account.`;
  return `This looks like a live ${f.description}: anyone who reads this mail can use it.`;
}

export const knownKeysDetector: Detector = {
  id: 'secret/known-keys',
  detect(text: string): Hit[] {
    return findKnownKeys(text).map((m) =>
      secretHit(m.format.rule, severityFor(text, m), m.start, m.end, messageFor(m.format)),
    );
  },
};
