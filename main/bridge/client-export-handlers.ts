import type { z } from 'zod';
import type { clientExportChannels } from '../../shared/contract/client-export-channels';
import { exportRecordToChosenFolder } from '../client-export/export-record-to-chosen-folder';
import type { HandlerContext } from './handlers';

type Channels = typeof clientExportChannels;
type Handler<C extends keyof Channels> = (
  input: z.output<Channels[C]['input']>,
  context: HandlerContext,
) => Promise<z.input<Channels[C]['output']>> | z.input<Channels[C]['output']>;

/** The client's record export (right of access); the dispatcher already checked role and input. */
export const clientExportHandlers: { [C in keyof Channels]: Handler<C> } = {
  'clients.exportRecord': (input, { runtime }) => {
    const { services, staff } = runtime.current();
    return exportRecordToChosenFolder(services, staff.id, input.clientId, (request) => runtime.chooseSavePath(request));
  },
};
