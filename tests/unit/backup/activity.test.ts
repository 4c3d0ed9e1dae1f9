import { describe, expect, it } from 'vitest';
import { auditActions } from '../../../shared/audit/audit-actions';
import { countsAsActivity } from '../../../main/backup/backup-status';

describe('what counts as work a backup on close must carry off the PC', () => {
  it('counts every treatment session action, though it shares the session. prefix with signing in', () => {
    for (const action of ['session.create', 'session.update', 'session.amend', 'session.override-consent', 'session.override-expired-lot'] as const) {
      expect(countsAsActivity(action), action).toBe(true);
    }
  });

  it('does not count signing in and out, locking, backups or the recovery key confirmation', () => {
    for (const action of [
      'session.sign-in',
      'session.sign-in-failed',
      'session.sign-out',
      'session.switch-user',
      'session.lock',
      'session.unlock',
      'backup.create',
      'backup.failed',
      'backup.verify',
      'recovery-key.acknowledge',
    ] as const) {
      expect(countsAsActivity(action), action).toBe(false);
    }
  });

  it('counts every clinical and client action', () => {
    const counted = auditActions.filter(countsAsActivity);
    expect(counted).toEqual(expect.arrayContaining(['client.create', 'client.update', 'consent.sign', 'photo.import', 'medical-history.create', 'course.create']));
  });
});
