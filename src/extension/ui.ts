/**
 * The extension's UI inside Gmail: a small badge beside each compose window's Send button, a
 * panel with the findings, and the send prompt. Each lives in a closed-off shadow root so Gmail's
 * styles do not reach in and ours do not leak out. Draft text only ever goes in through
 * `textContent`: a draft holding `<img onerror>` is shown as those characters.
 *
 * Wording is the task pane's and the Outlook alert's (imported, not copied). The pane's own
 * renderer (src/taskpane/render.ts) writes into the pane's page and its stylesheet, so it is not
 * reused here; its pure helpers are.
 */
import type { ClassifyResult, Finding } from '../classifier/types.js';
import { categoryLabel, clip } from '../outlook/alert-message.js';
import { ACTION_LABEL, groupBySeverity } from '../taskpane/pane-logic.js';
import { badgeText, gmailStatusLine, type SendDecision } from './decide.js';

/** Attribute on our hosts, so the adapter and tests can tell them apart from Gmail's nodes. */
export const HOST_ATTR = 'data-second-thought';

const STYLE = `
:host { all: initial; display: inline-block; position: relative; vertical-align: middle; margin-left: 8px; font: 13px/1.4 system-ui, sans-serif; color: #1f1f1f; }
.badge { border: 1px solid #c4c7c5; background: #fff; border-radius: 12px; padding: 2px 8px; cursor: pointer; font: inherit; display: inline-flex; gap: 4px; align-items: center; }
.badge[data-verdict="warn"] { border-color: #b26a00; background: #fff4e0; }
.badge[data-verdict="block"] { border-color: #b3261e; background: #fdecea; }
.badge[data-verdict="error"] { border-color: #6f6f6f; background: #eee; }
.badge:focus-visible { outline: 2px solid #0b57d0; outline-offset: 1px; }
.panel { position: fixed; width: 340px; max-height: 360px; overflow: auto; background: #fff; border: 1px solid #c4c7c5; border-radius: 8px; box-shadow: 0 4px 16px rgba(0,0,0,.18); padding: 10px 12px; z-index: 2147483000; }
.panel[hidden] { display: none; }
.close { float: right; border: 0; background: none; font: inherit; font-size: 16px; line-height: 1; cursor: pointer; padding: 0 2px; color: #444; }
h2 { font-size: 13px; margin: 10px 0 4px; }
ul { list-style: none; margin: 0; padding: 0; }
li { border-top: 1px solid #eee; padding: 6px 0; }
.quote { font-weight: 600; }
.action, .where { color: #555; font-size: 12px; }
.reason, .suggestion, .notice, .status, .stamp { margin: 2px 0; }
.suggestion { color: #0b5d1e; }
.notice { color: #7a4b00; }
.stamp { color: #666; font-size: 11px; margin-top: 8px; }
`;

const DIALOG_STYLE = `
:host { all: initial; position: fixed; inset: 0; z-index: 2147483647; font: 14px/1.45 system-ui, sans-serif; color: #1f1f1f; }
.backdrop { position: absolute; inset: 0; background: rgba(0,0,0,.32); display: flex; align-items: center; justify-content: center; }
.dialog { background: #fff; border-radius: 10px; max-width: 480px; width: calc(100% - 48px); padding: 18px 20px; box-shadow: 0 8px 32px rgba(0,0,0,.3); }
h1 { font-size: 15px; margin: 0 0 8px; }
ul { margin: 0 0 12px; padding-left: 18px; }
li { margin: 3px 0; }
.buttons { display: flex; gap: 8px; justify-content: flex-end; }
button { font: inherit; border-radius: 16px; padding: 6px 14px; border: 1px solid #747775; background: #fff; cursor: pointer; }
button.primary { background: #0b57d0; color: #fff; border-color: #0b57d0; }
button:focus-visible { outline: 2px solid #0b57d0; outline-offset: 2px; }
`;

function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  if (cls) node.className = cls;
  if (text !== undefined) node.textContent = text;
  return node;
}

function styleNode(doc: Document, css: string): HTMLStyleElement {
  const s = doc.createElement('style');
  s.textContent = css;
  return s;
}

export type BadgeState = { kind: 'checking' } | { kind: 'result'; result: ClassifyResult } | { kind: 'error'; message: string };

