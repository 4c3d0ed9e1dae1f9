import type { CliCommand } from '../command';
import { clientsListCommand } from './clients-list';
import { initCommand } from './init';
import { seedDemoCommand } from './seed-demo';
import { staffListCommand } from './staff-list';
import { unlockCheckCommand } from './unlock-check';
import { verifyCommand } from './verify';

/**
 * Every admin command, in the order `--help` lists them. Later features add theirs here
 * (seed-demo, clients list, export-client, import-photos, backup, restore, verify-backup).
 */
export const commandTable: readonly CliCommand[] = [
  initCommand,
  unlockCheckCommand,
  staffListCommand,
  verifyCommand,
  seedDemoCommand,
  clientsListCommand,
];
