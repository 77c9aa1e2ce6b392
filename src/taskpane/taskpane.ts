/**
 * Entry of the task pane (taskpane.html in Outlook; pane.html in the playground, where
 * src/playground/pane-standin.ts has put the Office.js stand-in in place before this runs).
 */
import { config as zodConfig } from 'zod/mini';
import { createClassifier } from '../classifier/index.js';
import type { OfficeLike } from '../outlook/office-types.js';
import { getPolicy } from '../outlook/policy-source.js';
import { policyFromText } from '../outlook/policy-text.js';
import { startPane } from './pane.js';
import { applyTheme } from './theme.js';

declare const Office: OfficeLike | undefined;

// The policy schema (zod) must not probe for eval: the page's CSP forbids it and would report it.
zodConfig({ jitless: true });

function boot(office: OfficeLike) {
  applyTheme(office);
  const root = document.getElementById('app');
  if (!root) return;
  startPane({ office, root, getPolicy: () => getPolicy({ timeoutMs: 8000, parse: policyFromText }), createClassifier });
}

if (typeof Office === 'undefined' || !Office.onReady) {
  const status = document.getElementById('status');
  if (status) status.textContent = 'Second Thought runs inside Outlook. Open it from a message you are writing.';
} else {
  const office: OfficeLike = Office;
  const onReady = Office.onReady;
  onReady.call(office, () => boot(office));
}
