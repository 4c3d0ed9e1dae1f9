import type { z } from 'zod';
import type { consentChannels } from '../../shared/contract/consent-channels';
import { StoreError } from '../store/store-error';
import type { HandlerContext } from './handlers';

type Channels = typeof consentChannels;
type Handler<C extends keyof Channels> = (
  input: z.output<Channels[C]['input']>,
  context: HandlerContext,
) => Promise<z.input<Channels[C]['output']>> | z.input<Channels[C]['output']>;

const notYet = (): never => {
  throw new StoreError('INTERNAL', 'Consents are being built.');
};

/** Consent templates, signing, signed PDFs (issue #4). */
export const consentHandlers: { [C in keyof Channels]: Handler<C> } = {
  'consentTemplates.list': notYet,
  'consentTemplates.get': notYet,
  'consentTemplates.publish': notYet,
  'consentTemplates.exportJson': notYet,
  'consentTemplates.importJson': notYet,
  'consents.status': notYet,
  'consents.listForClient': notYet,
  'consents.sign': notYet,
  'consents.withdraw': notYet,
  'consents.pdf': notYet,
  'consents.print': notYet,
  'consents.savePdf': notYet,
  'consents.exportClient': notYet,
  'consents.settings.get': notYet,
  'consents.settings.update': notYet,
};
