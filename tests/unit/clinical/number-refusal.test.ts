import { describe, expect, it } from 'vitest';
import { CourseInput, TreatedArea } from '../../../shared/clinical/session';
import { SessionFormValues, blankSession } from '../../../renderer/clients/sessions/session-form';

const course = { indication: 'acne-scarring', plannedSessions: 6, intervalWeeks: 4, startedOn: '2026-11-25', notes: '' };

describe('impossible numbers are refused, never rewritten', () => {
  it('a negative or zero depth and zero passes are refused, not turned into something else', () => {
    for (const area of [
      { area: 'forehead', depthMm: -0.5, passes: 2 },
      { area: 'forehead', depthMm: 0, passes: 2 },
      { area: 'forehead', depthMm: 0.5, passes: 0 },
      { area: 'forehead', depthMm: 0.5, passes: -1 },
      { area: 'forehead', depthMm: 0.5, passes: 1.5 },
    ]) {
      expect(TreatedArea.safeParse(area).success).toBe(false);
    }
    expect(TreatedArea.parse({ area: 'forehead', depthMm: 0.5, passes: 2 })).toEqual({ area: 'forehead', depthMm: 0.5, passes: 2 });
  });

  it('negative or zero weeks between sessions and zero planned sessions are refused', () => {
    expect(CourseInput.safeParse({ ...course, intervalWeeks: -2 }).success).toBe(false);
    expect(CourseInput.safeParse({ ...course, intervalWeeks: 0 }).success).toBe(false);
    expect(CourseInput.safeParse({ ...course, plannedSessions: 0 }).success).toBe(false);
    expect(CourseInput.parse(course).intervalWeeks).toBe(4);
  });

  it('the session form reports the refusal at the field it came from, and an empty number is no number', () => {
    const values = { ...blankSession(''), areas: [{ area: 'forehead' as const, depthMm: -0.5, passes: 0 }] };
    const result = SessionFormValues.safeParse(values);
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['areas.0.depthMm', 'areas.0.passes']));
    const empty = SessionFormValues.safeParse({ ...blankSession(''), areas: [{ area: 'forehead', depthMm: undefined, passes: 2 }] });
    expect(empty.error?.issues.map((issue) => [issue.path.join('.'), issue.code])).toEqual([['areas.0.depthMm', 'invalid_type']]);
  });
});
