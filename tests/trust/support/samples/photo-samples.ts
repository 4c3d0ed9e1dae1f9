import type { ChannelInput } from '../../../../shared/contract';
import type { photoChannels } from '../../../../shared/contract/photo-channels';
import type { ClinicIds } from '../trust-clinic';

/** One valid input per channel of this feature (see channel-samples.ts). */
export function photoSamples(_ids: ClinicIds): { [C in keyof typeof photoChannels]: ChannelInput<C> } {
  return {};
}
