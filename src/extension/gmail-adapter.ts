/**
 * Everything the extension knows about Gmail's page lives in THIS file. Gmail is not ours and
 * changes without notice; when it does, this is the one place to fix.
 *
 * How it stays easy to fix:
 * - Every selector is in `SELECTORS`, as an ordered list of fallbacks: stable, semantic hooks
 *   first (attributes Gmail keeps for accessibility and its own editor: `g_editable`,
 *   `name="subjectbox"`, `data-hovercard-id`), class names last (they are minified and change).
 * - Compose windows are found from their BODY (the editable area), then the window is the
 *   nearest ancestor that also holds a Send button. So a compose is recognized by what it has,
 *   not by one wrapper class.
 * - What looks like a compose body but has no Send button nearby is reported as `broken`, so
 *   the extension can say "checking is unavailable" instead of silently doing nothing.
 *
 * No Chrome APIs here: tests load this module alone into a page (test/extension/gmail-adapter.test.ts).
 */
import type { Draft, Recipient } from '../classifier/types.js';

/** Ordered fallbacks for each part of a compose window. First match wins. */
export const SELECTORS = {
  /** The message body: Gmail's rich-text editor. */
  body: [
    'div[contenteditable="true"][g_editable="true"]',
    'div[contenteditable="true"][role="textbox"][aria-label*="Body" i]',
    'div[contenteditable="true"][role="textbox"][aria-multiline="true"]',
    'div.Am.editable[contenteditable="true"]',
  ],
  /** The Send button (not "Schedule send" / "More send options"). */
  send: [
    'div[role="button"][data-tooltip^="Send"]',
    'div[role="button"][aria-label^="Send"]',
    'div[role="button"].aoO',
  ],
  subject: ['input[name="subjectbox"]', 'input[aria-label="Subject" i]', 'input.aoT'],
  /** Recipient chips (one per address, the address in the attribute). */
  chip: ['[data-hovercard-id*="@"]', 'span[email*="@"]'],
  /** Inputs where an address is being typed (not yet a chip), and the older hidden inputs. */
  recipientInput: [
    'input[name="to"]',
    'input[name="cc"]',
    'input[name="bcc"]',
    'input[aria-label*="recipients" i]',
    'input[peoplekit-id]',
    'textarea[name="to"]',
    'textarea[name="cc"]',
    'textarea[name="bcc"]',
  ],
  /** Compose window containers, used to tell a new message (dialog) from an inline reply. */
  dialog: ['[role="dialog"]'],
  /**
   * Not a hook: any rich-text area inside a dialog. One that no `body` selector matches means
   * Gmail's editor changed beyond the fallbacks, and is reported as broken (checking unavailable)
   * rather than ignored.
   */
  anyEditable: ['[role="dialog"] [contenteditable="true"]'],
} as const;

export type SelectorPart = keyof typeof SELECTORS;

/** Farthest we walk up from a body looking for the window that holds its Send button. */
const MAX_ANCESTORS = 30;

export type ComposeKind = 'new' | 'reply' | 'popout';

export interface ComposeParts {
  /** The compose window: the nearest ancestor of the body that holds a Send button. */
  root: HTMLElement;
  body: HTMLElement;
  subject: HTMLInputElement | null;
  send: HTMLElement;
  kind: ComposeKind;
}

export interface ComposeScan {
  composes: ComposeParts[];
  /** Editable areas that look like a compose body but whose window could not be recognized. */
  broken: HTMLElement[];
}

/** All elements matching the first selector of `part` that matches anything under `scope`. */
export function queryAll(scope: ParentNode, part: SelectorPart): HTMLElement[] {
  for (const sel of SELECTORS[part]) {
    let found: HTMLElement[];
    try {
      found = Array.from(scope.querySelectorAll<HTMLElement>(sel));
    } catch {
      continue; // a selector this browser cannot parse: try the next
    }
    if (found.length > 0) return found;
  }
  return [];
}

