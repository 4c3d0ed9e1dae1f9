import type { PhotoRefusal } from '../../shared/photos/import-result';

export interface PhotoProcessingRequest {
  bytes: Uint8Array;
  maxPixels: number;
  previewLongEdge: number;
  thumbnailLongEdge: number;
}

export interface ProcessedPhoto {
  ok: true;
  format: 'jpeg' | 'png';
  width: number;
  height: number;
  original: Uint8Array;
  preview: Uint8Array;
  thumbnail: Uint8Array;
  sha256: string;
  previewSha256: string;
  thumbnailSha256: string;
  sourceSha256: string;
  /** EXIF DateTimeOriginal as the camera's wall clock (YYYY-MM-DDTHH:MM:SS), or null. */
  exifTakenAt: string | null;
}

export interface RefusedPhoto {
  ok: false;
  reason: Exclude<PhotoRefusal, 'duplicate' | 'too-large' | 'could-not-process'>;
  /** Which format the file claimed (for the message), when known. */
  format: string | null;
  sourceSha256: string | null;
}

export type PhotoProcessingResult = ProcessedPhoto | RefusedPhoto;
