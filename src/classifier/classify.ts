import type { Policy, ResolvedPolicy } from '../policy/types.js';
import { resolvePolicy } from '../policy/defaults.js';
import { LEXICON, LEXICON_SETS } from './lexicons/compiled.js';
import type { LexiconEntry } from './lexicons/entry.js';
import { parseTerms } from './match/pattern.js';
import { PhraseTrie, resolve, type Accept, type TokenMatch } from './match/trie.js';
import type { Token } from './normalize/tokenize.js';
import { SentenceGate } from './match/gate.js';
import { around, before, phrasesNear, type NearbyQuery } from './match/nearby.js';
import { inReportedQuotation } from './match/quotation.js';
import { findSegments, forEachOutside, inSegment, rangesOutside, type Segment } from './segment/segment.js';
import { DETECTORS } from './detectors/index.js';
import { contextHits, externalRecipients } from './context.js';
import { escalateAimedCriticism } from './recipients.js';
import { learnedHits } from './learned/hits.js';
import { foldWord, scanWords } from './learned/words.js';
import {
  ACTION_RANK,
  CONTENT_CATEGORIES,
  SEVERITY_RANK,
  type Category,
  type Classifier,
  type ClassifyResult,
  type Detector,
  type Draft,
  type Field,
  type Finding,
  type Hit,
  type Severity,
  type Verdict,
} from './types.js';

/** A phrase rule compiled into the trie: a lexicon entry or one of the policy's own terms. */
export interface PhraseRule {
  category: Category;
  rule: string;
  severity: Severity;
  message: string;
  suggestion?: string;
  externalOnly: boolean;
  /** Keeps its severity when quoted or said in a story (see QUOTABLE). */
  keepWhenQuoted: boolean;
  /** Some phrase earlier in the paragraph can excuse a match (`excusers`, lexicon `excusedBy`). */
  excusable: boolean;
  /** A match counts only with one of its needed phrases near it (`needed`, lexicon `needs`). */
  needy: boolean;
}

const LOWER: Record<Severity, Severity> = { high: 'medium', medium: 'low', low: 'low' };

/** Words that, just before an insult or threat, make it a denial ("I would never call him an idiot"). */
const NEGATORS = new Set(['never', 'not', 'no', 't', 'nobody', 'nothing', 'neither', 'nor', 'hardly', 'without']);
/**
 * Words after which a negator negates the writer's disbelief or patience, not the remark that
 * follows: "can't believe that idiot", "no wonder the moron failed", "never met such a clown",
 * "nothing but a liar", "can't wait to see him suffer".
 */
const NOT_NEGATING_BEFORE = new Set(['believe', 'wonder', 'surprised', 'surprise', 'surprising', 'stand', 'bear', 'wait', 'help', 'but', 'met', 'seen', 'doubt', 'kidding', 'joking']);
/** How many tokens before a phrase are looked at for a negator. */
const NEGATION_WINDOW = 4;
/** Categories whose severity a negation lowers by one step (profanity stays profanity). */
const NEGATABLE: ReadonlySet<Category> = new Set(['insult', 'threat']);
/**
 * Categories about the writer's own attitude, whose phrases are low severity when they are
 * someone else's words: quoted ("a customer called Jess a 'stupid cow'", "phrases like 'per my
 * last email'") or a character's in a story (FICTION_WORDS). Not profanity (swearing stays
 * swearing), not confidential (a quoted leak still leaks), and not a rule marked keepWhenQuoted
 * (a slur is written out all the same).
 */
const QUOTABLE: ReadonlySet<Category> = new Set(['insult', 'identity', 'threat', 'legal', 'tone']);

/**
 * Compiles the lexicons, the policy's terms and allow-list and the detectors once;
 * `classify` then runs in one pass per field. Throws only on a policy whose term
 * patterns do not parse (validate policies first: src/policy).
 */
export function createClassifier(policy?: Policy): Classifier {
  const p = resolvePolicy(policy);
  const phrases = compilePhrases(p);
  return { classify: (draft) => classify(normalizeDraft(draft), p, phrases, DETECTORS) };
}

