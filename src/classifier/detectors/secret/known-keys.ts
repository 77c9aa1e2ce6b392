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

export const KNOWN_KEY_FORMATS: readonly KnownKeyFormat[] = [
  // Cloud providers
  ...['AKIA', 'ASIA', 'ABIA', 'ACCA', 'AGPA', 'AIDA', 'AIPA', 'ANPA', 'ANVA', 'AROA', 'APKA', 'ASCA'].map(
    (p): KnownKeyFormat => ({ id: 'aws-access-key-id', rule: 'api-key', severity: 'high', prefix: p, body: '[A-Z0-9]{16}', description: 'AWS access key' }),
  ),
  { id: 'aws-bedrock-api-key', rule: 'api-key', severity: 'high', prefix: 'ABSK', body: '[A-Za-z0-9+/]{100,300}={0,2}', description: 'Amazon Bedrock API key' },
  { id: 'google-api-key', rule: 'api-key', severity: 'high', prefix: 'AIza', body: `[${B64URL}]{35}`, description: 'Google API key' },
  { id: 'google-oauth-secret', rule: 'api-key', severity: 'high', prefix: 'GOCSPX-', body: `[${B64URL}]{28}`, description: 'Google OAuth client secret' },
  { id: 'google-oauth-token', rule: 'token', severity: 'high', prefix: 'ya29.', body: `[${B64URL}]{30,500}`, description: 'Google OAuth access token' },
  { id: 'alibaba-access-key-id', rule: 'api-key', severity: 'high', prefix: 'LTAI', body: '[A-Za-z0-9]{20}', description: 'Alibaba Cloud access key' },
  { id: 'digitalocean-token', rule: 'token', severity: 'high', prefix: 'dop_v1_', body: '[a-f0-9]{64}', description: 'DigitalOcean personal access token' },
  { id: 'digitalocean-oauth', rule: 'token', severity: 'high', prefix: 'doo_v1_', body: '[a-f0-9]{64}', description: 'DigitalOcean OAuth token' },
  { id: 'digitalocean-refresh', rule: 'token', severity: 'high', prefix: 'dor_v1_', body: '[a-f0-9]{64}', description: 'DigitalOcean refresh token' },
  { id: 'heroku-api-key-v2', rule: 'api-key', severity: 'high', prefix: 'HRKU-', body: `[${B64URL}]{30,80}`, description: 'Heroku API key' },
  { id: 'flyio-token', rule: 'token', severity: 'high', prefix: 'fo1_', body: `[${B64URL}]{40,50}`, description: 'Fly.io access token' },
  { id: 'flyio-macaroon', rule: 'token', severity: 'high', prefix: 'fm2_', body: '[A-Za-z0-9+/_=,-]{100,2000}', description: 'Fly.io access token' },
  { id: 'flyio-macaroon-v1', rule: 'token', severity: 'high', prefix: 'FlyV1 fm', body: '[12][ar]?_[A-Za-z0-9+/_=,-]{100,2000}', description: 'Fly.io access token' },
  { id: 'azure-ad-client-secret', rule: 'api-key', severity: 'high', prefix: '', probe: { at: 4, literal: 'Q~' }, body: '[A-Za-z0-9_~.]{3}[0-9]Q~[A-Za-z0-9_~.\\-]{31,34}', description: 'Azure AD client secret' },

  // Source hosting and package registries
  ...['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'].map(
    (p): KnownKeyFormat => ({ id: 'github-token', rule: 'token', severity: 'high', prefix: p, body: '[A-Za-z0-9]{36,40}', description: 'GitHub access token' }),
  ),
  { id: 'github-fine-grained-pat', rule: 'token', severity: 'high', prefix: 'github_pat_', body: '[A-Za-z0-9_]{70,100}', description: 'GitHub personal access token' },
  { id: 'gitlab-pat', rule: 'token', severity: 'high', prefix: 'glpat-', body: `[${B64URL}.]{20,300}`, description: 'GitLab personal access token' },
  ...['gldt-', 'glptt-', 'glrt-', 'glcbt-', 'glimt-', 'glagent-', 'glsoat-', 'glffct-', 'gloas-', 'glft-', 'GR1348941'].map(
    (p): KnownKeyFormat => ({ id: 'gitlab-token', rule: 'token', severity: 'high', prefix: p, body: `[${B64URL}.]{20,300}`, description: 'GitLab token' }),
  ),
  { id: 'gitlab-session', rule: 'token', severity: 'high', prefix: '_gitlab_session=', body: '[0-9a-z]{32}', description: 'GitLab session cookie' },
  { id: 'bitbucket-app-password', rule: 'token', severity: 'high', prefix: 'ATBB', body: '[A-Za-z0-9_=.\\-]{32,200}', description: 'Bitbucket app password' },
  { id: 'atlassian-api-token', rule: 'token', severity: 'high', prefix: 'ATATT3', body: '[A-Za-z0-9_=\\-]{150,300}', description: 'Atlassian API token' },
  { id: 'npm-token', rule: 'token', severity: 'high', prefix: 'npm_', body: '[A-Za-z0-9]{36}', description: 'npm access token' },
  { id: 'pypi-token', rule: 'token', severity: 'high', prefix: 'pypi-', body: `[${B64URL}]{50,300}`, description: 'PyPI upload token' },
  { id: 'rubygems-token', rule: 'token', severity: 'high', prefix: 'rubygems_', body: '[a-f0-9]{48}', description: 'RubyGems API token' },
  { id: 'clojars-token', rule: 'token', severity: 'high', prefix: 'CLOJARS_', body: '[a-z0-9]{60}', description: 'Clojars deploy token' },
  { id: 'nuget-api-key', rule: 'api-key', severity: 'high', prefix: 'oy2', body: '[a-z0-9]{43}', description: 'NuGet API key' },
  { id: 'jfrog-api-key', rule: 'api-key', severity: 'high', prefix: 'AKCp', body: '[A-Za-z0-9]{69}', description: 'JFrog Artifactory API key' },
  { id: 'jfrog-reference-token', rule: 'token', severity: 'high', prefix: 'cmVmdGtu', body: '[A-Za-z0-9]{56}', description: 'JFrog reference token' },
  { id: 'sourcegraph-token', rule: 'token', severity: 'high', prefix: 'sgp_', body: '(?:[a-fA-F0-9]{16}_|local_)?[a-fA-F0-9]{40}', description: 'Sourcegraph access token' },
  { id: 'sonar-token', rule: 'token', severity: 'high', prefix: 'sq', body: '[apu]_[A-Za-z0-9]{40}', description: 'SonarQube token' },
  { id: 'pulumi-token', rule: 'token', severity: 'high', prefix: 'pul-', body: '[a-f0-9]{40}', description: 'Pulumi access token' },
  { id: 'prefect-token', rule: 'token', severity: 'high', prefix: 'pnu_', body: '[a-zA-Z0-9]{36}', description: 'Prefect API token' },
  { id: 'readme-token', rule: 'token', severity: 'high', prefix: 'rdme_', body: '[a-z0-9]{70}', description: 'ReadMe API token' },
  { id: 'terraform-token', rule: 'token', severity: 'high', prefix: '', probe: { at: 14, literal: '.atlasv1.' }, body: '[a-zA-Z0-9]{14}\\.atlasv1\\.[a-zA-Z0-9=_\\-]{60,70}', description: 'Terraform Cloud API token' },
  { id: 'hashicorp-vault-token', rule: 'token', severity: 'high', prefix: 'hvs.', body: `[${B64URL}]{90,200}`, description: 'HashiCorp Vault token' },
  { id: 'hashicorp-vault-batch', rule: 'token', severity: 'high', prefix: 'hvb.', body: `[${B64URL}]{138,300}`, description: 'HashiCorp Vault batch token' },
  { id: 'doppler-token', rule: 'token', severity: 'high', prefix: 'dp.pt.', body: '[a-zA-Z0-9]{43}', description: 'Doppler API token' },
  { id: 'databricks-token', rule: 'token', severity: 'high', prefix: 'dapi', body: '[a-f0-9]{32}(?:-[0-9])?', description: 'Databricks access token' },
  { id: 'postman-key', rule: 'api-key', severity: 'high', prefix: 'PMAK-', body: '[a-f0-9]{24}-[a-f0-9]{34}', description: 'Postman API key' },
  { id: 'openshift-token', rule: 'token', severity: 'high', prefix: 'sha256~', body: `[${B64URL}]{43}`, description: 'OpenShift access token' },
  { id: 'grafana-cloud-token', rule: 'token', severity: 'high', prefix: 'glc_', body: '[A-Za-z0-9+/]{32,400}={0,2}', description: 'Grafana Cloud token' },
  { id: 'grafana-service-account', rule: 'token', severity: 'high', prefix: 'glsa_', body: '[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}', description: 'Grafana service account token' },
  { id: 'grafana-api-key', rule: 'api-key', severity: 'high', prefix: 'eyJrIjoi', body: '[A-Za-z0-9]{70,400}={0,2}', description: 'Grafana API key' },
  { id: 'sentry-user-token', rule: 'token', severity: 'high', prefix: 'sntryu_', body: '[a-f0-9]{64}', description: 'Sentry user token' },
  { id: 'sentry-org-token', rule: 'token', severity: 'high', prefix: 'sntrys_', body: 'eyJ[A-Za-z0-9+/=_]{60,600}', description: 'Sentry organization token' },
  { id: 'dynatrace-token', rule: 'token', severity: 'high', prefix: 'dt0c01.', body: '[A-Za-z0-9]{24}\\.[A-Za-z0-9]{64}', description: 'Dynatrace API token' },
  { id: 'new-relic-user-key', rule: 'api-key', severity: 'high', prefix: 'NRAK-', body: '[A-Za-z0-9]{27}', description: 'New Relic user API key' },
  { id: 'new-relic-insert-key', rule: 'api-key', severity: 'high', prefix: 'NRII-', body: `[${B64URL}]{32}`, description: 'New Relic insert key' },
  { id: 'new-relic-browser-key', rule: 'api-key', severity: 'medium', prefix: 'NRJS-', body: '[a-f0-9]{19}', description: 'New Relic browser key' },
  { id: 'infracost-token', rule: 'token', severity: 'high', prefix: 'ico-', body: '[a-zA-Z0-9]{32}', description: 'Infracost API token' },
  { id: 'octopus-api-key', rule: 'api-key', severity: 'high', prefix: 'API-', body: '[A-Z0-9]{26}', description: 'Octopus Deploy API key' },
  { id: 'scalingo-token', rule: 'token', severity: 'high', prefix: 'tk-us-', body: `[${B64URL}]{48}`, description: 'Scalingo API token' },
  { id: 'defined-networking-key', rule: 'api-key', severity: 'high', prefix: 'dnkey-', body: `[${B64URL}]{26}-[${B64URL}]{52}`, description: 'Defined Networking API key' },
  { id: 'harness-pat', rule: 'token', severity: 'high', prefix: 'pat.', body: `[${B64URL}]{22}\\.[a-f0-9]{24}\\.[A-Za-z0-9]{20}`, description: 'Harness access token' },
  { id: 'settlemint-token', rule: 'token', severity: 'high', prefix: 'sm_', body: '(?:pat|aat|sat)_[a-zA-Z0-9]{16}', description: 'SettleMint access token' },
  { id: 'clickhouse-secret', rule: 'api-key', severity: 'high', prefix: '4b1d', body: '[A-Za-z0-9]{38}', description: 'ClickHouse Cloud API secret' },
  { id: 'onepassword-service-token', rule: 'token', severity: 'high', prefix: 'ops_eyJ', body: '[A-Za-z0-9+/]{250,3000}={0,3}', description: '1Password service-account token' },
  { id: 'onepassword-secret-key', rule: 'api-key', severity: 'high', prefix: 'A3-', body: '[A-Z0-9]{6}-(?:[A-Z0-9]{11}|[A-Z0-9]{6}-[A-Z0-9]{5})-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5}', description: '1Password secret key' },

  // Chat, mail and messaging
  ...['xoxb-', 'xoxp-', 'xoxa-', 'xoxr-', 'xoxs-', 'xoxe-', 'xoxe.xoxp-', 'xoxe.xoxb-'].map(
    (p): KnownKeyFormat => ({ id: 'slack-token', rule: 'token', severity: 'high', prefix: p, body: '[0-9]{1,20}-[0-9A-Za-z\\-]{8,300}[0-9A-Za-z]', description: 'Slack token', openEnd: true }),
  ),
  { id: 'slack-app-token', rule: 'token', severity: 'high', prefix: 'xapp-', body: '[0-9]-[A-Z0-9]{9,12}-[0-9]{10,16}-[a-z0-9]{40,80}', description: 'Slack app token' },
  { id: 'slack-webhook', rule: 'token', severity: 'high', prefix: 'hooks.slack.com/', body: '(?:services|workflows|triggers)/[A-Za-z0-9+/_\\-]{40,200}', description: 'Slack webhook URL (anyone with it can post to your channel)' },
  { id: 'teams-webhook', rule: 'token', severity: 'high', prefix: 'https://', body: '[a-z0-9\\-]{1,63}\\.webhook\\.office\\.com/webhookb2/[a-z0-9\\-]{36}@[a-z0-9\\-]{36}/IncomingWebhook/[a-z0-9]{32}/[a-z0-9\\-]{36}', description: 'Microsoft Teams webhook URL' },
  { id: 'discord-webhook', rule: 'token', severity: 'high', prefix: 'https://discord', body: '(?:app)?\\.com/api/webhooks/[0-9]{17,20}/[A-Za-z0-9_\\-]{60,70}', description: 'Discord webhook URL' },
  { id: 'telegram-bot-token', rule: 'token', severity: 'medium', prefix: '', probe: { at: [8, 10], literal: ':AA' }, body: '[0-9]{8,10}:AA[A-Za-z0-9_\\-]{33}', description: 'Telegram bot token' },
  { id: 'sendgrid-key', rule: 'api-key', severity: 'high', prefix: 'SG.', body: `[${B64URL}]{16,32}\\.[${B64URL}]{30,64}`, description: 'SendGrid API key' },
  { id: 'sendinblue-key', rule: 'api-key', severity: 'high', prefix: 'xkeysib-', body: '[a-f0-9]{64}-[a-zA-Z0-9]{16}', description: 'Brevo (Sendinblue) API key' },
  { id: 'mailgun-key', rule: 'api-key', severity: 'high', prefix: 'key-', body: '[a-f0-9]{32}', description: 'Mailgun API key' },
  { id: 'mailchimp-key', rule: 'api-key', severity: 'high', prefix: '', probe: { at: 32, literal: '-us' }, body: '[a-f0-9]{32}-us[0-9]{1,2}', description: 'Mailchimp API key' },
  { id: 'twilio-api-key', rule: 'api-key', severity: 'high', prefix: 'SK', body: '[0-9a-fA-F]{32}', description: 'Twilio API key', needsContext: /twilio|\bsid\b|api[_\s-]?key|secret|token/i },

  // Payments and commerce
  { id: 'stripe-prod-secret', rule: 'api-key', severity: 'high', prefix: 'sk_prod_', body: '[0-9A-Za-z]{10,250}', description: 'live Stripe secret key' },
  { id: 'stripe-prod-restricted', rule: 'api-key', severity: 'high', prefix: 'rk_prod_', body: '[0-9A-Za-z]{10,250}', description: 'live Stripe restricted key' },
  { id: 'stripe-live-secret', rule: 'api-key', severity: 'high', prefix: 'sk_live_', body: '[0-9A-Za-z]{10,250}', description: 'live Stripe secret key (it can move money)' },
  { id: 'stripe-live-restricted', rule: 'api-key', severity: 'high', prefix: 'rk_live_', body: '[0-9A-Za-z]{10,250}', description: 'live Stripe restricted key' },
  { id: 'stripe-test-secret', rule: 'api-key', severity: 'medium', prefix: 'sk_test_', body: '[0-9A-Za-z]{10,250}', description: 'Stripe test-mode secret key', test: true },
  { id: 'stripe-test-restricted', rule: 'api-key', severity: 'medium', prefix: 'rk_test_', body: '[0-9A-Za-z]{10,250}', description: 'Stripe test-mode restricted key', test: true },
  { id: 'stripe-webhook-secret', rule: 'api-key', severity: 'high', prefix: 'whsec_', body: '[0-9A-Za-z+/=]{24,100}', description: 'Stripe webhook signing secret' },
  { id: 'square-access-token', rule: 'token', severity: 'high', prefix: 'sq0atp-', body: `[${B64URL}]{22}`, description: 'Square access token' },
  { id: 'square-secret', rule: 'api-key', severity: 'high', prefix: 'sq0csp-', body: `[${B64URL}]{43}`, description: 'Square application secret' },
  { id: 'square-token-eaaa', rule: 'token', severity: 'high', prefix: 'EAAA', body: `[${B64URL}]{60}`, description: 'Square access token' },
  { id: 'shopify-token', rule: 'token', severity: 'high', prefix: 'shp', body: '(?:at|ca|pa|ss)_[a-fA-F0-9]{32}', description: 'Shopify access token' },
  { id: 'shippo-live', rule: 'token', severity: 'high', prefix: 'shippo_live_', body: '[a-fA-F0-9]{40}', description: 'Shippo live API token' },
  { id: 'shippo-test', rule: 'token', severity: 'medium', prefix: 'shippo_test_', body: '[a-fA-F0-9]{40}', description: 'Shippo test API token', test: true },
  { id: 'easypost-live', rule: 'token', severity: 'high', prefix: 'EZAK', body: '[a-zA-Z0-9]{54}', description: 'EasyPost API key' },
  { id: 'easypost-test', rule: 'token', severity: 'medium', prefix: 'EZTK', body: '[a-zA-Z0-9]{54}', description: 'EasyPost test API key', test: true },
  { id: 'duffel-token', rule: 'token', severity: 'high', prefix: 'duffel_', body: `(?:test|live)_[${B64URL}=]{43}`, description: 'Duffel API token' },
  { id: 'flutterwave-secret', rule: 'api-key', severity: 'high', prefix: 'FLWSECK', body: '(?:_TEST)?-[a-hA-H0-9]{32}-X', description: 'Flutterwave secret key' },
  { id: 'flutterwave-encryption', rule: 'api-key', severity: 'high', prefix: 'FLWSECK_TEST', body: '-[a-hA-H0-9]{12}', description: 'Flutterwave encryption key' },
  { id: 'gocardless-token', rule: 'token', severity: 'high', prefix: 'live_', body: `[${B64URL}=]{40}`, description: 'GoCardless live access token' },
  { id: 'lob-key', rule: 'api-key', severity: 'high', prefix: 'live_', body: '[a-f0-9]{35}', description: 'Lob live API key' },
  { id: 'lob-test-key', rule: 'api-key', severity: 'medium', prefix: 'test_', body: '[a-f0-9]{35}', description: 'Lob test API key', test: true },
  { id: 'planetscale-token', rule: 'token', severity: 'high', prefix: 'pscale_', body: '(?:tkn|oauth)_[A-Za-z0-9=._\\-]{32,64}', description: 'PlanetScale token' },
  { id: 'planetscale-password', rule: 'password', severity: 'high', prefix: 'pscale_pw_', body: '[A-Za-z0-9=._\\-]{32,64}', description: 'PlanetScale database password' },

  // AI services
  { id: 'openai-key-legacy', rule: 'api-key', severity: 'high', prefix: 'sk-', body: '[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}', description: 'OpenAI API key' },
  { id: 'openai-project-key', rule: 'api-key', severity: 'high', prefix: 'sk-', body: `(?:proj|svcacct|admin)-[${B64URL}]{40,200}`, description: 'OpenAI API key' },
  { id: 'anthropic-key', rule: 'api-key', severity: 'high', prefix: 'sk-ant-', body: `(?:api|admin)[0-9]{2}-[${B64URL}]{80,120}`, description: 'Anthropic API key' },
  { id: 'sk-style-key', rule: 'api-key', severity: 'medium', prefix: 'sk-', body: '[A-Za-z0-9]{32,100}', description: 'AI service API key' },
  { id: 'huggingface-token', rule: 'token', severity: 'high', prefix: 'hf_', body: '[A-Za-z]{34}', description: 'Hugging Face access token' },
  { id: 'huggingface-org-token', rule: 'token', severity: 'high', prefix: 'api_org_', body: '[A-Za-z]{34}', description: 'Hugging Face organization token' },
  { id: 'perplexity-key', rule: 'api-key', severity: 'high', prefix: 'pplx-', body: '[A-Za-z0-9]{48}', description: 'Perplexity API key' },

  // Other SaaS
  { id: 'airtable-pat', rule: 'token', severity: 'high', prefix: 'pat', body: '[A-Za-z0-9]{14}\\.[a-f0-9]{64}', description: 'Airtable personal access token' },
  { id: 'adobe-client-secret', rule: 'api-key', severity: 'high', prefix: 'p8e-', body: '[A-Za-z0-9]{32}', description: 'Adobe client secret' },
  ...['s-s4t2ud-', 's-s4t2af-'].map(
    (p): KnownKeyFormat => ({ id: 'intra42-client-secret', rule: 'api-key', severity: 'high', prefix: p, body: '[a-f0-9]{64}', description: '42 Intra client secret' }),
  ),
  { id: 'linear-key', rule: 'api-key', severity: 'high', prefix: 'lin_api_', body: '[A-Za-z0-9]{40}', description: 'Linear API key' },
  { id: 'notion-token', rule: 'token', severity: 'high', prefix: 'ntn_', body: '[0-9]{11}[A-Za-z0-9]{35}', description: 'Notion integration token' },
  { id: 'notion-secret', rule: 'token', severity: 'high', prefix: 'secret_', body: '[A-Za-z0-9]{43}', description: 'Notion integration secret' },
  { id: 'typeform-token', rule: 'token', severity: 'high', prefix: 'tfp_', body: '[A-Za-z0-9_\\-.=]{59}', description: 'Typeform API token' },
  { id: 'frameio-token', rule: 'token', severity: 'high', prefix: 'fio-u-', body: '[A-Za-z0-9_\\-=]{64}', description: 'Frame.io API token' },
  { id: 'mapbox-secret-token', rule: 'token', severity: 'high', prefix: 'sk.eyJ', body: '[A-Za-z0-9_\\-]{50,100}\\.[A-Za-z0-9_\\-]{20,30}', description: 'Mapbox secret token' },
  { id: 'mapbox-public-token', rule: 'token', severity: 'low', prefix: 'pk.eyJ', body: '[A-Za-z0-9_\\-]{50,100}\\.[A-Za-z0-9_\\-]{20,30}', description: 'Mapbox public token' },
  { id: 'facebook-app-token', rule: 'token', severity: 'high', prefix: '', probe: { at: [15, 16], literal: '|' }, body: '[0-9]{15,16}\\|[A-Za-z0-9_\\-]{27}', description: 'Facebook app access token' },
  { id: 'dropbox-token', rule: 'token', severity: 'high', prefix: 'sl.', body: `[${B64URL}=]{130,160}`, description: 'Dropbox access token' },
  { id: 'twitter-bearer', rule: 'token', severity: 'high', prefix: 'AAAAAAAAAAAAAAAAAAAAA', body: '[A-Za-z0-9%]{30,150}', description: 'Twitter/X bearer token' },
  { id: 'facebook-token', rule: 'token', severity: 'high', prefix: 'EAA', body: '(?:B|C|G|I|M)[A-Za-z0-9]{100,400}', description: 'Facebook access token' },
  { id: 'yandex-token', rule: 'token', severity: 'high', prefix: 't1.', body: '[A-Z0-9a-z_\\-]{50,200}={0,2}\\.[A-Z0-9a-z_\\-]{86}={0,2}', description: 'Yandex access token' },
  { id: 'yandex-api-key', rule: 'api-key', severity: 'high', prefix: 'AQVN', body: '[A-Za-z0-9_\\-]{35,38}', description: 'Yandex API key' },
  { id: 'yandex-aws-key', rule: 'api-key', severity: 'high', prefix: 'YC', body: '[a-zA-Z0-9_\\-]{38}', description: 'Yandex Cloud access key', needsContext: /yandex|secret|key|token/i },
  { id: 'age-recipient-guard', rule: 'private-key', severity: 'low', prefix: 'age1', body: '[0-9a-z]{58}', description: 'age public key' },
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
