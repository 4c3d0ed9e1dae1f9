import type { CliCommand } from '../command';
import { auditListCommand } from './audit-list';
import { backupCommand } from './backup';
import { clientsListCommand } from './clients-list';
import { exportAllCommand } from './export-all';
import { exportClientCommand } from './export-client';
import { importClientsCommand } from './import-clients';
import { importPhotosCommand } from './import-photos';
import { initCommand } from './init';
import { overdueCommand } from './overdue';
import { diaryCommand } from './diary';
import { rekeyCommand } from './rekey';
import { restoreCommand } from './restore';
import { seedDemoCommand } from './seed-demo';
import { staffAddCommand } from './staff-add';
import { stockListCommand, stockReceiveCommand } from './stock';
import { staffDeactivateCommand } from './staff-deactivate';
import { staffListCommand } from './staff-list';
import { unlockCheckCommand } from './unlock-check';
import { verifyCommand } from './verify';
import { verifyBackupCommand } from './verify-backup';

/**
 * Every admin command, in the order `--help` lists them. Later features add theirs here
 * (seed-demo, clients list, export-client, import-photos, backup, restore, verify-backup).
 */
export const commandTable: readonly CliCommand[] = [
  initCommand,
  unlockCheckCommand,
  staffListCommand,
  staffAddCommand,
  staffDeactivateCommand,
  rekeyCommand,
  verifyCommand,
  seedDemoCommand,
  clientsListCommand,
  overdueCommand,
  stockListCommand,
  stockReceiveCommand,
  diaryCommand,
  auditListCommand,
  exportClientCommand,
  exportAllCommand,
  importClientsCommand,
  importPhotosCommand,
  backupCommand,
  verifyBackupCommand,
  restoreCommand,
];
