/**
 * Validates a policy document against the schema (schema.ts) and the checks that need the whole
 * document. Every problem names its JSON path, the value found and what was expected.
 *
 * Errors make a policy unusable (a host falls back to the layer below and says so); warnings do
 * not: an unknown key (a typo must not silently do nothing) is reported and ignored.
 */
import type * as z from 'zod/mini';
import { termId } from './defaults.js';
import { KNOWN_KEYS, POLICY_VERSION, PolicySchema } from './schema.js';
import type { Policy } from './types.js';

export interface PolicyProblem {
  level: 'error' | 'warning';
  /** JSON path of the value, e.g. `$.terms[2].patterns[0]`, `$.rules["pii/ssn"].action`. */
  path: string;
  /** One sentence: what is wrong, what was found and what was expected. */
  message: string;
  /** What the schema expected there, when that is one thing. */
  expected?: string;
  /** The value found there, shortened (`nothing` when the key is missing). */
  found?: string;
}

export interface ValidationResult {
  /** The policy with unknown keys removed, or null when there is any error. */
  policy: Policy | null;
  /** Errors first, then warnings, each group in document order. */
  problems: PolicyProblem[];
}

export type Layer = 'organization' | 'user';

/** Settings only an organization sets: a user's preferences cannot change them. */
export const ORGANIZATION_ONLY = ['internalDomains', 'onError', 'sendMode', 'requireOverrideReason', 'maxDraftChars', 'locks'] as const;

/** Longest policy text accepted (a policy is a few kilobytes; this bounds the work on a wrong file). */
export const MAX_POLICY_BYTES = 5 * 1024 * 1024;

/** One problem on one line: `error $.terms[0].patterns[1]: ...`. */
export function formatProblem(p: PolicyProblem): string {
  return `${p.level} ${p.path}: ${p.message}`;
}

export function hasErrors(problems: readonly PolicyProblem[]): boolean {
  return problems.some((p) => p.level === 'error');
}

/**
 * Parses policy text (JSON; a leading byte-order mark is dropped). A syntax error names the line
 * and column. JSON has no comments: a policy documents itself with `"$comment"` fields.
 */
export function parsePolicyJson(text: string): { value: unknown; problems: PolicyProblem[] } {
  if (text.length > MAX_POLICY_BYTES) {
    return { value: undefined, problems: [problem('error', '$', `the policy is ${text.length} characters long, more than the ${MAX_POLICY_BYTES} accepted`)] };
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return { value: undefined, problems: [problem('error', '$', 'the policy is empty: expected a JSON object', 'a JSON object', 'nothing')] };
  try {
    return { value: JSON.parse(body), problems: [] };
  } catch (err) {
    return { value: undefined, problems: [problem('error', '$', `not valid JSON: ${jsonErrorWhere(body, err)}`)] };
  }
}

/** Parses and validates policy text in one step. */
export function validatePolicyText(text: string, layer: Layer = 'organization', options: ValidateOptions = {}): ValidationResult {
  const parsed = parsePolicyJson(text);
  if (parsed.problems.length > 0) return { policy: null, problems: parsed.problems };
  return validatePolicy(parsed.value, layer, options);
}

export interface ValidateOptions {
  /**
   * Full ids (`legal/destroy-evidence`) of the built-in rules of the categories in
   * `knownRuleCategories`. When given, a `rules` key or a lock naming a rule of such a category
   * that neither exists nor is one of the policy's own terms is a warning (a typo would otherwise
   * silently do nothing). The CLI passes the lexicon's rules; hosts need not.
   */
  knownRules?: ReadonlySet<string>;
  /** Categories whose rules are all in `knownRules` (phrase-lexicon categories, `context`). */
  knownRuleCategories?: ReadonlySet<string>;
}

/** Validates a parsed policy document. */
export function validatePolicy(value: unknown, layer: Layer = 'organization', options: ValidateOptions = {}): ValidationResult {
  const errors: PolicyProblem[] = [];
  const warnings: PolicyProblem[] = [];
  const add = (p: PolicyProblem): void => void (p.level === 'error' ? errors : warnings).push(p);

  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    add(problem('error', '$', `expected a JSON object, found ${describe(value)}`, 'a JSON object', describe(value)));
    return { policy: null, problems: errors };
  }
  const result = PolicySchema.safeParse(value, { reportInput: true });
  const unknown: Array<Array<string | number>> = [];
  if (!result.success) {
    for (const issue of result.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) {
          unknown.push([...(issue.path as Array<string | number>), key]);
          const hint = nearestKey(key);
          add(
            problem(
              'warning',
              jsonPath([...(issue.path as PropertyKey[]), key]),
              `unknown key "${key}": ignored${hint ? ` (did you mean "${hint}"?)` : ''}`,
              hint ? `"${hint}"` : undefined,
              JSON.stringify(key),
            ),
          );
        }
      } else {
        add(fromIssue(issue));
      }
    }
  }
  for (const p of wholeDocumentProblems(value as Record<string, unknown>, layer)) add(p);
  if (options.knownRules && options.knownRuleCategories) {
    for (const p of unknownRuleProblems(value as Record<string, unknown>, options.knownRules, options.knownRuleCategories)) add(p);
  }

  let policy: Policy | null = null;
  if (errors.length === 0) {
    const data = result.success ? result.data : PolicySchema.parse(withoutKeys(value, unknown));
    policy = layer === 'user' ? withoutOrganizationOnly(data) : data;
  }
  return { policy, problems: [...errors, ...warnings] };
}

