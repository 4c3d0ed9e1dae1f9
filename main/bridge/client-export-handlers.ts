import type { clientExportChannels } from '../../shared/contract/client-export-channels';
import { signedIn, type HandlersFor } from './handler';

/** The client's record export (right of access); the dispatcher already checked role and input. */
export const clientExportHandlers: HandlersFor<keyof typeof clientExportChannels> = {
  'clients.exportRecord': signedIn((input, who) => who.desktop.exportClientRecord(who, input.clientId)),
  'clients.export': signedIn((input, who) => who.desktop.exportClientToFolder(who, input.clientId)),
};
