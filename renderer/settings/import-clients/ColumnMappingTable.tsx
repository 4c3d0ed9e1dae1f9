import { Select, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { importFields, type ColumnMapping, type ImportField } from '../../../shared/import/import-fields';

/** One line per column of the file: its header, its first values, and the field it becomes. */
export function ColumnMappingTable({ headers, sample, mapping, onChange }: { headers: string[]; sample: string[][]; mapping: ColumnMapping; onChange: (mapping: ColumnMapping) => void }) {
  const { t } = useTranslation();
  const options = importFields.map((field) => ({ value: field, label: t(`clientImport.fields.${field}`) }));
  return (
    <Table.ScrollContainer minWidth={600}>
      <Table striped stickyHeader verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('clientImport.column')}</Table.Th>
            <Table.Th>{t('clientImport.examples')}</Table.Th>
            <Table.Th w={240}>{t('clientImport.field')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {headers.map((header, index) => (
            <Table.Tr key={`${index}-${header}`}>
              <Table.Td fw={600}>{header || `(${index + 1})`}</Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed" lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
                  {sample
                    .map((row) => row[index] ?? '')
                    .filter(Boolean)
                    .slice(0, 3)
                    .join(' · ')}
                </Text>
              </Table.Td>
              <Table.Td>
                <Select
                  aria-label={t('clientImport.fieldFor', { header: header || String(index + 1) })}
                  data={options}
                  value={mapping[index] ?? 'ignore'}
                  allowDeselect={false}
                  onChange={(value) => value && onChange(mapping.map((field, at) => (at === index ? (value as ImportField) : field)))}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
