import { contract } from '../../../shared/contract';
import { Role, StaffName, roles } from '../../../shared/staff';
import { CliFailure, UsageError, requiredFlag, type CliCommand } from '../command';
import { askNewStaffPassword } from '../password';
import { signIn } from '../sign-in';
import { dataFlag, userFlag } from './flags';

/**
 * Adds a member of staff as the Staff screen does (StaffService.add): their own key slot, a staff
 * row, and `staff.create` in the audit trail under the admin who ran it.
 */
export const staffAddCommand: CliCommand = {
  words: ['staff', 'add'],
  summary: 'Add a member of staff with their own password. Admins only.',
  flags: [
    dataFlag,
    userFlag,
    { name: 'name', placeholder: 'NAME', summary: 'The new person’s staff name, as they will sign in.', required: true },
    { name: 'role', placeholder: 'ROLE', summary: `What they may do: ${roles.join(', ')}.`, required: true },
  ],
  async run(context) {
    const name = StaffName.safeParse(requiredFlag(context, 'name'));
    if (!name.success) throw new CliFailure(`--name: ${name.error.issues[0]?.message ?? 'not accepted.'}`);
    const role = Role.safeParse(requiredFlag(context, 'role'));
    if (!role.success) throw new UsageError(`--role must be one of: ${roles.join(', ')}.`, staffAddCommand);
    const session = await signIn(context.io, {
      dataDir: requiredFlag(context, 'data'),
      name: requiredFlag(context, 'user'),
      access: contract['staff.add'].access,
      command: 'staff add',
    });
    try {
      const password = await askNewStaffPassword(context.io, name.data);
      const added = await session.services.staff.add(session.staff.id, { name: name.data, role: role.data, password });
      context.io.out(`Added ${added.name} as ${added.role}. They sign in with the password just set.`);
    } finally {
      session.close();
    }
  },
};
