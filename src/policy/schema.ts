/**
 * The policy schema, written once: the TypeScript types (src/policy/types.ts), the validator
 * (src/policy/validate.ts) and the published JSON Schema (`second-thought policy schema`,
 * schema/policy.schema.json) are all derived from it, so they cannot drift apart.
 *
 * Structure only lives here (types, enums, formats, and each term pattern checked with the
 * lexicon pattern parser). Checks that need the whole document (duplicate term ids, locks
 * that contradict the policy) are in validate.ts.
 *
 * Every object (except the `rules` map itself, whose keys are rule ids) may carry a
 * `"$comment"` (a string or a list of strings): JSON has no comments,
 * so a policy documents itself in `$comment` fields, which are ignored (the same keyword JSON
 * Schema uses for comments). The top level may also carry `"$schema"` so editors find the schema.
 */
import * as z from 'zod/mini';
import { ACTIONS, CATEGORIES, SEVERITIES } from '../classifier/types.js';
import { parseTerms } from '../classifier/match/pattern.js';
import { LEXICON_SETS } from '../classifier/lexicons/compiled.js';

/*
 * Written with zod/mini (the functional API of zod 4): it tree-shakes, so the send handler, which
 * validates policy.json on every send and must stay small, carries only the validators it uses
 * (the classic API drags in the whole library, JSON Schema generator included).
 */

/** The schema version this build understands. A policy says which one it was written for. */
export const POLICY_VERSION = 1;

/** Where the published schema is documented to live (its `$id`; nothing fetches it). */
export const SCHEMA_ID = 'https://second-thought.invalid/schema/policy-v1.json';

/** Attaches a description that the published JSON Schema carries. */
function doc<T extends z.core.$ZodType>(schema: T, description: string): T {
  z.globalRegistry.add(schema, { description });
  return schema;
}

const comment = doc(z.optional(z.union([z.string(), z.array(z.string())])), 'A comment for people reading the policy; ignored.');

/** A strict object (unknown keys are reported) that may carry a `$comment`. */
function obj<T extends z.core.$ZodLooseShape>(shape: T) {
  return z.strictObject({ $comment: comment, ...shape });
}

export const ActionSchema = doc(
  z.enum(ACTIONS),
  'off: dropped; inform: shown in the pane only; warn: asks "send anyway?" at send; block: cannot send until changed.',
);
export const SeveritySchema = z.enum(SEVERITIES);
/** Categories a term may belong to: `context` is about the situation, never about words. */
export const TERM_CATEGORIES = CATEGORIES.filter((c) => c !== 'context');

const RULE_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
/** `category/rule`, e.g. `pii/ssn`. Bounded quantifiers only. */
export const FULL_RULE_ID = new RegExp(`^(${CATEGORIES.join('|')})/[a-z0-9][a-z0-9-]{0,63}$`);

/** A phrase pattern in lexicon syntax, checked by the same parser the classifier compiles it with. */
export const PatternSchema = doc(
  z.string().check(
    z.superRefine((source, ctx) => {
      const problem = patternProblem(source);
      if (problem) ctx.addIssue({ code: 'custom', message: problem, params: { expected: 'a phrase pattern (lexicons/README.md)' } });
    }),
  ),
  'A phrase pattern in lexicon syntax (lexicons/README.md): words, a|b, stem*, (optional), <name>, <num>, <any>, ...N gaps.',
);

/** Why a phrase pattern cannot be compiled, or undefined. The parser is linear: no pattern can backtrack. */
export function patternProblem(source: string): string | undefined {
  try {
    parseTerms(source, LEXICON_SETS);
    return undefined;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

const text = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));
const list = <T extends z.core.$ZodType>(item: T, max: number) => z.array(item).check(z.maxLength(max));
const whole = (min: number, max: number) => z.int().check(z.gte(min), z.lte(max));

export const ActionSettingSchema = obj({
  action: doc(z.optional(ActionSchema), 'Action for these findings. Absent: decided by severity (severityActions).'),
  minSeverity: doc(z.optional(SeveritySchema), 'Findings below this severity are dropped.'),
});

export const TermSchema = obj({
  id: doc(
    z.optional(z.string().check(z.regex(RULE_ID, 'a rule id of lowercase letters, digits and hyphens (at most 64), e.g. "project-falcon"'))),
    'Rule id inside its category (the full id is category/id). Derived from the first pattern when absent.',
  ),
  patterns: z.array(PatternSchema).check(z.minLength(1), z.maxLength(200)),
  category: z.enum(TERM_CATEGORIES),
  severity: SeveritySchema,
  message: doc(text(500), 'Why this matters, shown to the writer.'),
  suggestion: z.optional(text(500)),
  externalOnly: doc(z.optional(z.boolean()), 'Only report when a recipient is outside internalDomains.'),
  exceptions: doc(z.optional(list(PatternSchema, 200)), 'Phrases that contain a pattern but are fine.'),
  excusedBy: doc(
    z.optional(list(PatternSchema, 200)),
    'Phrases that make a match fine when one stands earlier in its paragraph (at most 600 characters back), as in the lexicons.',
  ),
  needs: doc(
    z.optional(list(PatternSchema, 200)),
    'Phrases of which one must stand within 240 characters of a match, in its paragraph, for the match to count, as in the lexicons.',
  ),
});

