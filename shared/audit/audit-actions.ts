/**
 * Every action the main side writes to the audit trail. AuditLog accepts only these, and the
 * audit trail screen has wording for each (a map checked against this list when compiling), so
 * no raw code like "consent.sign" reaches a reader. A new action is added here first.
 */
export const auditActions = [
  'aftercare.print',
  'audit.view',
  'audit.export',
  'audit.verify',
  'backup.create',
  'backup.failed',
  'backup.verify',
  'backup.restore',
  'backup.kept-aside.delete',
  'cli.verify',
  'cli.refused',
  'client.create',
  'client.update',
  'client.view',
  'client.list',
  'client.import',
  'clinic.export',
  'client.export',
  'client.archive',
  'client.unarchive',
  'client.purged',
  'client.purge-files',
  'client.sharing-choice',
  'email.queue',
  'email.sent',
  'consent-template.publish',
  'consent-template.import',
  'consent-template.export',
  'consent.sign',
  'consent.decline',
  'consent.list',
  'consent.withdraw',
  'consent.print',
  'consent.settings',
  'consent.pdf-open',
  'consent.pdf-print',
  'consent.pdf-save',
  'consent.pdf-export',
  'course.create',
  'course.status',
  'demo.seed',
  'lot.search',
  'lot.recall-export',
  'medical-history.create',
  'medical-history.view',
  'medical-history.print',
  'medical-history.save-pdf',
  'photo.import',
  'photo.view',
  'photo.gallery',
  'photo.update',
  'photo.delete',
  'photo.erase-client',
  'photo.export',
  'photo.export.refused',
  'photo.export-record',
  'photo.alignment.view',
  'photo.alignment.save',
  'photo.alignment.clear',
  'photo.settings.update',
  'recovery-key.acknowledge',
  'recovery-kit.save',
  'retention.report',
  'screening.override',
  'session.create',
  'session.update',
  'session.amend',
  'session.print',
  'session.save-pdf',
  'session.gp-letter-print',
  'session.gp-letter-save',
  'session.override-consent',
  'session.override-expired-lot',
  'session.view',
  'session.sign-in',
  'session.sign-in-failed',
  'session.sign-out',
  'session.switch-user',
  'session.lock',
  'session.unlock',
  'settings.update',
  'settings.area-depth',
  'settings.note-snippets',
  'settings.gp-letter',
  'settings.email',
  'staff.create',
  'staff.update',
  'staff.reset-password',
  'staff.change-own-password',
  'store.create',
  'store.rekey',
] as const;

export type AuditAction = (typeof auditActions)[number];

const known = new Set<string>(auditActions);

export function isAuditAction(action: string): action is AuditAction {
  return known.has(action);
}

/**
 * An action written by a version of SkinLedger that this one does not know, in words rather than
 * as a code: "photo.export.refused" → "Photo export refused".
 */
export function unknownActionWords(action: string): string {
  const words = action.replace(/[.\-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
