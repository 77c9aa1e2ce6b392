import type { ResolvedPolicy } from '../policy/types.js';
import type { Draft, Finding, Hit, Recipient } from './types.js';
import { SUGGESTIONS } from './suggestions.js';

/** The e-mail address of a recipient in either shape, lowercased; '' when there is none. */
export function addressOf(r: Recipient | undefined | null): string {
  if (!r) return '';
  const raw = typeof r === 'string' ? r : typeof r.emailAddress === 'string' ? r.emailAddress : '';
  // "Name <a@b>" forms: take what is inside the angle brackets.
  const lt = raw.lastIndexOf('<');
  const gt = raw.lastIndexOf('>');
  return (lt >= 0 && gt > lt ? raw.slice(lt + 1, gt) : raw).trim().toLowerCase();
}

/** Whether `address` is in one of the internal domains (a domain also covers its subdomains). */
export function isInternal(address: string, internalDomains: readonly string[]): boolean {
  const at = address.lastIndexOf('@');
  if (at < 0) return false;
  const domain = address.slice(at + 1);
  return internalDomains.some((d) => {
    const want = d.toLowerCase().replace(/^@/, '');
    return domain === want || domain.endsWith('.' + want);
  });
}

function allRecipients(draft: Draft): string[] {
  const list = [...(draft.to ?? []), ...(draft.cc ?? []), ...(draft.bcc ?? [])];
  return Array.isArray(list) ? list.map(addressOf).filter((a) => a !== '') : [];
}

/**
 * Recipients outside the policy's internal domains. With no internal domains configured,
 * nobody can be called external, so this is empty.
 */
export function externalRecipients(draft: Draft, p: ResolvedPolicy): string[] {
  if (p.internalDomains.length === 0) return [];
  return allRecipients(draft).filter((a) => !isInternal(a, p.internalDomains));
}

/** Minutes since midnight of "HH:MM", or NaN. */
function minutes(hhmm: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm);
  if (!m) return NaN;
  const h = Number(m[1]);
  const min = Number(m[2]);
  return h < 24 && min < 60 ? h * 60 + min : NaN;
}

/** Local time of day in minutes, in the policy's time zone or the device's. */
function localMinutes(at: Date, timeZone?: string): number {
  if (timeZone) {
    try {
      const parts = new Intl.DateTimeFormat('en-US', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at);
      const h = Number(parts.find((x) => x.type === 'hour')?.value);
      const m = Number(parts.find((x) => x.type === 'minute')?.value);
      if (Number.isFinite(h) && Number.isFinite(m)) return h * 60 + m;
    } catch {
      // An unknown time zone falls back to the device's own clock.
    }
  }
  return at.getHours() * 60 + at.getMinutes();
}

/**
 * Findings about the situation rather than the words (category `context`): confidential
 * content to external recipients, a very large audience, a send inside quiet hours.
 * Their offsets are 0 and their text empty: they belong to no span of the text.
 */
export function contextHits(draft: Draft, p: ResolvedPolicy, findings: readonly Finding[]): Hit[] {
  const hits: Hit[] = [];
  const external = externalRecipients(draft, p);
  const sensitive = findings.filter((f) => (f.category === 'confidential' || f.category === 'pii') && f.action !== 'inform');
  if (external.length > 0 && sensitive.length > 0) {
    const shown = external.slice(0, 3).join(', ') + (external.length > 3 ? ` and ${external.length - 3} more` : '');
    hits.push({
      category: 'context',
      rule: 'external-recipient',
      severity: 'high',
      start: 0,
      end: 0,
      message: `This message has confidential or personal content and goes outside the organization (${shown}).`,
      suggestion: SUGGESTIONS ? 'Remove the external recipients, or the sensitive part, before sending.' : undefined,
    });
  }
  const count = allRecipients(draft).length;
  if (p.maxRecipients > 0 && count > p.maxRecipients) {
    hits.push({
      category: 'context',
      rule: 'large-audience',
      severity: 'medium',
      start: 0,
      end: 0,
      message: `This message goes to ${count} recipients; the policy asks for a second look above ${p.maxRecipients}.`,
      suggestion: SUGGESTIONS ? 'Check that everyone on the list needs it, or reply only to the sender.' : undefined,
    });
  }
  if (p.quietHours && draft.sentAt !== undefined) {
    const at = new Date(draft.sentAt);
    const from = minutes(p.quietHours.start);
    const to = minutes(p.quietHours.end);
    if (!Number.isNaN(at.getTime()) && !Number.isNaN(from) && !Number.isNaN(to)) {
      const now = localMinutes(at, p.quietHours.timeZone);
      const inside = from <= to ? now >= from && now < to : now >= from || now < to;
      if (inside) {
        hits.push({
          category: 'context',
          rule: 'late-night',
          severity: 'medium',
          start: 0,
          end: 0,
          message: `It is ${String(Math.floor(now / 60)).padStart(2, '0')}:${String(now % 60).padStart(2, '0')}, inside the quiet hours (${p.quietHours.start}–${p.quietHours.end}). Mail written late is the mail most often regretted.`,
          suggestion: SUGGESTIONS ? 'Save it as a draft and read it again in the morning, or schedule it.' : undefined,
        });
      }
    }
  }
  return hits;
}
