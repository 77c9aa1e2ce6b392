import type { Detector } from '../../types.js';

// Placeholder written by the lead so the engine compiles; the tone detectors' owner replaces this file.
export const TONE_DETECTORS: Detector[] = [];
