/**
 * The user's own preferences (the third policy layer, issue 5): which categories the task pane
 * shows and a personal allow-list. Kept in Outlook roaming settings as a small user-layer policy
 * document, so that `mergePolicyLayers` applies them and the organization's locks always win.
 * Preferences only: never draft text, never findings.
 */
import type { Category } from '../classifier/types.js';
import { mergePolicyLayers } from './layers.js';
import { patternProblem } from './schema.js';
import type { Policy, ResolvedPolicy } from './types.js';
import { preferencesFromPolicy, preferencesToPolicy, type UserPreferences } from './user-preferences.js';

export { applyPreferenceDocument, preferencesFromPolicy, preferencesToPolicy, type UserPreferences } from './user-preferences.js';

/** Roaming settings hold at most 32 KB for the whole add-in; preferences stay well inside. */
export const MAX_PREFERENCE_BYTES = 16 * 1024;

/**
 * Parses the allow-list as typed in the pane (one word or phrase a line). Returns the entries and
 * a problem for each line that is not a valid phrase pattern.
 */
export function parseAllowList(text: string): { allow: string[]; problems: string[] } {
  const allow: string[] = [];
  const problems: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim().replace(/\s+/g, ' ');
    if (!line || allow.includes(line)) continue;
    const problem = patternProblem(line);
    if (problem) problems.push(`“${line}”: ${problem}`);
    else allow.push(line);
  }
  return { allow, problems };
}

/** Bytes the preferences take in roaming settings (UTF-8 of their JSON). */
export function preferenceBytes(prefs: UserPreferences): number {
  return new TextEncoder().encode(JSON.stringify(preferencesToPolicy(prefs))).length;
}

/**
 * Why the user cannot hide a category, or undefined when they can: the notice mergePolicyLayers
 * gives for that one preference (a lock on the category, its rules or the severities it uses).
 */
export function categoryLockReason(org: ResolvedPolicy, category: Category): string | undefined {
  const merged = mergePolicyLayers(org, { categories: { [category]: { action: 'off' } } });
  return merged.notices[0];
}

/** Why the personal allow-list is not applied, or undefined. */
export function allowLockReason(org: ResolvedPolicy): string | undefined {
  return org.locks.includes('allow') ? 'Your organization locks the allow-list ("allow"): personal entries are not applied.' : undefined;
}
