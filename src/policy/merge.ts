/**
 * Merging a user layer that is already valid over the organization's policy, honouring locks
 * (the rules are in the header of layers.ts). No schema library here: the send handler, whose
 * bundle must stay small, merges the preferences it reads with this alone.
 */
import { ACTION_RANK, CATEGORIES, SEVERITIES, SEVERITY_RANK, type Action, type Category, type Severity } from '../classifier/types.js';
import { resolvePolicy } from './defaults.js';
import type { ActionSetting, Policy, ResolvedPolicy, Term } from './types.js';

/** `prefs` over `org`, with a notice for every preference a lock keeps out. `prefs` must be valid. */
export function mergeValidated(org: ResolvedPolicy, prefs: Policy): { policy: ResolvedPolicy; notices: string[] } {
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

  return { policy: merged, notices };
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

