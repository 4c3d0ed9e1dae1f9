import { isAbsolute, join, resolve } from 'node:path';

/**
 * The clinic's data folder: SKINLEDGER_DATA when set (a second drive, a test run), otherwise a
 * `data` folder inside the app's per-user folder. Kept apart from logs and window state so a
 * backup of it holds records only.
 */
export function dataFolderPath(env: Record<string, string | undefined>, userDataDir: string): string {
  const chosen = env.SKINLEDGER_DATA?.trim();
  if (chosen) return isAbsolute(chosen) ? chosen : resolve(chosen);
  return join(userDataDir, 'data');
}
