import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Rng } from '../bench/rng.js';
import { findSegments } from '../src/classifier/segment/segment.js';

/** A labelled row of the written sets (test/fixtures/<set>/*.jsonl). */
export interface Row {
  id?: string;
  text: string;
  labels: string[];
}

/** Every row of a written set under test/fixtures, files in name order. */
export function readRows(set: string): Row[] {
  const dir = join(import.meta.dirname, 'fixtures', set);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .flatMap((f) =>
      readFileSync(join(dir, f), 'utf8')
        .split('\n')
        .filter((l) => l.trim() !== '')
        .map((l) => JSON.parse(l) as Row),
    );
}

/**
 * The rows of a set, each set in about `words` words of ordinary written mail, half before and
 * half after it, as a remark stands in a long update: the same labels, the same words, in a
 * longer mail. The padding is the written ordinary mail (test/fixtures/ordinary-mails, all
 * innocent) of at least 40 words with no quoted reply or signature, which would hide what
 * follows it; drawn with a fixed seed, so the same rows come out on every run.
 */
export function inLongMail(rows: readonly Row[], words: number, seed: number): Row[] {
  const padding = readRows('ordinary-mails')
    .map((r) => r.text)
    .filter((t) => wordCount(t) >= 40 && findSegments(t).length === 0);
  const rng = new Rng(seed);
  return rows.map((r) => {
    const before: string[] = [];
    const after: string[] = [];
    for (let n = 0; n < words; ) {
      const p = rng.pick(padding);
      (n < words / 2 ? before : after).push(p);
      n += wordCount(p);
    }
    return { ...r, text: [...before, r.text, ...after].join('\n\n') };
  });
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}
