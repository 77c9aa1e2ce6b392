/**
 * The pane's settings view (issue 5, user layer): which categories to show and a personal
 * allow-list, saved in roaming settings. Settings the organization locks are shown disabled,
 * with the reason. Rendered into its own container (#settings) so a re-check of the draft never
 * wipes what the user is typing here.
 */
import { CATEGORIES } from '../classifier/types.js';
import { el, renderPreferenceFields } from './preference-fields.js';
import { parseAllowList, type UserPreferences } from '../policy/preferences.js';
import type { ResolvedPolicy } from '../policy/types.js';

export interface SettingsModel {
  /** The organization policy (default + policy.json): what locks come from. */
  org: ResolvedPolicy;
  prefs: UserPreferences;
  canSave: boolean;
}

export interface SettingsActions {
  save(prefs: UserPreferences): Promise<void>;
  close(): void;
}

export function renderSettings(container: HTMLElement, model: SettingsModel, actions: SettingsActions): void {
  container.replaceChildren();
  const section = el('section', { class: 'settings', 'aria-labelledby': 'settings-title' });
  section.append(el('h2', { id: 'settings-title' }, 'Your preferences'));
  section.append(el('p', { class: 'settings__hint' }, 'Kept with your Outlook settings. Only these choices are stored, never your drafts.'));

  const { boxes, area, allowReason } = renderPreferenceFields(section, model.org, model.prefs, {
    categories: 'settings__categories',
    row: 'settings__row',
    lockedRow: 'settings__row--locked',
    label: 'settings__label',
    allowRows: 4,
  });

  const status = el('p', { id: 'settings-status', role: 'status', 'aria-live': 'polite' });
  const row = el('div', { class: 'settings__buttons' });
  const save = el('button', { type: 'button', class: 'btn btn--accent', id: 'settings-save' }, 'Save preferences');
  if (!model.canSave) {
    save.setAttribute('disabled', '');
    status.textContent = 'This Outlook does not keep add-in settings, so preferences cannot be saved here.';
  }
  save.addEventListener('click', () => {
    if (!model.canSave) return;
    const hidden = CATEGORIES.filter((c) => !boxes.get(c)?.checked && !boxes.get(c)?.disabled);
    const parsed = allowReason ? { allow: model.prefs.allow, problems: [] } : parseAllowList(area.value);
    if (parsed.problems.length > 0) {
      status.textContent = `Not saved: ${parsed.problems.join('; ')}`;
      return;
    }
    status.textContent = 'Saving…';
    actions.save({ hidden, allow: parsed.allow }).then(
      () => (status.textContent = 'Saved. Your draft is checked again with these preferences.'),
      (err) => (status.textContent = `Not saved: ${err instanceof Error ? err.message : String(err)}`),
    );
  });
  const close = el('button', { type: 'button', class: 'btn btn--outline', id: 'settings-close' }, 'Close');
  close.addEventListener('click', () => actions.close());
  row.append(save, close);
  section.append(row, status);
  container.append(section);
}
