import type { photoChannels } from '../../shared/contract/photo-channels';
import { signedIn, type HandlersFor } from './handler';

const done = { done: true } as const;

/** Before/after photos; the dispatcher already checked role and input. */
export const photoHandlers: HandlersFor<keyof typeof photoChannels> = {
  'photos.import': signedIn((input, { services, staff }) => services.photos.import(staff.id, input)),
  'photos.importProgress': signedIn((input, { services }) => services.photos.importProgress(input.jobId)),
  'photos.list': signedIn((input, { services, staff }) => services.photos.list(staff.id, input)),
  'photos.thumbnails': signedIn((input, { services }) => services.photos.thumbnails(input.ids)),
  'photos.preview': signedIn((input, { services, staff }) => services.photos.view(staff.id, input.id, 'preview')),
  'photos.original': signedIn((input, { services, staff }) => services.photos.view(staff.id, input.id, 'original')),
  'photos.update': signedIn((input, { services, staff }) => services.photos.update(staff.id, input.id, input.labels)),
  'photos.delete': signedIn((input, { services, staff }) => {
    services.photos.delete(staff.id, input.id, input.reason);
    return done;
  }),
  'photos.alignment.get': signedIn((input, { services, staff }) => services.photos.alignment(staff.id, input.firstId, input.secondId)),
  'photos.alignment.save': signedIn((input, { services, staff }) => services.photos.saveAlignment(staff.id, input.firstId, input.secondId, input.first, input.second)),
  'photos.alignment.clear': signedIn((input, { services, staff }) => {
    services.photos.clearAlignment(staff.id, input.firstId, input.secondId);
    return done;
  }),
  'photos.exportComparison': signedIn((input, { services, staff, desktop }) => desktop.photoComparisons.export(services, staff.id, input)),
  'photos.settings.get': signedIn((_input, { services }) => services.photos.settings()),
  'photos.settings.update': signedIn((input, { services, staff }) => services.photos.updateSettings(staff.id, input)),
};
