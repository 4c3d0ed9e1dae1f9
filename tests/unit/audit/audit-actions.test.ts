import { describe, expect, it } from 'vitest';
import { auditActions, unknownActionWords } from '../../../shared/audit/audit-actions';
import { actionLabel } from '../../../renderer/audit-trail/action-label';
import { readableDetail } from '../../../renderer/audit-trail/readable-detail';

describe('audit actions in words', () => {
  it('has words for every action, none of them a code', () => {
    for (const action of auditActions) {
      const words = actionLabel(action);
      expect(words).not.toBe(action);
      expect(words).not.toMatch(/[a-z]\.[a-z]/);
    }
    expect(actionLabel('consent.sign')).toBe('Signed consent');
    expect(actionLabel('photo.export.refused')).toBe('Photo export refused');
  });

  it('spells out an action written by a newer version', () => {
    expect(unknownActionWords('consent.decline-record')).toBe('Consent decline record');
    expect(actionLabel('session.no-consent.override')).toBe('Session no consent override');
  });

  it('leaves the client id out of the detail once the client is named', () => {
    const detail = 'client=7c9e6679-7425-40de-944b-e07fc1f90ae7 size=full';
    expect(readableDetail(detail, true)).toBe('size=full');
    expect(readableDetail(detail, false)).toBe(detail);
  });
});
