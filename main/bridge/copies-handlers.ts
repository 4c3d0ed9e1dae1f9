import type { copiesChannels } from '../../shared/contract/copies-channels';
import { signedIn, type HandlersFor } from './handler';

/** Sharing choices and the GP letter; the dispatcher already checked role and input. */
export const copiesHandlers: HandlersFor<keyof typeof copiesChannels> = {
  'clients.sharingChoices': signedIn((input, { services }) => services.copies.sharingChoices(services.clients.get(input.clientId).id)),
  'clients.recordSharingChoice': signedIn((input, { services, staff }) => services.copies.recordChoice(staff.id, services.clients.get(input.clientId).id, input.kind, input.agreed)),
  'gpLetter.template': signedIn((_input, { services }) => services.copies.gpLetterTemplate()),
  'gpLetter.updateTemplate': signedIn((input, { services, staff }) => services.copies.updateGpLetterTemplate(staff.id, input)),
  'sessions.printGpLetter': signedIn((input, { services, staff, desktop }) => desktop.gpLetters.print(services, staff.id, input.id)),
  'sessions.saveGpLetter': signedIn((input, { services, staff, desktop }) => desktop.gpLetters.savePdf(services, staff.id, input.id)),
};
