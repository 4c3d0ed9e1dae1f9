import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** The window title names the screen, so assistive tech (and the taskbar) says where you are. */
export function useScreenTitle(screen: string): void {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = t('app.windowTitle', { screen });
  }, [screen, t]);
}
