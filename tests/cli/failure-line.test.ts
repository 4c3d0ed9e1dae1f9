import { describe, expect, it } from 'vitest';
import { failureLine } from '../../main/cli/run-cli';
import { storeMessages } from '../../main/store/store-error';

const failure = (code: string) => Object.assign(new Error('raw sqlite text with /a/path'), { code });

describe('the one line the CLI prints for a failure', () => {
  it('a full disk is told in the app’s own sentence', () => {
    expect(failureLine(failure('SQLITE_FULL'), false)).toBe(storeMessages.diskFull);
    expect(failureLine(failure('ENOSPC'), false)).toBe(storeMessages.diskFull);
  });

  it('a damaged database says so and points at a backup, never "unexpected error (SQLITE_CORRUPT)"', () => {
    for (const code of ['SQLITE_CORRUPT', 'SQLITE_CORRUPT_INDEX', 'SQLITE_NOTADB']) {
      expect(failureLine(failure(code), false)).toBe(storeMessages.databaseDamaged);
    }
    expect(storeMessages.databaseDamaged).toContain('Restore the records from a backup');
  });

  it('a read-only disk and a missing path are told in words', () => {
    expect(failureLine(failure('EROFS'), false)).toBe(storeMessages.readOnly);
    expect(failureLine(failure('SQLITE_READONLY'), false)).toBe(storeMessages.readOnly);
    expect(failureLine(failure('ENOENT'), false)).toMatch(/^A file or folder the command needs does not exist/);
  });

  it('anything else shows only its kind, without the raw message', () => {
    const line = failureLine(failure('SQLITE_MISMATCH'), false);
    expect(line).toBe('SkinLedger could not finish the command: an unexpected error (SQLITE_MISMATCH).');
    expect(line).not.toContain('/a/path');
  });
});
