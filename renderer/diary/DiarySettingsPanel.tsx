import { ActionIcon, Button, Checkbox, Group, NumberInput, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DiarySettings, type DayOff } from '../../shared/diary/diary-settings';
import type { BridgeError } from '../../shared/errors';
import { notifySuccess } from '../app/notify';
import { asBridgeError } from '../bridge/bridge-failure';
import { call } from '../bridge/client';
import { todayIso } from '../clients/client-text';
import { ErrorAlert } from '../errors/ErrorAlert';
import { DateField } from '../forms/DateField';
import { TimeField } from '../forms/TimeField';
import { useBridgeQuery } from '../hooks/useBridgeQuery';
import { useDates } from '../hooks/useDates';
import { SettingsSection } from '../settings/SettingsSection';
import { PageLoading } from '../shell/PageLoading';

const weekdayKeys = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** Settings → Diary: opening hours, rooms, days off, and what is flagged before a client comes in. */
export function DiarySettingsPanel() {
  const { t } = useTranslation();
  const dates = useDates();
  const saved = useBridgeQuery('diary.settings', {});
  const week = useBridgeQuery('diary.week', { from: todayIso(), days: 1 });
  const [draft, setDraft] = useState<DiarySettings | null>(null);
  const [roomName, setRoomName] = useState('');
  const [dayOff, setDayOff] = useState<{ staffId: string | null; from: string | null; to: string | null; note: string }>({ staffId: null, from: null, to: null, note: '' });
  const [failure, setFailure] = useState<BridgeError | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (saved.data) setDraft(saved.data);
  }, [saved.data]);

  if (!draft) return saved.error ? <ErrorAlert error={saved.error} /> : <PageLoading />;
  const practitioners = week.data?.practitioners ?? [];
  const nameOf = (staffId: string) => practitioners.find((p) => p.id === staffId)?.name ?? '';
  const checked = DiarySettings.safeParse(draft);
  const set = (changes: Partial<DiarySettings>) => setDraft({ ...draft, ...changes });

  const save = async () => {
    if (!checked.success) return;
    setFailure(null);
    setSaving(true);
    try {
      setDraft(await call('diary.updateSettings', checked.data));
      notifySuccess(t('diary.settings.saved'), t('diary.settings.intro'));
    } catch (error) {
      setFailure(asBridgeError(error));
    } finally {
      setSaving(false);
    }
  };

  const addDayOff = () => {
    if (!dayOff.staffId || !dayOff.from) return;
    const entry: DayOff = { staffId: dayOff.staffId, from: dayOff.from, to: dayOff.to ?? dayOff.from, note: dayOff.note.trim() };
    set({ daysOff: [...draft.daysOff, entry].sort((a, b) => a.from.localeCompare(b.from)) });
    setDayOff({ staffId: dayOff.staffId, from: null, to: null, note: '' });
  };

  return (
    <Stack gap="lg">
      <ErrorAlert error={failure} />
      <SettingsSection title={t('diary.settings.hours')} description={t('diary.settings.intro')}>
        {weekdayKeys.map((key, index) => {
          const hours = draft.openingHours[index] ?? null;
          const setHours = (next: DiarySettings['openingHours'][number]) => set({ openingHours: draft.openingHours.map((current, at) => (at === index ? next : current)) });
          const day = t(`diary.settings.weekday.${key}`);
          return (
            <Group key={key} gap="md" align="flex-end" wrap="nowrap">
              <Checkbox w={140} label={day} checked={hours !== null} onChange={(event) => setHours(event.currentTarget.checked ? { opens: '09:00', closes: '18:00' } : null)} mb={8} />
              {hours ? (
                <>
                  <TimeField label={t('diary.settings.opens', { day })} value={hours.opens} onChange={(opens) => setHours({ ...hours, opens })} w={150} />
                  <TimeField label={t('diary.settings.closes', { day })} value={hours.closes} onChange={(closes) => setHours({ ...hours, closes })} w={150} />
                </>
              ) : null}
            </Group>
          );
        })}
      </SettingsSection>
      <SettingsSection title={t('diary.settings.rooms')} description={t('diary.settings.intro')}>
        {draft.rooms.map((room) => (
          <Group key={room.id} justify="space-between">
            <Text>{room.name}</Text>
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={t('diary.settings.removeRoom', { room: room.name })}
              onClick={() => set({ rooms: draft.rooms.filter((other) => other.id !== room.id) })}
            >
              <IconTrash size={18} aria-hidden />
            </ActionIcon>
          </Group>
        ))}
        <Group align="flex-end">
          <TextInput label={t('diary.settings.roomName')} value={roomName} onChange={(event) => setRoomName(event.currentTarget.value)} maxLength={60} style={{ flex: 1 }} />
          <Button
            variant="default"
            disabled={roomName.trim() === ''}
            onClick={() => {
              set({ rooms: [...draft.rooms, { id: crypto.randomUUID(), name: roomName.trim() }] });
              setRoomName('');
            }}
          >
            {t('diary.settings.addRoom')}
          </Button>
        </Group>
      </SettingsSection>
      <SettingsSection title={t('diary.settings.daysOff')} description={t('diary.settings.intro')}>
        {draft.daysOff.length === 0 ? (
          <Text c="dimmed">{t('diary.settings.daysOffEmpty')}</Text>
        ) : (
          <Table>
            <Table.Tbody>
              {draft.daysOff.map((off, index) => (
                <Table.Tr key={`${off.staffId}:${off.from}:${index}`}>
                  <Table.Td>{nameOf(off.staffId)}</Table.Td>
                  <Table.Td>{off.from === off.to ? dates.day(off.from) : `${dates.day(off.from)} – ${dates.day(off.to)}`}</Table.Td>
                  <Table.Td>{off.note}</Table.Td>
                  <Table.Td>
                    <ActionIcon variant="subtle" color="red" aria-label={t('diary.settings.removeDayOff')} onClick={() => set({ daysOff: draft.daysOff.filter((_, at) => at !== index) })}>
                      <IconTrash size={18} aria-hidden />
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <SimpleGrid cols={2}>
          <Select
            label={t('diary.settings.dayOffWho')}
            data={practitioners.map((p) => ({ value: p.id, label: p.name }))}
            value={dayOff.staffId}
            onChange={(staffId) => setDayOff({ ...dayOff, staffId })}
          />
          <TextInput label={t('diary.settings.dayOffNote')} value={dayOff.note} maxLength={120} onChange={(event) => setDayOff({ ...dayOff, note: event.currentTarget.value })} />
          <DateField label={t('diary.settings.dayOffFrom')} value={dayOff.from} onChange={(from) => setDayOff({ ...dayOff, from })} />
          <DateField label={t('diary.settings.dayOffTo')} value={dayOff.to} onChange={(to) => setDayOff({ ...dayOff, to })} />
        </SimpleGrid>
        <Group>
          <Button variant="default" disabled={!dayOff.staffId || !dayOff.from} onClick={addDayOff}>
            {t('diary.settings.addDayOff')}
          </Button>
        </Group>
      </SettingsSection>
      <SettingsSection title={t('diary.title')} description={t('diary.settings.intro')}>
        <NumberInput
          label={t('diary.settings.treatmentMinutes')}
          min={5}
          max={480}
          step={15}
          allowDecimal={false}
          value={draft.treatmentMinutes}
          onChange={(value) => typeof value === 'number' && set({ treatmentMinutes: value })}
        />
        <NumberInput
          label={t('diary.settings.historyReviewMonths')}
          min={1}
          max={36}
          allowDecimal={false}
          value={draft.historyReviewMonths}
          onChange={(value) => typeof value === 'number' && set({ historyReviewMonths: value })}
        />
        <NumberInput
          label={t('diary.settings.consentExpiringDays')}
          min={0}
          max={90}
          allowDecimal={false}
          value={draft.consentExpiringDays}
          onChange={(value) => typeof value === 'number' && set({ consentExpiringDays: value })}
        />
        <Checkbox
          label={t('diary.settings.icsSurnames')}
          description={t('diary.settings.icsSurnamesHint')}
          checked={draft.icsSurnames}
          onChange={(event) => set({ icsSurnames: event.currentTarget.checked })}
        />
      </SettingsSection>
      {checked.success ? null : <Text c="red.8">{checked.error.issues[0]?.message}</Text>}
      <Group justify="flex-end">
        <Button onClick={() => void save()} loading={saving} disabled={!checked.success}>
          {t('diary.settings.save')}
        </Button>
      </Group>
    </Stack>
  );
}
