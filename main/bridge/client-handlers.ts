import type { z } from 'zod';
import type { clientChannels } from '../../shared/contract/client-channels';
import type { HandlerContext } from './handlers';
import { SessionDesk } from '../treatments/session-desk';
import { contactOf } from '../clients/client-profile-service';

type ClientChannels = typeof clientChannels;
type Handler<C extends keyof ClientChannels> = (
  input: z.output<ClientChannels[C]['input']>,
  context: HandlerContext,
) => Promise<z.input<ClientChannels[C]['output']>> | z.input<ClientChannels[C]['output']>;

/** Client records, history, courses and sessions; the dispatcher already checked role and input. */
export const clientHandlers: { [C in keyof ClientChannels]: Handler<C> } = {
  'clients.find': (input, { runtime }) =>
    runtime.current().services.clients.find(input.text, { offset: input.offset, limit: input.limit, includeArchived: input.includeArchived ?? false }),
  'clients.recent': (input, { runtime }) => runtime.current().services.clients.recent(input.limit),
  'clients.profile': (input, { runtime }) => {
    const { services, staff } = runtime.current();
    return services.profiles.open(staff.id, input.id, { healthData: staff.role !== 'reception' });
  },
  'clients.contact': (input, { runtime }) => {
    const { services, staff } = runtime.current();
    return services.profiles.openContact(staff.id, input.id);
  },
  'clients.possibleDuplicates': (input, { runtime }) => runtime.current().services.clients.possibleDuplicates(input, input.exceptId),
  'clients.create': (input, { runtime }) => {
    const { services, staff } = runtime.current();
    return services.clients.create(staff.id, input.fields, { allowDuplicate: input.allowDuplicate, dateOfBirthConfirmed: input.dateOfBirthConfirmed });
  },
  'clients.update': (input, { runtime }) => {
    const { services, staff } = runtime.current();
    return services.clients.update(staff.id, input.id, input.fields, { dateOfBirthConfirmed: input.dateOfBirthConfirmed });
  },
  'clients.register': (input, { runtime }) => {
    const { services, staff } = runtime.current();
    return contactOf(services.clients.create(staff.id, input.fields, { allowDuplicate: input.allowDuplicate, dateOfBirthConfirmed: input.dateOfBirthConfirmed }));
  },
  'clients.updateContact': (input, { runtime }) => {
    const { services, staff } = runtime.current();
    return contactOf(services.clients.updateContact(staff.id, input.id, input.fields, { dateOfBirthConfirmed: input.dateOfBirthConfirmed }));
  },
  'clients.setArchived': (input, { runtime }) => {
    const { services, staff } = runtime.current();
    return services.clients.setArchived(staff.id, input.id, input.archived);
  },

  'medicalHistory.list': (input, { runtime }) => {
    const { services, staff } = runtime.current();
    services.clients.get(input.clientId);
    return services.medicalHistory.entries(staff.id, input.clientId);
  },
  'medicalHistory.record': (input, { runtime }) => {
    const { services, staff } = runtime.current();
    services.clients.get(input.clientId);
    return services.medicalHistory.record(staff.id, input.clientId, input.answers, input.confirmed);
  },
  'screening.override': (input, { runtime }) => {
    const { services, staff } = runtime.current();
    services.medicalHistory.override(staff.id, input.clientId, input.reason);
    return services.profiles.screening(input.clientId);
  },

  'courses.create': (input, { runtime }) => {
    const { services, staff } = runtime.current();
    services.clients.get(input.clientId);
    return services.courses.create(staff.id, input.clientId, input.course);
  },
  'courses.setStatus': (input, { runtime }) => {
    const { services, staff } = runtime.current();
    return services.courses.setStatus(staff.id, input.id, input.status);
  },
  'courses.overdue': (input, { runtime }) => runtime.current().services.courses.overdue(input.limit),

  'sessions.list': (input, { runtime }) => {
    const { services, staff } = runtime.current();
    return services.sessions.forClient(staff.id, input.clientId);
  },
  'sessions.record': (input, { runtime }) => {
    const { services, staff } = runtime.current();
    services.clients.get(input.clientId);
    return services.sessions.record(staff.id, input.clientId, input.courseId, input.record, {
      depthsConfirmed: input.depthsConfirmed,
      noConsentReason: input.noConsentReason ?? null,
      expiredLotReason: input.expiredLotReason ?? null,
    });
  },
  'sessions.change': (input, { runtime }) => {
    const { services, staff } = runtime.current();
    return services.sessions.change(staff.id, input.id, input.record, input.reason, { depthsConfirmed: input.depthsConfirmed, expiredLotReason: input.expiredLotReason ?? null });
  },
  'sessions.findByLot': (input, { runtime }) => {
    const { services, staff } = runtime.current();
    return services.sessions.findByLot(staff.id, input.lot);
  },

  'sessions.print': (input, { runtime }) => {
    const { services, staff } = runtime.current();
    return new SessionDesk(services, runtime.desktopPorts()).print(staff.id, input.id);
  },
  'sessions.recallExported': (input, { runtime }) => {
    const { services, staff } = runtime.current();
    services.sessions.recordRecallExport(staff.id, input.lot, input.rows);
    return {};
  },
  'areaDepths.list': (_input, { runtime }) => runtime.current().services.sessions.areaDepths(),
  'areaDepths.set': (input, { runtime }) => {
    const { services, staff } = runtime.current();
    services.sessions.setAreaDepth(staff.id, input);
    return services.sessions.areaDepths();
  },

  'noteSnippets.list': (_input, { runtime }) => runtime.current().services.noteSnippets.list(),
  'noteSnippets.replace': (input, { runtime }) => {
    const { services, staff } = runtime.current();
    return services.noteSnippets.replace(staff.id, input.snippets);
  },
};
