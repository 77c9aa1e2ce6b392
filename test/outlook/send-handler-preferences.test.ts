import { strict as assert } from 'node:assert';
import { createClassifier } from '../../src/classifier/index.js';
import { onMessageSend, type HandlerDeps } from '../../src/outlook/send-handler.js';
import { resolvePolicy } from '../../src/policy/defaults.js';
import { PREFERENCES_KEY } from '../../src/policy/user-preferences.js';
import type { ResolvedPolicy } from '../../src/policy/types.js';
import { mockOffice, recordingEvent } from './mock-office.js';

/** The send handler with the real classifier, an organization policy and saved preferences. */
async function send(body: string, org: ResolvedPolicy, saved: unknown): Promise<string> {
  const { office } = mockOffice({ body, mailbox: '1.14' });
  (office.context as unknown as { roamingSettings: unknown }).roamingSettings = {
    get: (key: string) => (key === PREFERENCES_KEY ? saved : undefined),
  };
  const { event } = recordingEvent();
  const deps: HandlerDeps = {
    office,
    getPolicy: () => Promise.resolve({ policy: org, source: 'organization' }),
    getClassifier: (p) => createClassifier(p),
    log: () => undefined,
  };
  return (await onMessageSend(event, deps)).kind;
}

describe('outlook/send-handler: the user preferences apply at Send as in the pane', () => {
  const body = 'Honestly, the vendor is an idiot.';
  const hideInsult = JSON.stringify({ version: 1, categories: { insult: { action: 'off' } } });

  it('warns with no preferences saved', async () => {
    assert.equal(await send(body, resolvePolicy(), undefined), 'warn');
  });

  it('lets a category the user hid through', async () => {
    assert.equal(await send(body, resolvePolicy(), hideInsult), 'allow');
  });

  it('applies the personal allow-list', async () => {
    assert.equal(await send(body, resolvePolicy(), JSON.stringify({ version: 1, allow: ['the vendor is an idiot'] })), 'allow');
  });

  it('still warns where the organization locks the category', async () => {
    assert.equal(await send(body, resolvePolicy({ locks: ['categories.insult'] }), hideInsult), 'warn');
  });

  it('ignores preferences it cannot read, and allow entries that are not phrases', async () => {
    assert.equal(await send(body, resolvePolicy(), '{not json'), 'warn');
    assert.equal(await send(body, resolvePolicy(), JSON.stringify({ allow: ['ass*'] })), 'warn');
  });
});
