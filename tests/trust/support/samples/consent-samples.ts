import type { ChannelInput } from '../../../../shared/contract';
import type { consentChannels } from '../../../../shared/contract/consent-channels';
import type { ClinicIds } from '../trust-clinic';

/** One valid input per channel of this feature (see channel-samples.ts). */
export function consentSamples(_ids: ClinicIds): { [C in keyof typeof consentChannels]: ChannelInput<C> } {
  return {};
}
