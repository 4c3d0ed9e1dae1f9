import { notifications } from '@mantine/notifications';
import { i18n } from '../i18n';

/**
 * A short confirmation in the corner ("Staff member added"). The close button gets a name, which
 * Mantine leaves out. Notifications never carry client data: the lock clears them anyway.
 */
export function notifySuccess(title: string, message: string): void {
  notifications.show({
    color: 'sage',
    title,
    message,
    autoClose: 4000,
    closeButtonProps: { 'aria-label': i18n.t('common.closeNotification') },
  });
}