const HHMM = z.string().check(z.regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'a time of day as "HH:MM" (24-hour, e.g. "22:00")'));

export const QuietHoursSchema = obj({
  start: HHMM,
  end: HHMM,
  timeZone: doc(
    z.optional(
      z.string().check(
        z.superRefine((zone, ctx) => {
          if (!isTimeZone(zone)) ctx.addIssue({ code: 'custom', message: 'unknown time zone', params: { expected: 'an IANA time zone such as "Europe/Berlin"' } });
        }),
      ),
    ),
    "IANA time zone of the sender's working day; absent: the device's own.",
  ),
});

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const DOMAIN = /^@?[A-Za-z0-9-]{1,63}(\.[A-Za-z0-9-]{1,63}){1,10}$/;

/** Lock paths: what a lock can protect (see layers.ts for what a lock means). */
export const LOCK_PATH = new RegExp(
  `^(severityActions(\\.(${SEVERITIES.join('|')}))?|categories(\\.(${CATEGORIES.join('|')}))?|rules(\\.(${CATEGORIES.join('|')})/[a-z0-9][a-z0-9-]{0,63})?|allow|quietHours|maxRecipients)$`,
);

const categoriesShape = Object.fromEntries(CATEGORIES.map((c) => [c, z.optional(ActionSettingSchema)])) as {
  [C in (typeof CATEGORIES)[number]]: z.ZodMiniOptional<typeof ActionSettingSchema>;
};

export const PolicySchema = doc(
  obj({
    $schema: doc(z.optional(z.string()), 'Address of this schema, for editors.'),
    version: doc(z.optional(z.literal(POLICY_VERSION)), `Schema version the policy is written for. This build understands ${POLICY_VERSION}.`),
    severityActions: doc(
      z.optional(obj({ low: z.optional(ActionSchema), medium: z.optional(ActionSchema), high: z.optional(ActionSchema) })),
      'Action for each severity when no category or rule setting says otherwise.',
    ),
    categories: doc(z.optional(obj(categoriesShape)), 'Per category: its action, and the least severity that is reported at all.'),
    rules: doc(
      z.optional(z.record(z.string().check(z.regex(FULL_RULE_ID, 'a rule id "category/rule", e.g. "pii/ssn"')), ActionSettingSchema)),
      'Per rule, by full id (pii/ssn, tone/shouting); wins over the category setting.',
    ),
    terms: doc(z.optional(list(TermSchema, 5000)), "The organization's own terms: client names, codenames, words."),
    internalDomains: doc(
      z.optional(list(z.string().check(z.regex(DOMAIN, 'a domain name such as "example.com"')), 1000)),
      'Domains whose recipients are internal; a domain also covers its subdomains.',
    ),
    allow: doc(z.optional(list(PatternSchema, 5000)), 'Words and phrases never reported by the phrase lexicons or terms.'),
    quietHours: doc(
      z.optional(z.nullable(QuietHoursSchema)),
      'Sends inside these hours raise context/late-night; start after end wraps midnight; null: off.',
    ),
    maxRecipients: doc(z.optional(whole(0, 100000)), 'More recipients than this (to + cc + bcc) raises context/large-audience; 0: off.'),
    onError: doc(z.optional(z.enum(['send', 'hold'])), 'What the send handler does when checking fails.'),
    sendMode: doc(z.optional(z.enum(['prompt', 'soft-block', 'block'])), 'How Outlook treats a warn at send time.'),
    requireOverrideReason: doc(
      z.optional(z.boolean()),
      'When true, sending past a warning needs a short reason given in the task pane; the sent message carries it with the rule ids in an x-second-thought-override header (never the draft text).',
    ),
    maxDraftChars: doc(
      z.optional(whole(1000, 50_000_000)),
      'Longest body, in UTF-16 code units, that is checked; the rest is reported as not checked.',
    ),
    locks: doc(
      z.optional(
        list(
          z.string().check(
            z.regex(
              LOCK_PATH,
              'a lockable setting: severityActions[.low|medium|high], categories[.<category>], rules[.<category/rule>], allow, quietHours or maxRecipients',
            ),
          ),
          1000,
        ),
      ),
      "Settings the user's own preferences cannot relax.",
    ),
  }),
  'Organization policy (or user preferences) for the Second Thought add-in. Layers: bundled default, organization, user.',
);

/** Every key the schema knows anywhere, for "did you mean" hints on unknown keys. */
export const KNOWN_KEYS: readonly string[] = [
  ...Object.keys(PolicySchema.shape),
  ...Object.keys(TermSchema.shape),
  ...Object.keys(QuietHoursSchema.shape),
  ...Object.keys(ActionSettingSchema.shape),
  ...SEVERITIES,
  ...CATEGORIES,
].filter((k, i, all) => all.indexOf(k) === i);
