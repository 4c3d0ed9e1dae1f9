import type { z } from 'zod';
import type { auditChannels } from '../../shared/contract/audit-channels';
import type { HandlerContext } from './handlers';

type Channels = typeof auditChannels;
type Handler<C extends keyof Channels> = (
  input: z.output<Channels[C]['input']>,
  context: HandlerContext,
) => Promise<z.input<Channels[C]['output']>> | z.input<Channels[C]['output']>;

/** The audit trail screen and retention/erasure (issue #6); the dispatcher already checked role and input. */
export const auditHandlers: { [C in keyof Channels]: Handler<C> } = {
  'auditTrail.filters': (input, { runtime }) => runtime.current().services.auditTrail.filterChoices(input.clientId),
  'auditTrail.find': (input, { runtime }) => {
    const { services, staff } = runtime.current();
    return services.auditTrail.find(staff.id, input.filters, { limit: input.limit, beforeSeq: input.beforeSeq });
  },
  'auditTrail.exportCsv': async (input, { runtime }) => {
    const day = runtime.current().services.retention.today();
    const path = await runtime.desktop().chooseSavePath({
      title: 'Export the audit trail',
      defaultName: `SkinLedger audit trail ${day}.csv`,
      filters: [{ name: 'CSV', extensions: ['csv'] }],
    });
    if (!path) return { saved: false, rows: 0 };
    // Asked again after the dialog: the screen may have locked while it was open.
    const { services, staff } = runtime.current();
    return { saved: true, ...services.auditTrail.writeCsv(staff.id, input.filters, path) };
  },
  'auditTrail.verify': (_input, { runtime }) => {
    const { services, staff } = runtime.current();
    return services.auditTrail.verify(staff.id);
  },

  'retention.settings.get': (_input, { runtime }) => runtime.current().services.retention.settings(),
  'retention.settings.update': (input, { runtime }) => {
    const { services, staff } = runtime.current();
    return services.retention.updateSettings(staff.id, input);
  },
  'retention.report': (_input, { runtime }) => {
    const { services, staff } = runtime.current();
    const clients = services.retention.clientsPastRetention(staff.id);
    return { today: services.retention.today(), settings: services.retention.settings(), clients };
  },
  'retention.purge': (input, { runtime }) => {
    const { services, staff } = runtime.current();
    return services.retention.purgeClient(staff.id, input);
  },
};
