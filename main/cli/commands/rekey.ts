import { contract } from '../../../shared/contract';
import { rekeyStore, type RekeyedStore } from '../../rekey/rekey-store';
import { openableVault, signIn } from '../sign-in';
import { requiredFlag, type CliCommand } from '../command';
import { askPassword } from '../password';
import { dataFlag, userFlag } from './flags';

/**
 * Changes the data key as Settings → Staff does (main/rekey): for clinic IT, when someone leaves
 * or a PC is lost. The new recovery key and the one-time passwords go to standard output only,
 * once; nothing secret is written anywhere else.
 */
export const rekeyCommand: CliCommand = {
  words: ['rekey'],
  summary: 'Change the data key (someone left, a PC was lost): prints the new recovery key and one-time passwords. Admins only.',
  flags: [dataFlag, userFlag],
  async run(context) {
    const dataDir = requiredFlag(context, 'data');
    const name = requiredFlag(context, 'user');
    openableVault(dataDir);
    // Asked once: it signs in and becomes the admin's password under the new key.
    const password = await askPassword(context.io, `Password for ${name}: `);
    const session = await signIn(context.io, { dataDir, name, access: contract['rekey.run'].access, command: 'rekey', password });
    let rekeyed: RekeyedStore;
    try {
      rekeyed = await rekeyStore(session.services.vault.folder.root, {
        services: session.services,
        admin: { id: session.staff.id, name: session.staff.name, password },
        clock: session.services.clock,
        scrypt: session.services.vault.slotCost(),
        beforeMoving: () => session.close(),
      });
    } finally {
      session.close();
    }
    rekeyed.dataKey.fill(0);
    const out = (line: string) => context.io.out(line);
    out(`The data key was changed: every record and ${rekeyed.photosResealed} photo${rekeyed.photosResealed === 1 ? '' : 's'} are encrypted under the new key.`);
    out('New recovery key (shown only now; write it down or print the Recovery Kit, and keep it away from this computer):');
    out(`  ${rekeyed.recoveryKey}`);
    if (rekeyed.oneTimePasswords.length > 0) {
      out('One-time passwords (hand each over in person; each person chooses their own at their next sign-in):');
      for (const entry of rekeyed.oneTimePasswords) out(`  ${entry.name}\t${entry.password}`);
    }
    out('Make a fresh backup now. Backups made before the change open only with the OLD recovery key: keep the old Recovery Kit with them, or destroy it with them.');
  },
};
