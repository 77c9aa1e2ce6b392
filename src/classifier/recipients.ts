/**
 * Criticism aimed at a recipient (issue 5): an insult or a confidential remark in the same sentence
 * as a word that names someone who will read the message (an external recipient's organization,
 * taken from the second-level label of its domain, or a word of any recipient's display name)
 * is one severity step worse: "acme's lawyers are idiots" sent to bob@acme.example lands on Acme.
 *
 * Pure and linear: one pass over the text marks the sentences that name a recipient, then each
 * hit is looked up by binary search over sentence starts. Works on hits or findings (anything
 * with category, severity, start, end, field): call it on HITS, before the policy turns severity
 * into an action, so a raised severity also raises the action.
 */
import type { Category, Field, Recipient, Severity } from './types.js';

/** Categories whose severity goes up when the sentence names a recipient. */
export const AIMED_CATEGORIES: readonly Category[] = ['insult', 'confidential'];

/** Mail providers: their domain says nothing about who reads the message. */
const PROVIDERS = new Set([
  'gmail', 'googlemail', 'outlook', 'hotmail', 'live', 'msn', 'yahoo', 'ymail', 'aol', 'icloud', 'me', 'mac',
  'proton', 'protonmail', 'pm', 'gmx', 'web', 'mail', 'email', 'zoho', 'yandex', 'fastmail', 'hey', 'tutanota', 'qq', 'example',
]);

/** Display-name words that are not names (titles, roles, filler). */
const NOT_NAMES = new Set([
  'the', 'and', 'for', 'from', 'team', 'group', 'dept', 'department', 'office', 'mr', 'mrs', 'ms', 'dr', 'prof', 'sir', 'madam',
  'info', 'admin', 'support', 'sales', 'contact', 'hello', 'noreply', 'no-reply', 'mailer', 'list', 'all', 'staff', 'via',
]);

const STEP_UP: Record<Severity, Severity> = { low: 'medium', medium: 'high', high: 'high' };

export interface AimedHitLike {
  category: Category;
  severity: Severity;
  start: number;
  end: number;
  message: string;
  field?: Field;
}

export interface RecipientNameOptions {
  /** The policy's internal domains: recipients there are not "external" (their domain is not an organization to protect). */
  internalDomains?: readonly string[];
  /** The sender: recipients at the sender's own domain are internal too. */
  from?: Recipient;
}

function parts(r: Recipient): { address: string; name: string } {
  if (typeof r === 'string') return { address: r.trim().toLowerCase(), name: '' };
  return { address: (r.emailAddress || '').trim().toLowerCase(), name: r.displayName || '' };
}

function domainOf(address: string): string {
  const at = address.lastIndexOf('@');
  return at < 0 ? '' : address.slice(at + 1).replace(/\.+$/, '');
}

function covered(domain: string, list: readonly string[]): boolean {
  return list.some((d) => {
    const dom = d.toLowerCase().replace(/^@/, '');
    return dom.length > 0 && (domain === dom || domain.endsWith(`.${dom}`));
  });
}

/**
 * The second-level label of a domain: `acme` for acme.example, mail.acme.co.uk and acme.com.au
 * (a short label before a two-letter country code, such as co/com/org/ac, is skipped).
 */
export function organizationLabel(domain: string): string {
  const labels = domain.toLowerCase().split('.').filter((l) => l.length > 0);
  if (labels.length < 2) return '';
  let i = labels.length - 2;
  if (labels.length >= 3 && labels[labels.length - 1].length === 2 && labels[i].length <= 3) i--;
  return labels[i];
}

/** Words (letters and digits, with inner hyphens: "acme-corp") as [start, end) spans. */
function* words(text: string): Generator<[number, number]> {
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 32;
    const word = isWordChar(c) || (c === 45 /* - */ && start >= 0 && i + 1 < text.length && isWordChar(text.charCodeAt(i + 1)));
    if (word) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      yield [start, i];
      start = -1;
    }
  }
}

