/**
 * The extension's options page (options.html): which categories to show and a personal
 * allow-list, saved as the user-layer policy document under PREFERENCES_KEY in
 * chrome.storage.sync (chrome.storage.local when sync is unavailable), the key the content
 * script reads (settings.ts). Settings the organization locks (chrome.storage.managed, `locks`)
 * are shown disabled with the reason, from the same helpers the Outlook pane uses.
 *
 * Other settings already in the stored document (e.g. a stricter action set by hand) are kept:
 * the page only changes which categories are `off` and the `allow` list.
 * DOM is built with textContent only (MV3's CSP forbids inline script anyway).
 */
import { CATEGORIES, type Category } from '../classifier/types.js';
import { el, renderPreferenceFields } from '../taskpane/preference-fields.js';
import { loadOrganizationPolicy } from '../policy/layers.js';
import { allowLockReason, categoryLockReason, parseAllowList, preferencesFromPolicy, type UserPreferences } from '../policy/preferences.js';
import type { ResolvedPolicy } from '../policy/types.js';
import { managedToPolicyText, PREFERENCES_KEY, type StorageAreaLike } from './settings.js';

/** chrome.storage.sync allows 8,192 bytes per item (key + JSON value); stay inside it. */
export const SYNC_ITEM_LIMIT_BYTES = 8192;

export interface WritableArea extends StorageAreaLike {
  set(items: Record<string, unknown>): Promise<void>;
}

export interface OptionsSources {
  managed?: StorageAreaLike;
  sync?: WritableArea;
  local?: WritableArea;
}

export interface OptionsState {
  org: ResolvedPolicy;
  /** The stored user document as read (untrusted), kept so that saving preserves other settings. */
  stored: unknown;
  prefs: UserPreferences;
  notices: string[];
}

type Doc = Record<string, unknown>;
const isObject = (v: unknown): v is Doc => !!v && typeof v === 'object' && !Array.isArray(v);

/**
 * The stored document with `prefs` applied: categories in `hidden` get `action: "off"`, an `off`
 * on any other category is removed (its other settings stay), `allow` replaced (removed when
 * empty). Anything else in the document is kept as it was. Pure; never mutates `stored`.
 */
export function applyPreferencesToStored(stored: unknown, prefs: UserPreferences): Doc {
  const doc: Doc = isObject(stored) ? { ...stored } : {};
  if (!('version' in doc)) doc.version = 1;
  const categories: Doc = isObject(doc.categories) ? { ...doc.categories } : {};
  for (const c of CATEGORIES) {
    const current = isObject(categories[c]) ? { ...(categories[c] as Doc) } : undefined;
    if (prefs.hidden.includes(c)) categories[c] = { ...(current ?? {}), action: 'off' };
    else if (current && current.action === 'off') {
      delete current.action;
      if (Object.keys(current).length === 0) delete categories[c];
      else categories[c] = current;
    }
  }
  if (Object.keys(categories).length > 0) doc.categories = categories;
  else delete doc.categories;
  if (prefs.allow.length > 0) doc.allow = [...prefs.allow];
  else delete doc.allow;
  return doc;
}

/**
 * What the form submits, as preferences: unticked categories that are not locked, and the allow
 * list parsed line by line (the stored list is kept as it was when the organization locks it).
 */
export function preferencesFromForm(
  org: ResolvedPolicy,
  previous: UserPreferences,
  shown: ReadonlySet<Category>,
  allowText: string,
): { prefs: UserPreferences; problems: string[] } {
  const hidden = CATEGORIES.filter((c) => (categoryLockReason(org, c) === undefined ? !shown.has(c) : previous.hidden.includes(c)));
  if (allowLockReason(org)) return { prefs: { hidden, allow: [...previous.allow] }, problems: [] };
  const { allow, problems } = parseAllowList(allowText);
  return { prefs: { hidden, allow }, problems };
}

/** Bytes the stored item takes against the sync quota. */
export function storedBytes(doc: Doc): number {
  return new TextEncoder().encode(PREFERENCES_KEY + JSON.stringify(doc)).length;
}

async function tryGet(area: StorageAreaLike | undefined, key: string | null): Promise<Doc | null> {
  if (!area) return null;
  try {
    return (await area.get(key)) ?? null;
  } catch {
    return null;
  }
}

