import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { areaWords } from '../../shared/clinical/exceptions';
import type { Photo } from '../../shared/photos/photo';
import { csvFile, csvRecords } from '../../shared/csv';
import type { ExportPhotosHook } from '../client-export/export-client';
import type { IndexEntry } from '../client-export/export-index-pdf';
import { clinicDay, clinicLocalTime, inWords } from '../client-export/readable-parts';
import { StoreError } from '../store/store-error';

/**
 * The photos part of a client's record export (right of access): every photo of the client,
 * whatever their photography choices (those govern use, not the client's own copy), written as
 * the stored original exactly as kept (oriented, metadata already stripped at import) under a
 * readable name, plus photos.json and photos.csv listing each photo's labels. Each photo read is
 * audited with ids only (photo.export-record); the export's own audit row counts the files.
 */
export const exportClientPhotos: ExportPhotosHook = async ({ services, by, clientId, folder, progress }) => {
  const photos = services.photos.forClientExport(clientId);
  const entries: IndexEntry[] = [];
  const write = (name: string, bytes: string | Uint8Array, description: string) => {
    try {
      writeFileSync(join(folder, name), bytes, { mode: 0o600 });
    } catch (error) {
      throw new StoreError('SAVE_FAILED', 'The export could not be written there (the drive may be full, read-only or removed). Choose another folder.', { cause: error });
    }
    entries.push({ file: `photos/${name}`, description });
  };

  const used = new Set<string>();
  const listing: PhotoListingRow[] = [];
  for (const [index, photo] of photos.entries()) {
    const name = photoFileName(photo, used);
    used.add(name);
    write(name, services.photos.originalForExport(by, photo.id), describe(photo));
    listing.push(listingRow(photo, name));
    progress('photos', index + 1, photos.length);
    // Decrypting a large original takes a moment: let the main process answer between photos.
    await new Promise((resolve) => setImmediate(resolve));
  }
  write('photos.json', `${JSON.stringify(listing, null, 2)}\n`, `Photos: ${photos.length}, with their view, stage, date taken, session and note`);
  const { dateFormat } = services.settings.get();
  write('photos.csv', csvFile(csvRecords(photos.map((photo, index) => readableRow(photo, listing[index]!.file, dateFormat)))), 'Photos as a spreadsheet, in words');
  return entries;
};

interface PhotoListingRow {
  file: string;
  id: string;
  view: Photo['view'];
  area: Photo['area'];
  stage: Photo['stage'];
  takenAt: string;
  takenAtSource: Photo['takenAtSource'];
  sessionNumber: number | null;
  sessionDate: string | null;
  note: string;
  width: number;
  height: number;
  format: Photo['format'];
  sha256: string;
  /** Set when an admin added the photo without a photography consent: why, and who. */
  consentOverride: { reason: string; by: string } | null;
}

function listingRow(photo: Photo, file: string): PhotoListingRow {
  return {
    file,
    id: photo.id,
    view: photo.view,
    area: photo.area,
    stage: photo.stage,
    takenAt: photo.takenAt,
    takenAtSource: photo.takenAtSource,
    sessionNumber: photo.sessionNumber,
    sessionDate: photo.sessionPerformedAt?.slice(0, 10) ?? null,
    note: photo.note,
    width: photo.width,
    height: photo.height,
    format: photo.format,
    sha256: photo.sha256,
    consentOverride: photo.consentOverride ? { reason: photo.consentOverride.reason, by: photo.consentOverride.byName } : null,
  };
}

/** The spreadsheet's row: words and the clinic's date order, not codes and ISO times. */
function readableRow(photo: Photo, file: string, dateFormat: Parameters<typeof clinicDay>[1]): Record<string, string> {
  return {
    File: file,
    View: photo.view === 'close-up' && photo.area ? `close-up of the ${areaWords(photo.area).toLowerCase()}` : inWords(photo.view),
    Stage: inWords(photo.stage),
    Taken: clinicLocalTime(photo.takenAt, dateFormat),
    'Time taken from': { exif: 'the camera', camera: 'SkinLedger\u2019s camera', entered: 'staff', imported: 'the time of import' }[photo.takenAtSource],
    Session: photo.sessionNumber === null ? 'none' : `session ${photo.sessionNumber} (${clinicDay(photo.sessionPerformedAt ?? '', dateFormat)})`,
    Note: photo.note,
    'Added without photography consent': photo.consentOverride ? `yes, by ${photo.consentOverride.byName}: ${photo.consentOverride.reason}` : 'no',
  };
}

/** date_view_stage_id.jpg (a close-up names its area too): sorts by date in any file browser. */
function photoFileName(photo: Photo, used: ReadonlySet<string> = new Set()): string {
  const view = photo.view === 'close-up' && photo.area ? `close-up-${photo.area}` : photo.view;
  const extension = photo.format === 'png' ? 'png' : 'jpg';
  const short = `${photo.takenAt.slice(0, 10)}_${view}_${photo.stage}_${photo.id.slice(0, 8)}.${extension}`;
  return used.has(short) ? `${photo.takenAt.slice(0, 10)}_${view}_${photo.stage}_${photo.id}.${extension}` : short;
}

function describe(photo: Photo): string {
  const view = photo.view === 'close-up' && photo.area ? `close-up (${photo.area})` : photo.view;
  const session = photo.sessionNumber === null ? 'no session' : `session ${photo.sessionNumber}`;
  return `Photo, ${view}, ${photo.stage}, taken ${photo.takenAt.slice(0, 10)}, ${session}, ${photo.width} x ${photo.height} px`;
}
