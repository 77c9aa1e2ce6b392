import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { pack, zip } from '../../../src/extension/build/pack.js';
import { managedStorageSchemaText } from '../../../src/extension/managed-schema.js';
import { ROOT } from '../helpers.js';
import { tempDir } from '../../temp-dir.js';

describe('extension/build/pack', () => {
  it('zip round-trips deflated entries, UTF-8 names, empty files', () => {
    const random = Buffer.from(Array.from({ length: 300 }, (_, i) => (i * 7919 + 13) % 251));
    const entries = [
      { name: 'manifest.json', data: Buffer.from('{"a":1}'.repeat(100)) },
      { name: 'icons/icon-16.png', data: random },
      { name: 'empty.txt', data: Buffer.alloc(0) },
      { name: 'größe/ü.txt', data: Buffer.from('é') },
    ];
    const archive = zip(entries);
    const back = unzipSync(archive);
    assert.deepEqual(Object.keys(back), entries.map((e) => e.name));
    for (const e of entries) assert.ok(Buffer.from(back[e.name]!).equals(e.data), e.name);
    assert.equal(archive.readUInt16LE(8), 8); // first entry deflated
  });

  it('zip stamps every entry with one fixed time, so the same input gives the same bytes', () => {
    const e = [{ name: 'a.txt', data: Buffer.from('hello hello hello') }];
    const archive = zip(e);
    assert.equal(archive.readUInt32LE(0), 0x04034b50);
    assert.equal(archive.readUInt16LE(10), 0); // DOS time 00:00:00
    assert.equal(archive.readUInt16LE(12), ((2024 - 1980) << 9) | (1 << 5) | 1); // DOS date 2024-01-01
    assert.ok(archive.equals(zip(e)));
  });

  it('zip refuses names that could escape the folder when unpacked', () => {
    for (const name of ['/abs.txt', '../up.txt', 'a/../../b', 'win\\path']) assert.throws(() => zip([{ name, data: Buffer.from('x') }]), /bad entry name/, name);
  });

  it('writes the managed schema, stamps the version, zips everything but source maps', () => {
    const tmp = tempDir('st-pack-');
    const dir = join(tmp, 'extension');
    mkdirSync(join(dir, 'icons'), { recursive: true });
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ manifest_version: 3, version: '0.0.0' }));
    writeFileSync(join(dir, 'content.js'), 'console.log(1)');
    writeFileSync(join(dir, 'content.js.map'), '{}');
    writeFileSync(join(dir, 'icons', 'icon-16.png'), Buffer.from([137, 80, 78, 71]));
    const out = join(tmp, 'x.zip');
    const { entries } = pack(dir, out);
    const files = unzipSync(readFileSync(out));
    assert.deepEqual(Object.keys(files).sort(), ['content.js', 'icons/icon-16.png', 'managed_schema.json', 'manifest.json']);
    assert.equal(entries, 4);
    assert.equal(Buffer.from(files['managed_schema.json']!).toString('utf8'), managedStorageSchemaText());
    const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    assert.equal(JSON.parse(Buffer.from(files['manifest.json']!).toString('utf8')).version, version);
  });
});
