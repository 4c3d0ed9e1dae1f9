import { z } from 'zod';
import { BridgeError } from '../errors';
import { ClinicSettings } from '../settings';
import { Password, Role, SignedInStaff, StaffMember, StaffName } from '../staff';
import { adminsOnly, everyone, type Access } from './access';
import { auditChannels } from './audit-channels';
import { backupChannels } from './backup-channels';
import { clientChannels } from './client-channels';
import { clientExportChannels } from './client-export-channels';
import { copiesChannels } from './copies-channels';
import { consentChannels } from './consent-channels';
import { diaryChannels } from './diary-channels';
import { photoChannels } from './photo-channels';
import { rekeyChannels } from './rekey-channels';
import { stockChannels } from './stock-channels';
import { clientImportChannels, clinicExportChannels } from './client-import-channels';

export interface ChannelSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  access: Access;
}

function channel<I extends z.ZodType, O extends z.ZodType>(spec: ChannelSpec<I, O>): ChannelSpec<I, O> {
  return spec;
}

const Empty = z.object({}).strict();
const Done = z.object({ done: z.literal(true) });

export const AppState = z.enum(['needs-setup', 'signed-out', 'locked', 'signed-in', 'store-error']);
export type AppState = z.infer<typeof AppState>;

export const NetworkShareKind = z.enum(['nfs', 'smb', 'sshfs', 'webdav', 'other']);
export type NetworkShareKind = z.infer<typeof NetworkShareKind>;

export const AppStatus = z.object({
  state: AppState,
  appVersion: z.string(),
  clinicName: z.string().nullable(),
  staff: SignedInStaff.nullable(),
  idleLockMinutes: z.number(),
  /** Set when the data folder cannot be opened: what is wrong and what to do. */
  storeError: BridgeError.nullable(),
  /** True between set-up and the moment the recovery key has been acknowledged. */
  recoveryKeyPending: z.boolean(),
  /** Set when the data folder is on a network filesystem, where SQLite's locking is unreliable (warned about, not refused). */
  dataFolderOnNetwork: NetworkShareKind.nullable(),
  /**
   * For a signed-in admin only: the data folder is older than SkinLedger last saw it on this
   * computer (put back from an older copy), with how many audit trail entries are gone and since when.
   */
  adminNotice: z.string().nullable(),
});
export type AppStatus = z.infer<typeof AppStatus>;

export const SetupInput = z
  .object({
    clinicName: z.string().trim().min(1, 'Enter the clinic name.').max(120),
    clinicAddress: z.string().trim().max(400),
    adminName: StaffName,
    password: Password,
  })
  .strict();

export const LoginInput = z.object({ name: StaffName, password: z.string().min(1, 'Enter your password.').max(256) }).strict();

export const StaffInput = z.object({ name: StaffName, role: Role, password: Password }).strict();

export const StaffUpdateInput = z.object({ id: z.string().min(1).max(64), name: StaffName, role: Role, active: z.boolean() }).strict();

/**
 * The contract: every channel between the window and the main process, with the shape of what
 * goes in and what comes out. The main side parses every input with it before a service runs;
 * the renderer's client is typed from it.
 */
export const contract = {
  'app.status': channel({ input: Empty, output: AppStatus, access: 'public' }),

  'setup.create': channel({
    input: SetupInput,
    output: z.object({ recoveryKey: z.string() }),
    access: 'public',
  }),
  'setup.saveRecoveryKit': channel({
    input: Empty,
    output: z.object({ saved: z.boolean() }),
    access: adminsOnly,
  }),
  'setup.acknowledgeRecoveryKey': channel({ input: Empty, output: Done, access: adminsOnly }),

  'session.login': channel({ input: LoginInput, output: SignedInStaff, access: 'public' }),
  'session.unlock': channel({
    input: z.object({ password: z.string().min(1, 'Enter your password.').max(256) }).strict(),
    output: SignedInStaff,
    access: 'locked',
  }),
  'session.lock': channel({
    input: z.object({ reason: z.enum(['button', 'idle', 'shortcut']).optional() }).strict(),
    output: Done,
    access: everyone,
  }),
  'session.signOut': channel({ input: Empty, output: Done, access: 'public' }),
  'session.changePassword': channel({
    input: z.object({ currentPassword: z.string().min(1).max(256), newPassword: Password }).strict(),
    output: Done,
    access: everyone,
  }),

  'staff.list': channel({ input: Empty, output: z.array(StaffMember), access: adminsOnly }),
  'staff.add': channel({ input: StaffInput, output: StaffMember, access: adminsOnly }),
  'staff.update': channel({ input: StaffUpdateInput, output: StaffMember, access: adminsOnly }),
  'staff.resetPassword': channel({
    input: z.object({ id: z.string().min(1).max(64), newPassword: Password }).strict(),
    output: Done,
    access: adminsOnly,
  }),

  'settings.get': channel({ input: Empty, output: ClinicSettings, access: everyone }),
  'settings.update': channel({ input: ClinicSettings, output: ClinicSettings, access: adminsOnly }),

  ...clientChannels,
  ...backupChannels,
  ...consentChannels,
  ...photoChannels,
  ...clientExportChannels,
  ...copiesChannels,
  ...auditChannels,
  ...rekeyChannels,
  ...clientImportChannels,
  ...clinicExportChannels,
  ...stockChannels,
  ...diaryChannels,
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;
export const channels = Object.keys(contract) as Channel[];

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}
