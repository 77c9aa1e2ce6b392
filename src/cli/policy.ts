/**
 * `--policy FILE`: reads an organization policy for the command line.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Policy } from '../policy/types.js';
import { formatProblem, validatePolicy } from '../policy/validate.js';
import { InputError, describeFsError } from './errors.js';

/**
 * Reads and validates a policy file against the policy schema (src/policy/validate.ts).
 * Throws InputError (exit 2) naming the file when it cannot be read, is not
 * JSON, is not a JSON object, or has a schema error. Warnings go to `onWarning`.
 */
export async function loadPolicy(path: string, cwd?: string, onWarning?: (line: string) => void): Promise<Policy> {
  let text: string;
  try {
    text = await readFile(resolve(cwd ?? process.cwd(), path), 'utf8');
  } catch (err) {
    throw new InputError(`cannot read policy: ${describeFsError(err)}`, path);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new InputError(`invalid policy: not valid JSON (${err instanceof Error ? err.message : String(err)})`, path);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    const kind = value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;
    throw new InputError(`invalid policy: expected a JSON object at $, got ${kind}`, path);
  }
  const { policy, problems } = validatePolicy(value, 'organization');
  const errors = problems.filter((p) => p.level === 'error');
  if (errors.length > 0 || policy === null) {
    // One line on stderr (DESIGN.md section 5): the first problem, and how many more.
    const first = errors[0] ? formatProblem(errors[0]) : 'rejected by the policy schema';
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more; run 'second-thought policy validate ${path}')` : '';
    throw new InputError(`invalid policy: ${first}${more}`, path);
  }
  // Warnings (e.g. an unknown key, ignored) do not stop the run; the caller may show them.
  if (onWarning) for (const p of problems) if (p.level === 'warning') onWarning(`${path}: ${formatProblem(p)}`);
  return policy;
}
