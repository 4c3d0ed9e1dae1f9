import type { auditChannels } from '../../shared/contract/audit-channels';
import { signedIn, type HandlersFor } from './handler';

/** The audit trail screen and retention/erasure; the dispatcher already checked role and input. */
export const auditHandlers: HandlersFor<keyof typeof auditChannels> = {
  'auditTrail.filters': signedIn((input, { services }) => services.auditTrail.filterChoices(input.clientId)),
  'auditTrail.find': signedIn((input, { services, staff }) => services.auditTrail.find(staff.id, input.filters, { limit: input.limit, beforeSeq: input.beforeSeq })),
  'auditTrail.exportCsv': (input, { desktop }) => desktop.exportAuditTrail(input.filters),
  'auditTrail.verify': signedIn((_input, { services, staff }) => services.auditTrail.verify(staff.id)),

  'retention.settings.get': signedIn((_input, { services }) => services.retention.settings()),
  'retention.settings.update': signedIn((input, { services, staff }) => services.retention.updateSettings(staff.id, input)),
  'retention.report': signedIn((_input, { services, staff }) => {
    const clients = services.retention.clientsPastRetention(staff.id);
    return { today: services.retention.today(), settings: services.retention.settings(), clients };
  }),
  'retention.purge': signedIn((input, { services, staff }) => services.retention.purgeClient(staff.id, input)),
};
