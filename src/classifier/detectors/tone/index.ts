import type { Detector } from '../../types.js';
import { exclamationDetector } from './exclamation.js';
import { oneWordJabDetector } from './one-word-jab.js';
import { shoutingDetector } from './shouting.js';
import { wordByWordDetector } from './word-by-word.js';

/**
 * Tone checks a phrase lexicon cannot express: letter case (shouting), punctuation runs and
 * sentences cut into one-word sentences, and a one-word jab ("Noted. Again.").
 * The phrase side of tone (passive-aggressive and hostile wording) is lexicons/en/tone.yml.
 */
export const TONE_DETECTORS: Detector[] = [shoutingDetector, exclamationDetector, wordByWordDetector, oneWordJabDetector];
