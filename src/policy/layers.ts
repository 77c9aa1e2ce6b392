/**
 * Policy layers: bundled default -> organization policy -> the user's own preferences.
 *
 * What a lock means. The organization lists settings in `locks`; each lock protects a set of
 * findings:
 *   severityActions        every finding         severityActions.high   findings of high severity
 *   categories             every finding         categories.pii         findings of category pii
 *   rules                  every rule the organization's `rules` names
 *   rules.pii/ssn          findings of that rule
 *   allow, quietHours, maxRecipients            those settings themselves
 * A user's preference is applied unless it would LOWER the action the organization's policy
 * gives any protected finding (off < inform < warn < block; a raised minSeverity counts as
 * turning findings off). Making things stricter is always allowed. A preference that is not
 * applied is reported in `notices`, for the pane to show. So a lock on categories.pii also
 * stops a user from turning off `rules["pii/ssn"]`, which would otherwise win over it.
 *
 * An invalid organization policy never disables checking: `loadOrganizationPolicy` falls back
 * to the bundled default and says so.
 */
import { DEFAULT_POLICY, resolvePolicy } from './defaults.js';
import type { Policy, ResolvedPolicy } from './types.js';
import { formatProblem, hasErrors, validatePolicy, validatePolicyText, type PolicyProblem } from './validate.js';
import { mergeValidated } from './merge.js';
export { effectiveAction } from './merge.js';

export interface OrganizationPolicyLoad {
  /** What the classifier runs on: default + organization policy, or the default alone. */
  policy: ResolvedPolicy;
  source: 'organization' | 'default';
  /** Plain-text lines for the user (the pane shows them); empty when all is well. */
  notices: string[];
  /** Every problem found in the organization policy (errors and warnings), for admins and logs. */
  problems: PolicyProblem[];
}

/**
 * The organization policy from the text of policy.json. `null` (no policy served) means the
 * bundled default, without a notice. Invalid text or an invalid policy means the bundled
 * default plus a notice: checking is never turned off. Never throws.
 */
export function loadOrganizationPolicy(text: string | null | undefined): OrganizationPolicyLoad {
  if (text === null || text === undefined) return { policy: DEFAULT_POLICY, source: 'default', notices: [], problems: [] };
  let result;
  try {
    result = validatePolicyText(String(text), 'organization');
  } catch (err) {
    // A bug in validation must not stop checking either.
    const why = err instanceof Error ? err.message : String(err);
    return { policy: DEFAULT_POLICY, source: 'default', notices: [`The organization policy could not be read (${why}); the built-in default applies.`], problems: [] };
  }
  const { policy, problems } = result;
  if (policy === null || hasErrors(problems)) {
    const errors = problems.filter((p) => p.level === 'error');
    const first = errors[0] ? formatProblem(errors[0]) : 'unknown problem';
    const more = errors.length > 1 ? ` and ${errors.length - 1} more` : '';
    return {
      policy: DEFAULT_POLICY,
      source: 'default',
      notices: [`The organization policy is invalid (${first}${more}); the built-in default applies until your administrator fixes it.`],
      problems,
    };
  }
  return { policy: resolvePolicy(policy), source: 'organization', notices: [], problems };
}

export interface MergeResult {
  policy: ResolvedPolicy;
  /** Preferences that were not applied, and why (plain text, for the pane). */
  notices: string[];
  /** Problems found in the user's preferences. */
  problems: PolicyProblem[];
}


/**
 * Merges the user's preferences (same shape as a policy; organization-only settings ignored)
 * over the resolved organization policy, honoring its locks. `user` is validated here (it comes
 * from roaming settings: untrusted); invalid preferences are ignored as a whole, with a notice.
 * Never throws.
 */
export function mergePolicyLayers(org: ResolvedPolicy, user: unknown): MergeResult {
  try {
    return merge(org, user);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    return { policy: org, notices: [`Your saved preferences could not be applied (${why}); your organization's settings apply.`], problems: [] };
  }
}

function merge(org: ResolvedPolicy, user: unknown): MergeResult {
  if (user === null || user === undefined) return { policy: org, notices: [], problems: [] };
  const { policy: prefs, problems } = validatePolicy(user, 'user');
  if (prefs === null) {
    const first = problems.find((p) => p.level === 'error');
    return {
      policy: org,
      notices: [`Your saved preferences could not be used (${first ? formatProblem(first) : 'invalid'}); your organization's settings apply.`],
      problems,
    };
  }
  return { ...mergeValidated(org, prefs), problems };
}

/** Convenience for hosts: default -> organization text -> user preferences, with every notice. */
export function resolveLayers(organizationText: string | null | undefined, user: unknown): OrganizationPolicyLoad {
  const org = loadOrganizationPolicy(organizationText);
  const merged = mergePolicyLayers(org.policy, user);
  return { policy: merged.policy, source: org.source, notices: [...org.notices, ...merged.notices], problems: [...org.problems, ...merged.problems] };
}
