import type { ChannelInput } from '../../../../shared/contract';
import type { auditChannels } from '../../../../shared/contract/audit-channels';
import type { ClinicIds } from '../trust-clinic';

/** One valid input per channel of this feature (see channel-samples.ts). */
export function auditSamples(_ids: ClinicIds): { [C in keyof typeof auditChannels]: ChannelInput<C> } {
  return {};
}
