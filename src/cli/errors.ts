/**
 * Errors the command line turns into exit code 2 with a one-line message.
 *
 * Anything else that escapes a command is a bug; the top level still prints it
 * on one line (never a stack trace) unless SECOND_THOUGHT_DEBUG is set.
 */

/** Bad arguments: an unknown option, a missing file name, a subcommand that does not exist. */
export class UsageError extends Error {
  override name = 'UsageError';
  /** Marks errors the top level prints as one line with exit 2 (see isCliError). */
  readonly cliError = true;
}

/** An input that cannot be read or understood: missing file, bad JSON, malformed message, invalid policy. */
export class InputError extends Error {
  override name = 'InputError';
  readonly cliError = true;
  /** The file (or `file#N` message) the problem is about, when there is one. */
  readonly source?: string;
  constructor(message: string, source?: string) {
    super(source ? `${source}: ${message}` : message);
    this.source = source;
  }
}

/**
 * True for UsageError and InputError. Checked by a marker, not instanceof, so
 * it holds even when this module is loaded twice (CommonJS and ESM copies
 * under a test runner's loader).
 */
export function isCliError(err: unknown): err is UsageError | InputError {
  return err instanceof Error && (err as { cliError?: unknown }).cliError === true;
}

/** Exit codes, the same for every subcommand (DESIGN.md section 5). */
export const EXIT = {
  /** Nothing at warn or above. */
  ok: 0,
  /** Something at warn or block. */
  flagged: 1,
  /** Usage error, unreadable input or invalid policy. */
  error: 2,
} as const;

/** One line describing an error: the message only, newlines folded, never a stack. */
export function oneLine(err: unknown): string {
  let text: string;
  if (err instanceof Error) text = err.message || err.name;
  else text = String(err);
  return text
    .split(/[\r\n]+/)
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .join(' ');
}

/** Readable description of a Node file-system error (`ENOENT` -> "no such file"). */
export function describeFsError(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ENOTDIR':
      return 'a part of the path is not a directory';
    case 'EMFILE':
      return 'too many open files';
    default:
      return oneLine(err);
  }
}
