/**
 * Where a command reads and writes. The real process streams in production;
 * tests pass in-memory ones so commands can run in-process.
 */
export interface Output {
  write(chunk: string): unknown;
}

export interface Io {
  stdout: Output;
  stderr: Output;
  /** Standard input as a byte stream (read when a file argument is `-`). */
  stdin: AsyncIterable<Uint8Array | string>;
  /** Current directory for relative paths (defaults to process.cwd()). */
  cwd?: string;
}

/** The process's own streams. */
export function processIo(): Io {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, cwd: process.cwd() };
}

/** Collects everything written to it (tests, and commands that buffer). */
export class MemoryOutput implements Output {
  private parts: string[] = [];
  write(chunk: string): boolean {
    this.parts.push(chunk);
    return true;
  }
  get text(): string {
    return this.parts.join('');
  }
}

/** Replaces terminal control characters in untrusted text (mail content) so it cannot drive the terminal. */
export function sanitize(text: string): string {
  let out = '';
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // C0 controls (tab kept), DEL, C1 controls, and the bidi overrides/isolates that can disguise text.
    const bad =
      (c < 0x20 && c !== 0x09) ||
      (c >= 0x7f && c <= 0x9f) ||
      (c >= 0x202a && c <= 0x202e) ||
      (c >= 0x2066 && c <= 0x2069);
    if (bad) {
      out += text.slice(last, i) + (c === 0x0a ? '\u21b5' : c === 0x0d ? '' : '\ufffd');
      last = i + 1;
    }
  }
  return last === 0 ? text : out + text.slice(last);
}

/**
 * Writes and, when the stream asks to slow down (a slow pipe reading a long
 * mbox run), waits for it to drain, so output never piles up in memory.
 */
export async function emit(out: Output, chunk: string): Promise<void> {
  if (chunk === '') return;
  const ok = out.write(chunk);
  const stream = out as Output & { once?: (event: string, fn: () => void) => unknown };
  if (ok === false && typeof stream.once === 'function') {
    await new Promise<void>((resolve) => stream.once!('drain', resolve));
  }
}
