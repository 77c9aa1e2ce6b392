/**
 * The user's own preferences (the third policy layer, issue 5): which categories the task pane
 * shows and a personal allow-list. Kept in Outlook roaming settings as a small user-layer policy
 * document, so that `mergePolicyLayers` applies them and the organization's locks always win.
 * Preferences only: never draft text, never findings.
 */
import { CATEGORIES, type Category } from '../classifier/types.js';
import { mergePolicyLayers } from './layers.js';
import { patternProblem } from './schema.js';
import type { Policy, ResolvedPolicy } from './types.js';

export interface UserPreferences {
  /** Categories the user chose not to see (their findings are turned off, unless locked). */
  hidden: Category[];
  /** Personal allow-list: words and phrases (lexicon pattern syntax) never reported. */
  allow: string[];
}

/** Roaming settings hold at most 32 KB for the whole add-in; preferences stay well inside. */
export const ROAMING_LIMIT_BYTES = 32 * 1024;
export const MAX_PREFERENCE_BYTES = 16 * 1024;
export const EMPTY_PREFERENCES: UserPreferences = Object.freeze({ hidden: [], allow: [] }) as UserPreferences;

/** The user-layer policy document the preferences stand for. */
export function preferencesToPolicy(prefs: UserPreferences): Policy {
  const doc: Policy = { version: 1 };
  if (prefs.hidden.length > 0) doc.categories = Object.fromEntries(prefs.hidden.map((c) => [c, { action: 'off' as const }]));
  if (prefs.allow.length > 0) doc.allow = [...prefs.allow];
  return doc;
}

/** Preferences from a stored document (untrusted: anything unexpected is dropped). */
export function preferencesFromPolicy(doc: unknown): UserPreferences {
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return { hidden: [], allow: [] };
  const d = doc as { categories?: Record<string, { action?: unknown }>; allow?: unknown };
  const hidden = CATEGORIES.filter((c) => d.categories && typeof d.categories === 'object' && d.categories[c] && d.categories[c].action === 'off');
  const allow = Array.isArray(d.allow) ? d.allow.filter((a): a is string => typeof a === 'string' && a.trim().length > 0) : [];
  return { hidden, allow };
}

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
