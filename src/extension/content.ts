/**
 * The content script on mail.google.com: finds compose windows (through gmail-adapter.ts only),
 * checks each draft as it is written (debounced), shows a badge and a panel, and stops Send
 * (button click, keyboard activation of the button, Ctrl/Cmd+Enter) when the policy says to ask
 * or to block. Listeners are on the window in the CAPTURE phase, so they run before Gmail's own.
 *
 * Never loses a draft: stopping a send only cancels the event; the draft is never edited, and
 * "Send anyway" presses Gmail's own Send button again. Nothing leaves the page: no fetch, no
 * messages with draft text (the toolbar icon only gets counts).
 */
import { createClassifier } from '../classifier/classify.js';
import type { Classifier, ClassifyResult } from '../classifier/types.js';
import { DEFAULT_POLICY } from '../policy/defaults.js';
import type { ResolvedPolicy } from '../policy/types.js';
import { createScheduler, type Scheduler } from '../taskpane/pane-logic.js';
import { chromeApi, type StatusMessage } from './chrome-api.js';
import { decideSend, type SendDecision } from './decide.js';
import { composeOf, findComposes, isSendTarget, observeCompose, readDraft, type ComposeParts } from './gmail-adapter.js';
import { loadPolicy } from './settings.js';
import { createComposeUi, showSendDialog, type ComposeUi } from './ui.js';

/** Quiet time after the page changes before compose windows are looked for again. */
const SCAN_DEBOUNCE_MS = 150;
/** Quiet time after typing stops before a draft is checked. */
const CHECK_DEBOUNCE_MS = 500;
/** How long a decision made on mousedown covers the mouseup and click that follow. */
const DECISION_TTL_MS = 3000;

interface ComposeState {
  parts: ComposeParts;
  ui: ComposeUi;
  scheduler: Scheduler;
  last: ClassifyResult | null;
}

export interface ContentOptions {
  doc?: Document;
  /** Report for the toolbar icon. */
  report?: (m: StatusMessage) => void;
  loadPolicy?: () => Promise<{ policy: ResolvedPolicy; notices: string[] }>;
  createClassifier?: (policy: ResolvedPolicy) => Classifier;
}

