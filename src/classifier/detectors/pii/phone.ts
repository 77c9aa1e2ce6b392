/**
 * pii/phone — telephone numbers, found by a bounded scanner and validated with
 * libphonenumber-js (`/min` metadata: small enough for the send handler's
 * bundle; default region US, international numbers with `+`).
 *
 * Severity: low (inform only) — a number in a signature or "call me on ..." is
 * ordinary mail. Medium when the message is a contact list (see contacts.ts:
 * at least CONTACT_LIST_MIN distinct phones or personal addresses).
 *
 * Not: bare digit runs without a phone word (order/PO numbers), dotted
 * versions and IPs, ISO dates, numbers after `#` or a currency sign.
 */
import type { Detector, Hit } from '../../types.js';
import { makeHit } from './common.js';
import { scanContacts } from './contacts.js';
import { SUGGESTIONS } from '../../suggestions.js';

export const PHONE_RULE = {
  id: 'pii/phone',
  defaultRegion: 'US',
  message: 'This is a phone number.',
  listMessage: "This message lists many people's phone numbers. Sharing personal contact details widely can break privacy rules.",
  suggestion: SUGGESTIONS ? 'Check that everyone on the list agreed to share their number, or send the list through a shared directory instead.' : undefined,
} as const;

function detect(text: string): Hit[] {
  const scan = scanContacts(text);
  return scan.phones.map((p) =>
    scan.isList
      ? makeHit('phone', 'medium', p.start, p.end, PHONE_RULE.listMessage, PHONE_RULE.suggestion)
      : makeHit('phone', 'low', p.start, p.end, PHONE_RULE.message),
  );
}

export const phoneDetector: Detector = { id: 'pii/phone', detect };
