import type { ChannelInput } from '../../../../shared/contract';
import type { photoChannels } from '../../../../shared/contract/photo-channels';
import type { ClinicIds } from '../trust-clinic';

const jobId = '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b';

/** A one-pixel PNG: small enough for every fuzz run, real enough to pass the decoder. */
const onePixelPng = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64'));

/** One valid input per channel of this feature (see channel-samples.ts). */
export function photoSamples(ids: ClinicIds): { [C in keyof typeof photoChannels]: ChannelInput<C> } {
  // Until the trust clinic holds photos these reach the handlers and come back NOT_FOUND.
  const photoId = 'photo-sample-1';
  const otherPhotoId = 'photo-sample-2';
  return {
    'photos.import': {
      clientId: ids.clientId,
      jobId,
      labels: { view: 'front', stage: 'before' },
      files: [{ fileName: 'front.png', bytes: onePixelPng }],
    },
    'photos.importProgress': { jobId },
    'photos.list': { clientId: ids.clientId, views: ['front'], stages: ['before', 'after'] },
    'photos.thumbnails': { ids: [photoId, otherPhotoId] },
    'photos.preview': { id: photoId },
    'photos.original': { id: photoId },
    'photos.update': { id: photoId, labels: { view: 'close-up', area: 'cheek-left', stage: 'before', sessionId: null, note: 'Left cheek.' } },
    'photos.delete': { id: otherPhotoId, reason: 'Taken of the wrong client.' },
    'photos.alignment.get': { firstId: photoId, secondId: otherPhotoId },
    'photos.alignment.save': {
      firstId: photoId,
      secondId: otherPhotoId,
      first: [
        { x: 0.4, y: 0.45 },
        { x: 0.6, y: 0.45 },
      ],
      second: [
        { x: 0.41, y: 0.47 },
        { x: 0.62, y: 0.46 },
      ],
    },
    'photos.alignment.clear': { firstId: photoId, secondId: otherPhotoId },
    'photos.exportComparison': { firstId: photoId, secondId: otherPhotoId, use: 'clinical', format: 'jpeg', watermark: 'Trust Clinic' },
    'photos.settings.get': {},
    'photos.settings.update': { maxFileSizeMb: 60 },
  };
}
