import { useTranslation } from 'react-i18next';
import { call } from '../../bridge/client';
import { CopyButtons } from '../../copies/CopyButtons';

/** The session on paper or as a PDF, as the record holds it: consent relied on and every exception included. */
export function SessionCopyButtons({ sessionId, when }: { sessionId: string; when: string }) {
  const { t } = useTranslation();
  return (
    <CopyButtons
      print={() => call('sessions.print', { id: sessionId })}
      save={() => call('sessions.savePdf', { id: sessionId })}
      printLabel={t('copies.session.printLabel', { when })}
      saveLabel={t('copies.session.saveLabel', { when })}
      printedMessage={t('copies.session.printedMessage')}
      savedMessage={t('copies.session.savedMessage')}
    />
  );
}
