/**
 * pii/email-address — e-mail addresses, found by a linear scanner (no
 * backtracking regular expression; see contacts.ts).
 *
 * Severity: low (inform only) — addresses in a signature or "write to ..." are
 * ordinary mail. Medium when the message is a contact list (at least
 * CONTACT_LIST_MIN distinct phones or personal addresses; role addresses like
 * info@ and addresses in quoted header lines do not count).
 */
import type { Detector, Hit } from '../../types.js';
import { makeHit } from './common.js';
import { scanContacts } from './contacts.js';
import { SUGGESTIONS } from '../../suggestions.js';

export const EMAIL_RULE = {
  id: 'pii/email-address',
  message: 'This is an e-mail address.',
  listMessage: "This message lists many people's e-mail addresses. Sharing personal contact details widely can break privacy rules.",
  suggestion: SUGGESTIONS ? 'Check that everyone on the list agreed to share their address, or use a distribution list instead of pasting addresses.' : undefined,
} as const;

function detect(text: string): Hit[] {
  const scan = scanContacts(text);
  return scan.emails.map((e) =>
    scan.isList
      ? makeHit('email-address', 'medium', e.start, e.end, EMAIL_RULE.listMessage, EMAIL_RULE.suggestion)
      : makeHit('email-address', 'low', e.start, e.end, EMAIL_RULE.message),
  );
}

export const emailAddressDetector: Detector = { id: 'pii/email-address', detect };
