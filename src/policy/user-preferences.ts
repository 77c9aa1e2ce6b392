/**
 * The user's preferences as a policy layer, with no schema library, so that the send handler
 * (whose bundle must stay small) applies them as the pane does: hidden categories and the personal
 * allow-list, under the organization's locks (mergeValidated). Preferences only: never draft text.
 */
import { CATEGORIES, type Category } from '../classifier/types.js';
import { LEXICON_SETS } from '../classifier/lexicons/compiled.js';
import { parseTerms } from '../classifier/match/pattern.js';
import { mergeValidated } from './merge.js';
import type { Policy, ResolvedPolicy } from './types.js';

/** The roaming-settings key that holds the preferences (one key, the whole user layer). */
export const PREFERENCES_KEY = 'secondThought.preferences';

export interface UserPreferences {
  /** Categories the user chose not to see (their findings are turned off, unless locked). */
  hidden: Category[];
  /** Personal allow-list: words and phrases (lexicon pattern syntax) never reported. */
  allow: string[];
}

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
 * A stored preference document (untrusted: read from roaming settings) applied over `org`. Only
 * hidden categories and allow-list entries that parse as phrase patterns are read; locks win.
 */
export function applyPreferenceDocument(org: ResolvedPolicy, doc: unknown): { policy: ResolvedPolicy; notices: string[] } {
  const prefs = preferencesFromPolicy(doc);
  const allow = prefs.allow.filter((a) => {
    try {
      parseTerms(a, LEXICON_SETS);
      return true;
    } catch {
      return false;
    }
  });
  if (prefs.hidden.length === 0 && allow.length === 0) return { policy: org, notices: [] };
  return mergeValidated(org, preferencesToPolicy({ hidden: prefs.hidden, allow }));
}
