import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';

/**
 * The app's own per-user settings folder as the CLI finds it: the folder Electron calls
 * userData for SkinLedger (the desktop app passes its userData directly), or
 * SKINLEDGER_SETTINGS when set (tests, a second profile). Never inside the data folder: what is
 * kept here must survive the data folder being put back from a copy.
 */
export function appSettingsFolder(env: Record<string, string | undefined>, platform: NodeJS.Platform = process.platform, home = homedir()): string {
  const chosen = env.SKINLEDGER_SETTINGS?.trim();
  if (chosen) return isAbsolute(chosen) ? chosen : resolve(chosen);
  if (platform === 'win32') return join(env.APPDATA?.trim() || join(home, 'AppData', 'Roaming'), 'SkinLedger');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'SkinLedger');
  return join(env.XDG_CONFIG_HOME?.trim() || join(home, '.config'), 'SkinLedger');
}
