import { contract } from '../../../shared/contract';
import { foldStaffName } from '../../crypto/key-slots';
import { CliFailure, requiredFlag, type CliCommand } from '../command';
import { signIn } from '../sign-in';
import { dataFlag, userFlag } from './flags';

/**
 * Deactivates a member of staff as the Staff screen does (StaffService.update): their key slot is
 * removed, so their password no longer opens the records, and `staff.update` is audited under
 * the admin who ran it. The clinic's last active admin cannot be deactivated.
 */
export const staffDeactivateCommand: CliCommand = {
  words: ['staff', 'deactivate'],
  summary: 'Deactivate a member of staff: their password no longer opens the records. Admins only.',
  flags: [dataFlag, userFlag, { name: 'name', placeholder: 'NAME', summary: 'The staff name of the person to deactivate.', required: true }],
  async run(context) {
    const wanted = requiredFlag(context, 'name');
    const session = await signIn(context.io, {
      dataDir: requiredFlag(context, 'data'),
      name: requiredFlag(context, 'user'),
      access: contract['staff.update'].access,
      command: 'staff deactivate',
    });
    try {
      const member = session.services.staff.list().find((candidate) => foldStaffName(candidate.name) === foldStaffName(wanted));
      if (!member) throw new CliFailure(`Nobody on the staff list is called "${wanted}". Nothing was changed; "staff list" shows the names.`);
      if (!member.active) throw new CliFailure(`${member.name} is already inactive. Nothing was changed.`);
      session.services.staff.update(session.staff.id, { id: member.id, name: member.name, role: member.role, active: false });
      context.io.out(`Deactivated ${member.name}: their password no longer opens the records.`);
    } finally {
      session.close();
    }
  },
};
