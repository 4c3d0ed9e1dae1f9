import { StoreError, storeMessages } from '../../store/store-error';
import { firstPageAuthenticates } from '../checks/page-macs';
import { requiredFlag, type CliCommand } from '../command';
import { askPassword } from '../password';
import { openableVault } from '../sign-in';
import { dataFlag, userFlag } from './flags';

/**
 * Answers one question, "does this password open the store?", and writes nothing: not the
 * audit trail, not the WAL. The key slot gives the data key; the database's first page MAC
 * proves that key is this database's. (A read-only SQLite open would leave -wal and -shm files.)
 */
export const unlockCheckCommand: CliCommand = {
  words: ['unlock-check'],
  summary: 'Check that a password opens the store. Changes no file.',
  flags: [dataFlag, userFlag],
  async run(context) {
    const name = requiredFlag(context, 'user');
    const vault = openableVault(requiredFlag(context, 'data'));
    const password = await askPassword(context.io, `Password for ${name}: `);
    const { dataKey } = await vault.unlockWithPassword(name, password, { upgrade: false });
    try {
      if (!firstPageAuthenticates(vault.folder.database, dataKey)) {
        throw new StoreError('DATABASE_UNREADABLE', storeMessages.databaseUnreadable);
      }
    } finally {
      dataKey.fill(0);
    }
    context.io.out('Password opens the store.');
  },
};
