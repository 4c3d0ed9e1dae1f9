import { Button, Menu } from '@mantine/core';
import { IconCalendarShare, IconPrinter } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { DiaryPractitioner } from '../../shared/contract/diary-channels';
import { useSession } from '../app/session-context';
import { notifySuccess } from '../app/notify';
import { call } from '../bridge/client';

/** Paper and phone: each practitioner's day sheet (clinicians: it carries the screening flag) and week as .ics. */
export function DiaryPaperMenu({ day, weekFrom, practitioners, onFailure }: { day: string; weekFrom: string; practitioners: readonly DiaryPractitioner[]; onFailure: (error: unknown) => void }) {
  const { t } = useTranslation();
  const { staff } = useSession();
  const clinical = staff.role !== 'reception';
  const run = (work: () => Promise<boolean>, done: string) => {
    work()
      .then((ok) => ok && notifySuccess(done, ''))
      .catch(onFailure);
  };
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" leftSection={<IconPrinter size={18} aria-hidden />}>
          {t('diary.paper.menu')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {practitioners.map((practitioner) => (
          <div key={practitioner.id}>
            <Menu.Label>{practitioner.name}</Menu.Label>
            {clinical ? (
              <>
                <Menu.Item
                  leftSection={<IconPrinter size={16} aria-hidden />}
                  onClick={() => run(async () => (await call('diary.daySheet', { day, practitionerId: practitioner.id, to: 'print' })).done, t('diary.paper.printed'))}
                >
                  {t('diary.paper.print', { name: practitioner.name })}
                </Menu.Item>
                <Menu.Item onClick={() => run(async () => (await call('diary.daySheet', { day, practitionerId: practitioner.id, to: 'save' })).done, t('diary.paper.saved'))}>
                  {t('diary.paper.save', { name: practitioner.name })}
                </Menu.Item>
              </>
            ) : null}
            <Menu.Item
              leftSection={<IconCalendarShare size={16} aria-hidden />}
              onClick={() => run(async () => (await call('diary.saveWeekCalendar', { from: weekFrom, practitionerId: practitioner.id })).saved, t('diary.paper.calendarSaved'))}
            >
              {t('diary.paper.calendar', { name: practitioner.name })}
            </Menu.Item>
          </div>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
