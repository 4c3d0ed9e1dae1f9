import type { Channel } from '../../shared/contract';
import { letterheadLogo } from '../settings/letterhead-logo';
import { auditHandlers } from './audit-handlers';
import { backupHandlers } from './backup-handlers';
import { clientHandlers } from './client-handlers';
import { clientExportHandlers } from './client-export-handlers';
import { clientImportHandlers } from './client-import-handlers';
import { consentHandlers } from './consent-handlers';
import { diaryHandlers } from './diary-handlers';
import { copiesHandlers } from './copies-handlers';
import { signedIn, type HandlersFor } from './handler';
import { photoHandlers } from './photo-handlers';
import { rekeyHandlers } from './rekey-handlers';
import { stockHandlers } from './stock-handlers';

export type Handlers = HandlersFor<Channel>;

const done = { done: true } as const;

/** One handler per channel; access and input were checked by the dispatcher before these run. */
export const handlers: Handlers = {
  'app.status': (_input, { runtime }) => runtime.status(),

  'setup.create': (input, { runtime }) => runtime.setup(input),
  'setup.saveRecoveryKit': (_input, { desktop }) => desktop.saveRecoveryKit(),
  'setup.acknowledgeRecoveryKey': (_input, { runtime }) => {
    runtime.acknowledgeRecoveryKey();
    return done;
  },

  'session.login': (input, { runtime }) => runtime.login(input.name, input.password),
  'session.unlock': (input, { runtime }) => runtime.unlock(input.password),
  'session.lock': (input, { runtime }) => {
    runtime.lock(input.reason ?? 'button');
    return done;
  },
  'session.signOut': (_input, { runtime }) => {
    runtime.signOut();
    return done;
  },
  'session.changePassword': signedIn(async (input, { services, staff }) => {
    await services.staff.changeOwnPassword(staff.id, input.currentPassword, input.newPassword);
    return done;
  }),

  'staff.list': signedIn((_input, { services }) => services.staff.list()),
  'staff.add': signedIn((input, { services, staff }) => services.staff.add(staff.id, input)),
  'staff.update': signedIn((input, { services, staff }) => services.staff.update(staff.id, input)),
  'staff.resetPassword': signedIn(async (input, { services, staff }) => {
    await services.staff.resetPassword(staff.id, input.id, input.newPassword);
    return done;
  }),

  'settings.get': signedIn((_input, { services }) => services.settings.get()),
  'settings.update': signedIn(async (input, { services, staff }) => {
    const logo = input.logo ? await letterheadLogo(input.logo) : null;
    return services.settings.update(staff.id, { ...input, logo });
  }),

  ...clientHandlers,
  ...backupHandlers,
  ...consentHandlers,
  ...photoHandlers,
  ...clientExportHandlers,
  ...copiesHandlers,
  ...auditHandlers,
  ...rekeyHandlers,
  ...clientImportHandlers,
  ...stockHandlers,
  ...diaryHandlers,
};
