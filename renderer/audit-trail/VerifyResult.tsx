import { Alert } from '@mantine/core';
import { IconAlertTriangle, IconShieldCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { AuditVerificationView } from '../../shared/contract/audit-channels';

/** What "Verify trail" found: intact, or the first row where it is not and what to do. */
export function VerifyResult({ result }: { result: AuditVerificationView }) {
  const { t } = useTranslation();
  if (result.ok) {
    return (
      <Alert color="sage" variant="light" icon={<IconShieldCheck aria-hidden />} title={t('auditTrail.verifyOk')} role="status">
        {t('auditTrail.verifyOkText', { count: result.rows })}
        {result.anchoredSeq !== null ? ` ${t('auditTrail.verifyAnchored', { seq: result.anchoredSeq })}` : null}
      </Alert>
    );
  }
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} title={t('auditTrail.verifyBroken', { seq: result.firstBrokenSeq ?? 0 })}>
      {result.problem ? `${t(`auditTrail.problems.${result.problem}`)} ` : null}
      {t('auditTrail.verifyBrokenText', { summary: result.summary })}
    </Alert>
  );
}
