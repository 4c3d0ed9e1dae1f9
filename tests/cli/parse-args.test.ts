import { describe, expect, it } from 'vitest';
import { UsageError, type CliCommand } from '../../main/cli/command';
import { commandTable } from '../../main/cli/commands';
import { parseArgs } from '../../main/cli/parse-args';
import { commandUsage, generalUsage } from '../../main/cli/usage';

const staffList = commandTable.find((command) => command.words.join(' ') === 'staff list')!;

function usageError(argv: string[]): UsageError {
  try {
    parseArgs(argv, commandTable);
  } catch (error) {
    if (error instanceof UsageError) return error;
    throw error;
  }
  throw new Error(`no usage error for ${argv.join(' ')}`);
}

describe('parseArgs', () => {
  it('reads a two-word command and both flag spellings', () => {
    const parsed = parseArgs(['staff', 'list', '--data', '/srv/clinic', '--user=Ann Admin'], commandTable);
    expect(parsed).toEqual({ kind: 'run', command: staffList, flags: { data: '/srv/clinic', user: 'Ann Admin' } });
  });

  it('refuses unknown, repeated, empty and missing flags, and stray words', () => {
    expect(usageError(['staff', 'list', '--data', 'd', '--user', 'u', '--role', 'x']).message).toBe('"staff list" has no option --role.');
    expect(usageError(['staff', 'list', '--data', 'd', '--data', 'e', '--user', 'u']).message).toBe('--data is given twice.');
    expect(usageError(['staff', 'list', '--data', '--user', 'u']).message).toBe('--data needs a value: --data DIR.');
    expect(usageError(['staff', 'list', '--data=', '--user', 'u']).message).toBe('--data needs a value: --data DIR.');
    expect(usageError(['staff', 'list', '--data', 'd']).message).toBe('"staff list" needs --user NAME.');
    expect(usageError(['staff', 'list', 'everyone']).message).toBe('Unexpected word "everyone" after "staff list".');
    expect(usageError(['staff', 'list', '--data', 'd', 'extra']).message).toBe('Unexpected argument "extra".');
  });

  it('turns away a password flag with the reason', () => {
    for (const flag of ['--password', '--pass', '--pw', '--password=secret']) {
      expect(usageError(['unlock-check', '--data', 'd', '--user', 'u', flag]).message).toContain('Passwords are never given as an argument');
    }
  });

  it('answers --help for the whole CLI or for one command', () => {
    expect(parseArgs(['--help'], commandTable)).toEqual({ kind: 'help', command: null });
    expect(parseArgs(['staff', 'list', '-h'], commandTable)).toEqual({ kind: 'help', command: staffList });
  });

  it('builds the usage from the table, so a new command documents itself', () => {
    const extra: CliCommand = { words: ['backup'], summary: 'Make a backup.', flags: [], run: async () => {} };
    expect(generalUsage([...commandTable, extra])).toContain('  backup\n      Make a backup.');
    expect(commandUsage(staffList)).toContain('Usage: skinledger staff list --data DIR --user NAME');
  });
});
