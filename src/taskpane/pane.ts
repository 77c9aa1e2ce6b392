/**
 * The task pane controller: loads the policy, builds the classifier, re-checks the draft as it
 * changes (Office events where they exist, light polling for the body, which has no change event)
 * and renders. Independent of the Office global: the real pane and the playground pass `office`.
 */
import type { Classifier, ClassifyResult, Draft, Finding } from '../classifier/types.js';
import type { Policy, ResolvedPolicy } from '../policy/types.js';
import { formatNotification } from '../outlook/alert-message.js';
import { showSummary } from '../outlook/compose-notify.js';
import type { OfficeLike } from '../outlook/office-types.js';
import type { PolicyLoad } from '../outlook/policy-source.js';
import { readDraft } from '../outlook/read-draft.js';
import { canRecordOverride, recordOverride, warnedRules } from '../outlook/override.js';
import { mergePolicyLayers } from '../policy/layers.js';
import { preferencesFromPolicy, type UserPreferences } from '../policy/preferences.js';
import { canStorePreferences, loadPreferenceDocument, savePreferences } from './preferences-store.js';
import { renderOverride } from './override-view.js';
import { renderSettings } from './settings-view.js';
import { replaceFinding } from './office-edit.js';
import type { Scheduler } from './pane-logic.js';
import { createScheduler } from './pane-logic.js';
import type { PaneView } from './render.js';
import { renderPane } from './render.js';

export interface PaneDeps {
  office: OfficeLike;
  root: HTMLElement;
  getPolicy: () => Promise<PolicyLoad>;
  createClassifier: (policy?: Policy) => Classifier;
  debounceMs?: number;
  pollMs?: number;
  copyText?: (text: string) => Promise<void>;
}

export interface PaneHandle {
  checkNow(): void;
  stop(): void;
  /** The last result rendered (for tests). */
  last(): ClassifyResult | null;
}

/** Clipboard with a fallback for hosts that refuse the async clipboard API. */
export function copyToClipboard(text: string): Promise<void> {
  const fallback = () => {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    if (!ok) throw new Error('copy refused');
  };
  if (navigator.clipboard && navigator.clipboard.writeText) return navigator.clipboard.writeText(text).catch(() => fallback());
  return Promise.resolve().then(fallback);
}

