/**
 * "Send anyway, with a reason" (issue 5): shown when the policy sets requireOverrideReason and the
 * draft has warnings. The reason and the warned rule ids go into the message's
 * x-second-thought-override header (src/outlook/override.ts); the draft text never does.
 * Rendered into its own container (#override) and only re-rendered when the warned rules change,
 * so a re-check never wipes a reason being typed.
 */
import { MAX_REASON_CHARS } from '../outlook/override.js';
import { el } from './preference-fields.js';

export interface OverrideActions {
  record(rules: string[], reason: string): Promise<void>;
}

/** Renders the form for `rules`, or clears the container when there is nothing to override. */
export function renderOverride(container: HTMLElement, rules: string[], actions: OverrideActions): void {
  container.replaceChildren();
  if (rules.length === 0) return;
  const section = el('section', { class: 'override', 'aria-labelledby': 'override-title' });
  section.append(el('h2', { id: 'override-title' }, 'Send anyway?'));
  section.append(
    el(
      'p',
      {},
      'Your organization asks for a short reason when a message is sent past a warning. The reason and the names of the checks (' +
        rules.join(', ') +
        ') go with the message; your draft is not stored anywhere.',
    ),
  );
  section.append(el('label', { for: 'override-reason' }, 'Reason'));
  const input = el('input', { id: 'override-reason', type: 'text', maxlength: String(MAX_REASON_CHARS), autocomplete: 'off' }) as HTMLInputElement;
  const status = el('p', { id: 'override-status', role: 'status', 'aria-live': 'polite' });
  const button = el('button', { type: 'button', class: 'btn btn--outline', id: 'override-record' }, 'Record reason');
  button.addEventListener('click', () => {
    status.textContent = 'Recording…';
    actions.record(rules, input.value).then(
      () => (status.textContent = 'Reason recorded. Press Send again to send the message.'),
      (err) => (status.textContent = err instanceof Error ? err.message : String(err)),
    );
  });
  section.append(input, button, status);
  container.append(section);
}