export function startContent(opts: ContentOptions = {}) {
  const doc = opts.doc ?? document;
  const win = doc.defaultView ?? window;
  const states = new Map<HTMLElement, ComposeState>();
  let policy: ResolvedPolicy = DEFAULT_POLICY;
  let notices: string[] = [];
  let classifier: Classifier | null = null;
  let startError: Error | null = null;
  let bypass = false;
  let lastStatus = '';
  let pending: { root: HTMLElement; decision: SendDecision; at: number } | null = null;

  const report = (m: StatusMessage) => {
    const key = `${m.state}/${m.count}/${m.detail ?? ''}`;
    if (key === lastStatus) return;
    lastStatus = key;
    opts.report?.(m);
    doc.documentElement.dataset.secondThought = m.state; // for people debugging the page, and tests
  };

  const classify = (parts: ComposeParts): ClassifyResult => {
    if (startError) throw startError;
    if (!classifier) throw new Error('the checker is still starting');
    return classifier.classify(readDraft(parts));
  };

  const render = (state: ComposeState) => {
    try {
      const result = classify(state.parts);
      state.last = result;
      state.ui.update({ kind: 'result', result }, notices);
    } catch (err) {
      state.last = null;
      state.ui.update({ kind: 'error', message: `The draft could not be checked: ${err instanceof Error ? err.message : String(err)}` }, notices);
    }
    updateToolbar(false);
  };

  let lastBroken = 0;
  const updateToolbar = (broken: boolean) => {
    if (broken || startError) {
      report({ type: 'second-thought/status', state: 'unavailable', count: 0, detail: startError ? startError.message : "Gmail's compose window was not recognized" });
      return;
    }
    if (states.size === 0) return report({ type: 'second-thought/status', state: 'idle', count: 0 });
    let count = 0;
    for (const s of states.values()) count += s.last ? s.last.findings.length : 0;
    report({ type: 'second-thought/status', state: 'ok', count });
  };

  const scan = () => {
    const found = findComposes(doc);
    const seen = new Set<HTMLElement>();
    for (const parts of found.composes) {
      seen.add(parts.root);
      let state = states.get(parts.root);
      if (!state) {
        const ui = createComposeUi(doc);
        const s: ComposeState = {
          parts,
          ui,
          last: null,
          scheduler: createScheduler({
            read: () => Promise.resolve(readDraft(s.parts)),
            check: () => render(s),
            onError: () => render(s),
            debounceMs: CHECK_DEBOUNCE_MS,
            pollMs: 0, // the MutationObserver pokes instead
          }),
        };
        state = s;
        states.set(parts.root, s);
        ui.update({ kind: 'checking' }, notices);
        if (classifier || startError) s.scheduler.now();
      }
      state.parts = parts; // Gmail may have re-rendered the Send button or the subject
      state.ui.attach(parts.send, parts.root);
      state.scheduler.poke();
    }
    for (const [root, state] of states) {
      if (!seen.has(root)) {
        state.scheduler.stop();
        state.ui.remove();
        states.delete(root);
      }
    }
    lastBroken = found.broken.length;
    updateToolbar(found.broken.length > 0 && found.composes.length === 0);
  };

  let scanTimer: ReturnType<typeof setTimeout> | null = null;
  const scheduleScan = () => {
    if (scanTimer !== null) return;
    scanTimer = setTimeout(() => {
      scanTimer = null;
      try {
        scan();
      } catch (err) {
        // The adapter met a page it does not understand: say so, never break Gmail.
        report({ type: 'second-thought/status', state: 'unavailable', count: 0, detail: err instanceof Error ? err.message : String(err) });
      }
    }, SCAN_DEBOUNCE_MS);
  };

  // --- Send interception -------------------------------------------------------------------

  const currentCompose = (target: EventTarget | null): ComposeParts | null => {
    try {
      return composeOf(target, findComposes(doc).composes);
    } catch {
      return null;
    }
  };

  const decide = (parts: ComposeParts): SendDecision => {
    let outcome: ClassifyResult | Error;
    try {
      outcome = classify(parts);
    } catch (err) {
      outcome = err instanceof Error ? err : new Error(String(err));
    }
    const state = states.get(parts.root);
    if (state && !(outcome instanceof Error)) {
      state.last = outcome;
      state.ui.update({ kind: 'result', result: outcome }, notices);
    }
    return decideSend(outcome, policy);
  };

  const stop = (e: Event) => {
    e.preventDefault();
    e.stopImmediatePropagation();
  };

  /** Presses Gmail's Send button the way a person does, with our listeners stood aside. */
  const pressSend = (root: HTMLElement) => {
    const parts = findComposes(doc).composes.find((c) => c.root === root);
    if (!parts) return;
    bypass = true;
    try {
      const opts = { bubbles: true, cancelable: true, composed: true, view: win, button: 0 };
      parts.send.dispatchEvent(new MouseEvent('mousedown', opts));
      parts.send.dispatchEvent(new MouseEvent('mouseup', opts));
      parts.send.dispatchEvent(new MouseEvent('click', opts));
    } finally {
      bypass = false;
    }
  };

  const ask = (parts: ComposeParts, decision: Exclude<SendDecision, { kind: 'send' }>) => {
    void showSendDialog(doc, decision).then(({ choice }) => {
      if (choice === 'send' && decision.kind === 'prompt') pressSend(parts.root);
      else states.get(parts.root)?.ui.openPanel();
    });
  };

  /** Cheap pre-check before any scan: only presses on a button can be a Send. */
  const onSomeButton = (target: EventTarget | null): boolean => {
    const node = target as Node | null;
    if (!node || !node.nodeType) return false;
    const el = (node.nodeType === 1 ? node : node.parentElement) as Element | null;
    return !!el && !!el.closest('[role="button"], button');
  };

  const onPointer = (e: Event) => {
    if (bypass || !onSomeButton(e.target)) return;
    const parts = currentCompose(e.target);
    if (!parts || !isSendTarget(e.target, parts)) return;
    const now = Date.now();
    let decision: SendDecision;
    if (e.type !== 'mousedown' && pending && pending.root === parts.root && now - pending.at < DECISION_TTL_MS) {
      decision = pending.decision;
    } else {
      decision = decide(parts);
      pending = { root: parts.root, decision, at: now };
    }
    if (decision.kind === 'send') return;
    stop(e);
    // The dialog opens once, on the click that completes the press (or on mousedown if no click follows).
    if (e.type === 'click') {
      pending = null;
      ask(parts, decision);
    }
  };

  const onKey = (e: KeyboardEvent) => {
    if (bypass) return;
    const shortcut = e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey;
    // Typing must stay cheap: only Ctrl/Cmd+Enter, or Enter/Space on a button, go further.
    if (!shortcut && !((e.key === 'Enter' || e.key === ' ') && onSomeButton(e.target))) return;
    const parts = currentCompose(e.target);
    if (!parts) return;
    const onButton = (e.key === 'Enter' || e.key === ' ') && isSendTarget(e.target, parts);
    if (!shortcut && !onButton) return;
    const decision = decide(parts);
    if (decision.kind === 'send') return;
    stop(e);
    ask(parts, decision);
  };

  win.addEventListener('mousedown', onPointer, true);
  win.addEventListener('mouseup', onPointer, true);
  win.addEventListener('click', onPointer, true);
  win.addEventListener('keydown', onKey, true);
  const unobserve = observeCompose(doc, scheduleScan);
  scheduleScan();

  // --- Policy ----------------------------------------------------------------------------------

  const ready = (opts.loadPolicy ?? (() => Promise.resolve({ policy: DEFAULT_POLICY, notices: [] as string[] })))()
    .then((load) => {
      policy = load.policy;
      notices = load.notices;
      classifier = (opts.createClassifier ?? ((p) => createClassifier(p)))(policy);
    })
    .catch((err) => {
      startError = new Error(`Second Thought could not start: ${err instanceof Error ? err.message : String(err)}`);
    })
    .then(() => {
      for (const s of states.values()) s.scheduler.now();
      updateToolbar(lastBroken > 0 && states.size === 0);
    });

  return {
    ready,
    scanNow: scan,
    composes: () => Array.from(states.values()).map((s) => ({ kind: s.parts.kind, last: s.last })),
    stop() {
      unobserve();
      win.removeEventListener('mousedown', onPointer, true);
      win.removeEventListener('mouseup', onPointer, true);
      win.removeEventListener('click', onPointer, true);
      win.removeEventListener('keydown', onKey, true);
      for (const s of states.values()) {
        s.scheduler.stop();
        s.ui.remove();
      }
      states.clear();
    },
  };
}

// Runs when loaded as the extension's content script (not when a test imports the module).
const chrome = chromeApi();
if (chrome && typeof document !== 'undefined') {
  const sources = { managed: chrome.storage?.managed, sync: chrome.storage?.sync, local: chrome.storage?.local };
  const report = (m: StatusMessage) => {
    try {
      const sent = chrome.runtime?.sendMessage?.(m);
      if (sent && typeof (sent as Promise<unknown>).catch === 'function') (sent as Promise<unknown>).catch(() => undefined);
    } catch {
      /* the extension was reloaded under this page: the icon is a nicety */
    }
  };
  let running = startContent({ report, loadPolicy: () => loadPolicy(sources) });
  // A changed organization policy or preference applies without reloading Gmail.
  chrome.storage?.onChanged?.addListener((_changes, area) => {
    if (area !== 'managed' && area !== 'sync' && area !== 'local') return;
    running.stop();
    running = startContent({ report, loadPolicy: () => loadPolicy(sources) });
  });
}
