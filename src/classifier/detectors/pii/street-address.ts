/**
 * pii/street-address — street addresses ("1427 Marigold Terrace Apt 3, Los Angeles CA
 * 90026"), found by the bounded scanner in street.ts.
 *
 * Severity: low (inform only) — an office address in a signature or "we meet at 10 Main St"
 * is ordinary mail. Medium when the words just before it say someone lives there ("her home
 * address is", "he lives at"; the writer's own "my home address" is theirs to give, so it stays
 * low), or when the message is a contact list (see contacts.ts): at least
 * CONTACT_LIST_MIN distinct street addresses, phones or personal e-mail addresses, such as a
 * list of people's home addresses for sending gifts.
 *
 * Not: the same shape in lower case, numbers before ordinary words, addresses outside the
 * English "number, name, street type" form ("Hauptstraße 5" is not read yet).
 */
import type { Detector, Hit } from '../../types.js';
import { hasContext, makeHit } from './common.js';
import { scanContacts } from './contacts.js';
import { SUGGESTIONS } from '../../suggestions.js';

export const STREET_RULE = {
  id: 'pii/street-address',
  message: 'This is a street address.',
  homeMessage: "This is where someone lives. A person's home address passed on without their say-so can put them at risk.",
  listMessage: "This message lists many people's street addresses. Sharing where people live can break privacy rules.",
  suggestion: SUGGESTIONS ? 'Send addresses only to the people who need them, or ask each person to give theirs directly.' : undefined,
} as const;

/** Words that make one address where someone lives ("Dana's home address is ...", "she lives at ..."). */
const HOME_CONTEXT = ['home address', 'home addresses', 'lives at', 'living at', 'resides at', 'residing at', 'residential address'];

/** The writer's own home: theirs to give. */
const OWN_HOME = ['my home address', 'our home address', "i'm living at", 'i am living at', "we're living at", 'we are living at'];

function detect(text: string): Hit[] {
  const scan = scanContacts(text);
  return scan.streets.map((s) =>
    scan.isList
      ? makeHit('street-address', 'medium', s.start, s.end, STREET_RULE.listMessage, STREET_RULE.suggestion)
      : hasContext(text, s.start, s.end, HOME_CONTEXT, 40, 0) && !hasContext(text, s.start, s.end, OWN_HOME, 40, 0)
        ? makeHit('street-address', 'medium', s.start, s.end, STREET_RULE.homeMessage, STREET_RULE.suggestion)
        : makeHit('street-address', 'low', s.start, s.end, STREET_RULE.message),
  );
}

export const streetAddressDetector: Detector = { id: 'pii/street-address', detect };
