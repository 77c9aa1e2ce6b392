import { generateCorpus } from './bench/corpus.ts';
import { createClassifier } from './src/classifier/index.ts';
const corpus = generateCorpus({ seed: 20251123, count: 2000 });
const c = createClassifier();
const drafts = corpus.map((m) => ({ body: m.body, subject: m.subject }));
for (const d of drafts) c.classify(d);
let best = 1e9;
for (let r = 0; r < 5; r++) { const t = performance.now(); for (const d of drafts) c.classify(d); best = Math.min(best, performance.now() - t); }
console.log('best ms', best.toFixed(1));
