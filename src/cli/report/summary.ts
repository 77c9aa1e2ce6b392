/**
 * What `scan` learns about a set of messages: verdict counts, findings per category and rule
 * (and by which action), a few redacted excerpts per rule, and the inputs it could not read.
 * Holds counts and at most `maxExcerpts` short excerpts per rule, never the mail itself, so
 * memory stays flat however large the export.
 */
import type { Action, Category, ClassifyResult, Draft, Finding, Verdict } from '../../classifier/types.js';
import { ACTION_RANK, CATEGORIES } from '../../classifier/types.js';
import { redactedExcerpt, type ExcerptPart } from './redact.js';

export type ProblemKind = 'malformed' | 'unreadable' | 'loop' | 'skipped';

export interface ScanProblem {
  kind: ProblemKind;
  source: string;
  message: string;
}

export interface Excerpt {
  source: string;
  action: Exclude<Action, 'off'>;
  field: string;
  /** Context around the finding with personal data masked (see redact.ts). */
  parts: ExcerptPart[];
}

export interface RuleStats {
  category: Category;
  /** Messages with at least one finding of this rule, by the strongest action of the rule in it. */
  messages: Record<Exclude<Action, 'off'>, number>;
  /** Findings of this rule (a message may have several). */
  findings: number;
  excerpts: Excerpt[];
}

export interface ScanSummaryJson {
  messages: number;
  files: number;
  verdicts: Record<Verdict, number>;
  categories: Record<string, { messages: number; findings: number }>;
  rules: Record<string, { category: Category; findings: number; messages: Record<Exclude<Action, 'off'>, number> }>;
  problems: Record<ProblemKind, number>;
  seconds: number;
  messagesPerSecond: number;
}

export class ScanSummary {
  messages = 0;
  files = 0;
  readonly verdicts: Record<Verdict, number> = { pass: 0, inform: 0, warn: 0, block: 0 };
  readonly categories = new Map<Category, { messages: number; findings: number }>();
  readonly rules = new Map<string, RuleStats>();
  readonly problems: ScanProblem[] = [];
  /** Problems kept in `problems` (the count goes on past it). */
  readonly maxProblemsKept: number;
  readonly problemCounts: Record<ProblemKind, number> = { malformed: 0, unreadable: 0, loop: 0, skipped: 0 };
  readonly maxExcerpts: number;
  readonly started = Date.now();
  finished?: number;
  /** Notices from the classifier (e.g. a message over the size limit), counted by text. */
  readonly notices = new Map<string, number>();

  constructor(options: { maxExcerpts?: number; maxProblemsKept?: number } = {}) {
    this.maxExcerpts = options.maxExcerpts ?? 5;
    this.maxProblemsKept = options.maxProblemsKept ?? 1000;
  }

  problem(kind: ProblemKind, source: string, message: string): void {
    this.problemCounts[kind]++;
    if (this.problems.length < this.maxProblemsKept) this.problems.push({ kind, source, message });
  }

  add(source: string, draft: Draft, result: ClassifyResult): void {
    this.messages++;
    this.verdicts[result.verdict]++;
    for (const n of result.notices) this.notices.set(genericNotice(n), (this.notices.get(genericNotice(n)) ?? 0) + 1);
    const strongest = new Map<string, Finding>();
    const categoriesSeen = new Set<Category>();
    for (const f of result.findings) {
      const id = `${f.category}/${f.rule}`;
      const prev = strongest.get(id);
      if (!prev || ACTION_RANK[f.action] > ACTION_RANK[prev.action]) strongest.set(id, f);
      categoriesSeen.add(f.category);
      const c = this.categories.get(f.category) ?? { messages: 0, findings: 0 };
      c.findings++;
      this.categories.set(f.category, c);
      const r = this.rule(id, f.category);
      r.findings++;
    }
    for (const c of categoriesSeen) this.categories.get(c)!.messages++;
    for (const [id, f] of strongest) {
      const r = this.rule(id, f.category);
      r.messages[f.action]++;
      if (r.excerpts.length < this.maxExcerpts) {
        r.excerpts.push({ source, action: f.action, field: f.field ?? 'body', parts: redactedExcerpt(draft, f, result.findings) });
      }
    }
  }

  private rule(id: string, category: Category): RuleStats {
    let r = this.rules.get(id);
    if (!r) {
      r = { category, messages: { inform: 0, warn: 0, block: 0 }, findings: 0, excerpts: [] };
      this.rules.set(id, r);
    }
    return r;
  }

  finish(): void {
    this.finished = Date.now();
  }

  get seconds(): number {
    return ((this.finished ?? Date.now()) - this.started) / 1000;
  }

  get messagesPerSecond(): number {
    return this.seconds > 0 ? Math.round(this.messages / this.seconds) : this.messages;
  }

  /** Rules by how many messages they flagged (block, then warn, then inform), then id. */
  sortedRules(): Array<[string, RuleStats]> {
    const weight = (r: RuleStats): number => r.messages.block * 1e12 + r.messages.warn * 1e6 + r.messages.inform;
    return [...this.rules].sort((a, b) => weight(b[1]) - weight(a[1]) || (a[0] < b[0] ? -1 : 1));
  }

  /** Every category in DESIGN.md order with its counts (zero when none). */
  categoryRows(): Array<[Category, { messages: number; findings: number }]> {
    return CATEGORIES.map((c) => [c, this.categories.get(c) ?? { messages: 0, findings: 0 }]);
  }

  toJSON(): ScanSummaryJson {
    return {
      messages: this.messages,
      files: this.files,
      verdicts: { ...this.verdicts },
      categories: Object.fromEntries(this.categoryRows().filter(([, v]) => v.findings > 0)),
      rules: Object.fromEntries(this.sortedRules().map(([id, r]) => [id, { category: r.category, findings: r.findings, messages: { ...r.messages } }])),
      problems: { ...this.problemCounts },
      seconds: Math.round(this.seconds * 1000) / 1000,
      messagesPerSecond: this.messagesPerSecond,
    };
  }
}

/** Notices carry message-specific numbers ("the first 1,000,000 of 1,234,567"); count them by kind. */
function genericNotice(n: string): string {
  return n.replace(/[0-9][0-9,.]*/g, 'N');
}
