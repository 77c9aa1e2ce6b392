/**
 * Where the add-in's policy comes from: `policy.json` beside the add-in's own files (put there by
 * the admin who hosts the add-in; DESIGN.md section 4). No other server, no other origin.
 *
 * Missing, slow or unparsable: checking never stops; the bundled default applies and the returned
 * notice says so, for the pane (and the playground) to show.
 *
 * Validation, defaults and the wording of problems belong to src/policy (loadOrganizationPolicy).
 */
import { DEFAULT_POLICY, resolvePolicy } from '../policy/defaults.js';
import type { Policy, ResolvedPolicy } from '../policy/types.js';

/** Set by webpack's DefinePlugin to the origin the add-in is built for (e.g. `https://localhost:3000`). */
declare const __ST_ORIGIN__: string;

export interface PolicyLoad {
  policy: ResolvedPolicy;
  source: 'organization' | 'default';
  /** Plain text for the user when the organization policy could not be used. */
  notice?: string;
}

export const POLICY_FILE = 'policy.json';

/**
 * Reads policy.json text WITHOUT the schema: JSON, an object, resolved over the default. This is
 * what the send handler uses, because the schema (zod) alone would add ~38 KB gzipped to a script
 * that loads on every Send (budget: 100 KB). The task pane validates the same file in full
 * (policy-text.ts) and tells the user when it is invalid; admins validate before deploying
 * (`second-thought policy validate`). The values that decide actions are still checked here
 * (structuralProblem): a policy failing them means the default, as in the pane. Anything subtler
 * that slips through (a term pattern that does not compile) fails the classifier, and the send
 * handler then checks with the default (send-handler.ts), so checking never stops.
 */
export function policyFromTextUnvalidated(text: string): PolicyLoad {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return fallback('The organization policy is not valid JSON; the built-in default applies.');
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    return fallback('The organization policy is invalid (it must be a JSON object); the built-in default applies.');
  }
  const wrong = structuralProblem(doc as Record<string, unknown>);
  if (wrong) return fallback(`The organization policy is invalid (${wrong}); the built-in default applies.`);
  try {
    return { policy: resolvePolicy(doc as Policy), source: 'organization' };
  } catch (err) {
    return fallback(`The organization policy is invalid (${err instanceof Error ? err.message : String(err)}); the built-in default applies.`);
  }
}

const ACTION_VALUES = ['off', 'inform', 'warn', 'block'];
const SEVERITY_VALUES = ['low', 'medium', 'high'];

/**
 * The checks the send handler can afford without the schema: every value that decides an action
 * or the handler's own behaviour has a known type and value. A policy failing them is invalid and
 * the default applies at send as in the pane (a made-up action must not turn a category off).
 * The first problem as `$.path: what`, or undefined. Unknown keys are not looked at (the full
 * validator only warns about them).
 */
export function structuralProblem(doc: Record<string, unknown>): string | undefined {
  const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
  const setting = (v: unknown, path: string): string | undefined => {
    if (!isObj(v)) return `${path}: expected an object`;
    if (v.action !== undefined && !ACTION_VALUES.includes(v.action as string)) return `${path}.action: expected one of ${ACTION_VALUES.join(', ')}`;
    if (v.minSeverity !== undefined && !SEVERITY_VALUES.includes(v.minSeverity as string)) return `${path}.minSeverity: expected one of ${SEVERITY_VALUES.join(', ')}`;
    return undefined;
  };
  const strings = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === 'string');
  if (doc.version !== undefined && doc.version !== 1) return '$.version: expected 1';
  if (doc.severityActions !== undefined) {
    if (!isObj(doc.severityActions)) return '$.severityActions: expected an object';
    for (const [k, v] of Object.entries(doc.severityActions)) {
      if (SEVERITY_VALUES.includes(k) && !ACTION_VALUES.includes(v as string)) return `$.severityActions.${k}: expected one of ${ACTION_VALUES.join(', ')}`;
    }
  }
  for (const key of ['categories', 'rules'] as const) {
    const map = doc[key];
    if (map === undefined) continue;
    if (!isObj(map)) return `$.${key}: expected an object`;
    for (const [k, v] of Object.entries(map)) {
      if (k === '$comment') continue;
      const problem = setting(v, `$.${key}.${k}`);
      if (problem) return problem;
    }
  }
  if (doc.terms !== undefined) {
    if (!Array.isArray(doc.terms)) return '$.terms: expected a list';
    for (let i = 0; i < doc.terms.length; i++) {
      const t = doc.terms[i];
      if (!isObj(t) || !strings(t.patterns) || typeof t.category !== 'string' || !SEVERITY_VALUES.includes(t.severity as string) || typeof t.message !== 'string') {
        return `$.terms[${i}]: expected patterns, category, severity and message`;
      }
    }
  }
  for (const key of ['allow', 'internalDomains', 'locks'] as const) if (doc[key] !== undefined && !strings(doc[key])) return `$.${key}: expected a list of strings`;
  for (const key of ['maxRecipients', 'maxDraftChars'] as const) {
    const v = doc[key];
    if (v !== undefined && (typeof v !== 'number' || !Number.isInteger(v) || v < 0)) return `$.${key}: expected a whole number`;
  }
  if (doc.onError !== undefined && doc.onError !== 'send' && doc.onError !== 'hold') return '$.onError: expected send or hold';
  if (doc.sendMode !== undefined && !['prompt', 'soft-block', 'block'].includes(doc.sendMode as string)) return '$.sendMode: expected prompt, soft-block or block';
  if (doc.requireOverrideReason !== undefined && typeof doc.requireOverrideReason !== 'boolean') return '$.requireOverrideReason: expected true or false';
  if (doc.quietHours !== undefined && doc.quietHours !== null && !isObj(doc.quietHours)) return '$.quietHours: expected an object or null';
  return undefined;
}

