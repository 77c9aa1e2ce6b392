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
import { CATEGORIES, SEVERITIES, type Action, type Category, type Severity } from '../classifier/types.js';
import { DEFAULT_POLICY, resolvePolicy } from './defaults.js';
import type { ActionSetting, Policy, ResolvedPolicy, Term } from './types.js';
import { formatProblem, hasErrors, validatePolicy, validatePolicyText, type PolicyProblem } from './validate.js';

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

const ACTION_RANK: Record<Action, number> = { off: 0, inform: 1, warn: 2, block: 3 };
const SEVERITY_RANK: Record<Severity, number> = { low: 0, medium: 1, high: 2 };

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
  const notices: string[] = [];
  const locks = new Set(org.locks);
  let merged: ResolvedPolicy = { ...org, severityActions: { ...org.severityActions }, categories: { ...org.categories }, rules: { ...org.rules } };

  const universe = findingUniverse(org, prefs);
  const lowersProtected = (candidate: ResolvedPolicy): string | undefined => {
    for (const f of universe) {
      const lock = protectingLock(locks, org, f);
      if (lock && ACTION_RANK[effectiveAction(candidate, f)] < ACTION_RANK[effectiveAction(org, f)]) return lock;
    }
    return undefined;
  };
  const tryApply = (label: string, change: (p: ResolvedPolicy) => ResolvedPolicy): void => {
    const candidate = change(merged);
    const lock = lowersProtected(candidate);
    if (lock) notices.push(`Your preference ${label} is not applied: your organization locks "${lock}".`);
    else merged = candidate;
  };

  for (const s of SEVERITIES) {
    const a = prefs.severityActions?.[s];
    if (a) tryApply(`severityActions.${s}: ${a}`, (p) => ({ ...p, severityActions: { ...p.severityActions, [s]: a } }));
  }
  for (const c of CATEGORIES) {
    const setting = prefs.categories?.[c];
    if (setting) applySetting(setting, `categories.${c}`, (p, patch) => ({ ...p, categories: { ...p.categories, [c]: { ...p.categories[c], ...patch } } }));
  }
  for (const [id, setting] of Object.entries(prefs.rules ?? {})) {
    applySetting(setting, `rules["${id}"]`, (p, patch) => ({ ...p, rules: { ...p.rules, [id]: { ...p.rules[id], ...patch } } }));
  }
  function applySetting(setting: ActionSetting, label: string, patch: (p: ResolvedPolicy, s: ActionSetting) => ResolvedPolicy): void {
    if (setting.action) tryApply(`${label}.action: ${setting.action}`, (p) => patch(p, { action: setting.action }));
    if (setting.minSeverity) tryApply(`${label}.minSeverity: ${setting.minSeverity}`, (p) => patch(p, { minSeverity: setting.minSeverity }));
  }

  if (prefs.allow && prefs.allow.length > 0) {
    if (locks.has('allow')) notices.push(`Your personal allow-list is not applied: your organization locks "allow".`);
    else merged = { ...merged, allow: [...merged.allow, ...prefs.allow.filter((a) => !merged.allow.includes(a))] };
  }

  if (prefs.terms && prefs.terms.length > 0) {
    // Personal terms only add checks, so no lock applies; an id the organization uses is skipped.
    const taken = new Set(merged.terms.map((t) => `${t.category}/${t.id}`));
    const added: Term[] = [];
    for (const t of resolvePolicy({ terms: prefs.terms }).terms) {
      const full = `${t.category}/${t.id}`;
      if (taken.has(full)) notices.push(`Your term "${full}" is not applied: your organization already defines a term with that id.`);
      else added.push(t);
    }
    merged = { ...merged, terms: [...merged.terms, ...added] };
  }

  if (prefs.quietHours !== undefined) {
    const same = JSON.stringify(prefs.quietHours) === JSON.stringify(org.quietHours);
    if (locks.has('quietHours') && !same) notices.push(`Your quiet hours are not applied: your organization locks "quietHours".`);
    else merged = { ...merged, quietHours: prefs.quietHours };
  }

  if (prefs.maxRecipients !== undefined) {
    const mine = prefs.maxRecipients;
    const theirs = org.maxRecipients;
    const relaxes = theirs > 0 && (mine === 0 || mine > theirs);
    if (locks.has('maxRecipients') && relaxes) notices.push(`Your preference maxRecipients: ${mine} is not applied: your organization locks "maxRecipients".`);
    else merged = { ...merged, maxRecipients: mine };
  }

  return { policy: merged, notices, problems };
}

/** One kind of finding: a category, a rule in it (`*`: any rule no setting names), a severity. */
interface FindingKind {
  category: Category;
  rule: string;
  severity: Severity;
}

/** Every kind of finding whose action the two layers could decide differently. Small: categories x named rules x 3. */
function findingUniverse(org: ResolvedPolicy, prefs: Policy): FindingKind[] {
  const rulesByCategory = new Map<string, Set<string>>();
  const lockedRules = org.locks.filter((l) => l.startsWith('rules.')).map((l) => l.slice('rules.'.length));
  for (const id of [...Object.keys(org.rules), ...Object.keys(prefs.rules ?? {}), ...lockedRules]) {
    const slash = id.indexOf('/');
    const set = rulesByCategory.get(id.slice(0, slash)) ?? new Set<string>();
    set.add(id.slice(slash + 1));
    rulesByCategory.set(id.slice(0, slash), set);
  }
  const out: FindingKind[] = [];
  for (const category of CATEGORIES) {
    for (const rule of ['*', ...(rulesByCategory.get(category) ?? [])]) {
      for (const severity of SEVERITIES) out.push({ category, rule, severity });
    }
  }
  return out;
}

/** The lock that protects a kind of finding, if any (see the header of this file). */
function protectingLock(locks: ReadonlySet<string>, org: ResolvedPolicy, f: FindingKind): string | undefined {
  const full = `${f.category}/${f.rule}`;
  const candidates = ['severityActions', `severityActions.${f.severity}`, 'categories', `categories.${f.category}`, `rules.${full}`];
  if (f.rule !== '*' && org.rules[full]) candidates.push('rules');
  return candidates.find((l) => locks.has(l));
}

/** The action a policy gives a kind of finding: the same decision the classifier makes. */
export function effectiveAction(p: ResolvedPolicy, f: FindingKind): Action {
  const setting = { ...p.categories[f.category], ...(f.rule === '*' ? undefined : p.rules[`${f.category}/${f.rule}`]) };
  if (setting.minSeverity && SEVERITY_RANK[f.severity] < SEVERITY_RANK[setting.minSeverity]) return 'off';
  return setting.action ?? p.severityActions[f.severity] ?? 'inform';
}

/** Convenience for hosts: default -> organization text -> user preferences, with every notice. */
export function resolveLayers(organizationText: string | null | undefined, user: unknown): OrganizationPolicyLoad {
  const org = loadOrganizationPolicy(organizationText);
  const merged = mergePolicyLayers(org.policy, user);
  return { policy: merged.policy, source: org.source, notices: [...org.notices, ...merged.notices], problems: [...org.problems, ...merged.problems] };
}
