import { contract } from '../../../shared/contract';
import { requiredFlag, type CliCommand } from '../command';
import { signIn } from '../sign-in';
import { dataFlag, userFlag } from './flags';
import { limitFlag, limitFrom } from './limit-flag';

/**
 * Clients overdue for their next session, most overdue first: a call list, from the same query
 * as Home's overdue card. One a line: due date, client name, sessions done of planned, client id.
 */
export const overdueCommand: CliCommand = {
  words: ['overdue'],
  summary: "Clients overdue for their next session (the Home card's list): due date, name, sessions done/planned, client id.",
  flags: [dataFlag, userFlag, limitFlag],
  async run(context) {
    const limit = limitFrom(context.flags.limit, 200);
    const session = await signIn(context.io, {
      dataDir: requiredFlag(context, 'data'),
      name: requiredFlag(context, 'user'),
      access: contract['courses.overdue'].access,
      command: 'overdue',
    });
    try {
      const courses = session.services.courses.overdue(limit);
      for (const course of courses) {
        context.io.out([course.nextDueOn ?? '', course.clientName, `${course.sessionsDone}/${course.plannedSessions}`, course.clientId].join('\t'));
      }
      // Names leave the app on a terminal: recorded like any other list of clients.
      session.services.audit.append({ staffId: session.staff.id, action: 'client.list', entity: 'client', detail: `via=cli list=overdue shown=${courses.length}` });
      if (courses.length === 0) context.io.err('No client is overdue.');
    } finally {
      session.close();
    }
  },
};