/* ---------------------------------------------------------------- whole-document checks */

function wholeDocumentProblems(doc: Record<string, unknown>, layer: Layer): PolicyProblem[] {
  const out: PolicyProblem[] = [];
  if (!('version' in doc)) {
    out.push(problem('warning', '$.version', `no "version": read as version ${POLICY_VERSION}; add "version": ${POLICY_VERSION}`, String(POLICY_VERSION), 'nothing'));
  }
  if (layer === 'user') {
    for (const key of ORGANIZATION_ONLY) {
      if (key in doc) out.push(problem('warning', jsonPath([key]), `"${key}" is set by the organization only: ignored in a user's preferences`));
    }
  }

  // Duplicate term ids: two terms with one id are one rule to the policy's settings and to reports.
  const terms = Array.isArray(doc.terms) ? doc.terms : [];
  const seen = new Map<string, number>();
  terms.forEach((t, i) => {
    if (!isObject(t) || typeof t.category !== 'string') return;
    const explicit = typeof t.id === 'string';
    const first = Array.isArray(t.patterns) && typeof t.patterns[0] === 'string' ? t.patterns[0] : undefined;
    if (!explicit && first === undefined) return;
    const id = explicit ? (t.id as string) : termId(first!);
    const full = `${t.category}/${id}`;
    const before = seen.get(full);
    if (before !== undefined) {
      out.push(
        problem(
          'error',
          jsonPath(['terms', i, explicit ? 'id' : 'patterns']),
          `duplicate term id "${full}" (also ${jsonPath(['terms', before])})${explicit ? '' : ', derived from the first pattern'}: expected each term to have its own id`,
          'a term id not used by another term',
          JSON.stringify(id),
        ),
      );
    } else {
      seen.set(full, i);
    }
  });

  const internal = Array.isArray(doc.internalDomains) ? doc.internalDomains : [];
  if (internal.length === 0 && layer === 'organization') {
    terms.forEach((t, i) => {
      if (isObject(t) && t.externalOnly === true) {
        out.push(
          problem(
            'warning',
            jsonPath(['terms', i, 'externalOnly']),
            'externalOnly has no effect while internalDomains is empty: with no internal domains nobody counts as external, so this term never fires',
          ),
        );
      }
    });
  }

  const q = doc.quietHours;
  if (isObject(q) && typeof q.start === 'string' && q.start === q.end) {
    out.push(problem('error', '$.quietHours.end', `quiet hours start and end at the same time (${q.start}): expected two different times (use null to turn quiet hours off)`, 'a time other than start', JSON.stringify(q.end)));
  }

  if (Array.isArray(doc.locks)) out.push(...lockProblems(doc, doc.locks));
  return out;
}

