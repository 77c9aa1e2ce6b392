/**
 * pii/ip-address — IPv4 and IPv6 addresses (optionally with a CIDR prefix
 * length, IPv6 also with a `%zone`).
 *
 * IPv4: four decimal octets 0-255 (no leading zeros), not part of a longer
 * dotted number (`1.2.3.4.5` is a version or an OID) and not glued to letters.
 * IPv6: full and `::`-compressed forms, embedded IPv4 tail allowed; not `::`
 * alone, not clock times (`12:30:45`), MAC addresses, ratios, `std::cout`.
 *
 * SEVERITY DECISION: an IP address is personal data when it points at one
 * person's connection; in mail it is usually a server, a router or a log line.
 * Measured with a scratch harness over the unlabeled ham sets: a public IPv4/
 * IPv6 address occurs in 30 of 3,000 SpamAssassin easy-ham bodies (1.0%:
 * quoted Received headers, server logs, DNS and firewall talk) and in 2 of
 * 5,000 Enron bodies; any IP at all in 38 of 3,000. Warning on every public
 * address would by itself spend the whole "clean mail flagged <= 1%" budget
 * on technical mail. So:
 * - every address is `low` (shown in the task pane, never interrupts send);
 * - a PUBLIC address with a personal context word close before it ("my IP",
 *   "home IP", "his IP address", "logged in from") is `medium`: that is the
 *   case where it identifies a person. Private, loopback, link-local,
 *   documentation and multicast ranges stay `low` even then.
 * An organization that treats every IP as sensitive can raise
 * `pii/ip-address` in its policy.
 */
import type { Detector, Hit, Severity } from '../../types.js';
import { hasContext, isAsciiAlnumCode, isDigitCode, makeHit } from './common.js';
import { SUGGESTIONS } from '../../suggestions.js';

export const PRIVATE_SEVERITY: Severity = 'low';
export const PUBLIC_SEVERITY: Severity = 'low';
export const PERSONAL_PUBLIC_SEVERITY: Severity = 'medium';

export const IP_RULE = {
  id: 'pii/ip-address',
  /** Words right before a dotted quad that make it a version, not an address. */
  /** Words that tie an address to a person. */
  personalContext: [
    'my ip', 'my ip address', 'home ip', 'his ip', 'her ip', 'their ip', "user's ip", "customer's ip", "employee's ip",
    'ip of the user', 'logged in from', 'login from', 'connected from', 'connecting from', 'signed in from',
  ],
  versionWords: [
    'version', 'ver', 'ver.', 'v', 'v.', 'release', 'rel', 'build', 'firmware', 'fw', 'kernel', 'oid', 'section', 'sec.',
    'clause', 'chapter', 'para', 'paragraph', 'step', 'item', 'rule', 'article', 'art.', '§',
  ],
  message: 'This is an IP address. It can identify a person’s device or an internal server.',
  privateMessage: 'This is a private or local network address.',
  personalMessage: "This looks like a person's own IP address. It can reveal where they are and tie activity to them.",
  suggestion: SUGGESTIONS ? 'Leave the address out unless the reader needs it.' : undefined,
} as const;

