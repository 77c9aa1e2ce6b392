import { strict as assert } from 'node:assert';
import { README_BEGIN, README_END, renderReadmeSection, withReadmeSection, type Results } from '../../bench/report.js';

/** Just what the README section reads of a run. */
function run(obscenityRatio: number): Results {
  const engine = (name: string, mbps: number) => ({ name, mbps, p99Ms: 1.5 }) as Results['engines'][number];
  return {
    date: '2026-11-23T20:00:00.000Z',
    commit: 'abc1234',
    dirty: false,
    machine: { cpu: 'Test CPU', cores: 2, memoryGb: 24, platform: 'linux', node: '20.0.0', v8: '11' },
    options: { seed: 1, count: 10, rounds: 3, alexEvery: 5, quick: true, stPolicy: {} },
    corpus: { mails: 10, bytes: 20_000, injected: 1, big1Chars: 0, big2Chars: 0 },
    engines: [engine('second-thought', 3 * obscenityRatio), engine('obscenity', 3)],
    ratios: { obscenity: obscenityRatio, alex: 150, leoProfanity: 1, floorOverSt: 3, big2OverBig1: 2.1 },
    hostile: [],
    bundles: {},
  } as unknown as Results;
}

describe('bench/report README section', () => {
  it('replaces only what stands between the marks, with the targets and every engine', () => {
    const readme = `# Title\n\nBefore.\n\n${README_BEGIN}\nold figures\n${README_END}\n\nAfter.\n`;
    const out = withReadmeSection(readme, run(2.5));
    assert.ok(out.startsWith('# Title\n\nBefore.\n\n'));
    assert.ok(out.endsWith(`${README_END}\n\nAfter.\n`));
    assert.ok(!out.includes('old figures'));
    assert.match(out, /throughput vs obscenity \| +2\.5x \| +>= 10x \| +FAIL/);
    assert.match(out, /obscenity +\| +3\.00 \| +2\.50x faster/);
    assert.match(out, /Test CPU, 2 cores/);
    // Run twice, the same section: nothing piles up.
    assert.equal(withReadmeSection(out, run(2.5)), out);
    assert.match(withReadmeSection(out, run(12)), /throughput vs obscenity \| +12\.0x \| +>= 10x \| +PASS/);
  });

  it("shows the floor loop's own 2 MB / 1 MB ratio beside Second Thought's, when the run measured it", () => {
    assert.match(renderReadmeSection(run(2)), /2 MB \/ 1 MB draft time \| +2\.10 \| +<= 2\.3 \| +PASS/);
    const r = run(2);
    r.ratios.big2OverBig1 = 2.45;
    r.ratios.floorBig2OverBig1 = 2.7;
    assert.match(renderReadmeSection(r), /2 MB \/ 1 MB draft time \| +2\.45 \(floor loop: 2\.70\) \| +<= 2\.3 \| +FAIL/);
  });

  it('leaves a README without the marks as it is', () => {
    assert.equal(withReadmeSection('# No marks\n', run(2)), '# No marks\n');
    assert.ok(renderReadmeSection(run(2)).startsWith(README_BEGIN));
  });
});
