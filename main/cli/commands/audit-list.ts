import { auditActionInWords } from '../../../shared/audit/audit-action-words';
import { contract } from '../../../shared/contract';
import { requiredFlag, UsageError, type CliCommand } from '../command';
import { signIn } from '../sign-in';
import { dataFlag, userFlag } from './flags';
import { limitFlag, limitFrom } from './limit-flag';

const noFilters = { staffId: null, clientId: null, actions: [], fromDay: null, toDay: null };

/**
 * The newest audit entries for an inspector, in the audit screen's words, one a line: row number,
 * time (UTC), who, what, which record, detail. --before pages back from a row number, as the
 * screen does when it scrolls.
 */
export const auditListCommand: CliCommand = {
  words: ['audit', 'list'],
  summary: "The newest audit trail entries in the screen's words: row, time, who, action, record, detail.",
  flags: [dataFlag, userFlag, limitFlag, { name: 'before', placeholder: 'SEQ', summary: 'Only rows numbered below this one (the next page starts at the last row shown).', required: false }],
  async run(context) {
    const limit = limitFrom(context.flags.limit, 500);
    const beforeText = context.flags.before;
    if (beforeText !== undefined && (!/^\d+$/.test(beforeText) || !Number.isSafeInteger(Number(beforeText)))) {
      throw new UsageError('--before must be a row number.');
    }
    const session = await signIn(context.io, {
      dataDir: requiredFlag(context, 'data'),
      name: requiredFlag(context, 'user'),
      access: contract['auditTrail.find'].access,
      command: 'audit list',
    });
    try {
      const page = session.services.auditTrail.find(session.staff.id, noFilters, { limit, beforeSeq: beforeText === undefined ? Number.MAX_SAFE_INTEGER : Number(beforeText) });
      for (const row of page.rows) {
        const record = row.purged ? 'a purged client' : (row.entityName ?? (row.entity && row.entityId ? `${row.entity} ${row.entityId}` : ''));
        context.io.out([String(row.seq), row.at, row.staffName ?? 'nobody', auditActionInWords(row.action), record, row.detail].join('\t'));
      }
      session.services.audit.append({ staffId: session.staff.id, action: 'audit.view', entity: 'audit', detail: `via=cli shown=${page.rows.length}${beforeText ? ` before=${beforeText}` : ''}` });
      if (page.nextBeforeSeq !== null) context.io.err(`Older entries: add --before ${page.nextBeforeSeq}.`);
    } finally {
      session.close();
    }
  },
};
