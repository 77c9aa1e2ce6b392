import type { Detector } from '../../types.js';

// Placeholder written by the lead so the engine compiles; the secret detectors' owner replaces this file.
export const SECRET_DETECTORS: Detector[] = [];
