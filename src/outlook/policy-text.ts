/**
 * The seam between the add-in and src/policy: the text of policy.json becomes the policy the
 * classifier runs on through ONE call (schema validation, defaults and the wording of problems
 * are src/policy's). Used by the task pane; the send handler uses the unvalidated reader in
 * policy-source.ts to stay within its size budget.
 */
import { loadOrganizationPolicy } from '../policy/layers.js';
import type { PolicyLoad } from './policy-source.js';

export function policyFromText(text: string): PolicyLoad {
  const load = loadOrganizationPolicy(text);
  return { policy: load.policy, source: load.source, notice: load.notices.length > 0 ? load.notices.join(' ') : undefined };
}
