import { useTranslation } from 'react-i18next';
import { call } from '../../bridge/client';
import { CopyButtons } from '../../copies/CopyButtons';

/** One answer set printed or saved as PDF: unanswered questions print as unanswered, never as "No". */
export function HistoryCopyButtons({ clientId, entryId, when }: { clientId: string; entryId: string; when: string }) {
  const { t } = useTranslation();
  return (
    <CopyButtons
      print={() => call('medicalHistory.print', { clientId, entryId })}
      save={() => call('medicalHistory.savePdf', { clientId, entryId })}
      printLabel={t('copies.history.printLabel', { when })}
      saveLabel={t('copies.history.saveLabel', { when })}
      printedMessage={t('copies.history.printedMessage')}
      savedMessage={t('copies.history.savedMessage')}
    />
  );
}
