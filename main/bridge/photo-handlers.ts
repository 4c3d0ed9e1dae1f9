import type { z } from 'zod';
import type { photoChannels } from '../../shared/contract/photo-channels';
import type { HandlerContext } from './handlers';

type Channels = typeof photoChannels;
type Handler<C extends keyof Channels> = (
  input: z.output<Channels[C]['input']>,
  context: HandlerContext,
) => Promise<z.input<Channels[C]['output']>> | z.input<Channels[C]['output']>;

const done = { done: true } as const;

/** Before/after photos (issue #5); the dispatcher already checked role and input. */
export const photoHandlers: { [C in keyof Channels]: Handler<C> } = {
  'photos.import': (input, { runtime }) => {
    const { services, staff } = runtime.current();
    return services.photos.import(staff.id, input);
  },
  'photos.importProgress': (input, { runtime }) => runtime.current().services.photos.importProgress(input.jobId),
  'photos.list': (input, { runtime }) => {
    const { services, staff } = runtime.current();
    return services.photos.list(staff.id, input);
  },
  'photos.thumbnails': (input, { runtime }) => runtime.current().services.photos.thumbnails(input.ids),
  'photos.preview': (input, { runtime }) => {
    const { services, staff } = runtime.current();
    return services.photos.view(staff.id, input.id, 'preview');
  },
  'photos.original': (input, { runtime }) => {
    const { services, staff } = runtime.current();
    return services.photos.view(staff.id, input.id, 'original');
  },
  'photos.update': (input, { runtime }) => {
    const { services, staff } = runtime.current();
    return services.photos.update(staff.id, input.id, input.labels);
  },
  'photos.delete': (input, { runtime }) => {
    const { services, staff } = runtime.current();
    services.photos.delete(staff.id, input.id, input.reason);
    return done;
  },
  'photos.alignment.get': (input, { runtime }) => {
    const { services, staff } = runtime.current();
    return services.photos.alignment(staff.id, input.firstId, input.secondId);
  },
  'photos.alignment.save': (input, { runtime }) => {
    const { services, staff } = runtime.current();
    return services.photos.saveAlignment(staff.id, input.firstId, input.secondId, input.first, input.second);
  },
  'photos.alignment.clear': (input, { runtime }) => {
    const { services, staff } = runtime.current();
    services.photos.clearAlignment(staff.id, input.firstId, input.secondId);
    return done;
  },
  'photos.exportComparison': (input, { runtime }) => {
    const { services, staff } = runtime.current();
    return services.photoExports.export(staff.id, input, (request) => runtime.chooseSavePath(request));
  },
  'photos.settings.get': (_input, { runtime }) => runtime.current().services.photos.settings(),
  'photos.settings.update': (input, { runtime }) => {
    const { services, staff } = runtime.current();
    return services.photos.updateSettings(staff.id, input);
  },
};
