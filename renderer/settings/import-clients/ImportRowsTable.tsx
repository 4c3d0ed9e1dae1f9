import { Box, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { importRowsShown, type ImportRowOutcome } from '../../../shared/contract/client-import-channels';

/** The rows that need a look: matches and rows that cannot be imported, with their line in the file. */
export function ImportRowsTable({ rows, total }: { rows: ImportRowOutcome[]; total: number }) {
  const { t } = useTranslation();
  if (rows.length === 0) return null;
  return (
    <>
      <Text fw={600}>{t('clientImport.attentionTitle')}</Text>
      {/* Focusable, so the keyboard can scroll a long list too. */}
      <Box tabIndex={0} role="region" aria-label={t('clientImport.attentionTitle')} mah={360} style={{ overflow: 'auto' }}>
        <Table striped stickyHeader verticalSpacing="xs" miw={560} aria-label={t('clientImport.attentionTitle')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={70}>{t('clientImport.line')}</Table.Th>
              <Table.Th w={170}>{t('clientImport.outcome')}</Table.Th>
              <Table.Th>{t('clientImport.name')}</Table.Th>
              <Table.Th>{t('clientImport.details')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.line}>
                <Table.Td>{row.line}</Table.Td>
                <Table.Td>{t(`clientImport.outcomes.${row.outcome}`)}</Table.Td>
                <Table.Td>{row.name}</Table.Td>
                <Table.Td>
                  <Text size="sm">{row.details.join(' ')}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Box>
      {total > importRowsShown ? (
        <Text size="sm" c="dimmed">
          {t('clientImport.attentionMore', { shown: importRowsShown })}
        </Text>
      ) : null}
    </>
  );
}
