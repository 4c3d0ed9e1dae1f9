import type { Services } from '../../app';
import { StoreError } from '../../store/store-error';
import type { CheckResult } from './check-result';

/**
 * The key file: its checksum (readKeySlotFile refuses a file whose checksum does not match), its
 * MAC under the data key, a recovery slot present, and a password slot for every active member
 * of staff.
 */
export function checkKeyFile(services: Services): CheckResult {
  const name = 'key file';
  let slots;
  let mac;
  try {
    const verified = services.vault.verifiedKeyFile();
    slots = verified.file.slots;
    mac = verified.mac;
  } catch (error) {
    return { name, ok: false, detail: error instanceof StoreError ? error.message : 'the key file could not be read' };
  }
  const staffSlots = slots.filter((slot) => slot.kind === 'staff');
  const recoverySlots = slots.length - staffSlots.length;
  const slotted = new Set(staffSlots.map((slot) => slot.staffId));
  const withoutSlot = services.staff.list().filter((member) => member.active && !slotted.has(member.id)).length;
  const problems: string[] = [];
  if (recoverySlots === 0) problems.push('no recovery key slot');
  if (withoutSlot > 0) problems.push(`${withoutSlot} active member${withoutSlot === 1 ? '' : 's'} of staff without a password slot`);
  const integrity = mac === 'authentic' ? 'checksum and MAC match' : 'checksum matches; no MAC yet (added at the next sign-in)';
  const counts = `${integrity}; ${staffSlots.length} staff password slot${staffSlots.length === 1 ? '' : 's'}, ${recoverySlots} recovery slot${recoverySlots === 1 ? '' : 's'}`;
  return { name, ok: problems.length === 0, detail: problems.length === 0 ? counts : `${problems.join('; ')}; ${counts}` };
}
