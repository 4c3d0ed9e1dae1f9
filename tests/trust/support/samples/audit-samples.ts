import type { ChannelInput } from '../../../../shared/contract';
import type { auditChannels } from '../../../../shared/contract/audit-channels';
import type { ClinicIds } from '../trust-clinic';

const noFilters = { staffId: null, clientId: null, actions: [], fromDay: null, toDay: null };

/**
 * One valid input per channel of this feature (see channel-samples.ts). The purge sample names
 * the wrong client on purpose: an allowed call reaches the handler and is refused there, so the
 * role matrix and the fuzzer never erase the clinic they run against.
 */
export function auditSamples(ids: ClinicIds): { [C in keyof typeof auditChannels]: ChannelInput<C> } {
  return {
    'auditTrail.filters': { clientId: ids.clientId },
    'auditTrail.find': { filters: { ...noFilters, clientId: ids.clientId, actions: ['client.view'], fromDay: '2026-01-01', toDay: '2026-12-31' }, limit: 50, beforeSeq: null },
    'auditTrail.exportCsv': { filters: { ...noFilters, staffId: ids.staff.admin } },
    'auditTrail.verify': {},
    'retention.settings.get': {},
    'retention.settings.update': { country: 'UK', adultYears: 8, minorUntilAge: 25, extraYearIfSeventeen: true },
    'retention.report': {},
    'retention.purge': { clientId: ids.clientId, reason: 'erasure-request', note: 'Client asked for erasure by letter.', confirmation: 'Not The Client' },
  };
}
