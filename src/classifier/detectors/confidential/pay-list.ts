/**
 * `confidential/pay-list`: several named people each with a sum of money, in a mail about pay
 * ("Salaries for the post team: Nina Castell (editor) - $148,000, Luis Ferro - $74,500, ...",
 * "Salary review: Nadia 68k to 74k, Lewis stays at 61k, Priya 55k to 59k").
 * The lexicon finds one person's pay in a sentence ("Amy's bonus is $1.2M"); a pasted salary
 * sheet has no sentence to match, only names and figures, so it is found here: at least
 * PAY_LIST_MIN distinct names, each with an amount after it on the same line, and a pay word
 * anywhere in the mail. Each name-and-amount is one high finding.
 *
 * Not: figures after teams, departments, companies or months ("Sales - $200,000", "Acme Corp
 * $14,000"), a single person's figure, lists of amounts in mail that never speaks of pay
 * (invoices, budgets), sums without a currency sign, a "k" or a thousands separator (years,
 * counts), sums under a thousand that are not a rate ("taxi $45"; "$38 an hour" is pay).
 *
 * Linear: a native scan jumps from digit to digit; each amount looks back at most NAME_WINDOW
 * characters of its own line, and the regular expressions run on those short slices only.
 */
import type { Detector, Hit } from '../../types.js';
import { afterDigitRun, isAsciiAlnumCode as isAlnum, isDigitCode as isDigit, nextDigit } from '../pii/common.js';
import { lineStartOf } from '../lines.js';
import { SUGGESTIONS } from '../../suggestions.js';

export const PAY_LIST_MIN = 3;
const NAME_WINDOW = 80;

export const PAY_LIST_RULE = {
  id: 'confidential/pay-list',
  message: "This lists named people's pay. Pay of named colleagues is among the most damaging things to leak by mail.",
  suggestion: SUGGESTIONS ? 'Share pay data through the HR or payroll system with the people entitled to it, or give totals without names.' : undefined,
} as const;

/** Words of mail about pay; without one, names with sums are more likely invoices or budgets. */
const PAY_WORDS = /\b(?:salary|salaries|pay|paid|payroll|comp|compensation|bonus|bonuses|wage|wages|earns|earnings|raise|raises|stipend|stipends|package|packages|base|equity|day rate|hourly rate|rates)\b/i;

/**
 * Words of mail about one person's pay. A first name alone ("Nadia 68k") counts as a person only
 * in such mail: business units are single capitalized words too ("Upstream $41.1" in mail
 * about earnings).
 */
const PERSONAL_PAY_WORDS = /\b(?:salary|salaries|pay|payroll|comp|compensation|bonus|bonuses|wage|wages|raise|raises|stipend|stipends|package|packages)\b/i;

/** One to three capitalized words: a person's name ("Nadia", "Nina Castell"), unless a word below says otherwise. */
const NAME = /(?:^|[^A-Za-z])([A-Z][a-z][A-Za-z'-]*(?: [A-Z][a-z][A-Za-z'-]*){0,2})(?![A-Za-z])/;

/** Words in names of things that are not people (teams, companies, places, periods). */
const NOT_PEOPLE: ReadonlySet<string> = new Set(
  (
    'team teams sales marketing department dept group division corp corporation inc ltd llc plc company project fund budget ' +
    'total subtotal office services service support operations engineering product products design finance legal customer ' +
    'success account accounts region north south east west new san los las saint st united american america europe asia ' +
    'january february march april may june july august september october november december monday tuesday wednesday ' +
    'thursday friday saturday sunday year quarter annual monthly weekly tax fee fees cost costs price prices revenue income ' +
    'net gross grand capital bank street avenue road hotel airlines travel rental hospital university school college center ' +
    'centre partners holdings international global systems solutions technologies media studios pictures records limited ' +
    'trust foundation association council city county state federal national phase option plan tier level band grade ' +
    'bonus salary pay base total the and for per with'
  ).split(' '),
);

