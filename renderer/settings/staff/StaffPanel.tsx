import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffMember } from '../../../shared/staff';
import { useSession } from '../../app/session-context';
import { ErrorAlert } from '../../errors/ErrorAlert';
import { useBridgeQuery } from '../../hooks/useBridgeQuery';
import { PageLoading } from '../../shell/PageLoading';
import { AddStaffModal } from './AddStaffModal';
import { EditStaffModal } from './EditStaffModal';
import { ResetPasswordModal } from './ResetPasswordModal';
import { StaffTable } from './StaffTable';
import { notifySuccess } from '../../app/notify';

/** The staff list for admins. Anyone else who reaches it sees the main side's refusal, nothing more. */
export function StaffPanel() {
  const { t } = useTranslation();
  const { staff: self, refresh } = useSession();
  const staff = useBridgeQuery('staff.list', {});
  const settings = useBridgeQuery('settings.get', {});
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<StaffMember | null>(null);
  const [resetting, setResetting] = useState<StaffMember | null>(null);

  const done = (title: string, member: StaffMember) => {
    notifySuccess(title, member.name);
    void staff.reload();
  };

  if (staff.loading && !staff.data) return <PageLoading />;
  if (!staff.data) return <ErrorAlert error={staff.error} />;

  return (
    <Stack gap="lg">
      <Paper withBorder p="xl" bg="white" component="section" aria-labelledby="staff-title">
        <Stack gap="lg">
          <Group justify="space-between" align="flex-start">
            <div>
              <Title order={2} size="h4" id="staff-title">
                {t('staff.title')}
              </Title>
              <Text size="sm" c="dimmed" mt={6} maw={620}>
                {t('staff.intro')}
              </Text>
            </div>
            <Button leftSection={<IconUserPlus size={18} aria-hidden />} onClick={() => setAdding(true)}>
              {t('staff.add')}
            </Button>
          </Group>
          <StaffTable staff={staff.data} selfId={self.id} dateFormat={settings.data?.dateFormat ?? 'YYYY-MM-DD'} onEdit={setEditing} onResetPassword={setResetting} />
        </Stack>
      </Paper>
      <AddStaffModal
        opened={adding}
        onClose={() => setAdding(false)}
        onAdded={(member) => {
          setAdding(false);
          done(t('staff.addedTitle'), member);
        }}
      />
      <EditStaffModal
        member={editing}
        isSelf={editing?.id === self.id}
        onClose={() => setEditing(null)}
        onSaved={(member) => {
          setEditing(null);
          done(t('staff.savedTitle'), member);
          // Renaming yourself changes the header.
          if (member.id === self.id) void refresh();
        }}
      />
      <ResetPasswordModal
        member={resetting}
        onClose={() => setResetting(null)}
        onDone={(member) => {
          setResetting(null);
          done(t('staff.resetDoneTitle'), member);
        }}
      />
    </Stack>
  );
}
