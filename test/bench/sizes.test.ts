import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { bundleSizes, gzipSize, pageAssets, sendHandlerParts } from '../../bench/sizes.js';
import { tempDir } from '../temp-dir.js';

describe('bench/sizes', () => {
  it('pageAssets lists local scripts and stylesheets, quoted or not, never remote ones', () => {
    const html =
      '<script src="https://host.example/office.js"></script><link rel=stylesheet href=pane.1.css>' +
      '<link rel="icon" href="icon.png"><script defer src=pane.2.js></script><script src=\'./x.js?v=3\'></script><script src=//cdn.example/y.js></script>';
    assert.deepEqual(pageAssets(html), ['pane.1.css', 'pane.2.js', 'x.js']);
  });

  it('gzipSize is the size of a level-9 gzip that round-trips', () => {
    const text = 'second thought '.repeat(1000);
    assert.equal(gzipSize(text), gzipSync(text, { level: 9 }).length);
    assert.ok(gzipSize(text) < text.length / 10);
    assert.equal(gunzipSync(gzipSync(text, { level: 9 })).toString(), text);
  });

  it('bundleSizes reads the send handler and the task pane with its assets', () => {
    const dir = tempDir('st-sizes-');
    writeFileSync(join(dir, 'launchevent.js'), 'x'.repeat(5000));
    writeFileSync(join(dir, 'taskpane.html'), '<script src=a.js></script><link rel=stylesheet href=b.css><script src=missing.js></script>');
    writeFileSync(join(dir, 'a.js'), 'y'.repeat(300));
    writeFileSync(join(dir, 'b.css'), 'z'.repeat(200));
    const s = bundleSizes(dir);
    assert.equal(s.sendHandler?.bytes, 5000);
    assert.deepEqual(s.taskPane?.files.map((f) => f.file), ['taskpane.html', 'a.js', 'b.css']);
    assert.equal(s.taskPane?.bytes, s.taskPane!.files.reduce((n, f) => n + f.bytes, 0));
    assert.deepEqual(bundleSizes(join(dir, 'nowhere')), {});
  });

  it('sendHandlerParts splits launchevent.js by its source map and costs each part gzipped', () => {
    const dir = tempDir('st-parts-');
    const lexicon = 'var LEXICON="' + 'the quick brown fox '.repeat(200) + '";';
    const handler = 'function stOnSend(e){e.completed({allowEvent:true})}';
    writeFileSync(join(dir, 'launchevent.js'), `${lexicon}\n${handler}`);
    // line 1 maps to the lexicon source, line 2 (column 0 on) to the handler; the newline to neither
    const map = { version: 3, sources: ['webpack://x/./src/classifier/lexicons/compiled.ts', 'webpack://x/./src/outlook/launchevent.ts'], names: [], mappings: 'AAAA;ACAA' };
    writeFileSync(join(dir, 'launchevent.js.map'), JSON.stringify(map));
    const parts = sendHandlerParts(dir);
    assert.deepEqual(parts.map((p) => [p.part, p.bytes]), [
      ['lexicon (src/classifier/lexicons)', lexicon.length],
      ['send handler (src/outlook)', handler.length],
      ['other (webpack runtime, glue)', 1],
    ]);
    const whole = gzipSize(`${lexicon}\n${handler}`);
    assert.equal(parts[0]!.gzip, whole - gzipSize(`\n${handler}`));
    assert.ok(parts[0]!.gzip > 0 && parts[0]!.gzip < lexicon.length / 5, 'repetitive text costs little gzipped');
    assert.deepEqual(sendHandlerParts(join(dir, 'nowhere')), []);
  });
});
