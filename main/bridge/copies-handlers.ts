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
  'sessions.emailCopy': signedIn(async (input, { services, staff }) => {
    const queued = await services.outbox.queueSessionCopy(staff.id, input.id);
    await services.outbox.send();
    const waiting = services.outbox.list().find((message) => message.id === queued.id);
    return { sent: !waiting, problem: waiting?.lastError ?? null };
  }),
  'email.settings': signedIn((_input, { services }) => services.outbox.settings()),
  'email.updateSettings': signedIn((input, { services, staff }) => services.outbox.updateSettings(staff.id, input)),
  'email.outbox': signedIn((_input, { services }) => services.outbox.list()),
  'email.sendNow': signedIn((_input, { services }) => services.outbox.send({ now: true })),
};
