import type { Io } from '../io.js';

/**
 * A subcommand. Each lives in its own module, src/cli/commands/<name>.ts, and
 * is registered in the COMMANDS table of src/cli/main.ts.
 *
 * `run` returns the exit code. For usage errors and unreadable inputs it
 * throws UsageError / InputError (src/cli/errors.ts); the top level prints
 * them on one line and exits 2.
 */
export interface Command {
  name: string;
  /** Full help text, printed by `second-thought help <name>` and `<name> --help`. */
  usage: string;
  run(args: string[], io: Io): Promise<number>;
}
