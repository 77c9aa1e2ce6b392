import type { Detector } from '../types.js';
import { CONFIDENTIAL_DETECTORS } from './confidential/index.js';
import { PII_DETECTORS } from './pii/index.js';
import { SECRET_DETECTORS } from './secret/index.js';
import { TONE_DETECTORS } from './tone/index.js';

/** Every code detector, run on each field after the phrase lexicons. */
export const DETECTORS: readonly Detector[] = [...PII_DETECTORS, ...SECRET_DETECTORS, ...TONE_DETECTORS, ...CONFIDENTIAL_DETECTORS];
