/**
 * The user's preference fields, as the task pane's settings view and the Gmail extension's
 * options page both show them: a checkbox per category and the personal allow-list, each
 * disabled with the reason when the organization locks it. Each host adds its own save button.
 */
import { CATEGORIES, type Category } from '../classifier/types.js';
import { categoryLabel } from '../outlook/alert-message.js';
import { allowLockReason, categoryLockReason, type UserPreferences } from '../policy/preferences.js';
import type { ResolvedPolicy } from '../policy/types.js';

/** An element with attributes and text (never HTML). */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs?: Record<string, string>, text?: string): HTMLElementTagNameMap[K];
export function el(tag: string, attrs?: Record<string, string>, text?: string): HTMLElement;
export function el(tag: string, attrs: Record<string, string> = {}, text?: string): HTMLElement {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Each host's class names and the allow-list's height. */
export interface FieldsLook {
  categories?: string;
  row: string;
  lockedRow: string;
  label: string;
  allowRows: number;
}

export interface PreferenceFields {
  boxes: Map<Category, HTMLInputElement>;
  area: HTMLTextAreaElement;
  /** Why the allow-list is locked, if it is. */
  allowReason: string | undefined;
}

/** Appends the category checkboxes and the allow-list to `parent`. */
export function renderPreferenceFields(parent: HTMLElement, org: ResolvedPolicy, prefs: UserPreferences, look: FieldsLook): PreferenceFields {
  const cats = el('fieldset', look.categories ? { class: look.categories } : { id: 'categories' });
  cats.append(el('legend', {}, 'Categories to show'));
  const boxes = new Map<Category, HTMLInputElement>();
  for (const c of CATEGORIES) {
    const id = `show-${c}`;
    const row = el('div', { class: look.row });
    const box = el('input', { type: 'checkbox', id, name: 'show', value: c }) as HTMLInputElement;
    const reason = categoryLockReason(org, c);
    box.checked = !prefs.hidden.includes(c) || reason !== undefined;
    row.append(box, el('label', { for: id }, categoryLabel(c)));
    if (reason) {
      box.disabled = true;
      row.classList.add(look.lockedRow);
      row.append(el('span', { class: 'locked', id: `${id}-locked` }, `Locked: ${reason}`));
      box.setAttribute('aria-describedby', `${id}-locked`);
    }
    boxes.set(c, box);
    cats.append(row);
  }
  parent.append(cats);

  const allowReason = allowLockReason(org);
  parent.append(el('label', { for: 'allow-list', class: look.label }, 'Words and phrases never to flag (one a line)'));
  const area = el('textarea', { id: 'allow-list', rows: String(look.allowRows), spellcheck: 'false' }) as HTMLTextAreaElement;
  area.value = prefs.allow.join('\n');
  parent.append(area);
  if (allowReason) {
    area.disabled = true;
    area.setAttribute('aria-describedby', 'allow-locked');
    parent.append(el('p', { class: 'locked', id: 'allow-locked' }, `Locked: ${allowReason}`));
  }
  return { boxes, area, allowReason };
}
