import type { z } from 'zod';
import type { photoChannels } from '../../shared/contract/photo-channels';
import type { HandlerContext } from './handlers';

type Channels = typeof photoChannels;
type Handler<C extends keyof Channels> = (
  input: z.output<Channels[C]['input']>,
  context: HandlerContext,
) => Promise<z.input<Channels[C]['output']>> | z.input<Channels[C]['output']>;

/** Before/after photos: import, gallery, compare, export (issue #5). */
export const photoHandlers: { [C in keyof Channels]: Handler<C> } = {};
