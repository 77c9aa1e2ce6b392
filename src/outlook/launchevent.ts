/**
 * Entry of the event-based runtime: launchevent.js (webpack bundle, one self-contained ES2016
 * file). Web, new Outlook and Mac load it from launchevent.html; classic Outlook on Windows runs it
 * directly in the JavaScript-only runtime (no DOM, no onReady).
 *
 * The handlers are associated at the TOP LEVEL of this file, before anything else can fail: classic
 * Outlook never calls Office.onReady here, and a send handler that is not associated leaves a
 * SoftBlock add-in's users unable to send. The classifier is loaded lazily (an eager dynamic import,
 * kept in this same file by webpack) so that even a failure while loading it only reaches the
 * handler's error path, which applies the policy's onError.
 */
import type { Classifier } from '../classifier/types.js';
import type { ResolvedPolicy } from '../policy/types.js';
import { onComposeChange } from './compose-notify.js';
import type { LaunchEventLike, OfficeLike } from './office-types.js';
import { getPolicy } from './policy-source.js';
import type { HandlerDeps } from './send-handler.js';
import { onMessageSend } from './send-handler.js';

declare const Office: OfficeLike;

let classifierFor: { policy: ResolvedPolicy; classifier: Classifier } | undefined;

function getClassifier(policy: ResolvedPolicy): Promise<Classifier> {
  if (classifierFor && classifierFor.policy === policy) return Promise.resolve(classifierFor.classifier);
  return import(/* webpackMode: "eager" */ '../classifier/index.js').then((engine) => {
    const classifier = engine.createClassifier(policy);
    classifierFor = { policy, classifier };
    return classifier;
  });
}

function deps(): HandlerDeps {
  // The send check gets a short policy budget so the watchdog (3.5 s) still has room for the check.
  return { office: Office, getPolicy: () => getPolicy({ timeoutMs: 1500 }), getClassifier };
}

function stOnSend(event: LaunchEventLike): void {
  onMessageSend(event, deps());
}

function stOnNewCompose(event: LaunchEventLike): void {
  onComposeChange(event, deps());
}

function stOnRecipients(event: LaunchEventLike): void {
  onComposeChange(event, deps());
}

if (typeof Office !== 'undefined' && Office.actions) {
  Office.actions.associate('stOnSend', stOnSend);
  Office.actions.associate('stOnNewCompose', stOnNewCompose);
  Office.actions.associate('stOnRecipients', stOnRecipients);
}

// Start fetching the policy while Outlook is still setting up the event.
if (typeof Office !== 'undefined') getPolicy({ timeoutMs: 1500 }).catch(() => undefined);
