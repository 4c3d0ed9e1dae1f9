import { Badge, Button, Group, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconFileExport, IconFileImport, IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TemplateSummary } from '../../../shared/contract/consent-channels';
import type { ConsentTemplateDraft } from '../../../shared/consents/template';
import { versionLabel } from '../../../shared/consents/template';
import type { BridgeError } from '../../../shared/errors';
import { notifySuccess } from '../../app/notify';
import { asBridgeError } from '../../bridge/bridge-failure';
import { call } from '../../bridge/client';
import { ErrorAlert } from '../../errors/ErrorAlert';
import { useBridgeQuery } from '../../hooks/useBridgeQuery';
import { useDates } from '../../hooks/useDates';
import { PageLoading } from '../../shell/PageLoading';

/** The clinic's consent templates with their latest version; edit one, export it, or import a file. */
export function TemplateList({ onEdit }: { onEdit: (draft: ConsentTemplateDraft, imported: boolean) => void }) {
  const { t } = useTranslation();
  const dates = useDates();
  const templates = useBridgeQuery('consentTemplates.list', {});
  const [failure, setFailure] = useState<BridgeError | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const run = async (id: string, action: () => Promise<void>) => {
    setBusy(id);
    setFailure(null);
    try {
      await action();
    } catch (error) {
      setFailure(asBridgeError(error));
    } finally {
      setBusy(null);
    }
  };
  const edit = (summary: TemplateSummary) =>
    run(`edit:${summary.id}`, async () => {
      const template = await call('consentTemplates.get', { templateId: summary.id, version: null });
      onEdit(template.content, false);
    });
  const exportJson = (summary: TemplateSummary) =>
    run(`export:${summary.id}`, async () => {
      const { saved } = await call('consentTemplates.exportJson', { templateId: summary.id, version: null });
      if (saved) notifySuccess(t('consents.templates.exportedTitle'), t('consents.templates.exported', { title: summary.title }));
    });
  const importJson = () =>
    run('import', async () => {
      const { draft } = await call('consentTemplates.importJson', {});
      if (draft) onEdit(draft, true);
    });

  if (templates.loading && !templates.data) return <PageLoading />;
  return (
    <Paper withBorder p="xl" bg="white" component="section" aria-labelledby="consent-templates-title">
      <Group justify="space-between" mb="md">
        <div>
          <Title order={2} size="h4" id="consent-templates-title">
            {t('consents.templates.listTitle')}
          </Title>
          <Text size="sm" c="dimmed" mt={4}>
            {t('consents.templates.listHint')}
          </Text>
        </div>
        <Button variant="default" leftSection={<IconFileImport size={18} aria-hidden />} onClick={() => void importJson()} loading={busy === 'import'}>
          {t('consents.templates.import')}
        </Button>
      </Group>
      <ErrorAlert error={failure ?? templates.error} />
      <Table verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('consents.templates.columns.title')}</Table.Th>
            <Table.Th>{t('consents.templates.columns.version')}</Table.Th>
            <Table.Th>{t('consents.templates.columns.published')}</Table.Th>
            <Table.Th>
              <VisuallyHidden>{t('consents.templates.columns.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(templates.data ?? []).map((summary) => {
            const latest = summary.versions[0];
            return (
              <Table.Tr key={summary.id}>
                <Table.Td>
                  <Stack gap={2}>
                    <Text fw={600}>{summary.title}</Text>
                    <Group gap={6}>
                      <Badge variant="light" color="gray" size="sm">
                        {t(`consents.kinds.${summary.kind}`)}
                      </Badge>
                      {summary.builtIn ? (
                        <Badge variant="light" color="sage" size="sm">
                          {t('consents.templates.builtIn')}
                        </Badge>
                      ) : null}
                    </Group>
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <Text>{versionLabel(summary.latest)}</Text>
                  <Text size="xs" c="dimmed">
                    {t('consents.templates.versionCount', { count: summary.versions.length })}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {latest ? (
                    <Text size="sm">{t('consents.templates.publishedBy', { date: dates.dayOf(latest.publishedAt), name: latest.publishedByName })}</Text>
                  ) : (
                    <Text size="sm">{t('consents.templates.notPublished')}</Text>
                  )}
                  {latest?.note ? (
                    <Text size="xs" c="dimmed" maw={420}>
                      {t('consents.templates.versionNote', { version: versionLabel(latest.version), note: latest.note })}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" justify="flex-end" wrap="nowrap">
                    <Button
                      size="sm"
                      variant="default"
                      leftSection={<IconPencil size={16} aria-hidden />}
                      onClick={() => void edit(summary)}
                      loading={busy === `edit:${summary.id}`}
                      aria-label={t('consents.templates.editNamed', { title: summary.title })}
                    >
                      {t('consents.templates.edit')}
                    </Button>
                    <Button
                      size="sm"
                      variant="subtle"
                      leftSection={<IconFileExport size={16} aria-hidden />}
                      onClick={() => void exportJson(summary)}
                      loading={busy === `export:${summary.id}`}
                      aria-label={t('consents.templates.exportNamed', { title: summary.title })}
                    >
                      {t('consents.templates.export')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
