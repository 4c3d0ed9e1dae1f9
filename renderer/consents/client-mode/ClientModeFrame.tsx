import { Button, Group, Progress, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconArrowRight, IconLock } from '@tabler/icons-react';
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import classes from './ClientModeFrame.module.css';

export interface ClientModeFrameProps {
  /** The form's title, always on show so the client knows what they are signing. */
  formTitle: string;
  step: number;
  steps: number;
  stepTitle: string;
  children: ReactNode;
  onBack: (() => void) | null;
  onNext: () => void;
  nextLabel: string;
  busy?: boolean;
  /** "Hand back to staff": asks for the staff password. */
  onHandBack: () => void;
}

/**
 * The full-window frame the client sees: the form's title, a progress bar, one step in large
 * text, and Back / Next. No header, no navigation, no search; the only way out is the staff
 * button, which asks for a password. Each new step moves focus to its heading, so a screen
 * reader and a keyboard start at the top of what changed.
 */
export function ClientModeFrame({ formTitle, step, steps, stepTitle, children, onBack, onNext, nextLabel, busy, onHandBack }: ClientModeFrameProps) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement | null>(null);
  const bodyRef = useRef<HTMLDivElement | null>(null);
  useEffect(() => {
    bodyRef.current?.scrollTo(0, 0);
    headingRef.current?.focus();
  }, [step]);

  return (
    <div className={classes.frame} data-client-mode>
      <header className={classes.top}>
        <Group justify="space-between" wrap="nowrap" mb={8}>
          <Text fw={600} size="lg" truncate>
            {formTitle}
          </Text>
          <Button variant="subtle" color="gray" size="sm" leftSection={<IconLock size={16} aria-hidden />} onClick={onHandBack}>
            {t('consents.clientMode.handBack')}
          </Button>
        </Group>
        <Progress value={((step + 1) / steps) * 100} size="md" radius="xl" aria-label={t('consents.clientMode.progress', { step: step + 1, steps })} transitionDuration={0} />
        <Text size="sm" c="dimmed" mt={4} aria-hidden>
          {t('consents.clientMode.progress', { step: step + 1, steps })}
        </Text>
      </header>
      <main className={classes.body} ref={bodyRef}>
        <div className={classes.sheet}>
          <Title order={1} mb="md" tabIndex={-1} ref={headingRef} style={{ outline: 'none' }}>
            {stepTitle}
          </Title>
          {children}
        </div>
      </main>
      <footer className={classes.bottom}>
        <Group justify="space-between" className={classes.bottomInner}>
          {onBack ? (
            <Button variant="default" size="lg" leftSection={<IconArrowLeft size={20} aria-hidden />} onClick={onBack} disabled={busy}>
              {t('common.back')}
            </Button>
          ) : (
            <span />
          )}
          <Button size="lg" rightSection={<IconArrowRight size={20} aria-hidden />} onClick={onNext} loading={busy}>
            {nextLabel}
          </Button>
        </Group>
      </footer>
    </div>
  );
}
