import { Button, Group, Paper, Progress, SimpleGrid, Stack, Text, ThemeIcon, Title, VisuallyHidden } from '@mantine/core';
import { IconCircleCheck, IconCircleDashed } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ClinicSettings } from '../../shared/settings';
import type { StaffMember } from '../../shared/staff';
import { useNavigation, type SettingsTab } from '../shell/navigation';
import classes from './GettingStartedCard.module.css';

interface Step {
  id: 'created' | 'recoveryKey' | 'staff' | 'details' | 'backups';
  done: boolean;
  tab?: SettingsTab;
}

/** For the admin, until the clinic is fully set up: what is done and what is left, from real data. */
export function GettingStartedCard({ settings, staff, backupsConfigured }: { settings: ClinicSettings; staff: StaffMember[]; backupsConfigured: boolean }) {
  const { t } = useTranslation();
  const { go } = useNavigation();
  const steps: Step[] = [
    { id: 'created', done: true },
    { id: 'recoveryKey', done: true },
    { id: 'staff', done: staff.filter((member) => member.active).length > 1, tab: 'staff' },
    { id: 'details', done: settings.clinicPhone !== '' && settings.logo !== null, tab: 'clinic' },
    // Nothing is backed up until a folder is chosen: part of setting up, not an afterthought.
    { id: 'backups', done: backupsConfigured, tab: 'backups' },
  ];
  const doneCount = steps.filter((step) => step.done).length;
  if (doneCount === steps.length) return null;

  return (
    <Paper withBorder p="lg" bg="white" component="section" aria-labelledby="getting-started-title">
      <Stack gap="md">
        <Group justify="space-between" wrap="nowrap">
          <Title order={2} size="h4" id="getting-started-title">
            {t('home.start.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('home.start.progress', { done: doneCount, total: steps.length })}
          </Text>
        </Group>
        <Progress value={(doneCount / steps.length) * 100} color="sage" size="sm" aria-label={t('home.start.progressLabel')} />
        <SimpleGrid cols={2} spacing="lg" verticalSpacing="sm" component="ul" className={classes.steps}>
          {steps.map((step) => (
            <li key={step.id} className={classes.step}>
              <ThemeIcon color={step.done ? 'sage' : 'gray'} variant={step.done ? 'filled' : 'light'} size={26} radius="xl" aria-hidden>
                {step.done ? <IconCircleCheck size={18} /> : <IconCircleDashed size={18} />}
              </ThemeIcon>
              <Group gap="md" wrap="nowrap" className={classes.stepBody}>
                <Text c={step.done ? 'dimmed' : undefined} className={classes.stepText}>
                  {t(`home.start.steps.${step.id}`)}
                  {step.done ? <VisuallyHidden>{` — ${t('home.start.done')}`}</VisuallyHidden> : null}
                </Text>
                {!step.done && step.tab ? (
                  <Button size="compact-sm" variant="subtle" className={classes.stepAction} onClick={() => go({ page: 'settings', settingsTab: step.tab })}>
                    {t(`home.start.actions.${step.id as 'staff' | 'details' | 'backups'}`)}
                  </Button>
                ) : null}
              </Group>
            </li>
          ))}
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}
