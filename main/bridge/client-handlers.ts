import type { z } from 'zod';
import { ageOn } from '../../shared/clients/client';
import type { clientChannels } from '../../shared/contract/client-channels';
import type { Services } from '../app';
import type { HandlerContext } from './handlers';

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
    const client = services.clients.open(staff.id, input.id);
    const today = services.clock.now().toISOString().slice(0, 10);
    return {
      client,
      age: client.dateOfBirth ? ageOn(client.dateOfBirth, today) : null,
      screening: staff.role === 'reception' ? null : screeningWithNames(services, client.id),
      courses: services.courses.forClient(client.id),
    };
  },
  'clients.possibleDuplicates': (input, { runtime }) => runtime.current().services.clients.possibleDuplicates(input, input.exceptId),
  'clients.create': (input, { runtime }) => {
    const { services, staff } = runtime.current();
    return services.clients.create(staff.id, input.fields, { allowDuplicate: input.allowDuplicate });
  },
  'clients.update': (input, { runtime }) => {
    const { services, staff } = runtime.current();
    return services.clients.update(staff.id, input.id, input.fields);
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
    return services.medicalHistory.record(staff.id, input.clientId, input.answers);
  },
  'screening.override': (input, { runtime }) => {
    const { services, staff } = runtime.current();
    services.medicalHistory.override(staff.id, input.clientId, input.reason);
    return screeningWithNames(services, input.clientId);
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
    return services.sessions.record(staff.id, input.clientId, input.courseId, input.record, { depthsConfirmed: input.depthsConfirmed });
  },
  'sessions.change': (input, { runtime }) => {
    const { services, staff } = runtime.current();
    return services.sessions.change(staff.id, input.id, input.record, input.reason, { depthsConfirmed: input.depthsConfirmed });
  },
  'sessions.findByLot': (input, { runtime }) => {
    const { services, staff } = runtime.current();
    return services.sessions.findByLot(staff.id, input.lot);
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

/** Today's screening, with the name of whoever recorded the override (the profile says who, when and why). */
function screeningWithNames(services: Services, clientId: string) {
  const state = services.medicalHistory.screening(clientId);
  if (!state.override) return { ...state, override: null };
  return { ...state, override: { ...state.override, overriddenByName: services.staff.find(state.override.overriddenBy)?.name ?? '' } };
}
