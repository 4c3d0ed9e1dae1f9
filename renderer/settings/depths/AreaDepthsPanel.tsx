import { Button, Group, NumberInput, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { bodyAreas, faceAreas, type AreaDepth, type TreatmentArea } from '../../../shared/clinical/areas';
import type { BridgeError } from '../../../shared/errors';
import { notifySuccess } from '../../app/notify';
import { asBridgeError } from '../../bridge/bridge-failure';
import { call } from '../../bridge/client';
import { ErrorAlert } from '../../errors/ErrorAlert';
import { SaveBar } from '../../forms/SaveBar';
import { useBridgeQuery } from '../../hooks/useBridgeQuery';
import { PageLoading } from '../../shell/PageLoading';

type Draft = Record<string, { typicalMm: number | ''; maxMm: number | '' }>;

function problem(row: { typicalMm: number | ''; maxMm: number | '' }): 'missing' | 'range' | 'order' | null {
  if (row.typicalMm === '' || row.maxMm === '') return 'missing';
  if (row.typicalMm < 0.1 || row.typicalMm > 3 || row.maxMm < 0.1 || row.maxMm > 3) return 'range';
  if (row.typicalMm > row.maxMm) return 'order';
  return null;
}

/**
 * The clinic's needle depths per area: the usual starting depth (the session form's default) and
 * the maximum above which a practitioner must confirm. Seeded from published ranges; the clinic's
 * own judgement wins.
 */
export function AreaDepthsPanel() {
  const { t } = useTranslation();
  const depths = useBridgeQuery('areaDepths.list', {});
  const [draft, setDraft] = useState<Draft>({});
  const [failure, setFailure] = useState<BridgeError | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (depths.data) setDraft(Object.fromEntries(depths.data.map((d) => [d.area, { typicalMm: d.typicalMm, maxMm: d.maxMm }])));
  }, [depths.data]);

  if (depths.loading && !depths.data) return <PageLoading />;
  if (!depths.data) return <ErrorAlert error={depths.error} />;
  const stored = new Map(depths.data.map((d) => [d.area, d]));
  const changed = depths.data.filter((d) => draft[d.area] && (draft[d.area]!.typicalMm !== d.typicalMm || draft[d.area]!.maxMm !== d.maxMm));
  const invalid = Object.values(draft).some((row) => problem(row) !== null);

  const save = async () => {
    setFailure(null);
    setSaving(true);
    try {
      for (const row of changed) {
        const next = draft[row.area]!;
        await call('areaDepths.set', { area: row.area, typicalMm: Number(next.typicalMm), maxMm: Number(next.maxMm) });
      }
      notifySuccess(t('depths.savedTitle'), t('depths.savedMessage', { count: changed.length }));
      await depths.reload();
    } catch (error) {
      setFailure(asBridgeError(error));
    } finally {
      setSaving(false);
    }
  };

  const group = (title: string, areas: readonly TreatmentArea[], id: string) => (
    <section aria-labelledby={id}>
      <Title order={3} size="h5" id={id} mb="xs">
        {title}
      </Title>
      <Table verticalSpacing={6} aria-labelledby={id}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('sessionForm.area')}</Table.Th>
            <Table.Th scope="col">{t('depths.typical')}</Table.Th>
            <Table.Th scope="col">{t('depths.max')}</Table.Th>
            <Table.Th scope="col">
              <span className="sl-sr-only">{t('depths.status')}</span>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {areas
            .filter((area) => stored.has(area))
            .map((area) => {
              const row = draft[area] ?? { typicalMm: '', maxMm: '' };
              const issue = problem(row);
              const name = t(`areas.${area}`);
              const set = (key: 'typicalMm' | 'maxMm') => (value: number | string) =>
                setDraft((previous) => ({ ...previous, [area]: { ...row, [key]: typeof value === 'number' ? value : value === '' ? '' : Number(value) } }));
              return (
                <Table.Tr key={area}>
                  <Table.Th scope="row" fw={500}>
                    {name}
                  </Table.Th>
                  {(['typicalMm', 'maxMm'] as const).map((key) => (
                    <Table.Td key={key}>
                      <NumberInput
                        size="sm"
                        w={130}
                        aria-label={t(key === 'typicalMm' ? 'depths.typicalFor' : 'depths.maxFor', { area: name })}
                        suffix=" mm"
                        min={0.1}
                        max={3}
                        step={0.05}
                        decimalScale={2}
                        allowNegative={false}
                        value={row[key]}
                        onChange={set(key)}
                        error={issue !== null}
                      />
                    </Table.Td>
                  ))}
                  <Table.Td>
                    {issue ? (
                      <Text size="sm" c="var(--mantine-color-error)">
                        {t(`depths.problems.${issue}`)}
                      </Text>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              );
            })}
        </Table.Tbody>
      </Table>
    </section>
  );

  return (
    <Stack gap="lg">
      <Paper withBorder p="xl" bg="white" component="section" aria-labelledby="depths-title">
        <Stack gap="lg">
          <div>
            <Title order={2} size="h4" id="depths-title">
              {t('depths.title')}
            </Title>
            <Text size="sm" c="dimmed" mt={6} maw={720}>
              {t('depths.intro')}
            </Text>
          </div>
          <Group align="flex-start" grow gap="xl">
            {group(t('depths.face'), faceAreas, 'depths-face')}
            {group(t('depths.body'), bodyAreas, 'depths-body')}
          </Group>
        </Stack>
      </Paper>
      <ErrorAlert error={failure} />
      <SaveBar>
        <Button
          variant="default"
          disabled={changed.length === 0 || saving}
          onClick={() => depths.data && setDraft(Object.fromEntries(depths.data.map((d: AreaDepth) => [d.area, { typicalMm: d.typicalMm, maxMm: d.maxMm }])))}
        >
          {t('common.discardChanges')}
        </Button>
        <Button onClick={() => void save()} loading={saving} disabled={changed.length === 0 || invalid}>
          {t('depths.save')}
        </Button>
      </SaveBar>
    </Stack>
  );
}
