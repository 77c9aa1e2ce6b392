/**
 * Where the extension's policy comes from, with the same layers and locks as Outlook
 * (src/policy/layers.ts): bundled default -> organization policy -> the user's preferences.
 *
 * - Organization policy: `chrome.storage.managed`, set by the admin through Google Admin or
 *   Chrome's 3rdparty extension policy (docs/gmail.md). Chrome hands us each top-level policy
 *   key as a storage key; together they are the policy document. Nothing set: bundled default.
 * - User preferences: `chrome.storage.sync` under PREFERENCES_KEY (falls back to `local` when
 *   sync is unavailable), a policy-shaped object the user's own settings write.
 *
 * Both are validated by src/policy; an invalid organization policy never turns checking off.
 */
import { resolveLayers, type OrganizationPolicyLoad } from '../policy/layers.js';

export const PREFERENCES_KEY = 'preferences';

/** The slice of chrome.storage.StorageArea this module uses. */
export interface StorageAreaLike {
  get(keys: string | string[] | null): Promise<Record<string, unknown>>;
}

export interface StorageSources {
  managed?: StorageAreaLike;
  sync?: StorageAreaLike;
  local?: StorageAreaLike;
}

/** The managed-storage object as policy text, or null when the admin set nothing. */
export function managedToPolicyText(managed: Record<string, unknown> | null | undefined): string | null {
  if (!managed || typeof managed !== 'object') return null;
  const keys = Object.keys(managed);
  if (keys.length === 0) return null;
  return JSON.stringify(managed);
}

async function safeGet(area: StorageAreaLike | undefined, keys: string | null): Promise<{ value: Record<string, unknown> | null; error?: string }> {
  if (!area) return { value: null };
  try {
    return { value: (await area.get(keys)) ?? null };
  } catch (err) {
    return { value: null, error: err instanceof Error ? err.message : String(err) };
  }
}

/** Loads and merges the layers. Never throws; every problem becomes a notice. */
export async function loadPolicy(sources: StorageSources): Promise<OrganizationPolicyLoad> {
  const notices: string[] = [];
  const managed = await safeGet(sources.managed, null);
  // No managed storage (not force-installed, or a browser without policies) is normal: no notice.
  // An error reading it is not: say that the default applies.
  if (managed.error) notices.push(`The organization policy could not be read (${managed.error}); the built-in default applies.`);
  let prefs = await safeGet(sources.sync, PREFERENCES_KEY);
  if (prefs.error || !prefs.value || prefs.value[PREFERENCES_KEY] === undefined) {
    const local = await safeGet(sources.local, PREFERENCES_KEY);
    if (local.value && local.value[PREFERENCES_KEY] !== undefined) prefs = local;
  }
  const user = prefs.value ? prefs.value[PREFERENCES_KEY] : undefined;
  const load = resolveLayers(managedToPolicyText(managed.value), user ?? null);
  return { ...load, notices: [...notices, ...load.notices] };
}