/** The single words of a lexicon set. */
function setWords(name: string): string[] {
  return parseTerms(`@${name}`, LEXICON_SETS)[0]!.flatMap((choice) => (choice.length === 1 && choice[0]!.kind === 'word' ? [choice[0]!.word] : []));
}

/**
 * The phrase side of a classifier: the lexicons and the policy's terms as rules, all their
 * patterns (and exceptions and the allow-list) in one trie, and the sentence gate over the rules.
 * Exported for the benchmark, which times the gate alone.
 */
export function compilePhrases(p: ResolvedPolicy): Phrases {
  const rules: PhraseRule[] = [];
  const trie = new PhraseTrie();
  // parseTerms checks each pattern whole (without expanding it) and throws a PatternError for a
  // policy term that cannot be used; lexicon patterns were already checked at build time.
  // Policy terms may use the lexicons' named sets (`@groups`).
  // Exceptions and allow-list phrases only take matches away: the gate needs only the rules.
  const gate = new SentenceGate();
  const add = (pattern: string, accept: Accept): void => {
    const terms = parseTerms(pattern, LEXICON_SETS);
    trie.addPattern(terms, accept);
    if (!accept.exception) gate.addPattern(terms);
  };
  // The phrases that excuse a rule's match from earlier in its paragraph, and those a match needs
  // near it: matched on demand, only around such matches (match/nearby.ts), so neither the gate
  // nor the main trie holds them.
  const excusers = new PhraseTrie();
  const needed = new PhraseTrie();
  const addRule = (
    rule: Omit<PhraseRule, 'excusable' | 'needy'>,
    patterns: readonly string[],
    exceptions: readonly string[] = [],
    excusedBy: readonly string[] = [],
    needs: readonly string[] = [],
  ): void => {
    const index = rules.push({ ...rule, excusable: excusedBy.length > 0, needy: needs.length > 0 }) - 1;
    for (const pattern of patterns) add(pattern, { rule: index, exception: false });
    for (const pattern of exceptions) add(pattern, { rule: index, exception: true });
    for (const pattern of excusedBy) excusers.addPattern(parseTerms(pattern, LEXICON_SETS), { rule: index, exception: false });
    for (const pattern of needs) needed.addPattern(parseTerms(pattern, LEXICON_SETS), { rule: index, exception: false });
  };
  for (const e of LEXICON as readonly LexiconEntry[]) {
    addRule(
      {
        category: e.category,
        rule: e.id,
        severity: e.severity,
        message: e.explanation,
        suggestion: e.suggestion,
        externalOnly: false,
        keepWhenQuoted: e.keepWhenQuoted === true,
      },
      e.patterns,
      e.exceptions,
      e.excusedBy,
      e.needs,
    );
  }
  for (const term of p.terms) {
    addRule(
      {
        category: term.category,
        rule: term.id ?? termId(term.patterns[0] ?? 'term'),
        severity: term.severity,
        message: term.message,
        suggestion: term.suggestion,
        externalOnly: term.externalOnly ?? false,
        // The organization's own words matter as words: quoting a codename still discloses it.
        keepWhenQuoted: true,
      },
      term.patterns,
      term.exceptions,
      term.excusedBy,
      term.needs,
    );
  }
  for (const phrase of p.allow) add(phrase, { rule: -1, exception: true });
  // The lexicons' intensifying swear words: every phrase reads through them (PhraseTrie.readThrough).
  trie.readThrough(setWords('intensifiers'));
  trie.preferMasked(setWords('masked-readings'));
  return { trie, gate, excusers, needed, rules, contentOnly: rules.every((r) => CONTENT_CATEGORIES.includes(r.category)) };
}

function termId(pattern: string): string {
  return (
    pattern
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'term'
  );
}

function normalizeDraft(draft: string | Draft): Draft {
  if (typeof draft === 'string') return { body: draft };
  if (draft === null || typeof draft !== 'object') return { body: String(draft ?? '') };
  return { ...draft, body: typeof draft.body === 'string' ? draft.body : String(draft.body ?? '') };
}

