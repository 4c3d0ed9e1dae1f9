import type { z } from 'zod';
import type { photoChannels } from '../../shared/contract/photo-channels';
import { StoreError } from '../store/store-error';
import type { HandlerContext } from './handlers';

type Channels = typeof photoChannels;
type Handler<C extends keyof Channels> = (
  input: z.output<Channels[C]['input']>,
  context: HandlerContext,
) => Promise<z.input<Channels[C]['output']>> | z.input<Channels[C]['output']>;

// The contract is settled first so the screens can be built against it; the service follows.
const notYet = (): never => {
  throw new StoreError('NOT_FOUND', 'Photos are not available in this build yet.');
};

/** Before/after photos: import, gallery, compare, export (issue #5). */
export const photoHandlers: { [C in keyof Channels]: Handler<C> } = {
  'photos.import': notYet,
  'photos.importProgress': notYet,
  'photos.list': notYet,
  'photos.thumbnails': notYet,
  'photos.preview': notYet,
  'photos.original': notYet,
  'photos.update': notYet,
  'photos.delete': notYet,
  'photos.alignment.get': notYet,
  'photos.alignment.save': notYet,
  'photos.alignment.clear': notYet,
  'photos.exportComparison': notYet,
  'photos.settings.get': notYet,
  'photos.settings.update': notYet,
};