export interface ComposeUi {
  host: HTMLElement;
  /** Puts the badge beside the Send button again if Gmail re-rendered the toolbar. */
  attach(send: HTMLElement, root: HTMLElement): void;
  update(state: BadgeState, notices: readonly string[]): void;
  openPanel(): void;
  remove(): void;
}

function findingItem(doc: Document, f: Finding): HTMLLIElement {
  const li = el(doc, 'li', `finding finding--${f.action}`);
  const head = el(doc, 'div');
  head.append(el(doc, 'span', 'category', categoryLabel(f.category)), doc.createTextNode(' · '), el(doc, 'span', 'action', ACTION_LABEL[f.action]));
  li.append(head);
  if (f.text) {
    const q = el(doc, 'div', 'quote', `“${clip(f.text, 160)}”`);
    if (f.field === 'subject') q.append(el(doc, 'span', 'where', ' in the subject'));
    li.append(q);
  } else {
    li.append(el(doc, 'div', 'quote', f.field === 'recipients' ? 'About the recipients' : 'About this message'));
  }
  li.append(el(doc, 'p', 'reason', f.message));
  if (f.suggestion) li.append(el(doc, 'p', 'suggestion', `Suggestion: ${f.suggestion}`));
  return li;
}

export function createComposeUi(doc: Document): ComposeUi {
  const host = doc.createElement('span');
  host.setAttribute(HOST_ATTR, 'badge');
  const shadow = host.attachShadow({ mode: 'open' });
  const badge = el(doc, 'button', 'badge');
  badge.type = 'button';
  badge.setAttribute('aria-expanded', 'false');
  const panel = el(doc, 'div', 'panel');
  panel.hidden = true;
  panel.setAttribute('role', 'region');
  panel.setAttribute('aria-label', 'Second Thought findings');
  shadow.append(styleNode(doc, STYLE), badge, panel);

  const close = el(doc, 'button', 'close', '×');
  close.type = 'button';
  close.setAttribute('aria-label', 'Close the findings');
  let composeRoot: HTMLElement | null = null;
  const PANEL_WIDTH = 340;
  /**
   * Beside the compose window when there is room on its left (so the draft stays visible and
   * editable while the findings are read), otherwise just above the badge.
   */
  const place = () => {
    const view = doc.defaultView;
    if (!view) return;
    const b = host.getBoundingClientRect();
    const r = composeRoot && composeRoot.isConnected ? composeRoot.getBoundingClientRect() : b;
    const bottom = Math.max(8, view.innerHeight - b.bottom);
    if (r.left >= PANEL_WIDTH + 24) {
      panel.style.left = `${Math.round(r.left - PANEL_WIDTH - 16)}px`;
      panel.style.bottom = `${Math.round(bottom)}px`;
    } else {
      panel.style.left = `${Math.round(Math.max(8, Math.min(b.left, view.innerWidth - PANEL_WIDTH - 16)))}px`;
      panel.style.bottom = `${Math.round(view.innerHeight - b.top + 6)}px`;
    }
  };
  const toggle = (open: boolean) => {
    if (open) place();
    panel.hidden = !open;
    badge.setAttribute('aria-expanded', String(open));
  };
  close.addEventListener('click', () => {
    toggle(false);
    badge.focus();
  });
  // Our clicks must not reach Gmail's handlers (they would move focus out of the draft).
  for (const type of ['mousedown', 'mouseup', 'click', 'keydown']) host.addEventListener(type, (e) => e.stopPropagation());
  badge.addEventListener('click', () => toggle(panel.hidden));
  panel.addEventListener('keydown', (e) => {
    if ((e as KeyboardEvent).key === 'Escape') {
      toggle(false);
      badge.focus();
    }
  });

  return {
    host,
    attach(send, root) {
      composeRoot = root;
      if (host.isConnected && host.previousElementSibling === send) return;
      send.insertAdjacentElement('afterend', host);
    },
    update(state, notices) {
      const content: Node[] = [close];
      if (state.kind === 'checking') {
        badge.dataset.verdict = 'pass';
        badge.textContent = 'Second Thought…';
        badge.setAttribute('aria-label', 'Second Thought is checking this draft');
        content.push(el(doc, 'p', 'status', 'Checking your draft…'));
      } else if (state.kind === 'error') {
        badge.dataset.verdict = 'error';
        badge.textContent = 'Second Thought: not checked';
        badge.setAttribute('aria-label', 'Second Thought could not check this draft. Show details');
        content.push(el(doc, 'p', 'status', state.message));
      } else {
        const { result } = state;
        const count = badgeText(result);
        badge.dataset.verdict = result.verdict;
        badge.textContent = count ? `Second Thought: ${count}` : 'Second Thought ✓';
        badge.setAttribute('aria-label', `Second Thought: ${gmailStatusLine(result)} Show details`);
        content.push(el(doc, 'p', 'status', gmailStatusLine(result)));
        for (const n of result.notices) content.push(el(doc, 'p', 'notice', n));
        for (const group of groupBySeverity(result.findings)) {
          content.push(el(doc, 'h2', undefined, `${group.label} (${group.findings.length})`));
          const list = el(doc, 'ul');
          for (const f of group.findings) list.append(findingItem(doc, f));
          content.push(list);
        }
      }
      for (const n of notices) content.push(el(doc, 'p', 'notice', n));
      content.push(el(doc, 'p', 'stamp', 'Your draft was read on this device only.'));
      panel.replaceChildren(...content);
    },
    openPanel() {
      toggle(true);
    },
    remove() {
      host.remove();
    },
  };
}