/** Every element matching ANY selector of `part` (deduplicated, document order). */
function queryAny(scope: ParentNode, part: SelectorPart): HTMLElement[] {
  const seen = new Set<HTMLElement>();
  for (const sel of SELECTORS[part]) {
    try {
      for (const el of Array.from(scope.querySelectorAll<HTMLElement>(sel))) seen.add(el);
    } catch {
      /* next selector */
    }
  }
  return Array.from(seen);
}

function matchesAny(el: Element, part: SelectorPart): boolean {
  for (const sel of SELECTORS[part]) {
    try {
      if (el.matches(sel)) return true;
    } catch {
      /* next */
    }
  }
  return false;
}

function isVisible(el: HTMLElement): boolean {
  // Gmail keeps closed composes and templates around hidden (often through an ancestor).
  if (el.hidden) return false;
  const check = (el as HTMLElement & { checkVisibility?: (o?: object) => boolean }).checkVisibility;
  if (typeof check === 'function') return check.call(el, { visibilityProperty: true });
  return el.getClientRects().length > 0;
}

function sendButtonsIn(scope: ParentNode): HTMLElement[] {
  return queryAny(scope, 'send').filter((b) => !/schedule|options|more/i.test(b.getAttribute('aria-label') ?? '') && isVisible(b));
}

/** The compose window around a body: nearest ancestor holding a Send button. */
function windowOf(body: HTMLElement): { root: HTMLElement; send: HTMLElement } | null {
  let node: HTMLElement | null = body.parentElement;
  for (let i = 0; node && i < MAX_ANCESTORS; i++, node = node.parentElement) {
    const buttons = sendButtonsIn(node);
    if (buttons.length > 0) return { root: node, send: buttons[0]! };
  }
  return null;
}

