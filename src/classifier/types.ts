/**
 * Public types of the Second Thought classifier core.
 *
 * The core is pure TypeScript: no Office, no DOM, no Node APIs, so the same
 * code runs in the Outlook task pane, Outlook's JavaScript-only event runtime,
 * Node (CLI, tests) and the Gmail extension.
 */

/** Category ids. Fixed: others script against them (DESIGN.md section 2). */
export const CATEGORIES = [
  'pii',
  'secret',
  'insult',
  'identity',
  'profanity',
  'threat',
  'legal',
  'confidential',
  'tone',
  'context',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** Categories about what the writer says; suppressed inside quoted replies, signatures and disclaimers. */
export const CONTENT_CATEGORIES: readonly Category[] = [
  'insult',
  'identity',
  'profanity',
  'threat',
  'legal',
  'confidential',
  'tone',
];

export const SEVERITIES = ['low', 'medium', 'high'] as const;
export type Severity = (typeof SEVERITIES)[number];
/** Severities in order, weakest first: compare ranks, not names. */
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { low: 0, medium: 1, high: 2 };

/** What the policy does with a finding. `off` findings are dropped before they reach a host. */
export const ACTIONS = ['off', 'inform', 'warn', 'block'] as const;
export type Action = (typeof ACTIONS)[number];
/** Actions in order, weakest first (`off` lowest): compare ranks, not names. */
export const ACTION_RANK: Readonly<Record<Action, number>> = { off: 0, inform: 1, warn: 2, block: 3 };

/** The strongest action among a draft's findings (`pass` when there is none at inform or above). */
export type Verdict = 'pass' | 'inform' | 'warn' | 'block';

/** Which part of the draft a finding's offsets refer to. */
export type Field = 'body' | 'subject' | 'recipients' | 'sentAt';

/**
 * A raw detection before the policy decides its action.
 * Detectors return hits; the classifier turns them into findings.
 */
export interface Hit {
  category: Category;
  /** Rule id inside the category, e.g. `credit-card` (the full id is `pii/credit-card`). */
  rule: string;
  severity: Severity;
  /** UTF-16 offset into the original text of the field, inclusive. */
  start: number;
  /** UTF-16 offset into the original text of the field, exclusive. */
  end: number;
  /** Why this matters, in one sentence a writer understands. */
  message: string;
  /** A better phrasing or what to do instead. */
  suggestion?: string;
}

/** A finding as hosts see it (DESIGN.md section 3). */
export interface Finding extends Hit {
  /** What the policy does with it. Never `off` (those are dropped). */
  action: Exclude<Action, 'off'>;
  /** Exactly `original.slice(start, end)` of the field. Empty for `recipients` and `sentAt` findings. */
  text: string;
  /** Field the offsets refer to; `body` when absent. */
  field?: Field;
}

/** A recipient: a bare address or Outlook's `{emailAddress, displayName}` shape. */
export type Recipient = string | { emailAddress: string; displayName?: string };

/** A draft to check. A bare string is a body with nothing else known. */
export interface Draft {
  body: string;
  subject?: string;
  to?: Recipient[];
  cc?: Recipient[];
  bcc?: Recipient[];
  from?: Recipient;
  /** When the message is (or would be) sent; used by quiet-hours checks. */
  sentAt?: Date | string | number;
}

export interface ClassifyResult {
  verdict: Verdict;
  /** Sorted by field (subject first), then start offset. */
  findings: Finding[];
  /** True when part of the draft was over the policy's size limit and was not checked. */
  truncated: boolean;
  /** Things the host must tell the user (e.g. what was not checked). Plain text. */
  notices: string[];
}

export interface Classifier {
  classify(draft: string | Draft): ClassifyResult;
}

/**
 * A detector scans the original text of one field and returns hits.
 * Detectors must be linear in the text length: no regular expression with
 * nested or overlapping unbounded quantifiers over user text.
 */
export interface Detector {
  /** e.g. `pii/ssn`, `secret/known-keys`, `tone/shouting`. */
  id: string;
  detect(text: string): Hit[];
  /**
   * It reads only the text between quoted replies, signatures and disclaimers: its findings there
   * would be dropped (a content category), and those elsewhere depend only on their own line or
   * sentence, so running it on the parts in between gives the same result.
   */
  outsideQuotes?: boolean;
}
