import type { Action, Category, Severity } from '../classifier/types.js';

/**
 * The organization policy, as the classifier consumes it (DESIGN.md section 4).
 * Every field is optional: what a policy leaves out comes from the bundled default.
 */
export interface Policy {
  /** Schema version of this document. */
  version?: 1;
  /** Action for each severity when no category or rule setting says otherwise. */
  severityActions?: Partial<Record<Severity, Action>>;
  /** Per category: its action, and the least severity that is reported at all. */
  categories?: Partial<Record<Category, ActionSetting>>;
  /** Per rule, by full id (`pii/ssn`, `tone/shouting`); wins over the category setting. */
  rules?: Record<string, ActionSetting>;
  /** The organization's own terms: client names, codenames, words. */
  terms?: Term[];
  /** Domains whose recipients are internal (`example.com` also covers `mail.example.com`). */
  internalDomains?: string[];
  /** Words and phrases never reported by the phrase lexicons (e.g. a product called "Killer App"). */
  allow?: string[];
  /** Sends inside these hours raise `context/late-night`. `start` after `end` wraps midnight. */
  quietHours?: { start: string; end: string; timeZone?: string } | null;
  /** More recipients than this (to + cc + bcc) raises `context/large-audience`. 0 turns it off. */
  maxRecipients?: number;
  /** What the send handler does when checking fails. */
  onError?: 'send' | 'hold';
  /** How Outlook treats a warn at send time. */
  sendMode?: 'prompt' | 'soft-block' | 'block';
  /** Longest body, in UTF-16 code units, that is checked; the rest is reported as not checked. */
  maxDraftChars?: number;
  /** JSON paths of settings the user's own preferences cannot relax (e.g. `categories.pii`). */
  locks?: string[];
}

export interface ActionSetting {
  /** Action for findings of this category or rule. Absent: decided by severity. */
  action?: Action;
  /** Findings below this severity are dropped. */
  minSeverity?: Severity;
}

export interface Term {
  /** Rule id inside its category; derived from the first pattern when absent. */
  id?: string;
  /** Phrase patterns in lexicon syntax (see lexicons/README.md). */
  patterns: string[];
  category: Category;
  severity: Severity;
  message: string;
  suggestion?: string;
  /** Only report when a recipient is outside the internal domains. */
  externalOnly?: boolean;
  /** Phrases that contain a pattern but are fine. */
  exceptions?: string[];
}

/** A policy with every field present: what the classifier actually runs on. */
export type ResolvedPolicy = Required<Omit<Policy, 'quietHours' | 'version'>> & {
  version: 1;
  quietHours: { start: string; end: string; timeZone?: string } | null;
};
