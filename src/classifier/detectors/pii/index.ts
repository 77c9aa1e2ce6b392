/**
 * The `pii` detectors: personal data of people. One detector per rule family;
 * each scans the original text of one field and returns hits with offsets into it.
 */
import type { Detector } from '../../types.js';
import { bankAccountDetector } from './bank-account.js';
import { creditCardDetector } from './credit-card.js';
import { dateOfBirthDetector } from './date-of-birth.js';
import { emailAddressDetector } from './email-address.js';
import { ibanDetector } from './iban.js';
import { ipAddressDetector } from './ip-address.js';
import { nationalIdDetector } from './national-id.js';
import { passportDetector } from './passport.js';
import { phoneDetector } from './phone.js';
import { ssnDetector } from './ssn.js';
import { streetAddressDetector } from './street-address.js';

export const PII_DETECTORS: Detector[] = [
  ssnDetector,
  creditCardDetector,
  ibanDetector,
  bankAccountDetector,
  phoneDetector,
  emailAddressDetector,
  streetAddressDetector,
  dateOfBirthDetector,
  passportDetector,
  nationalIdDetector,
  ipAddressDetector,
];

export {
  bankAccountDetector,
  creditCardDetector,
  dateOfBirthDetector,
  emailAddressDetector,
  ibanDetector,
  ipAddressDetector,
  nationalIdDetector,
  passportDetector,
  phoneDetector,
  ssnDetector,
  streetAddressDetector,
};
