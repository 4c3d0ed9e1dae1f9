import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconKey } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useScreenTitle } from '../app/useScreenTitle';
import { WelcomeLayout } from '../brand/WelcomeLayout';
import { ChangePasswordPanel } from '../settings/password/ChangePasswordPanel';

/**
 * Straight after signing in with a one-time password (handed over after a data key change):
 * nothing else opens until the person has chosen their own.
 */
export default function ChooseOwnPasswordScreen({ clinicName, onChanged, onSignOut }: { clinicName: string | null; onChanged: () => void; onSignOut: () => void }) {
  const { t } = useTranslation();
  useScreenTitle(t('password.mustChangeTitle'));
  return (
    <WelcomeLayout clinicName={clinicName}>
      <Stack gap="lg">
        <Group gap="sm">
          <IconKey size={30} aria-hidden color="var(--mantine-color-sage-7)" />
          <Title order={1}>{t('password.mustChangeTitle')}</Title>
        </Group>
        <Text>{t('password.mustChangeIntro')}</Text>
        <ChangePasswordPanel oneTime onChanged={onChanged} />
        <Group justify="flex-end">
          <Button variant="subtle" onClick={onSignOut}>
            {t('shell.signOut')}
          </Button>
        </Group>
      </Stack>
    </WelcomeLayout>
  );
}
