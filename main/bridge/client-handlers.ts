import type { clientChannels } from '../../shared/contract/client-channels';
import { contactOf } from '../clients/client-profile-service';
import { signedIn, type HandlersFor } from './handler';

/** Client records, history, courses and sessions; the dispatcher already checked role and input. */
export const clientHandlers: HandlersFor<keyof typeof clientChannels> = {
  'clients.find': signedIn((input, { services }) => services.clients.find(input.text, { offset: input.offset, limit: input.limit, includeArchived: input.includeArchived ?? false })),
  'clients.recent': signedIn((input, { services }) => services.clients.recent(input.limit)),
  'clients.profile': signedIn((input, { services, staff }) => services.profiles.open(staff.id, input.id, { healthData: staff.role !== 'reception' })),
  'clients.contact': signedIn((input, { services, staff }) => services.profiles.openContact(staff.id, input.id)),
  'clients.possibleDuplicates': signedIn((input, { services }) => services.clients.possibleDuplicates(input, input.exceptId)),
  'clients.create': signedIn((input, { services, staff }) =>
    services.clients.create(staff.id, input.fields, { allowDuplicate: input.allowDuplicate, dateOfBirthConfirmed: input.dateOfBirthConfirmed }),
  ),
  'clients.update': signedIn((input, { services, staff }) => services.clients.update(staff.id, input.id, input.fields, { dateOfBirthConfirmed: input.dateOfBirthConfirmed })),
  'clients.register': signedIn((input, { services, staff }) =>
    contactOf(services.clients.create(staff.id, input.fields, { allowDuplicate: input.allowDuplicate, dateOfBirthConfirmed: input.dateOfBirthConfirmed })),
  ),
  'clients.updateContact': signedIn((input, { services, staff }) => contactOf(services.clients.updateContact(staff.id, input.id, input.fields, { dateOfBirthConfirmed: input.dateOfBirthConfirmed }))),
  'clients.setArchived': signedIn((input, { services, staff }) => services.clients.setArchived(staff.id, input.id, input.archived)),

  'medicalHistory.list': signedIn((input, { services, staff }) => {
    services.clients.get(input.clientId);
    return services.medicalHistory.entries(staff.id, input.clientId);
  }),
  'medicalHistory.print': signedIn((input, { services, staff, desktop }) => desktop.medicalHistory.print(services, staff.id, input.clientId, input.entryId)),
  'medicalHistory.savePdf': signedIn((input, { services, staff, desktop }) => desktop.medicalHistory.savePdf(services, staff.id, input.clientId, input.entryId)),
  'medicalHistory.record': signedIn((input, { services, staff }) => {
    services.clients.get(input.clientId);
    return services.medicalHistory.record(staff.id, input.clientId, input.answers, input.confirmed);
  }),
  'screening.override': signedIn((input, { services, staff }) => {
    services.medicalHistory.override(staff.id, input.clientId, input.reason);
    return services.profiles.screening(input.clientId);
  }),

  'courses.create': signedIn((input, { services, staff }) => {
    services.clients.get(input.clientId);
    return services.courses.create(staff.id, input.clientId, input.course);
  }),
  'courses.setStatus': signedIn((input, { services, staff }) => services.courses.setStatus(staff.id, input.id, input.status)),
  'courses.overdue': signedIn((input, { services }) => services.courses.overdue(input.limit)),

  'sessions.list': signedIn((input, { services, staff }) => services.sessions.forClient(staff.id, input.clientId)),
  'sessions.record': signedIn((input, { services, staff }) => {
    services.clients.get(input.clientId);
    return services.sessions.record(staff.id, input.clientId, input.courseId, input.record, {
      depthsConfirmed: input.depthsConfirmed,
      noConsentReason: input.noConsentReason ?? null,
      expiredLotReason: input.expiredLotReason ?? null,
    });
  }),
  'sessions.change': signedIn((input, { services, staff }) =>
    services.sessions.change(staff.id, input.id, input.record, input.reason, { depthsConfirmed: input.depthsConfirmed, expiredLotReason: input.expiredLotReason ?? null }),
  ),
  'sessions.findByLot': signedIn((input, { services, staff }) => services.sessions.findByLot(staff.id, input.lot)),

  'sessions.print': signedIn((input, { services, staff, desktop }) => desktop.sessions.print(services, staff.id, input.id)),
  'sessions.savePdf': signedIn((input, { services, staff, desktop }) => desktop.sessions.savePdf(services, staff.id, input.id)),
  'sessions.recallExported': signedIn((input, { services, staff }) => {
    services.sessions.recordRecallExport(staff.id, input.lot, input.rows);
    return {};
  }),
  'areaDepths.list': signedIn((_input, { services }) => services.sessions.areaDepths()),
  'areaDepths.set': signedIn((input, { services, staff }) => {
    services.sessions.setAreaDepth(staff.id, input);
    return services.sessions.areaDepths();
  }),

  'noteSnippets.list': signedIn((_input, { services }) => services.noteSnippets.list()),
  'noteSnippets.replace': signedIn((input, { services, staff }) => services.noteSnippets.replace(staff.id, input.snippets)),
};
