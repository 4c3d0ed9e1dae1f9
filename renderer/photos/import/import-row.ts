import type { Photo } from '../../../shared/photos/photo';
import type { PhotoRefusal } from '../../../shared/photos/import-result';

/** One picked file on its way in, as the results list shows it. */
export type ImportRow =
  | { name: string; size: number; status: 'waiting' | 'reading' | 'checking' | 'checked' }
  | { name: string; size: number; status: 'imported'; photo: Photo }
  | { name: string; size: number; status: 'refused'; reason: PhotoRefusal | 'too-large-to-send' | 'unreadable' | 'failed'; message: string };
