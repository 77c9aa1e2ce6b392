/**
 * Second Thought's classifier core: `createClassifier(policy?)` compiles once and returns
 * `{ classify(draft) }`. Pure TypeScript: runs in Node, browsers and Outlook's event runtime.
 */
export { createClassifier } from './classify.js';
export { tokenize, type Token } from './normalize/tokenize.js';
export { findSegments, type Segment } from './segment/segment.js';
export { addressOf, externalRecipients, isInternal } from './context.js';
export { DEFAULT_POLICY, resolvePolicy } from '../policy/defaults.js';
export type { Policy, ResolvedPolicy, Term, ActionSetting } from '../policy/types.js';
export {
  CATEGORIES,
  CONTENT_CATEGORIES,
  SEVERITIES,
  ACTIONS,
  type Category,
  type Severity,
  type Action,
  type Verdict,
  type Field,
  type Hit,
  type Finding,
  type Draft,
  type Recipient,
  type ClassifyResult,
  type Classifier,
  type Detector,
} from './types.js';
