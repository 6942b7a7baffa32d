/**
 * Command-line conventions shared by every command: exit codes, usage errors, help text.
 * Exit 0 on success, 1 on bad input (a file that cannot be read or used), 2 on bad usage.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

export const EXIT_OK = 0;
export const EXIT_BAD_INPUT = 1;
export const EXIT_USAGE = 2;

/** A problem with how the command was called; printed as one line, exit code 2. */
export class UsageError extends Error {}

/** A problem with the input (file names the file); printed as one line, exit code 1. */
export class InputError extends Error {}

export interface Command {
  name: string;
  summary: string;
  /** Full help text, printed by `cablegraph <name> --help`. */
  help: string;
  run(argv: string[]): Promise<number>;
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** Parses `argv` against `options` (plus --help); unknown options and missing values are usage errors. */
export function parseCommandLine<O extends Options>(argv: string[], options: O) {
  try {
    return parseArgs({ args: argv, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message.replace(/\. To specify a positional argument.*$/s, ''));
  }
}

/** Parses a numeric option, naming it and what would be right when the value is wrong. */
export function numberOption(name: string, value: string | undefined, fallback: number, check: (n: number) => boolean, expected: string): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || !check(n)) throw new UsageError(`--${name} ${JSON.stringify(value)}: expected ${expected}`);
  return n;
}