function kindOf(root: HTMLElement): ComposeKind {
  for (const sel of SELECTORS.dialog) if (root.closest(sel)) return 'new';
  const loc = root.ownerDocument.defaultView?.location;
  // The pop-out compose is a page of its own (…?view=cm…, or the compose fills the page).
  if (loc && /[?&#]view=cm\b/.test(`${loc.search}${loc.hash}`)) return 'popout';
  return 'reply';
}

/** Finds every compose window in the document (new message, inline reply, pop-out). */
export function findComposes(doc: Document | HTMLElement): ComposeScan {
  const composes: ComposeParts[] = [];
  const broken: HTMLElement[] = [];
  const roots = new Set<HTMLElement>();
  for (const body of queryAny(doc, 'body')) {
    if (!isVisible(body)) continue;
    const win = windowOf(body);
    if (!win) {
      broken.push(body);
      continue;
    }
    if (roots.has(win.root)) continue;
    roots.add(win.root);
    const subject = (queryAll(win.root, 'subject')[0] as HTMLInputElement | undefined) ?? null;
    composes.push({ root: win.root, body, subject, send: win.send, kind: kindOf(win.root) });
  }
  for (const editable of queryAny(doc, 'anyEditable')) {
    if (!isVisible(editable) || composes.some((c) => c.root.contains(editable)) || broken.some((b) => b.contains(editable) || editable.contains(b))) continue;
    // Nested editables (Gmail's editor wraps some content) count once: the outermost.
    if (editable.parentElement?.closest('[contenteditable="true"]')) continue;
    broken.push(editable);
  }
  return { composes, broken };
}

/** The compose window an event target belongs to, if any. */
export function composeOf(target: EventTarget | null, composes: readonly ComposeParts[]): ComposeParts | null {
  if (!target || !(target as Node).nodeType) return null;
  const node = target as Node;
  return composes.find((c) => c.root.contains(node)) ?? null;
}

/** Whether a click/keypress target is (inside) the compose's Send button. */
export function isSendTarget(target: EventTarget | null, compose: ComposeParts): boolean {
  if (!target || !(target as Node).nodeType) return false;
  const node = target as Node;
  if (compose.send.contains(node)) return true;
  // Gmail may have re-rendered the button since the last scan: look at the target itself.
  const el = (node.nodeType === 1 ? node : node.parentElement) as Element | null;
  const button = el?.closest('[role="button"]');
  return !!button && compose.root.contains(button) && matchesAny(button, 'send') && !/schedule|options|more/i.test(button.getAttribute('aria-label') ?? '');
}

/** The body's text as the reader will see it (line breaks kept). */
export function readBody(body: HTMLElement): string {
  // innerText follows layout (block elements end lines); textContent would glue lines together.
  const text = typeof body.innerText === 'string' ? body.innerText : (body.textContent ?? '');
  return text.replace(/\u00a0/g, ' ');
}

type RecipientField = 'to' | 'cc' | 'bcc';

/** Which recipient row an element sits in: `name="cc"` inputs or "Cc"/"Bcc" labels nearby. */
function fieldOf(el: HTMLElement, root: HTMLElement): RecipientField {
  let node: HTMLElement | null = el;
  for (let i = 0; node && node !== root && i < 8; i++, node = node.parentElement) {
    const own = node.getAttribute('name') ?? '';
    if (own === 'cc' || own === 'bcc' || own === 'to') return own;
    const input = node.querySelector('input[name="to"], input[name="cc"], input[name="bcc"], textarea[name="to"], textarea[name="cc"], textarea[name="bcc"]');
    if (input) return input.getAttribute('name') as RecipientField;
    const label = (node.getAttribute('aria-label') ?? '').toLowerCase();
    if (label.startsWith('bcc')) return 'bcc';
    if (label.startsWith('cc')) return 'cc';
    if (label.startsWith('to')) return 'to';
  }
  return 'to';
}

/** Addresses in free text (a typed recipient field, a hidden input): split on commas/semicolons. */
export function addressesIn(text: string): string[] {
  const out: string[] = [];
  for (const part of text.split(/[,;\n]/)) {
    const trimmed = part.trim();
    if (!trimmed) continue;
    const lt = trimmed.lastIndexOf('<');
    const gt = trimmed.lastIndexOf('>');
    const addr = (lt >= 0 && gt > lt ? trimmed.slice(lt + 1, gt) : trimmed).trim();
    const at = addr.indexOf('@');
    if (at > 0 && at < addr.length - 1 && addr.indexOf(' ') < 0) out.push(addr);
  }
  return out;
}

export function readRecipients(c: ComposeParts): { to: Recipient[]; cc: Recipient[]; bcc: Recipient[] } {
  const lists: Record<RecipientField, Recipient[]> = { to: [], cc: [], bcc: [] };
  const seen = new Set<string>();
  const add = (field: RecipientField, address: string, displayName?: string) => {
    const key = `${field}\u0000${address.toLowerCase()}`;
    if (seen.has(key)) return;
    seen.add(key);
    lists[field].push(displayName ? { emailAddress: address, displayName } : address);
  };
  for (const chip of queryAny(c.root, 'chip')) {
    if (c.body.contains(chip)) continue; // a mention inside the text is not a recipient
    const address = chip.getAttribute('data-hovercard-id') ?? chip.getAttribute('email') ?? '';
    if (!address.includes('@')) continue;
    const name = (chip.getAttribute('data-name') ?? chip.getAttribute('name') ?? chip.textContent ?? '').trim();
    add(fieldOf(chip, c.root), address.trim(), name && name !== address ? name : undefined);
  }
  for (const input of queryAny(c.root, 'recipientInput') as Array<HTMLInputElement | HTMLTextAreaElement>) {
    if (c.body.contains(input)) continue;
    for (const a of addressesIn(input.value ?? '')) add(fieldOf(input, c.root), a);
  }
  return lists;
}

/** The draft as the classifier takes it. */
export function readDraft(c: ComposeParts): Draft {
  const { to, cc, bcc } = readRecipients(c);
  return { body: readBody(c.body), subject: c.subject?.value ?? '', to, cc, bcc };
}

/**
 * Calls `onChange` (debounce it yourself) when anything in the page may have changed a compose:
 * nodes added/removed (a compose opened or closed), text typed in a body (characterData),
 * a subject or recipient input edited (input events; inputs do not mutate the DOM).
 * Returns a function that stops observing.
 */
export function observeCompose(doc: Document, onChange: () => void): () => void {
  const observer = new MutationObserver(() => onChange());
  observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
  const onInput = () => onChange();
  doc.addEventListener('input', onInput, true);
  return () => {
    observer.disconnect();
    doc.removeEventListener('input', onInput, true);
  };
}