export interface DialogChoice {
  choice: 'send' | 'review';
}

/**
 * The send prompt (warn: Send anyway / Review), the block and the hold message (Review only).
 * Resolves with the user's choice; Escape and a click outside mean Review (the safe answer).
 */
export function showSendDialog(doc: Document, decision: Exclude<SendDecision, { kind: 'send' }>): Promise<DialogChoice> {
  doc.querySelectorAll(`[${HOST_ATTR}="dialog"]`).forEach((n) => n.remove());
  const host = doc.createElement('div');
  host.setAttribute(HOST_ATTR, 'dialog');
  const shadow = host.attachShadow({ mode: 'open' });
  const backdrop = el(doc, 'div', 'backdrop');
  const dialog = el(doc, 'div', 'dialog');
  dialog.setAttribute('role', 'alertdialog');
  dialog.setAttribute('aria-modal', 'true');
  dialog.setAttribute('aria-labelledby', 'st-title');
  dialog.dataset.kind = decision.kind;
  const title = el(doc, 'h1', undefined, decision.title);
  title.id = 'st-title';
  const list = el(doc, 'ul');
  for (const line of decision.lines) list.append(el(doc, 'li', undefined, line));
  const buttons = el(doc, 'div', 'buttons');
  const review = el(doc, 'button', 'primary', decision.kind === 'prompt' ? 'Review' : 'Back to the draft');
  review.type = 'button';
  review.dataset.choice = 'review';
  if (decision.kind === 'prompt') {
    const anyway = el(doc, 'button', undefined, 'Send anyway');
    anyway.type = 'button';
    anyway.dataset.choice = 'send';
    buttons.append(anyway);
  }
  buttons.append(review);
  dialog.append(title, list, buttons);
  backdrop.append(dialog);
  shadow.append(styleNode(doc, DIALOG_STYLE), backdrop);
  (doc.body ?? doc.documentElement).append(host);
  const previous = doc.activeElement as HTMLElement | null;
  review.focus();

  return new Promise((resolve) => {
    const done = (choice: DialogChoice['choice']) => {
      host.remove();
      if (choice === 'review' && previous && previous.isConnected) previous.focus();
      resolve({ choice });
    };
    // Nothing we handle may reach Gmail (its shortcuts listen on the document).
    for (const type of ['mousedown', 'mouseup', 'keyup', 'keypress']) host.addEventListener(type, (e) => e.stopPropagation());
    host.addEventListener('keydown', (e) => {
      e.stopPropagation();
      if ((e as KeyboardEvent).key === 'Escape') done('review');
    });
    host.addEventListener('click', (e) => {
      e.stopPropagation();
      const path = e.composedPath();
      const button = path.find((n): n is HTMLButtonElement => (n as HTMLElement).tagName === 'BUTTON');
      if (button) done(button.dataset.choice === 'send' ? 'send' : 'review');
      else if (path[0] === backdrop) done('review');
    });
  });
}
