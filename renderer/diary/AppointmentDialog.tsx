import { Badge, Button, Divider, Group, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppointmentView, StatusInput } from '../../shared/contract/diary-channels';
import { addMinutes, isFinished, nextStatuses, type AppointmentStatus } from '../../shared/diary/appointment';
import type { DiarySettings } from '../../shared/diary/diary-settings';
import type { BridgeError } from '../../shared/errors';
import { Dialog } from '../app/Dialog';
import { asBridgeError } from '../bridge/bridge-failure';
import { call } from '../bridge/client';
import { indicationText } from '../clients/courses/indication';
import { ErrorAlert } from '../errors/ErrorAlert';
import { DateField } from '../forms/DateField';
import { TimeField } from '../forms/TimeField';
import { useDates } from '../hooks/useDates';
import { timeOf } from './diary-time';
import type { MoveProposal } from './MoveDialog';

interface Props {
  appointment: AppointmentView | null;
  settings: DiarySettings | null;
  onClose: () => void;
  onChanged: (appointment: AppointmentView) => void;
  /** Keyboard moving: the same confirmation as a drag. */
  onMove: (proposal: MoveProposal) => void;
}

const statusButtons: { status: Exclude<AppointmentStatus, 'cancelled'>; key: 'arrived' | 'inTreatment' | 'done' | 'noShow' | 'backToBooked' }[] = [
  { status: 'arrived', key: 'arrived' },
  { status: 'in-treatment', key: 'inTreatment' },
  { status: 'done', key: 'done' },
  { status: 'no-show', key: 'noShow' },
  { status: 'booked', key: 'backToBooked' },
];

/** One appointment: when, who, the course, and the day's status buttons. */
export function AppointmentDialog({ appointment, settings, onClose, onChanged, onMove }: Props) {
  const { t } = useTranslation();
  return (
    <Dialog opened={appointment !== null} onClose={onClose} title={appointment ? appointment.clientName : t('diary.appointment.title')}>
      {appointment ? <AppointmentDetails key={`${appointment.id}:${appointment.status}`} appointment={appointment} settings={settings} onChanged={onChanged} onMove={onMove} /> : null}
    </Dialog>
  );
}

function AppointmentDetails({
  appointment,
  settings,
  onChanged,
  onMove,
}: {
  appointment: AppointmentView;
  settings: DiarySettings | null;
  onChanged: (appointment: AppointmentView) => void;
  onMove: (proposal: MoveProposal) => void;
}) {
  const { t } = useTranslation();
  const dates = useDates();
  const [failure, setFailure] = useState<BridgeError | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const [reason, setReason] = useState('');
  const [moveDay, setMoveDay] = useState<string | null>(appointment.start.slice(0, 10));
  const [moveTime, setMoveTime] = useState(timeOf(appointment.start));
  const room = settings?.rooms.find((candidate) => candidate.id === appointment.roomId)?.name;
  const finished = isFinished(appointment.status);
  const allowed = nextStatuses(appointment.status);

  const change = async (input: StatusInput) => {
    setFailure(null);
    try {
      onChanged(await call('diary.setStatus', input));
    } catch (error) {
      setFailure(asBridgeError(error));
    }
  };

  return (
    <Stack gap="sm">
      <ErrorAlert error={failure} />
      <Group gap="xs">
        <Badge variant="light" style={{ textTransform: 'none' }}>
          {t(`diary.status.${appointment.status}`)}
        </Badge>
        {appointment.courseIndication && appointment.courseSession ? (
          <Badge variant="outline" color="gray" style={{ textTransform: 'none' }}>
            {indicationText(t, appointment.courseIndication)} · {t('diary.courseOf', { number: appointment.courseSession, planned: appointment.coursePlanned ?? '' })}
          </Badge>
        ) : null}
      </Group>
      <Text>{t('diary.appointment.when', { day: dates.day(appointment.start.slice(0, 10)), start: timeOf(appointment.start), end: timeOf(addMinutes(appointment.start, appointment.minutes)) })}</Text>
      <Text>{t('diary.appointment.with', { practitioner: appointment.practitionerName })}</Text>
      {room ? <Text>{t('diary.appointment.room', { room })}</Text> : null}
      {appointment.bookingNote ? <Text>{t('diary.appointment.note', { note: appointment.bookingNote })}</Text> : null}
      {appointment.cancelReason ? <Text c="red.8">{t('diary.appointment.cancelled', { reason: appointment.cancelReason })}</Text> : null}
      {finished ? (
        <Text c="dimmed" size="sm">
          {t('diary.appointment.finished')}
        </Text>
      ) : (
        <>
          <Group gap="xs">
            {statusButtons
              .filter((button) => allowed.includes(button.status))
              .map((button) => (
                <Button key={button.status} variant={button.status === 'booked' ? 'default' : 'light'} onClick={() => void change({ id: appointment.id, status: button.status })}>
                  {t(`diary.appointment.${button.key}`)}
                </Button>
              ))}
            {allowed.includes('cancelled') && !cancelling ? (
              <Button variant="subtle" color="red" onClick={() => setCancelling(true)}>
                {t('diary.appointment.cancel')}
              </Button>
            ) : null}
          </Group>
          {cancelling ? (
            <Stack gap="xs">
              <Textarea
                label={t('diary.appointment.cancelReason')}
                withAsterisk
                autosize
                minRows={2}
                maxLength={500}
                value={reason}
                onChange={(event) => setReason(event.currentTarget.value)}
                data-autofocus
              />
              <Group justify="flex-end">
                <Button variant="default" onClick={() => setCancelling(false)}>
                  {t('diary.appointment.keep')}
                </Button>
                <Button color="red" disabled={reason.trim().length < 3} onClick={() => void change({ id: appointment.id, status: 'cancelled', reason })}>
                  {t('diary.appointment.cancelConfirm')}
                </Button>
              </Group>
            </Stack>
          ) : null}
          <Divider label={t('diary.appointment.moveTo')} labelPosition="left" />
          <Group align="flex-end" gap="sm">
            <DateField label={t('diary.appointment.moveDate')} value={moveDay} onChange={setMoveDay} style={{ flex: 1 }} />
            <TimeField label={t('diary.appointment.moveTime')} value={moveTime} onChange={setMoveTime} style={{ flex: 1 }} />
            <Button
              variant="default"
              disabled={!moveDay || !/^\d\d:\d\d$/.test(moveTime)}
              onClick={() => moveDay && onMove({ appointment, start: `${moveDay}T${moveTime}`, minutes: appointment.minutes, practitionerId: appointment.practitionerId })}
            >
              {t('diary.appointment.moveSubmit')}
            </Button>
          </Group>
        </>
      )}
    </Stack>
  );
}
