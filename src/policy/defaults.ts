import type { Policy, ResolvedPolicy } from './types.js';

/**
 * The bundled default (DESIGN.md section 4): medium and high severity warn,
 * low severity informs, nothing blocks until an organization says so.
 */
export const DEFAULT_POLICY: ResolvedPolicy = Object.freeze({
  version: 1,
  severityActions: { low: 'inform', medium: 'warn', high: 'warn' },
  categories: {},
  rules: {},
  terms: [],
  internalDomains: [],
  allow: [],
  quietHours: null,
  maxRecipients: 50,
  onError: 'send',
  sendMode: 'soft-block',
  maxDraftChars: 1_000_000,
  locks: [],
}) as ResolvedPolicy;

/**
 * Fills what a policy leaves out from the default. A shallow merge per field,
 * except the maps (severityActions, categories, rules), merged per key.
 * Validation is not done here: see the policy schema.
 */
export function resolvePolicy(policy: Policy = {}): ResolvedPolicy {
  const d = DEFAULT_POLICY;
  return {
    version: 1,
    severityActions: { ...d.severityActions, ...policy.severityActions },
    categories: { ...d.categories, ...policy.categories },
    rules: { ...d.rules, ...policy.rules },
    terms: policy.terms ?? d.terms,
    internalDomains: policy.internalDomains ?? d.internalDomains,
    allow: policy.allow ?? d.allow,
    quietHours: policy.quietHours === undefined ? d.quietHours : policy.quietHours,
    maxRecipients: policy.maxRecipients ?? d.maxRecipients,
    onError: policy.onError ?? d.onError,
    sendMode: policy.sendMode ?? d.sendMode,
    maxDraftChars: policy.maxDraftChars ?? d.maxDraftChars,
    locks: policy.locks ?? d.locks,
  };
}
