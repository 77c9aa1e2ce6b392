/**
 * `--policy FILE`: reads an organization policy for the command line.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Policy } from '../policy/types.js';
import { InputError, describeFsError } from './errors.js';

/**
 * Reads and checks a policy file. Throws InputError (exit 2) naming the file
 * when it cannot be read, is not JSON, or is not a JSON object.
 */
export async function loadPolicy(path: string, cwd?: string): Promise<Policy> {
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
  const problems = validatePolicy(value);
  if (problems.length > 0) {
    // One line on stderr (DESIGN.md section 5): the first problem, and how many more.
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more; run 'second-thought policy validate ${path}')` : '';
    throw new InputError(`invalid policy: ${problems[0]}${more}`, path);
  }
  return value as Policy;
}

/*
 * ---- POLICY VALIDATION PLUGS IN HERE ----------------------------------------
 * The schema validator comes from the policy engineer (src/policy/). When it
 * lands, call it from validatePolicy below and return its problems, each as
 * "<JSON path>: <what was expected>" (DESIGN.md section 4). Until then only the
 * shape checked in loadPolicy (a JSON object) is enforced, and anything else in
 * the document reaches createClassifier as it is.
 * -----------------------------------------------------------------------------
 */
/** Problems found in a parsed policy document; empty when it is acceptable. */
export function validatePolicy(_value: object): string[] {
  return [];
}
