import { Button, Group, Stack } from '@mantine/core';
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
    <WelcomeLayout clinicName={clinicName} wide>
      <Stack gap="lg">
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
