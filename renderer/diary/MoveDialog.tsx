import { Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppointmentView, DiaryPractitioner, DiaryWarning } from '../../shared/contract/diary-channels';
import { addMinutes } from '../../shared/diary/appointment';
import type { BridgeError } from '../../shared/errors';
import { Dialog } from '../app/Dialog';
import { notifySuccess } from '../app/notify';
import { asBridgeError } from '../bridge/bridge-failure';
import { call } from '../bridge/client';
import { ErrorAlert } from '../errors/ErrorAlert';
import { useDates } from '../hooks/useDates';
import { timeOf } from './diary-time';
import { WarningList } from './WarningList';

export interface MoveProposal {
  appointment: AppointmentView;
  start: string;
  minutes: number;
  practitionerId: string;
}

/** A drag (or a typed move) asks first: from when to when, with whom, and any clash. */
export function MoveDialog({ proposal, practitioners, onClose, onMoved }: { proposal: MoveProposal | null; practitioners: readonly DiaryPractitioner[]; onClose: () => void; onMoved: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog opened={proposal !== null} onClose={onClose} title={t('diary.move.title')}>
      {proposal ? (
        <MoveConfirm
          key={`${proposal.appointment.id}:${proposal.start}:${proposal.minutes}:${proposal.practitionerId}`}
          proposal={proposal}
          practitioners={practitioners}
          onCancel={onClose}
          onMoved={onMoved}
        />
      ) : null}
    </Dialog>
  );
}

function MoveConfirm({ proposal, practitioners, onCancel, onMoved }: { proposal: MoveProposal; practitioners: readonly DiaryPractitioner[]; onCancel: () => void; onMoved: () => void }) {
  const { t } = useTranslation();
  const dates = useDates();
  const [warnings, setWarnings] = useState<DiaryWarning[]>([]);
  const [failure, setFailure] = useState<BridgeError | null>(null);
  const [busy, setBusy] = useState(false);
  const { appointment } = proposal;
  const when = (start: string, minutes: number) => `${dates.day(start.slice(0, 10))} ${timeOf(start)}–${timeOf(addMinutes(start, minutes))}`;
  const practitioner = practitioners.find((p) => p.id === proposal.practitionerId)?.name ?? appointment.practitionerName;

  const confirm = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const outcome = await call('diary.move', {
        id: appointment.id,
        start: proposal.start,
        minutes: proposal.minutes,
        practitionerId: proposal.practitionerId,
        roomId: appointment.roomId,
        confirmWarnings: warnings.length > 0,
      });
      if (outcome.appointments.length === 0) setWarnings(outcome.warnings);
      else {
        notifySuccess(t('diary.move.moved'), `${appointment.clientName}, ${when(proposal.start, proposal.minutes)}`);
        onMoved();
      }
    } catch (error) {
      setFailure(asBridgeError(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="md">
      <ErrorAlert error={failure} />
      <Text fw={600}>{appointment.clientName}</Text>
      <Text>{t('diary.move.from', { when: when(appointment.start, appointment.minutes) })}</Text>
      <Text>{t('diary.move.to', { when: when(proposal.start, proposal.minutes) })}</Text>
      <Text>{t('diary.move.with', { practitioner })}</Text>
      <WarningList warnings={warnings} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {t('diary.dialog.cancel')}
        </Button>
        <Button onClick={() => void confirm()} loading={busy} color={warnings.length > 0 ? 'orange' : undefined} data-autofocus>
          {warnings.length > 0 ? t('diary.move.confirmAnyway') : t('diary.move.confirm')}
        </Button>
      </Group>
    </Stack>
  );
}
