/**
 * The `secret` category: credentials that must not travel by mail.
 * Each family lives in its own file; the classifier runs them all.
 *
 * The detectors avoid reporting the same value twice: the password and
 * generic detectors skip values that a known-format, JWT or private-key
 * detector reports with a more precise message.
 */
import type { Detector } from '../../types.js';
import { knownKeysDetector } from './known-keys.js';
import { privateKeyDetector } from './private-key.js';
import { jwtDetector } from './jwt.js';
import { connectionStringDetector } from './connection-string.js';
import { passwordDetector } from './password.js';
import { genericDetector } from './generic.js';

export const SECRET_DETECTORS: Detector[] = [
  knownKeysDetector,
  privateKeyDetector,
  jwtDetector,
  connectionStringDetector,
  passwordDetector,
  genericDetector,
];

export { knownKeysDetector, privateKeyDetector, jwtDetector, connectionStringDetector, passwordDetector, genericDetector };
export { KNOWN_KEY_FORMATS } from './known-keys.js';
