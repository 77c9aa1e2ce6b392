import type { Detector } from '../../types.js';
import { payListDetector } from './pay-list.js';

/**
 * Confidential checks a phrase lexicon cannot express: a pasted list of named people's pay.
 * One person's pay in a sentence, HR matters and secrecy requests are lexicons/en/confidential.yml.
 */
export const CONFIDENTIAL_DETECTORS: Detector[] = [payListDetector];