/** The compiled phrase side of a classifier. */
export interface Phrases {
  trie: PhraseTrie;
  gate: SentenceGate;
  /** Phrases that excuse a rule's match when they stand earlier in its paragraph. */
  excusers: PhraseTrie;
  /** Phrases one of which a rule's match needs near it, in its paragraph. */
  needed: PhraseTrie;
  rules: PhraseRule[];
  /** Every rule is of a content category, whose findings quoted text and signatures never give. */
  contentOnly: boolean;
}

function classify(draft: Draft, p: ResolvedPolicy, phrases: Phrases, detectors: readonly Detector[]): ClassifyResult {
  const notices: string[] = [];
  let body = draft.body;
  let truncated = false;
  if (body.length > p.maxDraftChars) {
    let cut = p.maxDraftChars;
    // Never split a surrogate pair: offsets must stay valid UTF-16 boundaries.
    if (cut > 0 && isHighSurrogate(body.charCodeAt(cut - 1))) cut--;
    notices.push(
      `Only the first ${cut.toLocaleString('en-US')} of ${body.length.toLocaleString('en-US')} characters of the message were checked; the rest was not.`,
    );
    body = body.slice(0, cut);
    truncated = true;
  }
  const hasExternal = externalRecipients(draft, p).length > 0;
  const recipients = [...(draft.to ?? []), ...(draft.cc ?? []), ...(draft.bcc ?? [])];
  const findings: Finding[] = [];
  const fields: Array<[Field, string]> = [];
  if (typeof draft.subject === 'string' && draft.subject.length > 0) fields.push(['subject', draft.subject.slice(0, p.maxDraftChars)]);
  fields.push(['body', body]);
  for (const [field, text] of fields) {
    const segments = field === 'body' ? findSegments(text) : [];
    // Content findings in quoted replies, signatures and disclaimers are dropped below, so when
    // every phrase rule is a content rule the phrases are only looked for outside them: a long
    // thread costs what the writer's new words cost. (Detectors still read it all: pii and secret count there.)
    const { hits, cleared } = phraseHits(text, phrases, hasExternal, phrases.contentOnly ? segments : []);
    for (const d of detectors) {
      try {
        if (segments.length > 0 && d.outsideQuotes) {
          // Copies with changes are made with Object.assign here and below: V8 builds
          // `{ ...h, start }` by a slow path, about a microsecond each (2% of the check).
          forEachOutside(text, segments, (part, from) => {
            for (const h of d.detect(part)) hits.push(Object.assign({}, h, { start: h.start + from, end: h.end + from }));
          });
        } else hits.push(...d.detect(text));
      } catch {
        notices.push(`The ${d.id} check failed on this message and was skipped.`);
      }
    }
    // An insult or confidential remark that names a recipient's organization is one step worse;
    // before `decide`, so the raised severity also raises the action.
    // Someone else's words stay low even when they name a recipient's organization.
    const deduped = dedupe(hits);
    const aimed = escalateAimedCriticism(
      deduped.filter((h) => !THEIRS.has(h)),
      text,
      recipients,
      { internalDomains: p.internalDomains, from: draft.from },
    ).concat(deduped.filter((h) => THEIRS.has(h)));
    const found = new Set<Category>();
    for (const h of aimed) {
      if (segments.length > 0 && CONTENT_CATEGORIES.includes(h.category) && inSegment(segments, h.start)) continue;
      const f = decide(h, p);
      if (f) {
        findings.push(Object.assign({}, f, { text: text.slice(h.start, h.end), field }));
        found.add(h.category);
      }
    }
    // The learned scorer reads the body's own words as a whole, for what no phrase rule caught: only
    // categories without a finding yet, so it adds a finding and never a second one, and not those
    // whose rules looked at the wording and cleared it (an exception, an excuse, the allow-list).
    if (field === 'body') {
      for (const c of cleared) found.add(c);
      for (const h of learnedHits(text, rangesOutside(text, segments), found)) {
        // A story's words are a character's, as for the phrase rules (FICTION_WORDS).
        if (spanAboutFiction(text, h.start, h.end)) {
          h.severity = 'low';
          h.message = `${h.message} ${FICTION_NOTE}`;
          delete h.suggestion;
        }
        const f = decide(h, p);
        if (f) findings.push(Object.assign({}, f, { text: text.slice(h.start, h.end), field }));
      }
    }
  }
  for (const h of contextHits(draft, p, findings)) {
    const f = decide(h, p);
    const field: Field = h.rule === 'late-night' ? 'sentAt' : 'recipients';
    if (f) findings.push(Object.assign({}, f, { text: '', field }));
  }
  findings.sort((a, b) => fieldRank(a.field) - fieldRank(b.field) || a.start - b.start || a.end - b.end);
  let verdict: Verdict = 'pass';
  for (const f of findings) if (ACTION_RANK[f.action] > ACTION_RANK[verdict === 'pass' ? 'off' : verdict]) verdict = f.action;
  return { verdict, findings, truncated, notices };
}

