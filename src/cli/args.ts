/**
 * Argument parsing on node:util parseArgs, with its errors turned into
 * one-line usage errors.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './errors.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** What parseArgs returns for these options (named, so declaration files can be emitted). */
export type Parsed<T extends Options> = ReturnType<typeof parseArgs<{ args: string[]; options: T; allowPositionals: true; strict: true }>>;

/**
 * Parses `args` strictly (unknown options and missing values are usage errors).
 * `command` names the subcommand in messages.
 */
export function parse<T extends Options>(command: string, args: string[], options: T): Parsed<T> {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError(`${command}: ${describeParseError(err)}`);
  }
}

function describeParseError(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  // parseArgs messages are long and mention "To specify an option argument starting with a dash…" etc.; keep the first sentence.
  const first = message.split(/\.\s|\n/)[0] ?? message;
  return first.replace(/\.$/, '');
}

/** A non-negative integer option value, or a usage error. */
export function intOption(command: string, name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d{1,9}$/.test(value)) throw new UsageError(`${command}: --${name} expects a whole number, got '${value}'`);
  return Number(value);
}
