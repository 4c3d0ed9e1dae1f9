import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { z } from 'zod';
import { version } from '../../../package.json';
import { SetupInput } from '../../../shared/contract';
import { Password } from '../../../shared/staff';
import { systemClock } from '../../clock';
import { SkinLedgerRuntime } from '../../session/runtime';
import { Vault } from '../../vault/vault';
import { CliFailure, requiredFlag, type CliCommand } from '../command';
import { askNewPassword } from '../password';
import { dataFlag } from './flags';

const fieldLabels: Record<string, string> = {
  clinicName: '--clinic',
  clinicAddress: '--address',
  adminName: '--admin',
};

/** Zod's message for the first bad field, named by the flag that carried it. */
function firstProblem(error: z.ZodError): string {
  const issue = error.issues[0];
  const field = issue ? fieldLabels[String(issue.path[0])] : undefined;
  return field ? `${field}: ${issue!.message}` : (issue?.message ?? 'Please check the values given.');
}

/**
 * Sets up a clinic from the command line through the same path as the set-up screen
 * (SkinLedgerRuntime.setup): the store, the clinic's details, the first admin and the
 * recovery key, which is printed once and written nowhere.
 */
export const initCommand: CliCommand = {
  words: ['init'],
  summary: 'Set up a new clinic store in an empty folder, with its first admin; prints the recovery key once.',
  flags: [
    { ...dataFlag, summary: 'An empty (or not yet existing) folder for the new store.' },
    { name: 'clinic', placeholder: 'NAME', summary: 'The clinic name, as printed on forms.', required: true },
    { name: 'admin', placeholder: 'NAME', summary: 'The first admin’s staff name; their password is asked for.', required: true },
    { name: 'address', placeholder: 'TEXT', summary: 'The clinic address, as printed on forms.', required: false },
  ],
  async run(context) {
    const dataDir = resolve(requiredFlag(context, 'data'));
    // Refused before a password is typed; Vault.create checks again and is the real guard.
    new Vault(dataDir, { clock: systemClock }).assertCanCreate();
    assertCanMakeFolder(dataDir);
    const details = SetupInput.omit({ password: true }).safeParse({
      clinicName: requiredFlag(context, 'clinic'),
      clinicAddress: context.flags['address'] ?? '',
      adminName: requiredFlag(context, 'admin'),
    });
    if (!details.success) throw new CliFailure(firstProblem(details.error));

    const password = Password.safeParse(await askNewPassword(context.io, `New password for ${details.data.adminName}: `));
    if (!password.success) throw new CliFailure(`Password: ${password.error.issues[0]?.message ?? 'not accepted.'}`);

    const runtime = new SkinLedgerRuntime({ dataDir, appVersion: version });
    try {
      const { recoveryKey } = await runtime.setup({ ...details.data, password: password.data }).catch((error: unknown) => {
        throw folderFailure(error) ?? error;
      });
      const { io } = context;
      io.out(`Set up SkinLedger for ${details.data.clinicName}, with ${details.data.adminName} as the first admin.`);
      io.out(`Recovery key: ${recoveryKey}`);
      io.err('Write the recovery key down now and keep it locked away from this PC. It is shown only this once.');
      io.err('With it and a backup anyone can read the records; without it, a clinic that loses every password loses them.');
    } finally {
      runtime.close();
    }
  },
};

const folderMessages: Record<string, string> = {
  EROFS: 'SkinLedger cannot create the store there: that disk is read-only. Nothing was created. Choose a folder on a disk SkinLedger can write to.',
  EACCES:
    'SkinLedger cannot create the store there: it is not allowed to write in that folder (permission denied). Nothing was created. Choose a folder you may write to, or ask whoever looks after this computer for access.',
  ENOENT: 'SkinLedger cannot create the store there: the drive or a folder above it does not exist. Nothing was created. Check the path given with --data (and that the drive is plugged in).',
  ENOTDIR: 'SkinLedger cannot create the store there: a part of the path given with --data is a file, not a folder. Nothing was created.',
};
folderMessages['EPERM'] = folderMessages['EACCES']!;

/**
 * The new folder must be makeable: the nearest folder that exists must be a folder this process
 * may write in. Checked before the password is asked for, so a typo or a write-protected drive
 * is told at once, in words.
 */
function assertCanMakeFolder(dataDir: string): void {
  let existing = dataDir;
  while (!existsSync(existing)) {
    const parent = dirname(existing);
    if (parent === existing) throw new CliFailure(folderMessages['ENOENT']!);
    existing = parent;
  }
  if (!statSync(existing).isDirectory()) throw new CliFailure(folderMessages['ENOTDIR']!);
  try {
    accessSync(existing, constants.W_OK);
  } catch (error) {
    throw folderFailure(error) ?? error;
  }
}

function folderFailure(error: unknown): CliFailure | null {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
  const message = folderMessages[code];
  return message ? new CliFailure(message) : null;
}