/** Rule ids in `rules` and locks that no built-in rule or term of the policy has. */
function unknownRuleProblems(doc: Record<string, unknown>, known: ReadonlySet<string>, categories: ReadonlySet<string>): PolicyProblem[] {
  const own = new Set<string>();
  if (Array.isArray(doc.terms)) {
    for (const t of doc.terms) {
      if (!isObject(t) || typeof t.category !== 'string') continue;
      const first = Array.isArray(t.patterns) && typeof t.patterns[0] === 'string' ? t.patterns[0] : 'term';
      own.add(`${t.category}/${typeof t.id === 'string' ? t.id : termId(first)}`);
    }
  }
  const unknown = (id: string): boolean => categories.has(id.slice(0, id.indexOf('/'))) && !known.has(id) && !own.has(id);
  const hint = (id: string): string => {
    const cat = id.slice(0, id.indexOf('/') + 1);
    let best: string | undefined;
    let bestDistance = 3;
    for (const k of [...known, ...own]) {
      if (!k.startsWith(cat)) continue;
      const d = editDistance(id, k, bestDistance);
      if (d < bestDistance) {
        best = k;
        bestDistance = d;
      }
    }
    return best ? ` (did you mean "${best}"?)` : '';
  };
  const out: PolicyProblem[] = [];
  if (isObject(doc.rules)) {
    for (const id of Object.keys(doc.rules)) {
      if (id.includes('/') && unknown(id)) {
        out.push(problem('warning', jsonPath(['rules', id]), `no rule "${id}" exists in this version, nor a term with that id: the setting does nothing${hint(id)}`, undefined, JSON.stringify(id)));
      }
    }
  }
  if (Array.isArray(doc.locks)) {
    doc.locks.forEach((lock, i) => {
      if (typeof lock === 'string' && lock.startsWith('rules.') && unknown(lock.slice(6))) {
        out.push(problem('warning', jsonPath(['locks', i]), `no rule "${lock.slice(6)}" exists in this version, nor a term with that id: the lock protects nothing${hint(lock.slice(6))}`, undefined, JSON.stringify(lock)));
      }
    });
  }
  return out;
}

/**
 * Locks that contradict the policy or each other. A lock keeps users from relaxing a setting;
 * locking a setting the same policy turns off protects nothing and usually means the lock was
 * misread as "keep it off", so it is an error. Duplicate and covered locks are warnings.
 */
function lockProblems(doc: Record<string, unknown>, locks: unknown[]): PolicyProblem[] {
  const out: PolicyProblem[] = [];
  const strings = locks.map((l) => (typeof l === 'string' ? l : undefined));
  strings.forEach((lock, i) => {
    if (lock === undefined) return;
    const path = jsonPath(['locks', i]);
    const firstIndex = strings.indexOf(lock);
    if (firstIndex !== i) {
      out.push(problem('warning', path, `lock "${lock}" is listed twice (also ${jsonPath(['locks', firstIndex])})`));
      return;
    }
    const parent = lock.includes('.') ? lock.slice(0, lock.indexOf('.')) : undefined;
    if (parent !== undefined && strings.includes(parent)) {
      out.push(problem('warning', path, `lock "${lock}" is already covered by the lock "${parent}"`));
    }
    if (layerUnderLock(doc, lock) === 'off') {
      out.push(
        problem(
          'error',
          path,
          `contradictory lock "${lock}": the policy turns that setting off, and a lock only keeps users from relaxing a setting; expected a lock on a setting that reports (to keep a check away from users, leave it off and unlocked)`,
          'a lock on a setting whose action is not "off"',
          JSON.stringify(lock),
        ),
      );
    }
    if (lock === 'quietHours' && doc.quietHours == null) {
      out.push(problem('warning', path, 'lock "quietHours" while the policy sets no quiet hours: users cannot set quiet hours for themselves'));
    }
  });
  return out;
}

/** The action the policy itself sets at a lock's path (`off`, `warn`…), when it sets one. */
function layerUnderLock(doc: Record<string, unknown>, lock: string): unknown {
  const dot = lock.indexOf('.');
  if (dot < 0) return undefined;
  const head = lock.slice(0, dot);
  const key = lock.slice(dot + 1);
  const map = doc[head];
  if (!isObject(map)) return undefined;
  const v = map[key];
  if (head === 'severityActions') return v;
  return isObject(v) ? v.action : undefined;
}

/* ---------------------------------------------------------------- zod issues to problems */

function fromIssue(issue: z.core.$ZodIssue): PolicyProblem {
  const path = jsonPath(issue.path as PropertyKey[]);
  const input = (issue as { input?: unknown }).input;
  const found = describe(input);
  const say = (expected: string, why?: string): PolicyProblem =>
    problem('error', path, `${why ? `${why}: ` : ''}expected ${expected}, found ${found}`, expected, found);
  switch (issue.code) {
    case 'invalid_type':
      if (input === undefined) return problem('error', path, `missing: expected ${typeName(issue.expected)}`, typeName(issue.expected), 'nothing');
      return say(typeName(issue.expected));
    case 'invalid_value':
      if (path === '$.version') {
        return say(String(POLICY_VERSION), `unsupported version (this build understands version ${POLICY_VERSION})`);
      }
      return say(issue.values.length === 1 ? JSON.stringify(issue.values[0]) : `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`);
    case 'too_small':
      return say(bound(issue.origin, Number(issue.minimum), issue.inclusive !== false, 'min'));
    case 'too_big':
      return say(bound(issue.origin, Number(issue.maximum), issue.inclusive !== false, 'max'));
    case 'invalid_format':
      return say(issue.message);
    case 'invalid_key': {
      const inner = issue.issues[0];
      return problem('error', path, `invalid key ${found}: expected ${inner?.message ?? 'another key'}`, inner?.message, found);
    }
    case 'custom': {
      const expected = typeof issue.params?.expected === 'string' ? issue.params.expected : 'another value';
      return say(expected, issue.message);
    }
    case 'invalid_union':
      return say('a string or a list of strings');
    default:
      return problem('error', path, `${issue.message}, found ${found}`, undefined, found);
  }
}

