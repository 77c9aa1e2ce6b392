/**
 * Linear time against hostile policies (issue 7): classify adversarial drafts of 100 KB and 200 KB
 * under policies built to provoke super-linear work (regex-looking terms accepted as literal words,
 * repeated stems, 5,000 terms sharing a prefix with the draft) and print the time ratio. Linear:
 * about 2. Quadratic: about 4. `npx tsx bench/hostile-policies.ts` (never run in unit tests: timing).
 * Exits 1 when a ratio is over 3, so it can gate a CI job that runs benches.
 */
import { createClassifier } from '../src/classifier/index.js';
import { resolvePolicy } from '../src/policy/defaults.js';
import type { Term } from '../src/policy/types.js';

const t = (patterns: string[]): Term => ({ patterns, category: 'confidential', severity: 'high', message: 'Bench term.' });
const POLICIES: Record<string, Term[]> = {
  'regex-looking literals': [t(['a{1,100000}']), t(['aaaa* aaaa* aaaa* b']), t(['aaaa* ...6 aaaa* ...6 b'])],
  '5,000 terms sharing a prefix': Array.from({ length: 5000 }, (_, i) => t([`aaaa aaaa aaaa x${i}`])),
};
const DRAFTS: Record<string, (n: number) => string> = {
  'aaaa runs': (n) => 'aaaa '.repeat(n / 5),
  'one long word': (n) => 'a'.repeat(n),
  'aaaaa then x': (n) => `${'aaaaa '.repeat(n / 6 - 1)}x`,
  'braces': (n) => 'a{1,100000} '.repeat(n / 12),
};

function time(fn: () => void): number {
  let best = Infinity;
  for (let i = 0; i < 5; i++) {
    const s = process.hrtime.bigint();
    fn();
    best = Math.min(best, Number(process.hrtime.bigint() - s) / 1e6);
  }
  return best;
}

let worst = 0;
for (const [pname, terms] of Object.entries(POLICIES)) {
  const c = createClassifier(resolvePolicy({ terms }));
  for (const [dname, make] of Object.entries(DRAFTS)) {
    const small = make(100_000);
    const large = make(200_000);
    c.classify(small); // warm up
    const a = time(() => c.classify(small));
    const b = time(() => c.classify(large));
    const ratio = b / a;
    worst = Math.max(worst, ratio);
    console.log(`${pname.padEnd(30)} ${dname.padEnd(14)} 100 KB ${a.toFixed(1).padStart(7)} ms  200 KB ${b.toFixed(1).padStart(7)} ms  ratio ${ratio.toFixed(2)}`);
  }
}
console.log(`worst ratio ${worst.toFixed(2)} (linear ~2, quadratic ~4)`);
process.exitCode = worst > 3 ? 1 : 0;
