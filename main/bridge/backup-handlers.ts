import type { backupChannels } from '../../shared/contract/backup-channels';
import { deleteKeptAside, keptAsideStores } from '../desktop/backup-desk';
import { signedIn, type HandlersFor } from './handler';

/** Backups and restore; the dispatcher already checked role and input. */
export const backupHandlers: HandlersFor<keyof typeof backupChannels> = {
  'backup.status': signedIn((_input, { services }) => services.backup.status()),
  'backup.settings.get': signedIn((_input, { services }) => services.backup.settings()),
  'backup.settings.update': signedIn((input, { services, staff }) => services.backup.updateSettings(staff.id, input)),
  'backup.chooseFolder': (_input, { desktop }) => desktop.backup.chooseFolder(),
  'backup.runNow': signedIn((_input, { services, staff }) => services.backup.runNow(staff.id)),
  'backup.list': signedIn((_input, { services }) => services.backup.list()),
  'backup.verify': signedIn(async (input, { services, staff }) => {
    const verified = await services.backup.verifyListed(staff.id, input.file);
    return { file: input.file, createdAt: verified.createdAt, counts: verified.counts };
  }),

  'backup.restore.chooseFile': (_input, { desktop }) => desktop.backup.chooseFile(),
  'backup.restore.pickListed': signedIn((input, { services, desktop }) => desktop.backup.pick(services.backup.listedBackupPath(input.file))),
  'backup.restore.progress': (_input, { desktop }) => desktop.backup.progressNow(),
  'backup.restore.withoutSignIn': (input, { desktop }) => desktop.backup.restoreWithoutSignIn(input.key),
  'backup.restore.replaceStore': (input, { desktop }) => desktop.backup.replaceStore(input.key),
  'backup.keptAside.list': signedIn((_input, { services }) => keptAsideStores(services)),
  'backup.keptAside.delete': signedIn((input, who) => deleteKeptAside(who, input.name)),
};
