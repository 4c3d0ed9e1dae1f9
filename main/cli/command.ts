import type { CliIo } from './cli-io';

export interface CliFlag {
  name: string;
  /** What the value is, as the usage line shows it: `--data DIR`. Empty for a switch (`--dry-run`), which takes no value. */
  placeholder: string;
  summary: string;
  required: boolean;
}

/** A flag as the usage line writes it: `--data DIR`, or `--dry-run` for a switch. */
export function flagWords(flag: CliFlag): string {
  return flag.placeholder ? `--${flag.name} ${flag.placeholder}` : `--${flag.name}`;
}

export interface CommandContext {
  /** Flag values by name, already checked against the command's flags. */
  flags: Readonly<Record<string, string | undefined>>;
  /** The bare arguments of a command that takes them (import-photos' files); empty otherwise. */
  operands: readonly string[];
  io: CliIo;
}

/**
 * One admin command. The table of commands (commands/index.ts) is the only list: parsing,
 * usage text and help are all made from it, so a new command is one file and one line.
 */
export interface CliCommand {
  /** The words that name it: ['staff', 'list']. */
  words: readonly string[];
  summary: string;
  flags: readonly CliFlag[];
  /** Bare arguments after the command (`FILE...`): only a command that declares them accepts any. */
  operands?: { placeholder: string; summary: string };
  /** Resolves when done (exit 0); throws a StoreError or CliFailure to fail (exit 1). */
  run(context: CommandContext): Promise<void>;
}

/** Wrong invocation: unknown command or option, missing value. Exit 2, with the usage. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly command: CliCommand | null = null,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

/** The command ran and could not do its job: one clear line for the person at the terminal. Exit 1. */
export class CliFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliFailure';
  }
}

export function commandName(command: CliCommand): string {
  return command.words.join(' ');
}

export function requiredFlag(context: CommandContext, name: string): string {
  const value = context.flags[name];
  // The parser has already refused a missing required flag; this keeps the types honest.
  if (value === undefined) throw new Error(`--${name} was not checked by the parser`);
  return value;
}
