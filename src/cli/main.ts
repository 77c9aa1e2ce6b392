/**
 * The `second-thought` command line.
 *
 * Each subcommand is its own module in src/cli/commands/, registered in the
 * COMMANDS table below and loaded only when used (so `help` or a usage error
 * never pays for compiling the lexicons). A row without `load` is a planned
 * command: naming it prints "not available yet" and exits 2.
 *
 * The top level catches everything: a usage error, an unreadable input or an
 * invalid policy is one line on stderr and exit 2; so is an unexpected error
 * (a bug), unless SECOND_THOUGHT_DEBUG=1 asks for the stack.
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Command } from './commands/command.js';
import { EXIT, UsageError, isCliError, oneLine } from './errors.js';
import { processIo, sanitize, type Io } from './io.js';

export interface CommandEntry {
  /** One line for the command list. */
  summary: string;
  /** Loads the command module; absent while the command is not implemented. */
  load?: () => Promise<Command>;
}

/** Every subcommand of DESIGN.md section 5. To add one: write commands/<name>.ts and set `load` here. */
export const COMMANDS: Record<string, CommandEntry> = {
  check: {
    summary: 'check text, .eml and .mbox files (or - for stdin) and print the findings',
    load: async () => (await import('./commands/check.js')).check,
  },
  eval: {
    summary: 'measure precision and recall over a labeled .jsonl file',
    load: async () => (await import('./commands/eval.js')).evalCommand,
  },
  scan: {
    summary: 'walk folders, .eml and .mbox files and summarize what would be flagged',
    load: async () => (await import('./commands/scan.js')).scan,
  },
  policy: {
    summary: 'policy validate FILE | policy schema | policy init',
    load: async () => (await import('./commands/policy.js')).policy,
  },
  manifest: {
    summary: 'write an Outlook add-in manifest for your own host (--host URL)',
    load: async () => (await import('./commands/manifest.js')).manifest,
  },
};

const NAME = 'second-thought';

export function generalUsage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length));
  const rows = Object.entries(COMMANDS).map(
    ([name, entry]) => `  ${name.padEnd(width)}  ${entry.summary}${entry.load ? '' : ' (not available yet)'}`,
  );
  return [
    `Usage: ${NAME} <command> [options]`,
    '',
    'Commands:',
    ...rows,
    '',
    `Run '${NAME} help <command>' or '${NAME} <command> --help' for a command's options.`,
    'Exit: 0 nothing at warn or above, 1 something at warn or block, 2 usage error, unreadable input or invalid policy.',
  ].join('\n');
}

/** Runs the command line and returns the exit code. Never throws. */
export async function run(argv: string[], io: Io = processIo()): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (err) {
    return report(err, io);
  }
}

async function dispatch(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    throw new UsageError(`no command given (commands: ${Object.keys(COMMANDS).join(', ')}; see '${NAME} help')`);
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? rest[0] : undefined;
    if (topic === undefined) {
      io.stdout.write(`${generalUsage()}\n`);
      return EXIT.ok;
    }
    const command = await resolveCommand(topic);
    io.stdout.write(`${command.usage}\n`);
    return EXIT.ok;
  }
  if (name === '--version' || name === '-V') {
    io.stdout.write(`${await version()}\n`);
    return EXIT.ok;
  }
  const command = await resolveCommand(name);
  return await command.run(rest, io);
}

async function resolveCommand(name: string): Promise<Command> {
  const entry = Object.prototype.hasOwnProperty.call(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!entry) {
    throw new UsageError(`unknown command '${name}' (commands: ${Object.keys(COMMANDS).join(', ')})`);
  }
  if (!entry.load) {
    throw new UsageError(`'${name}' is not available yet in this version (available: ${available().join(', ')})`);
  }
  return entry.load();
}

function available(): string[] {
  return Object.entries(COMMANDS)
    .filter(([, e]) => e.load)
    .map(([n]) => n);
}

function report(err: unknown, io: Io): number {
  if (isCliError(err)) {
    io.stderr.write(`${NAME}: ${sanitize(oneLine(err))}\n`);
    return EXIT.error;
  }
  if (process.env.SECOND_THOUGHT_DEBUG && err instanceof Error && err.stack) {
    io.stderr.write(`${err.stack}\n`);
  } else {
    io.stderr.write(`${NAME}: internal error: ${sanitize(oneLine(err))} (set SECOND_THOUGHT_DEBUG=1 for details)\n`);
  }
  return EXIT.error;
}

async function version(): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  try {
    const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return `${NAME} ${pkg.version ?? 'unknown'}`;
  } catch {
    return `${NAME} (version unknown)`;
  }
}

/** True when this module is the program being run (`node src/cli/main.ts`, `node lib/cli/main.js`). */
function isMain(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMain()) {
  // Unhandled errors outside run() (e.g. a broken stdout pipe) still end in one line.
  process.on('uncaughtException', (err) => {
    if ((err as { code?: string }).code === 'EPIPE') process.exit(process.exitCode ?? 0);
    process.stderr.write(`${NAME}: internal error: ${oneLine(err)}\n`);
    process.exit(EXIT.error);
  });
  run(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