function fieldRank(field: Field | undefined): number {
  return field === 'subject' ? 0 : field === 'recipients' ? 2 : field === 'sentAt' ? 3 : 1;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/**
 * The phrase rules' hits in text, and the categories of the matches that an exception, an excuse
 * or the allow-list cleared (the rules read that wording and found it fine).
 */
function phraseHits(
  text: string,
  { trie, gate, excusers, needed, rules }: Phrases,
  hasExternal: boolean,
  skip: readonly Segment[],
): { hits: Hit[]; cleared: Set<Category> } {
  // Only the sentences that can hold a phrase (match/gate.ts): the same matches as every token.
  const tokens = skip.length === 0 ? gate.tokens(text) : tokensOutside(text, gate, skip);
  const hits: Hit[] = [];
  const covered: TokenMatch[] = [];
  const matches = resolve(trie.match(tokens), covered);
  const cleared = new Set<Category>();
  for (const m of covered) if (m.rule >= 0) cleared.add(rules[m.rule]!.category);
  // Matches taken away by what stands near them (match/nearby.ts): excused, or without what they need.
  let dropped: Set<TokenMatch> | undefined;
  const excusable = matches.filter((m) => rules[m.rule]!.excusable);
  const needy = matches.filter((m) => rules[m.rule]!.needy);
  if (excusable.length > 0 || needy.length > 0) {
    // A rule with needs is judged by what stands around it, its excuses too.
    const window = (m: TokenMatch): NearbyQuery => {
      const start = tokens[m.first]!.s;
      const end = tokens[m.last]!.e;
      return rules[m.rule]!.needy ? around(m.rule, start, end, text.length) : before(m.rule, start);
    };
    const excused = phrasesNear(text, excusable.map(window), excusers);
    const met = phrasesNear(text, needy.map(window), needed);
    dropped = new Set([...excusable.filter((_, k) => excused[k]), ...needy.filter((_, k) => !met[k])]);
    excusable.forEach((m, k) => excused[k] && cleared.add(rules[m.rule]!.category));
  }
  for (const m of matches) {
    const r = rules[m.rule]!;
    if ((r.externalOnly && !hasExternal) || dropped?.has(m)) continue;
    const start = tokens[m.first]!.s;
    const end = tokens[m.last]!.e;
    // Someone else's words: the finding says why it is only low.
    let theirs: string | null = null;
    if (QUOTABLE.has(r.category) && !r.keepWhenQuoted) {
      if (inReportedQuotation(text, start, end)) theirs = QUOTED_NOTE;
      else if (aboutFiction(tokens, m.first)) theirs = FICTION_NOTE;
    }
    const severity = theirs ? 'low' : NEGATABLE.has(r.category) && negated(tokens, m.first) ? LOWER[r.severity] : r.severity;
    const hit: Hit = { category: r.category, rule: r.rule, severity, start, end, message: theirs ? `${r.message} ${theirs}` : r.message };
    // A better phrasing is for the writer's own words; someone else's are not theirs to reword.
    if (theirs) THEIRS.add(hit);
    else if (r.suggestion) hit.suggestion = r.suggestion;
    hits.push(hit);
  }
  return { hits, cleared };
}

/** The gate's tokens of the text between the segments, with offsets into `text`. */
function tokensOutside(text: string, gate: SentenceGate, skip: readonly Segment[]): Token[] {
  const out: Token[] = [];
  forEachOutside(text, skip, (part, from) => {
    for (const t of gate.tokens(part)) {
      t.s += from;
      t.e += from;
      out.push(t);
    }
  });
  return out;
}

/**
 * Words that say a sentence is about a work of fiction or a game: its insults, threats and crimes
 * are a character's ("the villain shreds the ledger before the raid", "the antagonist calls him
 * a spineless weasel in chapter 3"). Not words with a workplace sense: "game" and "level" ("playing
 * games", "this level of incompetence"), "character", "role", "scene" ("make a scene"), "episode",
 * "actor" (a casting decision is the writer's own), "script" (code).
 */
const FICTION_WORDS: ReadonlySet<string> = new Set(
  (
    'screenplay novel novels chapter chapters villain villains antagonist antagonists protagonist ' +
    'protagonists narrator sitcom storyline storylines playtest playtesters playtesting quest npc npcs cutscene cutscenes ' +
    'audiobook comic comics'
  ).split(' '),
);
/** Hits lowered as someone else's words (quoted, or in a story): never escalated as aimed at a recipient. */
const THEIRS = new WeakSet<Hit>();
/** Appended to the message of a finding lowered as someone else's words (see QUOTABLE). */
const QUOTED_NOTE = "Here it is quoted as someone else's words, so it counts as low severity.";
const FICTION_NOTE = 'Here it reads as part of a story or a game, so it counts as low severity.';
/** How many tokens on each side of a phrase are looked at for a word of fiction, within its sentence. */
const FICTION_WINDOW = 24;

/** A word of fiction in the sentence of the phrase that starts at token `first`. */
function aboutFiction(tokens: Token[], first: number): boolean {
  for (let k = first; k >= 0 && k >= first - FICTION_WINDOW; k--) {
    if (FICTION_WORDS.has(tokens[k]!.n)) return true;
    if (tokens[k]!.brk) break;
  }
  for (let k = first + 1; k < tokens.length && k <= first + FICTION_WINDOW && !tokens[k]!.brk; k++) {
    if (FICTION_WORDS.has(tokens[k]!.n)) return true;
  }
  return false;
}

/** A word of fiction in text[start, end) (the learned scorer's sentence). */
function spanAboutFiction(text: string, start: number, end: number): boolean {
  let found = false;
  scanWords(text, start, end, {
    word: (_h, s, e) => {
      found ||= FICTION_WORDS.has(foldWord(text, s, e));
    },
    sentenceEnd: () => {},
  });
  return found;
}

/** A negator among the few tokens before `first`, in the same clause ("If you don't pay, you'll regret it" is not a denial). */
function negated(tokens: Token[], first: number): boolean {
  for (let k = first - 1; k >= 0 && k >= first - NEGATION_WINDOW; k--) {
    if (tokens[k + 1]!.brk || tokens[k + 1]!.cl) return false;
    if (NEGATORS.has(tokens[k]!.n) && !NOT_NEGATING_BEFORE.has(tokens[k + 1]!.n)) return true;
  }
  return false;
}

/**
 * Where a hit lies inside another of the same category that is at least as severe, keeps
 * only the outer one: "fuck" inside "go fuck yourself" is one finding, not two. One sweep.
 */
function dedupe(hits: Hit[]): Hit[] {
  hits.sort((a, b) => (a.category < b.category ? -1 : a.category > b.category ? 1 : a.start - b.start || b.end - a.end));
  const out: Hit[] = [];
  let outer: Hit | undefined;
  for (const h of hits) {
    if (outer && outer.category === h.category && h.end <= outer.end && SEVERITY_RANK[outer.severity] >= SEVERITY_RANK[h.severity]) continue;
    out.push(h);
    if (!outer || outer.category !== h.category || h.end > outer.end) outer = h;
  }
  return out;
}

/** The policy's action for a hit, or null when the policy turns it off. */
function decide(h: Hit, p: ResolvedPolicy): Omit<Finding, 'text' | 'field'> | null {
  const setting = { ...p.categories[h.category], ...p.rules[`${h.category}/${h.rule}`] };
  if (setting.minSeverity && SEVERITY_RANK[h.severity] < SEVERITY_RANK[setting.minSeverity]) return null;
  const action = setting.action ?? p.severityActions[h.severity] ?? 'inform';
  if (action === 'off') return null;
  return Object.assign({}, h, { action }); // not `{ ...h, action }`: see classify
}
