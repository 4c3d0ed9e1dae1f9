import type { z } from 'zod';
import type { Channel, Contract } from '../../shared/contract';
import type { SkinLedgerRuntime } from '../session/runtime';
import { letterheadLogo } from '../settings/letterhead-logo';
import { auditHandlers } from './audit-handlers';
import { backupHandlers } from './backup-handlers';
import { clientHandlers } from './client-handlers';
import { clientExportHandlers } from './client-export-handlers';
import { consentHandlers } from './consent-handlers';
import { photoHandlers } from './photo-handlers';
import { rekeyHandlers } from './rekey-handlers';

export interface HandlerContext {
  runtime: SkinLedgerRuntime;
}

type Handler<C extends Channel> = (
  input: z.output<Contract[C]['input']>,
  context: HandlerContext,
) => Promise<z.input<Contract[C]['output']>> | z.input<Contract[C]['output']>;

export type Handlers = { [C in Channel]: Handler<C> };

const done = { done: true } as const;

/** One handler per channel; access and input were checked by the dispatcher before these run. */
export const handlers: Handlers = {
  'app.status': (_input, { runtime }) => runtime.status(),

  'setup.create': (input, { runtime }) => runtime.setup(input),
  'setup.saveRecoveryKit': (_input, { runtime }) => runtime.saveRecoveryKit(),
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
  'session.changePassword': async (input, { runtime }) => {
    const { services, staff } = runtime.current();
    await services.staff.changeOwnPassword(staff.id, input.currentPassword, input.newPassword);
    return done;
  },

  'staff.list': (_input, { runtime }) => runtime.current().services.staff.list(),
  'staff.add': (input, { runtime }) => {
    const { services, staff } = runtime.current();
    return services.staff.add(staff.id, input);
  },
  'staff.update': (input, { runtime }) => {
    const { services, staff } = runtime.current();
    return services.staff.update(staff.id, input);
  },
  'staff.resetPassword': async (input, { runtime }) => {
    const { services, staff } = runtime.current();
    await services.staff.resetPassword(staff.id, input.id, input.newPassword);
    return done;
  },

  'settings.get': (_input, { runtime }) => runtime.current().services.settings.get(),
  'settings.update': async (input, { runtime }) => {
    const { services, staff } = runtime.current();
    const logo = input.logo ? await letterheadLogo(input.logo) : null;
    return services.settings.update(staff.id, { ...input, logo });
  },

  ...clientHandlers,
  ...backupHandlers,
  ...consentHandlers,
  ...photoHandlers,
  ...clientExportHandlers,
  ...auditHandlers,
  ...rekeyHandlers,
};