function isHexCode(c: number): boolean {
  return isDigitCode(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

/** Parses "a.b.c.d" exactly; returns the octets or undefined. */
export function parseIpv4(s: string): number[] | undefined {
  const parts = s.split('.');
  if (parts.length !== 4) return undefined;
  const out: number[] = [];
  for (const p of parts) {
    if (p.length === 0 || p.length > 3) return undefined;
    for (let k = 0; k < p.length; k++) if (!isDigitCode(p.charCodeAt(k))) return undefined;
    if (p.length > 1 && p[0] === '0') return undefined;
    const v = Number(p);
    if (v > 255) return undefined;
    out.push(v);
  }
  return out;
}

/** Strict IPv6 text form check (RFC 4291 section 2.2), zone and prefix stripped. */
export function isIpv6(s: string): boolean {
  if (s === '::' || s.length < 3) return false;
  const dbl = s.indexOf('::');
  if (dbl >= 0 && s.indexOf('::', dbl + 1) >= 0) return false;
  let groups = 0;
  const checkPart = (part: string, allowV4Tail: boolean): boolean => {
    if (part === '') return true;
    const items = part.split(':');
    for (let k = 0; k < items.length; k++) {
      const it = items[k]!;
      if (allowV4Tail && k === items.length - 1 && it.includes('.')) {
        if (!parseIpv4(it)) return false;
        groups += 2;
        continue;
      }
      if (it.length === 0 || it.length > 4) return false;
      for (let q = 0; q < it.length; q++) if (!isHexCode(it.charCodeAt(q))) return false;
      groups++;
    }
    return true;
  };
  if (dbl >= 0) {
    const head = s.slice(0, dbl);
    const tail = s.slice(dbl + 2);
    if (head.includes('.')) return false;
    if (!checkPart(head, false) || !checkPart(tail, true)) return false;
    return groups <= 7;
  }
  if (!checkPart(s, true)) return false;
  return groups === 8;
}

export function isPrivateIpv4(o: readonly number[]): boolean {
  const [a, b] = o as [number, number];
  return (
    a === 10 || a === 127 || a === 0 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) ||
    (a === 169 && b === 254) || (a === 100 && b >= 64 && b <= 127) || a >= 224 ||
    (a === 192 && b === 0) || (a === 198 && (b === 18 || b === 19 || b === 51)) || (a === 203 && b === 0)
  );
}

export function isPrivateIpv6(s: string): boolean {
  const l = s.toLowerCase();
  return (
    l.startsWith('::') || l.startsWith('fe8') || l.startsWith('fe9') || l.startsWith('fea') || l.startsWith('feb') ||
    l.startsWith('fc') || l.startsWith('fd') || l.startsWith('ff') || l.startsWith('2001:db8') || l.startsWith('64:ff9b')
  );
}

const IP6_CHARS = (c: number) => isHexCode(c) || c === 58 /* : */ || c === 46; /* . */

/** Reads "/n" after `end` when 0 <= n <= max; returns the new end. */
function prefixEnd(text: string, end: number, max: number): number {
  if (text[end] !== '/') return end;
  let k = end + 1;
  while (k < text.length && k - end <= 3 && isDigitCode(text.charCodeAt(k))) k++;
  if (k === end + 1 || k - end > 4) return end;
  if (isAsciiAlnumCode(text.charCodeAt(k))) return end;
  const v = Number(text.slice(end + 1, k));
  if (v > max || (k - end > 2 && text[end + 1] === '0')) return end;
  return k;
}

function ipHit(text: string, start: number, end: number, priv: boolean): Hit {
  if (priv) return makeHit('ip-address', PRIVATE_SEVERITY, start, end, IP_RULE.privateMessage, IP_RULE.suggestion);
  const personal = hasContext(text, start, end, IP_RULE.personalContext, 32, 0);
  return makeHit(
    'ip-address',
    personal ? PERSONAL_PUBLIC_SEVERITY : PUBLIC_SEVERITY,
    start,
    end,
    personal ? IP_RULE.personalMessage : IP_RULE.message,
    IP_RULE.suggestion,
  );
}

function detectIpv6(text: string, hits: Hit[]): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    // Jump to the next colon (native search), then back to the start of its run.
    const colon = text.indexOf(':', i);
    if (colon < 0) break;
    let s0 = colon;
    while (s0 > i && colon - s0 < 64 && IP6_CHARS(text.charCodeAt(s0 - 1))) s0--;
    i = s0;
    const prev = i > 0 ? text.charCodeAt(i - 1) : 0;
    // Candidate only when the run starts on a boundary and holds two colons.
    const boundary = !(i > 0 && (isAsciiAlnumCode(prev) || prev === 58 || prev === 46 || prev === 95));
    let j = i;
    let colons = 0;
    while (j < n && j - i < 64) {
      const cj = text.charCodeAt(j);
      if (cj === 58) colons++;
      else if (!IP6_CHARS(cj)) break;
      j++;
    }
    if (!boundary || colons < 2) {
      // Skip the rest of this word so its tail is not retried character by character.
      while (j < n && isAsciiAlnumCode(text.charCodeAt(j))) j++;
      i = j > i ? j : i + 1;
      continue;
    }
    let end = j;
    // Sentence punctuation: a trailing '.', or one trailing ':' after a group.
    while (end > i && text[end - 1] === '.') end--;
    if (end - i >= 2 && text[end - 1] === ':' && text[end - 2] !== ':') end--;
    const cand = text.slice(i, end);
    if (cand.includes(':') && isIpv6(cand)) {
      let stop = end;
      // A %zone (fe80::1%eth0), then a /prefix.
      if (text[stop] === '%' && isAsciiAlnumCode(text.charCodeAt(stop + 1))) {
        let k = stop + 1;
        while (k < n && k - stop <= 16 && isAsciiAlnumCode(text.charCodeAt(k))) k++;
        stop = k;
      }
      stop = prefixEnd(text, stop, 128);
      const glued = stop < n && (isAsciiAlnumCode(text.charCodeAt(stop)) || text[stop] === '_');
      if (!glued) hits.push(ipHit(text, i, stop, isPrivateIpv6(cand)));
    }
    i = j > i ? j : i + 1;
  }
}

function detectIpv4(text: string, taken: readonly Hit[], hits: Hit[]): void {
  const n = text.length;
  let i = 0;
  let t = 0;
  const quad = /[0-9]{1,3}\.[0-9]/g;
  while (i < n) {
    // Jump to the next "digits dot digit" (native search); the checks below reject mid-run starts.
    quad.lastIndex = i;
    const m = quad.exec(text);
    if (m === null) break;
    i = m.index;
    // Maximal run of digits and single dots.
    let j = i;
    while (j < n && (isDigitCode(text.charCodeAt(j)) || (text[j] === '.' && isDigitCode(text.charCodeAt(j + 1))))) j++;
    const start = i;
    i = j;
    const prev = start > 0 ? text.charCodeAt(start - 1) : 0;
    if (isAsciiAlnumCode(prev) || prev === 95 || prev === 46 /* . */) continue;
    if (j < n && (isAsciiAlnumCode(text.charCodeAt(j)) || text[j] === '_')) continue;
    const octets = parseIpv4(text.slice(start, j));
    if (!octets) continue;
    if (hasContext(text, start, start, IP_RULE.versionWords, 12, 0)) continue;
    const end = prefixEnd(text, j, 32);
    while (t < taken.length && taken[t]!.end <= start) t++;
    if (t < taken.length && taken[t]!.start < end) continue; // inside an IPv6 hit
    hits.push(ipHit(text, start, end, isPrivateIpv4(octets)));
  }
}

function detect(text: string): Hit[] {
  const v6: Hit[] = [];
  detectIpv6(text, v6);
  const v4: Hit[] = [];
  detectIpv4(text, v6, v4);
  return [...v6, ...v4].sort((a, b) => a.start - b.start);
}

export const ipAddressDetector: Detector = { id: 'pii/ip-address', detect };