function bound(origin: string, n: number, inclusive: boolean, side: 'min' | 'max'): string {
  const plural = (k: number, word: string): string => `${k} ${word}${k === 1 ? '' : 's'}`;
  if (origin === 'array' || origin === 'set') {
    if (side === 'min') return n === 1 ? 'a non-empty list' : `a list of at least ${plural(n, 'item')}`;
    return `a list of at most ${plural(n, 'item')}`;
  }
  if (origin === 'string') {
    if (side === 'min') return n === 1 ? 'a non-empty string' : `at least ${plural(n, 'character')}`;
    return `at most ${plural(n, 'character')}`;
  }
  const op = side === 'min' ? (inclusive ? '>=' : '>') : inclusive ? '<=' : '<';
  return `a number ${op} ${n}`;
}

function typeName(t: string): string {
  switch (t) {
    case 'string':
      return 'a string';
    case 'number':
      return 'a number';
    case 'int':
      return 'a whole number';
    case 'boolean':
      return 'true or false';
    case 'object':
      return 'an object';
    case 'array':
      return 'a list (JSON array)';
    case 'null':
      return 'null';
    default:
      return t;
  }
}

/** A value as it appears in a message: short and never huge. */
export function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return `a list of ${value.length} item${value.length === 1 ? '' : 's'}`;
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') {
    const s = JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
    return s;
  }
  if (typeof value === 'number' && !Number.isInteger(value)) return String(value);
  return String(value);
}

/** `$`, `.key`, `["odd key"]`, `[3]`. */
export function jsonPath(path: readonly PropertyKey[]): string {
  let out = '$';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (typeof seg === 'string' && /^[A-Za-z_$][A-Za-z0-9_$]{0,63}$/.test(seg)) out += `.${seg}`;
    else out += `[${JSON.stringify(String(seg))}]`;
  }
  return out;
}

function problem(level: PolicyProblem['level'], path: string, message: string, expected?: string, found?: string): PolicyProblem {
  const p: PolicyProblem = { level, path, message };
  if (expected !== undefined) p.expected = expected;
  if (found !== undefined) p.found = found;
  return p;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** The known key nearest to a misspelled one (edit distance at most 2), for the warning. */
function nearestKey(key: string): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const k of KNOWN_KEYS) {
    if (Math.abs(k.length - key.length) >= bestDistance) continue;
    const d = editDistance(key.toLowerCase(), k.toLowerCase(), bestDistance);
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return best;
}

/** Levenshtein distance, giving up (returning `limit`) once it cannot be below `limit`. Keys are short. */
function editDistance(a: string, b: string, limit: number): number {
  if (a.length > 64 || b.length > 64) return limit;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin >= limit) return limit;
    prev = cur;
  }
  return prev[b.length]!;
}

/** A copy of `value` without the keys at the given paths (the unknown keys, after warning). */
function withoutKeys(value: unknown, paths: Array<Array<string | number>>): unknown {
  const copy = JSON.parse(JSON.stringify(value)) as unknown;
  for (const path of paths) {
    let node: unknown = copy;
    for (const seg of path.slice(0, -1)) node = isObject(node) || Array.isArray(node) ? (node as Record<string, unknown>)[seg as string] : undefined;
    if (isObject(node)) delete node[path[path.length - 1] as string];
  }
  return copy;
}

function withoutOrganizationOnly(policy: Policy): Policy {
  const out: Record<string, unknown> = { ...policy };
  for (const key of ORGANIZATION_ONLY) delete out[key];
  return out as Policy;
}

/** Where a JSON.parse error happened, as line and column when the engine says the position. */
function jsonErrorWhere(text: string, err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const m = /position (\d{1,9})/.exec(message);
  if (!m) return message;
  const pos = Math.min(Number(m[1]), text.length);
  let line = 1;
  let col = 1;
  for (let i = 0; i < pos; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      col = 1;
    } else col++;
  }
  const reason = message.replace(/\s*(in JSON )?at position \d+.*$/s, '').replace(/^JSON\.parse: /, '');
  return `${reason} at line ${line}, column ${col}${/\/\/|\/\*/.test(text) ? ' (JSON has no comments: write them as "$comment" fields)' : ''}`;
}
