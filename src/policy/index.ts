/**
 * Organization policy: schema, validation, layers. Hosts call `loadOrganizationPolicy(text)`
 * with the text of policy.json (or null when none is served) and `mergePolicyLayers(org, user)`
 * with the user's saved preferences; both never throw and never turn checking off.
 */
export { DEFAULT_POLICY, resolvePolicy, termId } from './defaults.js';
export type { Policy, ResolvedPolicy, ActionSetting, Term, QuietHours } from './types.js';
export { PolicySchema, POLICY_VERSION, patternProblem } from './schema.js';
export {
  validatePolicy,
  validatePolicyText,
  parsePolicyJson,
  formatProblem,
  hasErrors,
  ORGANIZATION_ONLY,
  type PolicyProblem,
  type ValidationResult,
  type Layer,
} from './validate.js';
export { loadOrganizationPolicy, mergePolicyLayers, resolveLayers, effectiveAction, type OrganizationPolicyLoad, type MergeResult } from './layers.js';
