import { contract } from '../../../shared/contract';
import { requiredFlag, UsageError, type CliCommand } from '../command';
import { signIn } from '../sign-in';
import { dataFlag, userFlag } from './flags';

/** One client a line (id, name, date of birth), found with the same search as the Clients screen. */
export const clientsListCommand: CliCommand = {
  words: ['clients', 'list'],
  summary: 'List clients, one a line: id, name, date of birth; --search uses the same search as the screen.',
  flags: [
    dataFlag,
    userFlag,
    { name: 'search', placeholder: 'TEXT', summary: 'Name, phone, email or date of birth, or the start of one.', required: false },
    { name: 'limit', placeholder: 'N', summary: 'At most this many lines (default 100).', required: false },
  ],
  async run(context) {
    const limitText = context.flags.limit ?? '100';
    if (!/^\d+$/.test(limitText) || Number(limitText) < 1 || Number(limitText) > 1_000_000) {
      throw new UsageError('--limit must be a whole number from 1 to 1,000,000.');
    }
    const session = await signIn(context.io, {
      dataDir: requiredFlag(context, 'data'),
      name: requiredFlag(context, 'user'),
      access: contract['clients.find'].access,
      command: 'clients list',
    });
    try {
      const page = session.services.clients.find(context.flags.search ?? '', { offset: 0, limit: Number(limitText) });
      for (const client of page.clients) {
        context.io.out([client.id, `${client.firstName} ${client.lastName}`, client.dateOfBirth ?? ''].join('\t'));
      }
      session.services.audit.append({
        staffId: session.staff.id,
        action: 'client.list',
        entity: 'client',
        detail: `via=cli shown=${page.clients.length} of=${page.total}`,
      });
      if (page.total > page.clients.length) context.io.err(`Showing ${page.clients.length} of ${page.total} clients; use --limit for more.`);
    } finally {
      session.close();
    }
  },
};
