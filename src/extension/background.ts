/**
 * The service worker: its only job is the toolbar icon, which content scripts cannot set. Each
 * Gmail tab's content script reports its state; the icon shows the number of findings, or "off"
 * with an explanatory title when Gmail's compose window could not be recognized (checking is
 * unavailable, and the user should know rather than trust a silent extension).
 * No network, no storage, no access to the draft: only counts arrive here.
 */
import { chromeApi, type StatusMessage } from './chrome-api.js';
import { toolbarState } from './toolbar.js';

const chrome = chromeApi();
chrome?.runtime?.onMessage?.addListener((message, sender) => {
  const m = message as StatusMessage;
  const tabId = sender.tab?.id;
  if (!m || m.type !== 'second-thought/status' || tabId === undefined || !chrome.action) return;
  const s = toolbarState(m);
  void chrome.action.setBadgeText({ tabId, text: s.text });
  void chrome.action.setBadgeBackgroundColor({ tabId, color: s.color });
  void chrome.action.setTitle({ tabId, title: s.title });
});
