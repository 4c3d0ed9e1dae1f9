import { basename } from 'node:path';
import type { ComparisonExportRequest, ComparisonExportResult, exportRefusals } from '../../shared/photos/comparison-export';
import type { Photo } from '../../shared/photos/photo';
import { exportConsent, hidesFace } from '../../shared/photos/photo-consent';
import type { dateFormats } from '../../shared/settings';
import type { Services } from '../app';
import type { DesktopPorts } from '../desktop/ports';
import { writeChosenFile } from '../files/write-chosen-file';
import { formatDay } from '../pdf/pdf-dates';
import { renderComparison } from './comparison-render';

const useNames = {
  clinical: 'the clinical record',
  teaching: 'teaching (anonymised)',
  'marketing-face-visible': 'marketing with the face visible',
  'marketing-face-hidden': 'marketing with the face hidden',
} as const;

type DateFormat = (typeof dateFormats)[number];

const stageNames = { before: 'Before', after: 'After', progress: 'Progress' } as const;
const viewNames: Record<Photo['view'], string> = {
  front: 'Front',
  'left-45': 'Left 45°',
  'right-45': 'Right 45°',
  'left-profile': 'Left profile',
  'right-profile': 'Right profile',
  'close-up': 'Close-up',
};

/** The calendar day of a moment on this computer's clock (the clinic's), as YYYY-MM-DD. */
function localDay(at: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())}`;
}

/**
 * Comparison exports: the one way a photo leaves the encrypted store, so the client's consent
 * in force decides first, every attempt is audited (refused ones too), and the file goes only
 * where the user chose in the save dialog.
 */
export class ComparisonExporter {
  constructor(private readonly ports: DesktopPorts) {}

  async export(services: Pick<Services, 'photos' | 'settings' | 'audit' | 'clock'>, by: string, request: ComparisonExportRequest): Promise<ComparisonExportResult> {
    const { photos, settings, audit, clock } = services;
    const first = photos.get(request.firstId);
    const second = photos.get(request.secondId);
    const detail = `second=${second.id} use=${request.use} format=${request.format}`;
    const refuse = (reason: (typeof exportRefusals)[number], message: string): ComparisonExportResult => {
      audit.append({ staffId: by, action: 'photo.export.refused', entity: 'photo', entityId: first.id, detail: `client=${first.clientId} ${detail} reason=${reason}` });
      return { outcome: 'refused', reason, message };
    };
    if (first.clientId !== second.clientId) return refuse('different-clients', 'Both photos must be of the same client.');
    const consent = exportConsent(photos.choicesFor(first.clientId), request.use);
    if (!consent.allowed) {
      return consent.reason === 'no-photography-consent'
        ? refuse('no-photography-consent', 'This client has no photography consent in force, so their photos cannot be exported for any use. Sign a photography consent with the client first.')
        : refuse(
            'consent-does-not-permit',
            `The client's photography consent does not allow ${useNames[request.use]}. Choose a use the consent allows, or record a new consent with the client first.`,
          );
    }
    if (hidesFace(request.use)) {
      const boxes = (photo: 'first' | 'second') => request.blurBoxes.some((box) => box.photo === photo);
      if (!boxes('first') || !boxes('second')) {
        return refuse('face-must-be-hidden', `For ${useNames[request.use]}, the face must not show: draw a blur box over the face on both photos.`);
      }
    }

    const clinic = settings.get();
    const createdAt = clock.now();
    const extension = request.format === 'pdf' ? 'pdf' : 'jpg';
    const path = await this.ports.chooseSavePath({
      title: 'Save the photo comparison',
      // Never the client's name: the file may be shared, and its name is all anyone sees first.
      defaultName: `Photo comparison ${createdAt.toISOString().slice(0, 10)}.${extension}`,
      filters: [request.format === 'pdf' ? { name: 'PDF', extensions: ['pdf'] } : { name: 'JPEG image', extensions: ['jpg', 'jpeg'] }],
    });
    if (!path) return { outcome: 'cancelled' };
    const bytes = await renderComparison({
      clinicName: clinic.clinicName,
      first: { preview: photos.previewBytes(first.id), caption: caption(first, clinic.dateFormat) },
      second: { preview: photos.previewBytes(second.id), caption: caption(second, clinic.dateFormat) },
      alignment: request.applyAlignment ? photos.savedAlignment(first.id, second.id) : null,
      blurBoxes: request.blurBoxes,
      matchBrightness: request.matchBrightness,
      watermark: request.watermark,
      format: request.format,
      paperSize: clinic.paperSize,
      createdAt,
      exportedOn: formatDay(localDay(createdAt), clinic.dateFormat),
    });
    writeChosenFile(path, bytes, 'The comparison');
    audit.append({
      staffId: by,
      action: 'photo.export',
      entity: 'photo',
      entityId: first.id,
      detail: `client=${first.clientId} ${detail} aligned=${request.applyAlignment} blurBoxes=${request.blurBoxes.length}`,
    });
    return { outcome: 'saved', fileName: basename(path) };
  }
}

/** View, stage, the day it was taken and the session number: what the two photos are, in words. */
export function caption(photo: Photo, dateFormat: DateFormat): string {
  const [year, month, day] = photo.takenAt.slice(0, 10).split('-') as [string, string, string];
  const date = dateFormat === 'DD/MM/YYYY' ? `${day}/${month}/${year}` : dateFormat === 'MM/DD/YYYY' ? `${month}/${day}/${year}` : `${year}-${month}-${day}`;
  const parts: string[] = [viewNames[photo.view], stageNames[photo.stage], date];
  if (photo.sessionNumber !== null) parts.push(`Session ${photo.sessionNumber}`);
  return parts.join(' \u00b7 ');
}
