import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import classes from './RecoveryKeyText.module.css';

/**
 * The key in large, grouped monospace, so it can be copied onto paper without losing your place.
 * The text content is exactly the key as SkinLedger will ask for it (groups joined by "-").
 */
export function RecoveryKeyText({ recoveryKey }: { recoveryKey: string }) {
  const { t } = useTranslation();
  const groups = recoveryKey.split('-');
  return (
    <div className={classes.key} role="group" aria-label={t('recovery.keyLabel')} data-testid="recovery-key">
      {groups.map((group, index) => (
        <Fragment key={index}>
          {index > 0 ? <span className={classes.dash}>-</span> : null}
          <span className={classes.group}>{group}</span>
        </Fragment>
      ))}
    </div>
  );
}
