import { Alert, Button, Group, Paper, Progress, Radio, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportFilePreview, ImportPlanView, ImportResultView } from '../../../shared/contract/client-import-channels';
import type { BridgeError } from '../../../shared/errors';
import { dateOrders, mappingProblems, type ColumnMapping, type ImportDateOrder } from '../../../shared/import/import-fields';
import { notifySuccess } from '../../app/notify';
import { asBridgeError } from '../../bridge/bridge-failure';
import { call } from '../../bridge/client';
import { ErrorAlert } from '../../errors/ErrorAlert';
import { useBridgeQuery } from '../../hooks/useBridgeQuery';
import { SettingsSection } from '../SettingsSection';
import { ColumnMappingTable } from './ColumnMappingTable';
import { ImportRowsTable } from './ImportRowsTable';

const dateOrderOfFormat = { 'DD/MM/YYYY': 'dmy', 'MM/DD/YYYY': 'mdy', 'YYYY-MM-DD': 'ymd' } as const;
const progressEveryMs = 300;

/**
 * Settings → Import clients (admins): choose a CSV, correct what each column becomes, check it
 * with a dry run (nothing written), then import with progress and a way to stop, and keep the
 * report of every row. The reading, matching and writing all happen in main (main/import).
 */
export function ImportClientsPanel() {
  const { t } = useTranslation();
  const settings = useBridgeQuery('settings.get', {});
  const [file, setFile] = useState<ImportFilePreview | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>([]);
  const [dateOrder, setDateOrder] = useState<ImportDateOrder | null>(null);
  const [matching, setMatching] = useState<'skip' | 'merge'>('skip');
  const [saveAs, setSaveAs] = useState('');
  const [plan, setPlan] = useState<ImportPlanView | null>(null);
  const [result, setResult] = useState<ImportResultView | null>(null);
  const [busy, setBusy] = useState<'choosing' | 'checking' | null>(null);
  const [running, setRunning] = useState<{ jobId: string; done: number; total: number } | null>(null);
  const [failure, setFailure] = useState<BridgeError | null>(null);

  const order: ImportDateOrder = dateOrder ?? dateOrderOfFormat[settings.data?.dateFormat ?? 'DD/MM/YYYY'];
  const problems = file ? mappingProblems(mapping) : [];

  const attempt = async (work: () => Promise<void>) => {
    setFailure(null);
    try {
      await work();
    } catch (error) {
      setFailure(asBridgeError(error));
    }
  };

  const choose = () =>
    attempt(async () => {
      setBusy('choosing');
      try {
        const chosen = await call('clients.import.choose', {});
        if (!chosen) return;
        setFile(chosen);
        setMapping(chosen.mapping);
        setPlan(null);
        setResult(null);
      } finally {
        setBusy(null);
      }
    });

  const changeMapping = (next: ColumnMapping) => {
    setMapping(next);
    setPlan(null);
  };

  const applySaved = (name: string | null) => (name && file ? attempt(async () => changeMapping(await call('clients.import.useMapping', { fileId: file.fileId, name }))) : undefined);

  const check = () =>
    file &&
    attempt(async () => {
      setBusy('checking');
      try {
        setPlan(await call('clients.import.plan', { fileId: file.fileId, mapping, dateOrder: order }));
      } finally {
        setBusy(null);
      }
    });

  const run = () =>
    file &&
    attempt(async () => {
      const jobId = crypto.randomUUID();
      setRunning({ jobId, done: 0, total: file.rows });
      const poll = window.setInterval(() => {
        call('clients.import.progress', { jobId })
          .then((progress) => progress && setRunning({ jobId, ...progress }))
          .catch(() => undefined);
      }, progressEveryMs);
      try {
        const done = await call('clients.import.run', { fileId: file.fileId, jobId, mapping, dateOrder: order, matching, saveMappingAs: saveAs.trim() });
        setResult(done);
        setPlan(null);
        notifySuccess(t('clientImport.doneTitle'), t('clientImport.done', done));
      } finally {
        window.clearInterval(poll);
        setRunning(null);
      }
    });

  const saveReport = () =>
    file &&
    attempt(async () => {
      const saved = await call('clients.import.saveReport', { fileId: file.fileId });
      if (saved.saved) notifySuccess(t('clientImport.saveReport'), t('clientImport.reportSaved'));
    });

  return (
    <Stack gap="lg">
      <SettingsSection title={t('clientImport.chooseTitle')} description={t('clientImport.chooseHelp')}>
        <Group>
          <Button leftSection={<IconFileImport size={18} aria-hidden />} variant={file ? 'default' : 'filled'} loading={busy === 'choosing'} disabled={running !== null} onClick={() => void choose()}>
            {file ? t('clientImport.chooseAnother') : t('clientImport.choose')}
          </Button>
        </Group>
        {file ? (
          <Text fw={600} data-testid="import-file-summary">
            {t('clientImport.fileSummary', { fileName: file.fileName, rows: file.rows, encoding: file.encoding, delimiter: t(`clientImport.delimiter.${file.delimiter}`) })}
          </Text>
        ) : null}
        <ErrorAlert error={failure} />
      </SettingsSection>

      {file ? (
        // The mapping and the rows to look at are tables: they get the section's whole width.
        <Paper withBorder p="xl" bg="white" component="section" aria-label={t('clientImport.mappingTitle')}>
          <Stack gap="lg">
            <div>
              <Title order={2} size="h4">
                {t('clientImport.mappingTitle')}
              </Title>
              <Text size="sm" c="dimmed" mt={6}>
                {t('clientImport.mappingHelp')}
              </Text>
            </div>
            {file.savedMappings.length > 0 ? <Select label={t('clientImport.savedMapping')} data={file.savedMappings} onChange={(name) => void applySaved(name)} clearable /> : null}
            <ColumnMappingTable headers={file.headers} sample={file.sample} mapping={mapping} onChange={changeMapping} />
            {problems.length > 0 ? (
              <Alert color="orange" role="alert">
                {problems.join(' ')}
              </Alert>
            ) : null}
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
              <Select
                label={t('clientImport.dateOrder')}
                data={dateOrders.map((value) => ({ value, label: t(`clientImport.dateOrders.${value}`) }))}
                value={order}
                allowDeselect={false}
                onChange={(value) => {
                  if (!value) return;
                  setDateOrder(value as ImportDateOrder);
                  setPlan(null);
                }}
              />
              <Radio.Group label={t('clientImport.matching')} value={matching} onChange={(value) => setMatching(value as 'skip' | 'merge')}>
                <Stack gap={6} mt={6}>
                  <Radio value="skip" label={t('clientImport.matchingSkip')} />
                  <Radio value="merge" label={t('clientImport.matchingMerge')} />
                </Stack>
              </Radio.Group>
            </SimpleGrid>
            <Group>
              <Button variant={plan ? 'default' : 'filled'} onClick={() => void check()} loading={busy === 'checking'} disabled={problems.length > 0 || running !== null}>
                {t('clientImport.check')}
              </Button>
            </Group>
            {plan ? (
              <Stack gap="sm">
                <Alert color={plan.counts.bad > 0 ? 'orange' : 'teal'} data-testid="import-dry-run">
                  {t('clientImport.checked', plan.counts)}
                </Alert>
                <ImportRowsTable rows={plan.attention} total={plan.counts.match + plan.counts.bad} />
                <TextInput
                  label={t('clientImport.saveMappingAs')}
                  description={t('clientImport.saveMappingHelp')}
                  value={saveAs}
                  onChange={(event) => setSaveAs(event.currentTarget.value)}
                  maxLength={80}
                />
                <Group>
                  <Button onClick={() => void run()} loading={running !== null} disabled={plan.counts.add + plan.counts.match === 0}>
                    {t('clientImport.import', { count: plan.counts.add })}
                  </Button>
                  <Button variant="subtle" onClick={() => void saveReport()}>
                    {t('clientImport.saveReport')}
                  </Button>
                </Group>
              </Stack>
            ) : null}
            {running ? (
              <Stack gap={6} data-testid="import-progress">
                <Text size="sm">{t('clientImport.importing', running)}</Text>
                <Progress value={running.total ? (100 * running.done) / running.total : 0} aria-label={t('clientImport.importing', running)} />
                <Group>
                  <Button variant="default" size="xs" onClick={() => void call('clients.import.cancel', { jobId: running.jobId })}>
                    {t('clientImport.cancel')}
                  </Button>
                </Group>
              </Stack>
            ) : null}
            {result ? (
              <Stack gap="sm">
                <Alert color="teal" data-testid="import-result">
                  {t('clientImport.done', result)}
                  {result.cancelled ? ` ${t('clientImport.stopped', result)}` : ''}
                </Alert>
                <ImportRowsTable rows={result.attention} total={result.skipped + result.merged + result.notImported} />
                <Group>
                  <Button variant="default" onClick={() => void saveReport()}>
                    {t('clientImport.saveReport')}
                  </Button>
                </Group>
              </Stack>
            ) : null}
          </Stack>
        </Paper>
      ) : null}
    </Stack>
  );
}
