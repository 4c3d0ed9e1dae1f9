import type { z } from 'zod';
import type { consentChannels } from '../../shared/contract/consent-channels';
import type { HandlerContext } from './handlers';

type Channels = typeof consentChannels;
type Handler<C extends keyof Channels> = (
  input: z.output<Channels[C]['input']>,
  context: HandlerContext,
) => Promise<z.input<Channels[C]['output']>> | z.input<Channels[C]['output']>;

/** Consent templates, signing, signed PDFs (issue #4). */
export const consentHandlers: { [C in keyof Channels]: Handler<C> } = {};
