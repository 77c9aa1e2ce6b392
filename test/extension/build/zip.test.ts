import assert from 'node:assert/strict';
import { crc32, zip } from '../../../src/extension/build/zip.js';
import { unzip } from './unzip.js';

describe('extension/build/zip', () => {
  it('crc32 of known strings', () => {
    assert.equal(crc32(Buffer.from('')), 0);
    assert.equal(crc32(Buffer.from('123456789')), 0xcbf43926);
    assert.equal(crc32(Buffer.from('The quick brown fox jumps over the lazy dog')), 0x414fa339);
  });

  it('round-trips deflated and stored entries, UTF-8 names, empty files', () => {
    const random = Buffer.from(Array.from({ length: 300 }, (_, i) => (i * 7919 + 13) % 251));
    const entries = [
      { name: 'manifest.json', data: Buffer.from('{"a":1}'.repeat(100)) },
      { name: 'icons/icon-16.png', data: random },
      { name: 'empty.txt', data: Buffer.alloc(0) },
      { name: 'größe/ü.txt', data: Buffer.from('é') },
    ];
    const back = unzip(zip(entries));
    assert.deepEqual([...back.keys()], entries.map((e) => e.name));
    for (const e of entries) assert.ok(back.get(e.name)!.equals(e.data), e.name);
  });

  it('the same input gives the same bytes (fixed timestamps)', () => {
    const e = [{ name: 'a.txt', data: Buffer.from('hello hello hello') }];
    assert.ok(zip(e).equals(zip(e)));
  });

  it('refuses names that could escape the folder when unpacked', () => {
    for (const name of ['/abs.txt', '../up.txt', 'a/../../b', 'win\\path']) assert.throws(() => zip([{ name, data: Buffer.from('x') }]), /bad entry name/, name);
  });
});
