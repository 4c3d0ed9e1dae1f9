import { Button, Group, MultiSelect, Paper, Select } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { IconFilterOff } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditFilters } from '../../shared/contract/audit-channels';
import type { ChannelOutput } from '../../shared/contract/channels';
import { call } from '../bridge/client';
import type { Dates } from '../hooks/useDates';
import { actionLabel } from './action-label';

type Choices = ChannelOutput<'auditTrail.filters'>;

export const noFilters: AuditFilters = { staffId: null, clientId: null, actions: [], fromDay: null, toDay: null };

/**
 * Who, whom, what and when. The client box searches as it is typed (the client list's own
 * search); days are picked on a calendar and shown in the clinic's date order.
 */
export function AuditFiltersBar({ filters, onChange, choices, dates }: { filters: AuditFilters; onChange: (next: AuditFilters) => void; choices: Choices | null; dates: Dates }) {
  const { t } = useTranslation();
  const [clientText, setClientText] = useState('');
  const [clientOptions, setClientOptions] = useState<{ value: string; label: string }[]>([]);
  // The half-picked range lives here; the filters change once both ends are picked or cleared.
  const [range, setRange] = useState<[string | null, string | null]>([filters.fromDay, filters.toDay]);
  useEffect(() => setRange([filters.fromDay, filters.toDay]), [filters.fromDay, filters.toDay]);

  // Memoised: the client search effect and the options below depend on it.
  const choiceClient = choices?.client ?? null;
  const chosenClient = useMemo(() => (choiceClient && choiceClient.id === filters.clientId ? { value: choiceClient.id, label: choiceClient.name } : null), [choiceClient, filters.clientId]);
  // The client the trail was opened for shows by name once its name has arrived.
  const openedFor = chosenClient?.label ?? null;
  useEffect(() => {
    if (openedFor) setClientText(openedFor);
  }, [openedFor]);
  useEffect(() => {
    let live = true;
    const text = clientText.trim();
    if (!text || (chosenClient && text === chosenClient.label)) return;
    call('clients.find', { text, offset: 0, limit: 20, includeArchived: true })
      .then((found) => {
        if (live) setClientOptions(found.clients.map((client) => ({ value: client.id, label: `${client.firstName} ${client.lastName}` })));
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [clientText, chosenClient]);

  const clientData = useMemo(() => {
    const known = new Map(clientOptions.map((option) => [option.value, option]));
    if (chosenClient) known.set(chosenClient.value, chosenClient);
    return [...known.values()];
  }, [clientOptions, chosenClient]);

  const staffData = (choices?.staff ?? []).map((member) => ({ value: member.id, label: member.name }));
  const actionData = (choices?.actions ?? []).map((action) => ({ value: action, label: actionLabel(action) })).sort((a, b) => a.label.localeCompare(b.label));
  const filtered = filters.staffId || filters.clientId || filters.actions.length > 0 || filters.fromDay || filters.toDay;

  return (
    <Paper withBorder p="md" bg="white" component="section" aria-label={t('auditTrail.filters.label')}>
      {/* Top-aligned, so the labels stay in one line when the Actions box grows to hold choices. */}
      <Group gap="md" align="flex-start" wrap="nowrap">
        <Select
          label={t('auditTrail.filters.staff')}
          placeholder={t('auditTrail.filters.anyStaff')}
          data={staffData}
          value={filters.staffId}
          onChange={(staffId) => onChange({ ...filters, staffId })}
          clearable
          searchable
          w={160}
        />
        <Select
          label={t('auditTrail.filters.client')}
          placeholder={t('auditTrail.filters.clientPlaceholder')}
          data={clientData}
          value={filters.clientId}
          onChange={(clientId) => onChange({ ...filters, clientId })}
          searchValue={clientText}
          onSearchChange={setClientText}
          filter={({ options }) => options}
          nothingFoundMessage={clientText.trim() ? t('auditTrail.filters.clientNothing') : undefined}
          clearable
          searchable
          w={200}
        />
        <MultiSelect
          label={t('auditTrail.filters.actions')}
          placeholder={filters.actions.length === 0 ? t('auditTrail.filters.anyAction') : undefined}
          data={actionData}
          value={filters.actions}
          onChange={(actions) => onChange({ ...filters, actions })}
          clearable
          searchable
          maxValues={50}
          // The theme sizes Select and TextInput "md" but not these two: match them so the labels line up.
          size="md"
          miw={200}
          style={{ flex: 1 }}
        />
        <DatePickerInput
          type="range"
          allowSingleDateInRange
          label={t('auditTrail.filters.days')}
          placeholder={t('auditTrail.filters.daysPlaceholder')}
          valueFormat={dates.format}
          value={range}
          onChange={([fromDay, toDay]) => {
            setRange([fromDay, toDay]);
            if ((fromDay === null) === (toDay === null)) onChange({ ...filters, fromDay, toDay });
          }}
          clearable
          size="md"
          w={190}
        />
        <Button variant="subtle" mt={28} leftSection={<IconFilterOff size={18} aria-hidden />} disabled={!filtered} onClick={() => onChange(noFilters)}>
          {t('auditTrail.filters.clear')}
        </Button>
      </Group>
    </Paper>
  );
}
