import { storageFailure } from '../store/storage-failure';
import { StoreError } from '../store/store-error';
import type { CliIo } from './cli-io';
import { CliFailure, UsageError, type CliCommand } from './command';
import { commandTable } from './commands';
import { parseArgs } from './parse-args';
import { commandUsage, generalUsage } from './usage';

const exitCodes = { ok: 0, failed: 1, usage: 2 } as const;
export type ExitCode = (typeof exitCodes)[keyof typeof exitCodes];

/**
 * Runs one admin command and says how it ended. Every failure becomes one line on stderr:
 * the clinic-facing message of a StoreError, never a stack trace, a key or a data path.
 */
export async function runCli(argv: readonly string[], io: CliIo, table = commandTable): Promise<ExitCode> {
  let running: CliCommand | null = null;
  try {
    const parsed = parseArgs(argv, table);
    if (parsed.kind === 'help') {
      io.out(parsed.command ? commandUsage(parsed.command) : generalUsage(table));
      return exitCodes.ok;
    }
    running = parsed.command;
    await parsed.command.run({ flags: parsed.flags, operands: parsed.operands ?? [], io });
    return exitCodes.ok;
  } catch (error) {
    if (error instanceof UsageError) {
      const command = error.command ?? running;
      io.err(error.message);
      io.err('');
      io.err(command ? commandUsage(command) : generalUsage(table));
      return exitCodes.usage;
    }
    io.err(failureLine(error, io.env['SKINLEDGER_DEBUG'] === '1'));
    return exitCodes.failed;
  }
}

export function failureLine(error: unknown, debug: boolean): string {
  if (error instanceof StoreError || error instanceof CliFailure) return error.message;
  // A full or read-only disk and a damaged database are told in the app's own words.
  const storage = storageFailure(error);
  if (storage) return storage.message;
  const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
  if (code === 'EACCES' || code === 'EPERM') return 'SkinLedger is not allowed to read or write there (permission denied). Check the folder’s permissions.';
  if (code === 'ENOENT') return 'A file or folder the command needs does not exist (a folder given may be misspelled, or its drive not plugged in). Check the paths given and run the command again.';
  // Unexpected: the message may hold a path or a value, so only its kind is shown unless a
  // developer asks for more with SKINLEDGER_DEBUG=1.
  const kind = code || (error instanceof Error ? error.name : 'unknown');
  const detail = debug && error instanceof Error ? ` ${error.stack ?? error.message}` : '';
  return `SkinLedger could not finish the command: an unexpected error (${kind}).${detail}`;
}
