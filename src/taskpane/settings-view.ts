/**
 * The pane's settings view (issue 5, user layer): which categories to show and a personal
 * allow-list, saved in roaming settings. Settings the organization locks are shown disabled,
 * with the reason. Rendered into its own container (#settings) so a re-check of the draft never
 * wipes what the user is typing here.
 */
import { CATEGORIES, type Category } from '../classifier/types.js';
import { categoryLabel } from '../outlook/alert-message.js';
import { allowLockReason, categoryLockReason, parseAllowList, type UserPreferences } from '../policy/preferences.js';
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

function el(tag: string, attrs: Record<string, string> = {}, text?: string): HTMLElement {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

export function renderSettings(container: HTMLElement, model: SettingsModel, actions: SettingsActions): void {
  container.replaceChildren();
  const section = el('section', { class: 'settings', 'aria-labelledby': 'settings-title' });
  section.append(el('h2', { id: 'settings-title' }, 'Your preferences'));
  section.append(el('p', { class: 'settings__hint' }, 'Kept with your Outlook settings. Only these choices are stored, never your drafts.'));

  const cats = el('fieldset', { class: 'settings__categories' });
  cats.append(el('legend', {}, 'Categories to show'));
  const boxes = new Map<Category, HTMLInputElement>();
  for (const c of CATEGORIES) {
    const id = `show-${c}`;
    const row = el('div', { class: 'settings__row' });
    const box = el('input', { type: 'checkbox', id, name: 'show', value: c }) as HTMLInputElement;
    const reason = categoryLockReason(model.org, c);
    box.checked = !model.prefs.hidden.includes(c) || reason !== undefined;
    row.append(box, el('label', { for: id }, categoryLabel(c)));
    if (reason) {
      box.disabled = true;
      box.checked = true;
      row.classList.add('settings__row--locked');
      row.append(el('span', { class: 'locked', id: `${id}-locked` }, `Locked: ${reason}`));
      box.setAttribute('aria-describedby', `${id}-locked`);
    }
    boxes.set(c, box);
    cats.append(row);
  }
  section.append(cats);

  const allowReason = allowLockReason(model.org);
  section.append(el('label', { for: 'allow-list', class: 'settings__label' }, 'Words and phrases never to flag (one a line)'));
  const area = el('textarea', { id: 'allow-list', rows: '4', spellcheck: 'false' }) as HTMLTextAreaElement;
  area.value = model.prefs.allow.join('\n');
  if (allowReason) {
    area.disabled = true;
    area.setAttribute('aria-describedby', 'allow-locked');
    section.append(area, el('p', { class: 'locked', id: 'allow-locked' }, `Locked: ${allowReason}`));
  } else section.append(area);

  const status = el('p', { id: 'settings-status', role: 'status', 'aria-live': 'polite' });
  const row = el('div', { class: 'settings__buttons' });
  const save = el('fluent-button', { appearance: 'accent', id: 'settings-save' }, 'Save preferences');
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
  const close = el('fluent-button', { appearance: 'outline', id: 'settings-close' }, 'Close');
  close.addEventListener('click', () => actions.close());
  row.append(save, close);
  section.append(row, status);
  container.append(section);
}