export function startPane(deps: PaneDeps): PaneHandle {
  const { office, root } = deps;
  let policy: ResolvedPolicy | null = null;
  let classifier: Classifier | null = null;
  let notices: string[] = [];
  let last: ClassifyResult | null = null;
  let lastBar: string | null | undefined;
  let scheduler: Scheduler | null = null;
  const announce = root.querySelector<HTMLElement>('#announce');
  const settingsBox = root.querySelector<HTMLElement>('#settings');
  const settingsToggle = root.querySelector<HTMLElement>('#settings-toggle');
  const overrideBox = root.querySelector<HTMLElement>('#override');
  /** The organization layer (default + policy.json) and the user's stored preference document. */
  let org: PolicyLoad | null = null;
  let prefsDoc: unknown = loadPreferenceDocument(office);
  let overrideKey = '';

  /** Organization policy + the user's preferences, locks winning (src/policy/layers.ts). */
  const applyLayers = () => {
    if (!org) return;
    const merged = mergePolicyLayers(org.policy, prefsDoc);
    policy = merged.policy;
    notices = [...(org.notice ? [org.notice] : []), ...merged.notices];
    classifier = deps.createClassifier(merged.policy);
  };

  const showSettings = (open: boolean) => {
    if (!settingsBox || !org) return;
    settingsBox.hidden = !open;
    settingsToggle?.setAttribute('aria-expanded', String(open));
    if (!open) return settingsBox.replaceChildren();
    const current: UserPreferences = preferencesFromPolicy(prefsDoc);
    renderSettings(
      settingsBox,
      { org: org.policy, prefs: current, canSave: canStorePreferences(office) },
      {
        save: (prefs) =>
          savePreferences(office, prefs).then(() => {
            prefsDoc = loadPreferenceDocument(office);
            applyLayers();
            scheduler?.now();
          }),
        close: () => showSettings(false),
      },
    );
  };
  settingsToggle?.addEventListener('click', () => showSettings(settingsBox ? settingsBox.hidden : false));

  /** The "send anyway with a reason" form, when the policy asks for one and Outlook can carry it. */
  const updateOverride = (result: ClassifyResult) => {
    if (!overrideBox || !policy) return;
    const rules = policy.requireOverrideReason && result.verdict === 'warn' && canRecordOverride(office) ? warnedRules(result) : [];
    const key = rules.join(',');
    if (key === overrideKey) return;
    overrideKey = key;
    renderOverride(overrideBox, rules, {
      record: (ids, reason) => recordOverride(office, ids, reason).then(() => say('Reason recorded; press Send again.')),
    });
  };

  const say = (text: string) => {
    if (announce) announce.textContent = text;
  };

  const actions = {
    copy(text: string) {
      (deps.copyText ?? copyToClipboard)(text).then(
        () => say('Copied to the clipboard.'),
        () => say('Copying was refused here: select the text and copy it yourself.'),
      );
    },
    replace(f: Finding, replacement: string) {
      replaceFinding(office.context.mailbox.item, f, replacement)
        .then((outcome) => {
          if (outcome === 'replaced') say(`Replaced “${f.text}” in the draft.`);
          else if (outcome === 'changed') say('The draft changed since it was checked; checking again.');
          else say('This text could not be replaced automatically here; please edit it in the draft.');
          scheduler?.now();
        })
        .catch((err) => say(`Could not change the draft: ${err instanceof Error ? err.message : String(err)}`));
    },
    recheck() {
      scheduler?.now();
    },
  };

  const show = (view: PaneView) => renderPane(root, view, actions);

  const check = (draft: Draft) => {
    if (!classifier || !policy) return;
    try {
      const result = classifier.classify(draft);
      const bar = formatNotification(result);
      if (bar !== lastBar) {
        // Keep the compose info bar (set by the compose events) in step with what the pane shows.
        lastBar = bar;
        showSummary(office, bar);
      }
      last = result;
      updateOverride(result);
      show({ state: 'ready', result, draft, policy, notices, checkedAt: new Date() });
    } catch (err) {
      show({ state: 'error', message: `The check failed: ${err instanceof Error ? err.message : String(err)}`, notices });
    }
  };

  show({ state: 'loading' });
  const ready = deps
    .getPolicy()
    .then((load) => {
      org = load;
      applyLayers();
      if (settingsToggle) settingsToggle.hidden = false;
      scheduler = createScheduler({
        read: () => readDraft(office.context.mailbox.item),
        check,
        onError: (err) => show({ state: 'error', message: `Outlook did not give the draft to the add-in: ${err instanceof Error ? err.message : String(err)}`, notices }),
        debounceMs: deps.debounceMs,
        pollMs: deps.pollMs,
        visible: () => typeof document === 'undefined' || document.visibilityState !== 'hidden',
      });
      subscribe();
      scheduler.now();
    })
    .catch((err) => show({ state: 'error', message: `Second Thought could not start: ${err instanceof Error ? err.message : String(err)}` }));

  function subscribeItem() {
    const types = office.EventType ?? {};
    const item = office.context.mailbox.item;
    const poke = () => scheduler?.poke();
    const now = () => scheduler?.now();
    try {
      if (item && item.addHandlerAsync && types.RecipientsChanged) item.addHandlerAsync(types.RecipientsChanged, poke);
      // From a Smart Alert's button or the info bar's Open: an open pane checks again (Mailbox 1.15).
      if (item && item.addHandlerAsync && types.InitializationContextChanged) item.addHandlerAsync(types.InitializationContextChanged, now);
    } catch {
      /* events are a nicety: polling still runs */
    }
  }

  function subscribe() {
    const types = office.EventType ?? {};
    subscribeItem();
    try {
      // Pinned pane, another draft selected: its events, its check (item may be null in between).
      if (office.context.mailbox.addHandlerAsync && types.ItemChanged) {
        office.context.mailbox.addHandlerAsync(types.ItemChanged, () => {
          lastBar = undefined;
          subscribeItem();
          scheduler?.now();
        });
      }
    } catch {
      /* polling still runs */
    }
    if (typeof document !== 'undefined') document.addEventListener('visibilitychange', () => document.visibilityState === 'visible' && scheduler?.poke());
  }

  return {
    checkNow: () => scheduler?.now(),
    stop: () => {
      ready.then(() => scheduler?.stop());
    },
    last: () => last,
  };
}
