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
import { z } from 'zod';
import { ACTIONS, CATEGORIES, SEVERITIES } from '../classifier/types.js';
import { parsePattern } from '../classifier/match/pattern.js';

/** The schema version this build understands. A policy says which one it was written for. */
export const POLICY_VERSION = 1;

/** Where the published schema is documented to live (its `$id`; nothing fetches it). */
export const SCHEMA_ID = 'https://second-thought.invalid/schema/policy-v1.json';

const comment = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .meta({ description: 'A comment for people reading the policy; ignored.' });

/** A strict object (unknown keys are reported) that may carry a `$comment`. */
function obj<T extends z.ZodRawShape>(shape: T) {
  return z.strictObject({ $comment: comment, ...shape });
}

export const ActionSchema = z.enum(ACTIONS).meta({
  description: 'off: dropped; inform: shown in the pane only; warn: asks "send anyway?" at send; block: cannot send until changed.',
});
export const SeveritySchema = z.enum(SEVERITIES);
export const CategorySchema = z.enum(CATEGORIES);
/** Categories a term may belong to: `context` is about the situation, never about words. */
export const TERM_CATEGORIES = CATEGORIES.filter((c) => c !== 'context');

const RULE_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
/** `category/rule`, e.g. `pii/ssn`. Bounded quantifiers only. */
export const FULL_RULE_ID = new RegExp(`^(${CATEGORIES.join('|')})/[a-z0-9][a-z0-9-]{0,63}$`);

/** A phrase pattern in lexicon syntax, checked by the same parser the classifier compiles it with. */
export const PatternSchema = z
  .string()
  .superRefine((source, ctx) => {
    const problem = patternProblem(source);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, params: { expected: 'a phrase pattern (lexicons/README.md)' } });
  })
  .meta({ description: 'A phrase pattern in lexicon syntax (lexicons/README.md): words, a|b, stem*, (optional), <name>, <num>, <any>, ...N gaps.' });

/** Why a phrase pattern cannot be compiled, or undefined. The parser is linear: no pattern can backtrack. */
export function patternProblem(source: string): string | undefined {
  try {
    parsePattern(source);
    return undefined;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

export const ActionSettingSchema = obj({
  action: ActionSchema.optional().meta({ description: 'Action for these findings. Absent: decided by severity (severityActions).' }),
  minSeverity: SeveritySchema.optional().meta({ description: 'Findings below this severity are dropped.' }),
});

export const TermSchema = obj({
  id: z
    .string()
    .regex(RULE_ID, 'a rule id of lowercase letters, digits and hyphens (at most 64), e.g. "project-falcon"')
    .optional()
    .meta({ description: 'Rule id inside its category (the full id is category/id). Derived from the first pattern when absent.' }),
  patterns: z.array(PatternSchema).min(1).max(200),
  category: z.enum(TERM_CATEGORIES),
  severity: SeveritySchema,
  message: z.string().min(1).max(500).meta({ description: 'Why this matters, shown to the writer.' }),
  suggestion: z.string().min(1).max(500).optional(),
  externalOnly: z.boolean().optional().meta({ description: 'Only report when a recipient is outside internalDomains.' }),
  exceptions: z.array(PatternSchema).max(200).optional().meta({ description: 'Phrases that contain a pattern but are fine.' }),
});

const HHMM = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'a time of day as "HH:MM" (24-hour, e.g. "22:00")');

export const QuietHoursSchema = obj({
  start: HHMM,
  end: HHMM,
  timeZone: z
    .string()
    .superRefine((zone, ctx) => {
      if (!isTimeZone(zone)) ctx.addIssue({ code: 'custom', message: 'unknown time zone', params: { expected: 'an IANA time zone such as "Europe/Berlin"' } });
    })
    .optional()
    .meta({ description: "IANA time zone of the sender's working day; absent: the device's own." }),
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

const categoriesShape = Object.fromEntries(CATEGORIES.map((c) => [c, ActionSettingSchema.optional()])) as {
  [C in (typeof CATEGORIES)[number]]: z.ZodOptional<typeof ActionSettingSchema>;
};

export const PolicySchema = obj({
  $schema: z.string().optional().meta({ description: 'Address of this schema, for editors.' }),
  version: z
    .literal(POLICY_VERSION)
    .optional()
    .meta({ description: `Schema version the policy is written for. This build understands ${POLICY_VERSION}.` }),
  severityActions: obj({ low: ActionSchema.optional(), medium: ActionSchema.optional(), high: ActionSchema.optional() })
    .optional()
    .meta({ description: 'Action for each severity when no category or rule setting says otherwise.' }),
  categories: obj(categoriesShape)
    .optional()
    .meta({ description: 'Per category: its action, and the least severity that is reported at all.' }),
  rules: z
    .record(z.string().regex(FULL_RULE_ID, 'a rule id "category/rule", e.g. "pii/ssn"'), ActionSettingSchema)
    .optional()
    .meta({ description: 'Per rule, by full id (pii/ssn, tone/shouting); wins over the category setting.' }),
  terms: z
    .array(TermSchema)
    .max(5000)
    .optional()
    .meta({ description: "The organization's own terms: client names, codenames, words." }),
  internalDomains: z
    .array(z.string().regex(DOMAIN, 'a domain name such as "example.com"'))
    .max(1000)
    .optional()
    .meta({ description: 'Domains whose recipients are internal; a domain also covers its subdomains.' }),
  allow: z
    .array(PatternSchema)
    .max(5000)
    .optional()
    .meta({ description: 'Words and phrases never reported by the phrase lexicons or terms.' }),
  quietHours: QuietHoursSchema.nullable()
    .optional()
    .meta({ description: 'Sends inside these hours raise context/late-night; start after end wraps midnight; null: off.' }),
  maxRecipients: z
    .number()
    .int()
    .min(0)
    .max(100000)
    .optional()
    .meta({ description: 'More recipients than this (to + cc + bcc) raises context/large-audience; 0: off.' }),
  onError: z.enum(['send', 'hold']).optional().meta({ description: 'What the send handler does when checking fails.' }),
  sendMode: z
    .enum(['prompt', 'soft-block', 'block'])
    .optional()
    .meta({ description: 'How Outlook treats a warn at send time.' }),
  maxDraftChars: z
    .number()
    .int()
    .min(1000)
    .max(50_000_000)
    .optional()
    .meta({ description: 'Longest body, in UTF-16 code units, that is checked; the rest is reported as not checked.' }),
  locks: z
    .array(
      z
        .string()
        .regex(
          LOCK_PATH,
          'a lockable setting: severityActions[.low|medium|high], categories[.<category>], rules[.<category/rule>], allow, quietHours or maxRecipients',
        ),
    )
    .max(1000)
    .optional()
    .meta({ description: "Settings the user's own preferences cannot relax." }),
}).meta({
  title: 'Second Thought policy',
  description: 'Organization policy (or user preferences) for the Second Thought add-in. Layers: bundled default, organization, user.',
});

/** Every key the schema knows anywhere, for "did you mean" hints on unknown keys. */
export const KNOWN_KEYS: readonly string[] = [
  ...Object.keys(PolicySchema.shape),
  ...Object.keys(TermSchema.shape),
  ...Object.keys(QuietHoursSchema.shape),
  ...Object.keys(ActionSettingSchema.shape),
  ...SEVERITIES,
  ...CATEGORIES,
].filter((k, i, all) => all.indexOf(k) === i);
