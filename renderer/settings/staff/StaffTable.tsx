import { Button, Group, Table, Text } from '@mantine/core';
import { IconKey, IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { DateFormat } from '../../i18n/format';
import { formatDate } from '../../i18n/format';
import type { StaffMember } from '../../../shared/staff';
import classes from './StaffTable.module.css';

/** Everyone who can sign in (and those who no longer can), with the two things an admin does to them. */
export function StaffTable({
  staff,
  selfId,
  dateFormat,
  onEdit,
  onResetPassword,
}: {
  staff: StaffMember[];
  selfId: string;
  dateFormat: DateFormat;
  onEdit: (member: StaffMember) => void;
  onResetPassword: (member: StaffMember) => void;
}) {
  const { t, i18n } = useTranslation();
  const date = (value: string | null) => (value ? formatDate(value, dateFormat, i18n.language) : t('staff.never'));

  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing="md" horizontalSpacing="sm" highlightOnHover aria-label={t('staff.tableLabel')} className={classes.table}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('staff.name')}</Table.Th>
            <Table.Th scope="col">{t('staff.role')}</Table.Th>
            <Table.Th scope="col">{t('staff.status')}</Table.Th>
            <Table.Th scope="col">{t('staff.added')}</Table.Th>
            <Table.Th scope="col">{t('staff.passwordChanged')}</Table.Th>
            <Table.Th scope="col">
              <span className="sl-sr-only">{t('staff.actions')}</span>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {staff.map((member) => (
            <Table.Tr key={member.id}>
              <Table.Th scope="row" fw={600}>
                <Group gap="xs" wrap="nowrap">
                  <Text inherit>{member.name}</Text>
                  {member.id === selfId ? (
                    <Text inherit fw={400} c="dimmed">
                      {t('staff.you')}
                    </Text>
                  ) : null}
                </Group>
              </Table.Th>
              <Table.Td>{t(`roles.${member.role}.name`)}</Table.Td>
              <Table.Td>
                <Group gap={8} wrap="nowrap">
                  <span className={member.active ? classes.dotActive : classes.dotInactive} aria-hidden />
                  <Text inherit>{member.active ? t('staff.activeBadge') : t('staff.inactiveBadge')}</Text>
                </Group>
              </Table.Td>
              <Table.Td>{date(member.createdAt)}</Table.Td>
              <Table.Td>{date(member.passwordChangedAt)}</Table.Td>
              <Table.Td>
                <Group gap="xs" justify="flex-end" wrap="nowrap">
                  <Button
                    size="compact-md"
                    variant="subtle"
                    leftSection={<IconPencil size={16} aria-hidden />}
                    aria-label={t('staff.editFor', { name: member.name })}
                    onClick={() => onEdit(member)}
                  >
                    {t('staff.edit')}
                  </Button>
                  <Button
                    size="compact-md"
                    variant="subtle"
                    leftSection={<IconKey size={16} aria-hidden />}
                    aria-label={t('staff.resetFor', { name: member.name })}
                    onClick={() => onResetPassword(member)}
                  >
                    {t('staff.resetPassword')}
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
