/**
 * Builds the classifier for a command. Loaded lazily so that usage errors and
 * help never pay for compiling the lexicons.
 */
import type { Classifier } from '../classifier/types.js';
import type { Policy } from '../policy/types.js';
import { InputError, oneLine } from './errors.js';

/**
 * createClassifier(policy), with a failure to build it (a policy the engine
 * rejects, e.g. a term pattern it cannot compile) reported as an input error
 * naming the policy file.
 */
export async function loadClassifier(policy: Policy | undefined, policyPath?: string): Promise<Classifier> {
  const { createClassifier } = await import('../classifier/index.js');
  try {
    return createClassifier(policy);
  } catch (err) {
    if (policyPath) throw new InputError(`invalid policy: ${oneLine(err)}`, policyPath);
    throw err;
  }
}
