import type { Policy, ResolvedPolicy, Term } from './types.js';

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
  requireOverrideReason: false,
  maxDraftChars: 1_000_000,
  locks: [],
}) as ResolvedPolicy;

/**
 * Fills what a policy leaves out from `base` (the bundled default unless given). A shallow
 * merge per field, except the maps (severityActions, categories, rules), merged per key.
 * Terms get their effective id here (`termId`), so every host reports the same rule id.
 * Validation is not done here: see validate.ts; layers with locks: see layers.ts.
 */
export function resolvePolicy(policy: Policy = {}, base: ResolvedPolicy = DEFAULT_POLICY): ResolvedPolicy {
  const d = base;
  return {
    version: 1,
    severityActions: { ...d.severityActions, ...policy.severityActions },
    categories: { ...d.categories, ...policy.categories },
    rules: { ...d.rules, ...policy.rules },
    terms: (policy.terms ?? d.terms).map(withId),
    internalDomains: policy.internalDomains ?? d.internalDomains,
    allow: policy.allow ?? d.allow,
    quietHours: policy.quietHours === undefined ? d.quietHours : policy.quietHours,
    maxRecipients: policy.maxRecipients ?? d.maxRecipients,
    onError: policy.onError ?? d.onError,
    sendMode: policy.sendMode ?? d.sendMode,
    requireOverrideReason: policy.requireOverrideReason ?? d.requireOverrideReason,
    maxDraftChars: policy.maxDraftChars ?? d.maxDraftChars,
    locks: policy.locks ?? d.locks,
  };
}

function withId(term: Term): Term {
  return term.id ? term : { ...term, id: termId(term.patterns?.[0] ?? 'term') };
}

/**
 * The rule id of a term that has none: its first pattern in lowercase, runs of other
 * characters as one hyphen, at most 40 characters (`"Project Falcon"` -> `project-falcon`).
 * The classifier derives the same id; duplicate checks (validate.ts) use this one.
 */
export function termId(pattern: string): string {
  return (
    pattern
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40)
      .replace(/-+$/, '') || 'term'
  );
}
