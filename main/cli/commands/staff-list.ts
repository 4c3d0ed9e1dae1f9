import { contract } from '../../../shared/contract';
import { requiredFlag, type CliCommand } from '../command';
import { signIn } from '../sign-in';
import { dataFlag, userFlag } from './flags';

/** The staff list, one member a line: name, role, active or inactive (tab-separated for scripts). */
export const staffListCommand: CliCommand = {
  words: ['staff', 'list'],
  summary: 'List the staff: name, role, active or inactive. Admins only.',
  flags: [dataFlag, userFlag],
  async run(context) {
    const session = await signIn(context.io, {
      dataDir: requiredFlag(context, 'data'),
      name: requiredFlag(context, 'user'),
      access: contract['staff.list'].access,
      command: 'staff list',
    });
    try {
      for (const member of session.services.staff.list()) {
        context.io.out([member.name, member.role, member.active ? 'active' : 'inactive'].join('\t'));
      }
    } finally {
      session.close();
    }
  },
};
