import type { z } from 'zod';
import type { backupChannels } from '../../shared/contract/backup-channels';
import { backupDeskIfAny, backupDeskOf, deleteKeptAside, keptAsideStores } from '../backup/backup-desk';
import type { HandlerContext } from './handlers';

type BackupChannels = typeof backupChannels;
type Handler<C extends keyof BackupChannels> = (
  input: z.output<BackupChannels[C]['input']>,
  context: HandlerContext,
) => Promise<z.input<BackupChannels[C]['output']>> | z.input<BackupChannels[C]['output']>;

/** Backups and restore; the dispatcher already checked role and input. */
export const backupHandlers: { [C in keyof BackupChannels]: Handler<C> } = {
  'backup.status': (_input, { runtime }) => runtime.current().services.backup.status(),
  'backup.settings.get': (_input, { runtime }) => runtime.current().services.backup.settings(),
  'backup.settings.update': (input, { runtime }) => {
    const { services, staff } = runtime.current();
    return services.backup.updateSettings(staff.id, input);
  },
  'backup.chooseFolder': (_input, { runtime }) => backupDeskOf(runtime).chooseFolder(runtime),
  'backup.runNow': (_input, { runtime }) => {
    const { services, staff } = runtime.current();
    return services.backup.runNow(staff.id);
  },
  'backup.list': (_input, { runtime }) => runtime.current().services.backup.list(),
  'backup.verify': async (input, { runtime }) => {
    const { services, staff } = runtime.current();
    const verified = await services.backup.verifyListed(staff.id, input.file);
    return { file: input.file, createdAt: verified.createdAt, counts: verified.counts };
  },

  'backup.restore.chooseFile': (_input, { runtime }) => {
    const startIn = runtime.signedIn() && !runtime.isLocked() ? runtime.current().services.backup.settings().folder : null;
    return backupDeskOf(runtime).chooseFile(runtime, startIn);
  },
  'backup.restore.pickListed': (input, { runtime }) => {
    const path = runtime.current().services.backup.listedBackupPath(input.file);
    return backupDeskOf(runtime).pick(runtime, path);
  },
  'backup.restore.progress': (_input, { runtime }) => backupDeskIfAny(runtime)?.progressNow() ?? null,
  'backup.restore.withoutSignIn': (input, { runtime }) => backupDeskOf(runtime).restoreWithoutSignIn(runtime, input.key),
  'backup.restore.replaceStore': (input, { runtime }) => backupDeskOf(runtime).replaceStore(runtime, input.key),
  'backup.keptAside.list': (_input, { runtime }) => keptAsideStores(runtime),
  'backup.keptAside.delete': (input, { runtime }) => deleteKeptAside(runtime, input.name),
};
