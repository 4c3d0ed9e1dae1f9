import { describe, expect, it } from 'vitest';
import { paragraphDirection, visualRuns } from '../../../main/pdf/directional-text';

describe('visualRuns', () => {
  it('leaves left-to-right text as one run', () => {
    expect(visualRuns('Клиника Zoë Nguyễn, 12 Rue')).toEqual([{ text: 'Клиника Zoë Nguyễn, 12 Rue', direction: 'ltr' }]);
  });

  it('orders a Hebrew address right to left, with its house number kept left to right', () => {
    expect(paragraphDirection('רחוב הרצל 5, תל אביב')).toBe('rtl');
    expect(visualRuns('רחוב הרצל 5, תל אביב')).toEqual([
      { text: 'תל אביב', direction: 'rtl' },
      { text: ' ,', direction: 'rtl' },
      { text: '5', direction: 'ltr' },
      { text: ' ', direction: 'rtl' },
      { text: 'רחוב הרצל', direction: 'rtl' },
    ]);
  });

  it('keeps a right-to-left name inside left-to-right text in its place', () => {
    expect(visualRuns('Clinic מרפאת עור ltd')).toEqual([
      { text: 'Clinic ', direction: 'ltr' },
      { text: 'מרפאת עור', direction: 'rtl' },
      { text: ' ltd', direction: 'ltr' },
    ]);
  });

  it('shapes Hebrew and Arabic apart, each run in one script', () => {
    const runs = visualRuns('מרפאה عيادة');
    // The space between them goes with the run before it, logically: visually it still sits between.
    expect(runs.map((run) => run.text)).toEqual(['عيادة', 'מרפאה ']);
  });
});
