import { strict as assert } from 'node:assert';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { measureScan } from '../../bench/scan.js';
import { tempDir } from '../temp-dir.js';

describe('bench/scan', () => {
  let dir: string;
  before(() => (dir = tempDir('st-bench-scan-')));

  it('scans every body as one message of an mbox, "From " lines in bodies escaped', async () => {
    const bodies = ['Hello,\nFrom now on we meet on Mondays.', 'The vendor is an idiot.', 'plain'];
    const r = await measureScan(dir, bodies);
    assert.equal(r.messages, 3);
    assert.equal(r.bytes, statSync(join(dir, 'bench-corpus.mbox')).size);
    assert.ok(r.messagesPerSecond > 0 && Number.isFinite(r.messagesPerSecond));
  });
});
