/**
 * The admin's dry run: `second-thought scan --json` over the benchmark corpus written as one mbox,
 * in this process, so its messages per second sit beside the other figures (issue: policy and
 * admin deployment). The mbox reader streams, so the file size does not set the memory.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run } from '../src/cli/main.js';
import { MemoryOutput } from '../src/cli/io.js';

export interface ScanResult {
  messages: number;
  bytes: number;
  seconds: number;
  messagesPerSecond: number;
}

/** Writes `bodies` as an mbox in `dir` and scans it; the summary's own counts and timing. */
export async function measureScan(dir: string, bodies: readonly string[]): Promise<ScanResult> {
  const mbox = join(dir, 'bench-corpus.mbox');
  const parts = bodies.map(
    (body, k) =>
      `From bench@example.com Mon Jan  5 09:00:00 2026\nFrom: writer${k}@corp.example\nTo: reader${k}@client.example\nSubject: Bench message ${k}\n\n` +
      body.replace(/^(>*From )/gm, '>$1') +
      '\n',
  );
  const text = parts.join('\n');
  writeFileSync(mbox, text);
  const stdout = new MemoryOutput();
  const stderr = new MemoryOutput();
  const code = await run(['scan', mbox, '--json'], { stdout, stderr, stdin: (async function* () {})(), cwd: dir });
  if (code === 2) throw new Error(`scan failed: ${stderr.text.split('\n')[0]}`);
  const summary = JSON.parse(stdout.text.trim().split('\n').pop()!) as { messages: number; seconds: number; messagesPerSecond: number };
  return { messages: summary.messages, bytes: Buffer.byteLength(text), seconds: summary.seconds, messagesPerSecond: summary.messagesPerSecond };
}
