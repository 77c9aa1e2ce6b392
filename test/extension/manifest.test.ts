import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './helpers.js';

/** src/extension/manifest.json: the least the extension needs, nothing more. */
describe('extension/manifest.json', () => {
  const m = JSON.parse(readFileSync(join(ROOT, 'src', 'extension', 'manifest.json'), 'utf8')) as Record<string, any>;

  it('Manifest V3, storage permission only, no host permissions', () => {
    assert.equal(m.manifest_version, 3);
    assert.deepEqual(m.permissions, ['storage']);
    assert.equal(m.host_permissions, undefined);
    assert.equal(m.optional_permissions, undefined);
    assert.equal(m.optional_host_permissions, undefined);
    assert.equal(m.externally_connectable, undefined);
    assert.equal(m.web_accessible_resources, undefined);
  });

  it('one content script, on Gmail only', () => {
    assert.equal(m.content_scripts.length, 1);
    assert.deepEqual(m.content_scripts[0].matches, ['https://mail.google.com/*']);
    assert.deepEqual(m.content_scripts[0].js, ['content.js']);
  });

  it('managed storage schema declared; extension pages may connect nowhere', () => {
    assert.equal(m.storage.managed_schema, 'managed_schema.json');
    assert.match(m.content_security_policy.extension_pages, /connect-src 'none'/);
    assert.doesNotMatch(m.content_security_policy.extension_pages, /unsafe-eval/);
  });
});
