/**
 * The benchmark corpus, generated from a fixed seed: business mail of varied length
 * (greetings, paragraphs, lists, sign-offs, signatures, quoted replies, forwards,
 * disclaimers), mostly clean, a few with something regrettable injected. Every phrase
 * here was written for this generator; none comes from the evaluation corpus.
 */
import { Rng } from './rng.js';

export interface Mail {
  subject: string;
  body: string;
  /** What was injected (`clean` for none): a rough label for reading results, not ground truth. */
  injected: Injection | 'clean';
}

export type Injection = 'profanity' | 'insult' | 'threat' | 'legal' | 'confidential' | 'pii' | 'secret' | 'tone';

export interface CorpusOptions {
  seed: number;
  /** Number of mails. */
  count: number;
  /** Share of mails with an injected finding (0..1). */
  dirtyShare?: number;
}

const FIRST = ['Sam', 'Priya', 'Jordan', 'Mei', 'Lukas', 'Amara', 'Diego', 'Hannah', 'Tomás', 'Aisha', 'Noah', 'Ingrid', 'Kenji', 'Olivia', 'Rafael', 'Chloé', 'Ben', 'Fatima', 'Marcus', 'Elena'];
const LAST = ['Lee', 'Patel', 'Okafor', 'Chen', 'Schmidt', 'García', 'Novak', 'Larsen', 'Kowalski', 'Haddad', 'Brennan', 'Ito', 'Moreau', 'Silva', 'Andersson'];
const CLIENTS = ['Northwind', 'Contoso', 'Fabrikam', 'Tailspin', 'Litware', 'Adatum', 'Proseware', 'Wingtip', 'Lucerne Publishing', 'Blue Yonder'];
const PROJECTS = ['the billing migration', 'Project Atlas', 'the Q3 roadmap', 'the onboarding revamp', 'the data warehouse move', 'the partner portal', 'the renewal campaign', 'the audit prep', 'the mobile release', 'the pricing review'];
const DOCS = ['the draft SOW', 'the updated deck', 'the budget sheet', 'the meeting notes', 'the vendor comparison', 'the test plan', 'the rollout checklist', 'the contract redlines', 'the quarterly report', 'the design doc'];
const TEAMS = ['finance', 'legal', 'procurement', 'the platform team', 'support', 'marketing', 'sales ops', 'security', 'HR', 'the design team'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const SENTENCES = [
  'Thanks for sending over {doc} so quickly.',
  'I had a look at {doc} and left a few comments inline.',
  'Could you check with {team} whether the numbers for {project} still hold?',
  'We are on track to close {project} by {day}, assuming the vendor delivers on time.',
  'The call with {client} went well; they want a proposal by the end of {month}.',
  'Can we move our sync to {day} at {time}? Something came up on my side.',
  'Attached is {doc} with the changes we discussed yesterday.',
  'I think we should loop in {team} before we commit to a date.',
  'The estimate came in at {amount}, which is about {pct}% over what we planned.',
  'Let me know if anything in {doc} is unclear and I will walk you through it.',
  '{first} mentioned that {client} is also talking to two other vendors.',
  'We still need sign-off from {team} on the revised scope.',
  'Headcount for {project} stays at {n} for now; we can revisit in {month}.',
  'I will be out of office from {day} to {day2}, so {first} will cover for me.',
  'Good news: the pilot with {client} converted into a {n}-seat contract.',
  'The dashboard shows a {pct}% drop in tickets since the last release.',
  'Please review {doc} before the steering meeting on {day}.',
  'Our invoice #{invoice} for {amount} is attached for your records.',
  'Happy to jump on a quick call if that is easier than going back and forth here.',
  'I know the timeline is tight, but I am confident we can make it work.',
  'We reviewed the feedback from {client} and grouped it into three themes.',
  'Procurement asked for a second quote, so {first} is reaching out to another supplier.',
  'The root cause was a misconfigured job that ran twice on {day}.',
  'For context, this is the same issue we saw with {client} back in {month}.',
  'Let us keep the scope small for the first release and iterate from there.',
  'I have shared the folder with you; let me know if the link does not work.',
  'The board deck needs the final numbers by {day} noon.',
  'Can you confirm the shipping address for the hardware order?',
  'Thanks again for your patience while we sorted this out.',
  'We agreed to revisit the pricing once usage passes {n} accounts.',
  'I updated the ticket with the steps to reproduce and a screenshot.',
  'The new hire starts on {day}; could {team} set up the laptop and accounts?',
  'Let me know what works for you and I will send an invite.',
  'Overall the quarter looks solid, with revenue up {pct}% year over year.',
  'We should document the decision in {doc} so nobody has to guess later.',
];
const GREETINGS = ['Hi {first},', 'Hello {first},', 'Dear {first} {last},', 'Hi all,', 'Team,', '{first},', 'Good morning {first},', 'Hey {first},'];
const SIGNOFFS = ['Best,', 'Thanks,', 'Kind regards,', 'Cheers,', 'Best regards,', 'Thank you,', 'Regards,'];
const TITLES = ['Account Manager', 'Senior Engineer', 'Project Lead', 'Finance Analyst', 'Head of Operations', 'Product Manager', 'Legal Counsel'];
const DISCLAIMER_TEXT =
  'This message and any attachments are confidential and intended only for the named recipient. ' +
  'If you received this message in error, please notify the sender and delete it. Any unauthorized use or disclosure is prohibited.';

/** Regrettable sentences, by kind. Written for this benchmark. */
const INJECTIONS: Record<Injection, readonly string[]> = {
  profanity: ['Honestly this rollout has been a total shit show from day one.', 'What the fuck happened to the staging server?', 'This damn vendor keeps missing every deadline.'],
  insult: ['{first} is an idiot and everyone on the team knows it.', 'Only a moron would sign off on numbers like these.', 'The people in {team} are completely incompetent.'],
  threat: ['If this happens again you will regret it, I promise.', 'I will make sure you never work in this industry again.', 'Keep pushing me and see what happens to you.'],
  legal: ['Please delete this email after reading it.', "Let's keep this off the record and not put anything in writing.", 'Shred the old invoices before the auditors arrive.'],
  confidential: ["{first}'s salary is {amount} a year, which is more than mine.", "FYI {first} got a raise to {amount} after the review.", 'The layoffs will hit {team} next month but do not tell anyone yet.'],
  pii: ['My SSN is {ssn} if you need it for the form.', 'You can charge the card {card}, expiry 09/28.', 'Wire it to IBAN {iban} by {day}.', 'Her date of birth is 14 March 1986 and her phone is +1 415 555 0139.'],
  secret: ['The production key is {awskey} so you can test today.', 'Login is admin and password: {password}', 'Use this connection string: postgres://app:{password}@db.internal.example:5432/prod', 'Here is my token {ghtoken} for the CI job.'],
  tone: ['THIS IS COMPLETELY UNACCEPTABLE AND I WANT IT FIXED TODAY!!!', 'Why is this STILL not done?!?! I asked THREE times!!!', 'Per my last email, which you clearly did not read, the deadline was yesterday.'],
};
const KINDS = Object.keys(INJECTIONS) as Injection[];

class Writer {
  constructor(private readonly rng: Rng) {}

  fill(template: string): string {
    const r = this.rng;
    return template.replace(/\{([a-z0-9]+)\}/g, (_, slot: string) => {
      switch (slot) {
        case 'first': return r.pick(FIRST);
        case 'last': return r.pick(LAST);
        case 'client': return r.pick(CLIENTS);
        case 'project': return r.pick(PROJECTS);
        case 'doc': return r.pick(DOCS);
        case 'team': return r.pick(TEAMS);
        case 'day': case 'day2': return r.pick(DAYS);
        case 'month': return r.pick(MONTHS);
        case 'time': return `${r.int(8, 17)}:${r.pick(['00', '15', '30', '45'])}`;
        case 'amount': return `$${r.int(2, 480)},${r.int(100, 999)}`;
        case 'pct': return String(r.int(2, 40));
        case 'n': return String(r.int(3, 250));
        case 'invoice': return String(r.int(10000, 99999));
        case 'ssn': return `${r.int(100, 665)}-${r.int(10, 99)}-${r.int(1000, 9999)}`;
        case 'card': return '4111 1111 1111 1111';
        case 'iban': return 'GB82 WEST 1234 5698 7654 32';
        case 'awskey': return 'AKIA' + r.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16);
        case 'ghtoken': return 'ghp_' + r.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', 36);
        case 'password': return r.chars('ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz', 6) + r.int(10, 99) + r.pick(['!', '#', '%']);
        default: return slot;
      }
    });
  }

  paragraph(sentences: number): string {
    const out: string[] = [];
    for (let k = 0; k < sentences; k++) out.push(this.fill(this.rng.pick(SENTENCES)));
    return out.join(' ');
  }

  list(): string {
    const n = this.rng.int(2, 6);
    const numbered = this.rng.chance(0.4);
    const out: string[] = [];
    for (let k = 0; k < n; k++) out.push(`${numbered ? `${k + 1}.` : '-'} ${this.fill(this.rng.pick(SENTENCES))}`);
    return out.join('\n');
  }

  signature(name: string): string {
    const r = this.rng;
    const lines = [r.pick(SIGNOFFS), name];
    if (r.chance(0.6)) {
      lines.push(`${r.pick(TITLES)} | ${r.pick(CLIENTS)}`);
      if (r.chance(0.5)) lines.push(`Mobile: +1 (555) 01${r.int(10, 99)}`);
    }
    return lines.join('\n');
  }

  /** The writer's own part: greeting, paragraphs (sometimes a list), sign-off. */
  own(paragraphs: number, injection?: Injection): string {
    const r = this.rng;
    const first = r.pick(FIRST);
    const parts: string[] = [];
    if (r.chance(0.85)) parts.push(this.fill(r.pick(GREETINGS)));
    const at = injection ? r.int(0, paragraphs - 1) : -1;
    for (let k = 0; k < paragraphs; k++) {
      let p = r.chance(0.12) ? this.list() : this.paragraph(r.int(1, 6));
      if (k === at) {
        const bad = this.fill(r.pick(INJECTIONS[injection!]));
        const sentences = p.split(/(?<=[.?!]) /);
        sentences.splice(r.int(0, sentences.length), 0, bad);
        p = sentences.join(' ');
      }
      parts.push(p);
    }
    parts.push(this.signature(first));
    return parts.join('\n\n');
  }

  /** A reply header and the earlier mail, quoted with `>` (nested for older replies). */
  quoted(depth: number): string {
    const r = this.rng;
    const who = `${r.pick(FIRST)} ${r.pick(LAST)}`;
    const email = `${who.split(' ')[0]!.toLowerCase()}@${r.pick(CLIENTS).toLowerCase().replace(/ /g, '')}.example`;
    const header = `On ${r.pick(DAYS)}, ${r.int(1, 28)} ${r.pick(MONTHS)} 2025 at ${r.int(8, 18)}:${r.pick(['02', '17', '41'])}, ${who} <${email}> wrote:`;
    let earlier = this.own(r.int(1, 3));
    if (depth > 1) earlier += '\n\n' + this.quoted(depth - 1);
    return header + '\n' + earlier.split('\n').map((line) => (line === '' ? '>' : '> ' + line)).join('\n');
  }

  forwarded(): string {
    const r = this.rng;
    const who = `${r.pick(FIRST)} ${r.pick(LAST)}`;
    return [
      '-----Original Message-----',
      `From: ${who} <${who.split(' ')[0]!.toLowerCase()}@corp.example>`,
      `Sent: ${r.pick(DAYS)}, ${r.pick(MONTHS)} ${r.int(1, 28)}, 2025 ${r.int(8, 11)}:${r.int(10, 59)} AM`,
      `To: ${r.pick(FIRST)} ${r.pick(LAST)}`,
      `Subject: ${this.subject()}`,
      '',
      this.own(r.int(1, 4)),
    ].join('\n');
  }

  subject(): string {
    const r = this.rng;
    return this.fill(r.pick(['Re: {project}', 'Update on {project}', '{doc} for review', 'Quick question', 'Fwd: invoice #{invoice}', 'Follow-up with {client}', 'Notes from {day}', 'Re: Re: {doc}']));
  }

  mail(dirtyShare: number): Mail {
    const r = this.rng;
    const injection = r.chance(dirtyShare) ? r.pick(KINDS) : undefined;
    // Length: most mails are a few short paragraphs; a long tail of reports and long threads.
    const roll = r.next();
    const paragraphs = roll < 0.55 ? r.int(1, 3) : roll < 0.9 ? r.int(3, 7) : roll < 0.98 ? r.int(8, 20) : r.int(25, 80);
    let body = this.own(paragraphs, injection);
    if (r.chance(0.1)) body += '\n\n' + DISCLAIMER_TEXT;
    const thread = r.next();
    if (thread < 0.3) body += '\n\n' + this.quoted(r.int(1, 4));
    else if (thread < 0.38) body += '\n\n' + this.forwarded();
    return { subject: this.subject(), body, injected: injection ?? 'clean' };
  }
}

/** `count` mails from `seed`: the same seed always gives the same mails. */
export function generateCorpus(options: CorpusOptions): Mail[] {
  const w = new Writer(new Rng(options.seed));
  const out: Mail[] = [];
  for (let k = 0; k < options.count; k++) out.push(w.mail(options.dirtyShare ?? 0.08));
  return out;
}

/**
 * One long draft of about `chars` UTF-16 code units (a long thread pasted into one mail),
 * cut at a line end; the same seed and size always give the same text.
 */
export function generateLargeDraft(seed: number, chars: number, dirtyShare = 0.08): string {
  const w = new Writer(new Rng(seed));
  const parts: string[] = [];
  let length = 0;
  while (length < chars) {
    const m = w.mail(dirtyShare);
    parts.push(m.body);
    length += m.body.length + 2;
  }
  const text = parts.join('\n\n');
  const cut = text.lastIndexOf('\n', chars);
  return text.slice(0, cut > chars / 2 ? cut : chars);
}
