import { Alert, List, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { SessionBasis, SessionException } from '../../../shared/clinical/exceptions';
import { useDates, type Dates } from '../../hooks/useDates';
import { expiryText } from './ExpiryField';

/** A screening override counts as "history incomplete" when that is what it covered. */
function kindLabel(t: TFunction, exception: SessionException): string {
  if (exception.kind === 'screening-override' && exception.stops.length > 0 && exception.stops.every((stop) => stop.rule === 'history-incomplete')) {
    return t('sessionBasis.details.kinds.history-incomplete');
  }
  return t(`sessionBasis.details.kinds.${exception.kind}`);
}

function ruleText(t: TFunction, stop: { rule: string; summary: string }): string {
  return t(`screening.rules.${stop.rule}` as 'screening.rules.sunburn', { defaultValue: stop.summary });
}

export function exceptionDetail(t: TFunction, dates: Dates, exception: SessionException): string {
  const when = dates.dateTime(exception.at);
  switch (exception.kind) {
    case 'screening-override':
      return t('sessionBasis.details.screening', { stops: exception.stops.map((stop) => ruleText(t, stop)).join('; '), name: exception.byName, when, reason: exception.reason });
    case 'no-consent':
      return t('sessionBasis.details.noConsent', {
        state: t(`sessionBasis.details.consentStates.${exception.consentState}` as 'sessionBasis.details.consentStates.needed', { defaultValue: exception.consentState }),
        name: exception.byName,
        when,
        reason: exception.reason,
      });
    case 'depth-above-max':
      return t('sessionBasis.details.depth', { area: t(`areas.${exception.area}`), depth: exception.depthMm, max: exception.maxMm, name: exception.byName, when });
    case 'expired-lot':
      return t('sessionBasis.details.lot', {
        kind: t(`sessionBasis.details.lotKinds.${exception.lotKind}`),
        name: exception.name,
        lot: exception.lot,
        expiry: expiryText(exception.expiry, dates),
        name2: exception.byName,
        when,
        reason: exception.reason,
      });
  }
}

/** The consent the session relied on and every exception it was done under, as the record shows them. */
export function SessionExceptions({ basis, id }: { basis: SessionBasis | null; id: string }) {
  const { t } = useTranslation();
  const dates = useDates();
  const consent = basis?.consent ?? null;
  const exceptions = basis?.exceptions ?? [];
  return (
    <Stack gap="sm">
      <Stack gap={2} component="section" aria-labelledby={`consent-${id}`}>
        <Title order={3} size="h5" id={`consent-${id}`}>
          {t('sessionBasis.details.consentTitle')}
        </Title>
        <Text size="sm">
          {!basis
            ? t('sessionBasis.details.consentNotRecorded')
            : consent
              ? t('sessionBasis.details.consent', { version: `${consent.version.major}.${consent.version.minor}`, signed: dates.dateTime(consent.signedAt), until: dates.day(consent.validUntil) })
              : t('sessionBasis.details.consentNone')}
        </Text>
      </Stack>
      {exceptions.length > 0 ? (
        <Alert
          color="red"
          variant="light"
          icon={<IconAlertTriangle aria-hidden />}
          title={t('sessionBasis.details.exceptionsTitle')}
          role="region"
          aria-label={t('sessionBasis.details.exceptionsTitle')}
        >
          <List size="sm" spacing={6}>
            {exceptions.map((exception, index) => (
              <List.Item key={index}>
                <Text size="sm" fw={600} span>
                  {kindLabel(t, exception)}
                </Text>
                {': '}
                {exceptionDetail(t, dates, exception)}
              </List.Item>
            ))}
          </List>
        </Alert>
      ) : basis ? (
        <Text size="sm" c="dimmed">
          {t('sessionBasis.details.exceptionsTitle')}: {t('sessionBasis.details.exceptionsNone')}
        </Text>
      ) : null}
    </Stack>
  );
}