/** The script's own address, captured while it is being evaluated (only then is it known). */
const scriptUrl: string | undefined = (() => {
  try {
    if (typeof document !== 'undefined' && document.currentScript && 'src' in document.currentScript) {
      const src = (document.currentScript as HTMLScriptElement).src;
      if (/^https?:\/\//i.test(src)) return src;
    }
  } catch {
    /* no DOM: Outlook's JavaScript-only runtime */
  }
  return undefined;
})();

/**
 * Absolute URL of policy.json. In a page (task pane, event page, playground) it sits beside the
 * page; in classic Outlook's JavaScript-only runtime there is no page and fetch needs an absolute
 * URL, so it is derived from the script's own address or, failing that, the origin the bundle was
 * built for (`ST_ORIGIN` at build time).
 */
export function policyUrl(): string {
  try {
    if (typeof location !== 'undefined' && /^https?:\/\//i.test(String(location.href))) {
      return new URL(POLICY_FILE, String(location.href)).href;
    }
  } catch {
    /* fall through */
  }
  if (scriptUrl) return new URL(POLICY_FILE, scriptUrl).href;
  const origin = typeof __ST_ORIGIN__ === 'string' ? __ST_ORIGIN__ : 'https://localhost:3000';
  return `${origin.replace(/\/+$/, '')}/${POLICY_FILE}`;
}

export interface LoadOptions {
  url?: string;
  /** Text of policy.json to policy: the validating `policyFromText` (policy-text.ts) or the default unvalidated reader. */
  parse?: (text: string) => PolicyLoad;
  timeoutMs?: number;
  fetch?: (url: string, init?: object) => Promise<{ ok: boolean; status: number; text(): Promise<string> }>;
}

function fallback(notice: string): PolicyLoad {
  return { policy: DEFAULT_POLICY, source: 'default', notice };
}

/** Fetches and resolves the organization policy; never rejects. */
export function loadPolicy(options: LoadOptions = {}): Promise<PolicyLoad> {
  const timeoutMs = options.timeoutMs ?? 3000;
  const doFetch = options.fetch ?? (typeof fetch === 'function' ? (fetch as unknown as LoadOptions['fetch']) : undefined);
  if (!doFetch) return Promise.resolve(fallback('No organization policy could be loaded here; the built-in default applies.'));
  let url: string;
  try {
    url = options.url ?? policyUrl();
  } catch {
    return Promise.resolve(fallback('The organization policy address is unknown; the built-in default applies.'));
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<PolicyLoad>((resolve) => {
    timer = setTimeout(
      () => resolve(fallback(`The organization policy did not arrive within ${timeoutMs} ms; the built-in default applies.`)),
      timeoutMs,
    );
  });
  const load = Promise.resolve()
    .then(() => doFetch(url, { cache: 'no-cache', credentials: 'same-origin' }))
    .then((res): Promise<PolicyLoad> | PolicyLoad => {
      if (res.status === 404) return fallback('No organization policy is installed; the built-in default applies.');
      if (!res.ok) return fallback(`The organization policy could not be loaded (HTTP ${res.status}); the built-in default applies.`);
      return res.text().then(options.parse ?? policyFromTextUnvalidated);
    })
    .catch(() => fallback('The organization policy could not be reached; the built-in default applies.'));
  return Promise.race([load, timeout]).then((result) => {
    if (timer !== undefined) clearTimeout(timer);
    return result;
  });
}

let cached: Promise<PolicyLoad> | undefined;

/** loadPolicy, once per runtime (an event runtime lives for one event; a pane for one session). */
export function getPolicy(options?: LoadOptions): Promise<PolicyLoad> {
  if (!cached) cached = loadPolicy(options);
  return cached;
}

/** For tests and for the pane's "reload policy". */
export function resetPolicyCache(): void {
  cached = undefined;
}
