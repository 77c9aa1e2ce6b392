/**
 * Where the add-in's policy comes from: `policy.json` beside the add-in's own files (put there by
 * the admin who hosts the add-in; DESIGN.md section 4). No other server, no other origin.
 *
 * Missing, slow or unparsable: checking never stops; the bundled default applies and the returned
 * notice says so, for the pane (and the playground) to show.
 *
 * The seam for the policy module: `toResolvedPolicy` is the ONE place a fetched document becomes
 * a policy. Schema validation and layer merging (organization, then the user's own preferences)
 * belong in src/policy/ and replace its body; callers here do not change.
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
 * Turns a parsed policy document into the policy the classifier runs on. Throws with a message
 * that names the problem when the document is not a policy object.
 */
export function toResolvedPolicy(doc: unknown): ResolvedPolicy {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    throw new Error('policy.json must hold a JSON object');
  }
  return resolvePolicy(doc as Policy);
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
      return res.text().then((text) => {
        let doc: unknown;
        try {
          doc = JSON.parse(text);
        } catch {
          return fallback('The organization policy is not valid JSON; the built-in default applies.');
        }
        try {
          return { policy: toResolvedPolicy(doc), source: 'organization' as const };
        } catch (err) {
          const why = err instanceof Error ? err.message : String(err);
          return fallback(`The organization policy is invalid (${why}); the built-in default applies.`);
        }
      });
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