/** Reads the organization policy and the stored preferences the way settings.ts `loadPolicy` does. */
export async function readOptionsState(sources: OptionsSources): Promise<OptionsState> {
  const managed = await tryGet(sources.managed, null);
  const org = loadOrganizationPolicy(managedToPolicyText(managed));
  let stored: unknown = (await tryGet(sources.sync, PREFERENCES_KEY))?.[PREFERENCES_KEY];
  if (stored === undefined) stored = (await tryGet(sources.local, PREFERENCES_KEY))?.[PREFERENCES_KEY];
  return { org: org.policy, stored, prefs: preferencesFromPolicy(stored), notices: org.notices };
}

/** Writes to sync, or to local when sync is unavailable. Returns the area used. */
export async function writePreferences(sources: OptionsSources, doc: Doc): Promise<'sync' | 'local'> {
  if (sources.sync) {
    try {
      await sources.sync.set({ [PREFERENCES_KEY]: doc });
      return 'sync';
    } catch (err) {
      if (!sources.local) throw err;
    }
  }
  if (!sources.local) throw new Error('no extension storage is available');
  await sources.local.set({ [PREFERENCES_KEY]: doc });
  return 'local';
}


/** Renders the form into `root`; `save` stores a document and resolves with the state to show next. */
export function renderOptions(root: HTMLElement, state: OptionsState, sources: OptionsSources): void {
  root.replaceChildren();
  root.append(el('h1', {}, 'Second Thought for Gmail: your preferences'));
  root.append(el('p', { class: 'hint' }, 'Kept in your browser’s extension storage. Only these choices are stored, never your drafts.'));
  for (const n of state.notices) root.append(el('p', { class: 'notice' }, n));

  const form = el('form', { id: 'options' }) as HTMLFormElement;
  const { boxes, area } = renderPreferenceFields(form, state.org, state.prefs, { row: 'row', lockedRow: 'locked-row', label: 'label', allowRows: 6 });

  const save = el('button', { type: 'submit', id: 'save' }, 'Save');
  const status = el('p', { id: 'status', role: 'status', 'aria-live': 'polite' });
  const problemList = el('ul', { id: 'problems' });
  form.append(save, status, problemList);
  root.append(form);

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    problemList.replaceChildren();
    const shown = new Set(CATEGORIES.filter((c) => boxes.get(c)!.checked));
    const { prefs, problems } = preferencesFromForm(state.org, state.prefs, shown, area.value);
    if (problems.length > 0) {
      status.textContent = 'Not saved: fix these allow-list lines.';
      for (const p of problems) problemList.append(el('li', {}, p));
      return;
    }
    const doc = applyPreferencesToStored(state.stored, prefs);
    if (storedBytes(doc) > SYNC_ITEM_LIMIT_BYTES) {
      status.textContent = `Not saved: the preferences take more than ${SYNC_ITEM_LIMIT_BYTES} bytes; shorten the allow-list.`;
      return;
    }
    save.setAttribute('disabled', '');
    writePreferences(sources, doc)
      .then(() => {
        state.stored = doc;
        state.prefs = prefs;
        area.value = prefs.allow.join('\n');
        status.textContent = 'Saved. Open Gmail tabs use it right away.';
      })
      .catch((err: unknown) => {
        status.textContent = `Not saved: ${err instanceof Error ? err.message : String(err)}`;
      })
      .finally(() => save.removeAttribute('disabled'));
  });
}

/** Entry point when loaded as options.js inside the extension. */
function main(): void {
  const chrome = (globalThis as { chrome?: { runtime?: { id?: string }; storage?: OptionsSources } }).chrome;
  const root = document.getElementById('app');
  if (!root || !chrome?.runtime?.id) return;
  const sources: OptionsSources = { managed: chrome.storage?.managed, sync: chrome.storage?.sync, local: chrome.storage?.local };
  readOptionsState(sources)
    .then((state) => renderOptions(root, state, sources))
    .catch((err: unknown) => {
      root.replaceChildren(el('p', { class: 'notice' }, `The preferences could not be read: ${err instanceof Error ? err.message : String(err)}`));
    });
}

if (typeof document !== 'undefined') main();
