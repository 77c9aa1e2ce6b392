import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pack } from '../../../src/extension/build/pack.js';
import { managedStorageSchemaText } from '../../../src/extension/managed-schema.js';
import { ROOT } from '../helpers.js';
import { unzip } from './unzip.js';

describe('extension/build/pack', () => {
  it('writes the managed schema, stamps the version, zips everything but source maps', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'st-pack-'));
    try {
      const dir = join(tmp, 'extension');
      mkdirSync(join(dir, 'icons'), { recursive: true });
      writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ manifest_version: 3, version: '0.0.0' }));
      writeFileSync(join(dir, 'content.js'), 'console.log(1)');
      writeFileSync(join(dir, 'content.js.map'), '{}');
      writeFileSync(join(dir, 'icons', 'icon-16.png'), Buffer.from([137, 80, 78, 71]));
      const out = join(tmp, 'x.zip');
      const { entries } = pack(dir, out);
      const files = unzip(readFileSync(out));
      assert.deepEqual([...files.keys()].sort(), ['content.js', 'icons/icon-16.png', 'managed_schema.json', 'manifest.json']);
      assert.equal(entries, 4);
      assert.equal(files.get('managed_schema.json')!.toString('utf8'), managedStorageSchemaText());
      const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
      assert.equal(JSON.parse(files.get('manifest.json')!.toString('utf8')).version, version);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
