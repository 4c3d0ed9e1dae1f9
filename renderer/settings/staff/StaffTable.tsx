import { Button, Group, Stack, Table, Text } from '@mantine/core';
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
    // No sideways scrolling at 1366×768: the two actions stack in their column instead.
    <Table.ScrollContainer minWidth={600}>
      <Table verticalSpacing="md" horizontalSpacing="xs" highlightOnHover aria-label={t('staff.tableLabel')} className={classes.table}>
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
                <Group gap={4} wrap="wrap">
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
                <Stack gap={4} align="flex-start">
                  <Button size="compact-sm" variant="subtle" aria-label={t('staff.editFor', { name: member.name })} onClick={() => onEdit(member)}>
                    {t('staff.edit')}
                  </Button>
                  <Button size="compact-sm" variant="subtle" aria-label={t('staff.resetFor', { name: member.name })} onClick={() => onResetPassword(member)}>
                    {t('staff.resetPassword')}
                  </Button>
                </Stack>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
