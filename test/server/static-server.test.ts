import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveUnder, startStaticServer } from '../../src/server/static-server.js';
import { tempDir } from '../temp-dir.js';

describe('server/static-server', () => {
  const root = tempDir('st-static-');
  mkdirSync(join(root, 'sub'));
  writeFileSync(join(root, 'index.html'), '<p>home</p>');
  writeFileSync(join(root, 'sub', 'index.html'), '<p>sub</p>');
  writeFileSync(join(root, 'launchevent.js'), 'x');
  writeFileSync(join(root, 'taskpane.0123456789.js'), 'y');

  const outside: Array<[string, boolean]> = [
    ['/index.html', true],
    ['/sub/../index.html', true],
    ['/../etc/passwd', false],
    ['/%2e%2e/%2e%2e/etc/passwd', false],
    ['/sub/%2e%2e/%2e%2e/x', false],
    ['/a%00b', false],
    ['/%E0%A4%A', false],
  ];
  for (const [path, ok] of outside) {
    it(`resolveUnder ${path} ${ok ? 'stays inside' : 'is refused'}`, () => {
      assert.equal(resolveUnder(root, path) !== null, ok);
    });
  }

  it('serves files with types and caching by name, directories by index.html, 404 and 405 otherwise', async () => {
    const server = await startStaticServer({ root });
    try {
      const get = (p: string, method = 'GET') => fetch(`${server.url}${p}`, { method });
      const home = await get('/');
      assert.equal(home.status, 200);
      assert.equal(await home.text(), '<p>home</p>');
      assert.match(home.headers.get('content-type')!, /^text\/html/);
      assert.equal(home.headers.get('cache-control'), 'no-cache');
      assert.equal(await (await get('/sub/')).text(), '<p>sub</p>');
      const js = await get('/launchevent.js');
      assert.match(js.headers.get('content-type')!, /^text\/javascript/);
      assert.equal(js.headers.get('cache-control'), 'no-cache', 'launchevent.js keeps its name: revalidate');
      assert.match((await get('/taskpane.0123456789.js')).headers.get('cache-control')!, /immutable/);
      assert.equal(js.headers.get('x-content-type-options'), 'nosniff');
      assert.equal((await get('/missing.json')).status, 404);
      assert.equal((await get('/index.html', 'POST')).status, 405);
      assert.match(server.url, /^http:\/\/localhost:\d+$/);
    } finally {
      await server.close();
    }
  });
});
