import { basename } from 'node:path';
import type { RecordExportResult } from '../../shared/contract/client-export-channels';
import type { Services } from '../app';
import type { DesktopPorts } from '../desktop/ports';
import { exportClientPhotos } from '../photos/export-client-photos';
import { exportClientRecord } from './export-client';

/**
 * The screen's "Export record": the save dialog names a new folder (the export is many files),
 * then the CLI's own export writes into it. The folder name carries no client name: it sits
 * unencrypted wherever it was saved, and its name is what anyone sees first.
 */
export async function exportRecordToChosenFolder(services: Services, by: string, clientId: string, ports: DesktopPorts): Promise<RecordExportResult> {
  services.clients.get(clientId);
  const day = services.clock.now().toISOString().slice(0, 10);
  const path = await ports.chooseSavePath({ title: 'Export the client\u2019s record into a new folder', defaultName: `Record export ${day}`, filters: [] });
  if (!path) return { outcome: 'cancelled' };
  const result = await exportClientRecord({ services, by, clientId, folder: path, photos: exportClientPhotos });
  return { outcome: 'saved', folderName: basename(path), ...result };
}

/** The same export into an existing empty folder the user picks (refused when it is not empty). */
export async function exportRecordToEmptyFolder(services: Services, by: string, clientId: string, ports: DesktopPorts): Promise<{ saved: boolean; files: number }> {
  services.clients.get(clientId);
  const folder = await ports.chooseFolder({ title: 'Choose an empty folder for the client\u2019s record' });
  if (!folder) return { saved: false, files: 0 };
  const result = await exportClientRecord({ services, by, clientId, folder, photos: exportClientPhotos });
  return { saved: true, files: result.files };
}
