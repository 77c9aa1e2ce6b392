/**
 * Renders the pane's state into the DOM. Draft text only ever goes in through `textContent`
 * (never innerHTML): a draft containing `<script>` or `<img onerror>` is shown as the characters
 * it is. Controls are native elements styled by taskpane.css.
 */
import { categoryLabel, clip } from '../outlook/alert-message.js';
import type { ClassifyResult, Draft, Finding } from '../classifier/types.js';
import type { ResolvedPolicy } from '../policy/types.js';
import { ACTION_LABEL, describeChecked, groupBySeverity, replacementFor, statusLine, summarizeRecipients } from './pane-logic.js';
import { el } from './preference-fields.js';

export type PaneView =
  | { state: 'loading'; notices?: string[] }
  | { state: 'error'; message: string; notices?: string[] }
  | { state: 'ready'; result: ClassifyResult; draft: Draft; policy: ResolvedPolicy; notices?: string[]; checkedAt: Date };

export interface PaneActions {
  copy(text: string, finding: Finding): void;
  replace(finding: Finding, replacement: string): void;
  recheck(): void;
}

function button(label: string, ariaLabel: string, onClick: () => void, appearance: 'accent' | 'outline' = 'outline'): HTMLElement {
  const b = el('button', { type: 'button', class: `btn btn--${appearance}`, 'aria-label': ariaLabel }, label);
  b.addEventListener('click', onClick);
  return b;
}

function findingCard(f: Finding, actions: PaneActions, index: number): HTMLElement {
  const li = el('li', { class: `finding finding--${f.action}` });
  const card = el('div', { class: 'card finding__card' });
  const head = el('div', { class: 'finding__head' });
  head.append(
    el('span', { class: `badge badge--${f.severity}` }, categoryLabel(f.category)),
    el('span', { class: 'finding__action' }, ACTION_LABEL[f.action]),
  );
  card.append(head);
  const quoted = f.text ? clip(f.text, 160) : '';
  const headingId = `finding-${index}`;
  if (quoted) {
    const q = el('p', { class: 'finding__quote', id: headingId });
    q.append(el('q', {}, quoted));
    if (f.field === 'subject') q.append(el('span', { class: 'finding__where' }, ' in the subject'));
    card.append(q);
  } else {
    card.append(el('p', { class: 'finding__quote', id: headingId }, f.field === 'recipients' ? 'About the recipients' : 'About this message'));
  }
  card.append(el('p', { class: 'finding__reason' }, f.message));
  if (f.suggestion) card.append(el('p', { class: 'finding__suggestion' }, `Suggestion: ${f.suggestion}`));
  const row = el('div', { class: 'finding__buttons' });
  const replacement = replacementFor(f);
  const what = quoted ? `“${clip(f.text, 40)}”` : categoryLabel(f.category);
  if (replacement !== null) {
    row.append(button(`Replace with “${clip(replacement, 30)}”`, `Replace ${what} in the draft with ${replacement}`, () => actions.replace(f, replacement), 'accent'));
  }
  if (f.suggestion) row.append(button('Copy suggestion', `Copy the suggestion for ${what}`, () => actions.copy(replacement ?? f.suggestion ?? '', f)));
  if (row.childElementCount > 0) card.append(row);
  li.setAttribute('aria-labelledby', headingId);
  li.append(card);
  return li;
}

function noticeList(notices: string[] | undefined): HTMLElement | null {
  if (!notices || notices.length === 0) return null;
  const box = el('div', { class: 'notices', role: 'note' });
  for (const n of notices) box.append(el('p', { class: 'notice' }, n));
  return box;
}

/** Replaces the pane's content with the view. */
export function renderPane(root: HTMLElement, view: PaneView, actions: PaneActions): void {
  const status = root.querySelector<HTMLElement>('#status');
  const body = root.querySelector<HTMLElement>('#content');
  if (!status || !body) throw new Error('pane markup is missing #status or #content');
  body.replaceChildren();
  if (view.state === 'loading') {
    status.textContent = 'Checking your draft…';
    body.append(el('span', { class: 'spinner', role: 'progressbar', 'aria-label': 'Checking' }));
    const n = noticeList(view.notices);
    if (n) body.append(n);
    return;
  }
  if (view.state === 'error') {
    status.textContent = 'The draft could not be checked.';
    body.append(el('p', { class: 'error', role: 'alert' }, view.message));
    body.append(button('Check again', 'Check the draft again', () => actions.recheck(), 'accent'));
    const n = noticeList(view.notices);
    if (n) body.append(n);
    return;
  }
  const { result, draft, policy } = view;
  status.textContent = statusLine(result);
  const notices = [...(view.notices ?? []), ...result.notices];
  const n = noticeList(notices);
  if (n) body.append(n);

  const people = summarizeRecipients(draft, policy);
  if (people.known && people.external.length > 0) {
    const ext = el('section', { class: 'recipients', 'aria-label': 'External recipients' });
    ext.append(el('h2', {}, people.external.length === 1 ? '1 external recipient' : `${people.external.length} external recipients`));
    ext.append(el('p', { class: 'recipients__list' }, clip(people.external.join(', '), 300)));
    body.append(ext);
  }

  if (result.findings.length === 0) {
    // The status line above already says "Nothing to review."; this says what that covers.
    const empty = el('section', { class: 'empty', 'aria-label': 'What was checked' });
    empty.append(el('p', {}, describeChecked(draft, policy)));
    empty.append(el('p', { class: 'empty__hint' }, 'The check runs again as you write, and once more when you press Send.'));
    body.append(empty);
  } else {
    let index = 0;
    for (const group of groupBySeverity(result.findings)) {
      const id = `group-${group.severity}`;
      const section = el('section', { class: `group group--${group.severity}`, 'aria-labelledby': id });
      section.append(el('h2', { id }, `${group.label} (${group.findings.length})`));
      const list = el('ul', { class: 'findings', role: 'list' });
      for (const f of group.findings) list.append(findingCard(f, actions, index++));
      section.append(list);
      body.append(section);
    }
    body.append(el('p', { class: 'checked' }, describeChecked(draft, policy)));
  }
  const time = view.checkedAt.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  body.append(el('p', { class: 'stamp' }, `Last checked at ${time}. Your draft was read on this device only.`));
}
