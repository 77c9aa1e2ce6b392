/**
 * The user's preferences in Outlook roaming settings (Office.context.roamingSettings): one key,
 * holding the small user-layer policy document of src/policy/preferences.ts. Preferences only:
 * never draft text, never findings. Roaming settings hold 32 KB for the whole add-in; a save
 * that would take more than MAX_PREFERENCE_BYTES is refused before it reaches Outlook.
 */
import type { OfficeLike } from '../outlook/office-types.js';
import { MAX_PREFERENCE_BYTES, preferenceBytes, preferencesFromPolicy, preferencesToPolicy, type UserPreferences } from '../policy/preferences.js';

export { PREFERENCES_KEY } from '../policy/user-preferences.js';
import { PREFERENCES_KEY } from '../policy/user-preferences.js';

/** Whether this host keeps roaming settings (false: the settings view says preferences cannot be saved). */
export function canStorePreferences(office: OfficeLike): boolean {
  const rs = office.context.roamingSettings;
  return !!rs && typeof rs.get === 'function' && typeof rs.set === 'function' && typeof rs.saveAsync === 'function';
}

/** The stored preferences as the user-layer document for mergePolicyLayers, or null when none. */
export function loadPreferenceDocument(office: OfficeLike): unknown {
  if (!canStorePreferences(office)) return null;
  try {
    const raw = office.context.roamingSettings?.get(PREFERENCES_KEY);
    if (raw === undefined || raw === null || raw === '') return null;
    return typeof raw === 'string' ? JSON.parse(raw) : raw;
  } catch {
    return null;
  }
}

export function loadPreferences(office: OfficeLike): UserPreferences {
  return preferencesFromPolicy(loadPreferenceDocument(office));
}

/** Saves the preferences (set + saveAsync). Rejects with a message for the user. */
export function savePreferences(office: OfficeLike, prefs: UserPreferences): Promise<void> {
  const rs = office.context.roamingSettings;
  if (!rs || !canStorePreferences(office)) return Promise.reject(new Error('This Outlook does not keep add-in settings, so preferences cannot be saved.'));
  const bytes = preferenceBytes(prefs);
  if (bytes > MAX_PREFERENCE_BYTES) {
    return Promise.reject(new Error(`Your preferences take ${Math.ceil(bytes / 1024)} KB; at most ${MAX_PREFERENCE_BYTES / 1024} KB can be kept. Shorten the allow-list.`));
  }
  return new Promise<void>((resolve, reject) => {
    try {
      rs.set(PREFERENCES_KEY, JSON.stringify(preferencesToPolicy(prefs)));
      rs.saveAsync((r) => (!r || r.status === 'succeeded' ? resolve() : reject(new Error(`Outlook did not save the preferences: ${(r.error && r.error.message) || 'unknown error'}`))));
    } catch (err) {
      reject(err instanceof Error ? err : new Error(String(err)));
    }
  });
}
