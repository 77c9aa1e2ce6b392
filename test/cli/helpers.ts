import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MemoryOutput } from '../../src/cli/io.js';
import { run } from '../../src/cli/main.js';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const FIXTURES = join(ROOT, 'test', 'fixtures', 'mail');
export const fixture = (name: string): string => join(FIXTURES, name);

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

async function* once(text: string): AsyncGenerator<Buffer> {
  yield Buffer.from(text, 'utf8');
}

/** Runs the CLI in-process with captured streams, from the fixtures folder. */
export async function cli(args: string[], stdin = ''): Promise<CliResult> {
  const stdout = new MemoryOutput();
  const stderr = new MemoryOutput();
  const code = await run(args, { stdout, stderr, stdin: once(stdin), cwd: FIXTURES });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

/** Runs the CLI as a real process (`node --import tsx src/cli/main.ts …`) from the fixtures folder. */
export function spawnCli(args: string[], stdin = ''): CliResult {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src', 'cli', 'main.ts'), ...args], {
    cwd: FIXTURES,
    input: stdin,
    encoding: 'utf8',
    env: { ...process.env, SECOND_THOUGHT_DEBUG: '' },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** The stderr of a usage/input error: exactly one line, naming the tool, no stack frames. */
export function assertOneLineError(stderr: string): void {
  const lines = stderr.split('\n').filter((l) => l !== '');
  if (lines.length !== 1) throw new Error(`expected one stderr line, got ${lines.length}: ${JSON.stringify(stderr)}`);
  if (!lines[0]!.startsWith('second-thought: ')) throw new Error(`stderr does not start with the tool name: ${lines[0]}`);
  if (/\n\s+at /.test(stderr) || /\bat .*\.(ts|js):\d+/.test(stderr)) throw new Error(`stack trace in stderr: ${stderr}`);
}