function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && c < 0x2000);
}

/**
 * The words that name the recipients: each external recipient's organization label, and the
 * words (3+ letters, not titles or roles) of every recipient's display name. Lowercase.
 */
export function recipientNames(recipients: readonly Recipient[], options: RecipientNameOptions = {}): Set<string> {
  const internal = [...(options.internalDomains ?? [])];
  const fromDomain = options.from ? domainOf(parts(options.from).address) : '';
  if (fromDomain) internal.push(fromDomain);
  const names = new Set<string>();
  for (const r of recipients) {
    const { address, name } = parts(r);
    const domain = domainOf(address);
    if (domain && !covered(domain, internal)) {
      const label = organizationLabel(domain);
      if (label.length >= 2 && !PROVIDERS.has(label)) names.add(label);
    }
    // A display name that is just the address or its local part was made up by the mail client.
    const shown = name.trim().toLowerCase();
    if (shown === address || shown === address.slice(0, Math.max(0, address.indexOf('@')))) continue;
    for (const [s, e] of words(name)) {
      const w = name.slice(s, e).toLowerCase();
      if (w.length >= 3 && !NOT_NAMES.has(w)) names.add(w);
    }
  }
  return names;
}

/** Sentence ends: . ! ? (then space or end), a line break, or a semicolon. One pass. */
function sentenceStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13 || c === 59) starts.push(i + 1);
    else if ((c === 46 || c === 33 || c === 63) && (i + 1 >= text.length || text.charCodeAt(i + 1) === 32)) starts.push(i + 1);
  }
  return starts;
}

function sentenceOf(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Indexes of the sentences of `text` that contain one of `names` as a whole word. */
function namingSentences(text: string, names: ReadonlySet<string>, starts: readonly number[]): Set<number> {
  const out = new Set<number>();
  if (names.size === 0) return out;
  let sentence = 0;
  for (const [s, e] of words(text)) {
    if (e - s > 64) continue;
    while (sentence + 1 < starts.length && starts[sentence + 1] <= s) sentence++;
    // An apostrophe ends a word, so possessives ("Acme's") match too.
    if (names.has(text.slice(s, e).toLowerCase())) out.add(sentence);
  }
  return out;
}

/**
 * Raises by one severity step every insult and confidential hit whose sentence names a recipient
 * (see the header). Returns new objects for the raised ones and the others unchanged, in order.
 * `text` is the body (hits with field `body` or no field); pass `subject` to treat subject hits too.
 */
export function escalateAimedCriticism<T extends AimedHitLike>(
  hits: readonly T[],
  text: string,
  recipients: readonly Recipient[],
  options: RecipientNameOptions & { subject?: string } = {},
): T[] {
  if (!hits.some((h) => AIMED_CATEGORIES.includes(h.category) && h.severity !== 'high')) return [...hits];
  const names = recipientNames(recipients, options);
  if (names.size === 0) return [...hits];
  const fields: Partial<Record<Field, { starts: number[]; naming: Set<number> }>> = {};
  const scan = (field: Field, t: string) => {
    let f = fields[field];
    if (!f) {
      const starts = sentenceStarts(t);
      f = { starts, naming: namingSentences(t, names, starts) };
      fields[field] = f;
    }
    return f;
  };
  return hits.map((h) => {
    if (!AIMED_CATEGORIES.includes(h.category) || h.severity === 'high') return h;
    const field = h.field ?? 'body';
    let source: string | undefined;
    if (field === 'body') source = text;
    else if (field === 'subject') source = options.subject;
    if (source === undefined) return h;
    const { starts, naming } = scan(field, source);
    const first = sentenceOf(starts, h.start);
    const last = sentenceOf(starts, Math.max(h.start, h.end - 1));
    let named = false;
    for (let s = first; s <= last && !named; s++) named = naming.has(s);
    if (!named) return h;
    return { ...h, severity: STEP_UP[h.severity], message: `${h.message} It is aimed at someone who will read this message.` };
  });
}