function detect(text: string): Hit[] {
  // Cheapest test first: most mail has fewer than PAY_LIST_MIN sums of money.
  const amounts: Array<{ start: number; end: number }> = [];
  for (let i = nextDigit(text, 0); i >= 0; ) {
    const amount = amountAt(text, i);
    if (amount) amounts.push(amount);
    i = nextDigit(text, amount ? amount.end : afterDigitRun(text, i));
  }
  if (amounts.length < PAY_LIST_MIN || !PAY_WORDS.test(text)) return [];
  const items: Array<{ start: number; end: number; name: string }> = [];
  const firstNames = PERSONAL_PAY_WORDS.test(text);
  let floor = 0;
  for (const amount of amounts) {
    // The window back to the name stops at the line start, looked for within the window only.
    const from = Math.max(floor, lineStartOf(text, amount.start, NAME_WINDOW));
    const name = personBefore(text, from, amount.start);
    if (name && (firstNames || name.text.includes(' '))) items.push({ start: name.start, end: amount.end, name: name.text.toLowerCase() });
    floor = amount.end;
  }
  if (new Set(items.map((x) => x.name)).size < PAY_LIST_MIN) return [];
  return items.map((x) => ({
    category: 'confidential',
    rule: 'pay-list',
    severity: 'high',
    start: x.start,
    end: x.end,
    message: PAY_LIST_RULE.message,
    suggestion: PAY_LIST_RULE.suggestion,
  }));
}

/**
 * The amount of money whose first digit is at `at`: digits with single "," or "." separators,
 * and a currency sign before it, or "k"/"m" after it, or a thousands separator ("148,000").
 */
function amountAt(text: string, at: number): { start: number; end: number } | null {
  if (at > 0 && isAlnum(text.charCodeAt(at - 1))) return null;
  let e = at;
  let digits = 0;
  let thousands = false;
  while (e < text.length && digits <= 12) {
    const c = text.charCodeAt(e);
    if (c >= 48 && c <= 57) {
      digits++;
      e++;
    } else if ((c === 44 || c === 46) && isDigit(text.charCodeAt(e + 1))) {
      if (c === 44) thousands = true;
      e++;
    } else break;
  }
  if (digits > 12) return null;
  let start = at;
  let money = thousands && digits >= 4;
  // A currency sign, with at most one space before the figure.
  const before = text[at - 1] === ' ' ? at - 2 : at - 1;
  if (before >= 0 && '$£€'.includes(text[before]!)) {
    start = before;
    money = true;
  }
  const suffix = text[e];
  if ((suffix === 'k' || suffix === 'K' || suffix === 'm' || suffix === 'M') && !isAlnum(text.charCodeAt(e + 1))) return { start, end: e + 1 };
  if (isAlnum(text.charCodeAt(e)) || !money) return null;
  // Under a thousand is pay only as a rate ("£450/day", "$38 an hour"); otherwise it is an
  // expense, a fee or a price ("taxi $45").
  // The whole units: cents dropped, either separator read as thousands ("74,500", "€148.000").
  const units = Number(text.slice(at, e).replace(/[.,]\d{1,2}$/, '').replace(/[.,]/g, ''));
  if (units < 1000 && !RATE.test(text.slice(e, e + 12))) return null;
  return { start, end: e };
}

/** A rate unit right after a sum. */
const RATE = /^\s?(?:\/\s?(?:h|hr|hour|d|day|wk|week|shift)\b|(?:an?|per)\s(?:hour|day|shift|week)\b|p\/?h\b|ph\b)/i;

/**
 * The person-like name that the amount at `to` belongs to: the last name in [from, to), with
 * nothing between it and the amount but a role in brackets, a dash or colon, and a pay word
 * ("Nina Castell (editor) - $148,000", "Raj Patel: base 95k"). Names further back (a headline,
 * "Texas Pacific's $560 million") do not own the amount.
 */
function personBefore(text: string, from: number, to: number): { start: number; text: string } | null {
  const slice = text.slice(from, to);
  let found: { start: number; end: number; text: string } | null = null;
  for (let k = 0; k < slice.length; ) {
    const m = NAME.exec(slice.slice(k));
    if (m === null) break;
    const at = k + m.index + m[0].length - m[1]!.length;
    found = { start: at, end: at + m[1]!.length, text: m[1]! };
    k = found.end;
  }
  if (found === null || found.text.split(' ').some((w) => NOT_PEOPLE.has(w.toLowerCase()))) return null;
  if (!OWNS_AMOUNT.test(slice.slice(found.end))) return null;
  return { start: from + found.start, text: found.text };
}

/** What may stand between a name and its amount. */
const OWNS_AMOUNT = /^\s{0,3}(?:\([^()\n]{1,40}\)\s{0,3})?[-–—:=,]?\s{0,3}(?:(?:is|at|on|gets|earns|makes|salary|base|bonus|paid|comp|stays|goes|moves|rises|from|to|now)\s{1,3}){0,2}$/;

export const payListDetector: Detector = { id: 'confidential/pay-list', detect, outsideQuotes: true };
