import type { z } from 'zod';
import type { consentChannels } from '../../shared/contract/consent-channels';
import { exportClientRecord } from '../client-export/export-client';
import { ConsentDesk } from '../consents/consent-desk';
import { exportClientPhotos } from '../photos/export-client-photos';
import type { SkinLedgerRuntime } from '../session/runtime';
import { StoreError } from '../store/store-error';
import type { HandlerContext } from './handlers';

type Channels = typeof consentChannels;
type Handler<C extends keyof Channels> = (
  input: z.output<Channels[C]['input']>,
  context: HandlerContext,
) => Promise<z.input<Channels[C]['output']>> | z.input<Channels[C]['output']>;

function desk(runtime: SkinLedgerRuntime): { desk: ConsentDesk; staffId: string } {
  const { services, staff } = runtime.current();
  return { desk: new ConsentDesk(services, runtime.desktopPorts()), staffId: staff.id };
}

/** Consent templates, signing, signed PDFs (issue #4); the dispatcher already checked role and input. */
export const consentHandlers: { [C in keyof Channels]: Handler<C> } = {
  'consentTemplates.list': (_input, { runtime }) => runtime.current().services.consentTemplates.list(),
  'consentTemplates.get': (input, { runtime }) => runtime.current().services.consentTemplates.get(input.templateId, input.version),
  'consentTemplates.publish': (input, { runtime }) => {
    const { services, staff } = runtime.current();
    return services.consentTemplates.publish(staff.id, input.template, input.change);
  },
  'consentTemplates.exportJson': (input, { runtime }) => {
    const { desk: consentDesk, staffId } = desk(runtime);
    return consentDesk.exportTemplate(staffId, input.templateId, input.version);
  },
  'consentTemplates.importJson': (_input, { runtime }) => {
    const { desk: consentDesk, staffId } = desk(runtime);
    return consentDesk.importTemplate(staffId);
  },

  'consents.status': (input, { runtime }) => runtime.current().services.consents.status(input.clientId),
  'consents.listForClient': (input, { runtime }) => {
    const { services, staff } = runtime.current();
    return services.consents.listForClient(staff.id, input.clientId);
  },
  'consents.sign': (input, { runtime }) => {
    const { services, staff } = runtime.current();
    return services.consents.sign(staff.id, input.clientId, input.sessionId, input.form);
  },
  'consents.withdraw': (input, { runtime }) => {
    const { services, staff } = runtime.current();
    return services.consents.withdraw(staff.id, input.consentId, input.parts, input.note);
  },
  'consents.pdf': (input, { runtime }) => {
    const { services, staff } = runtime.current();
    return services.consents.pdf(staff.id, input.consentId, 'open');
  },
  'consents.print': (input, { runtime }) => {
    const { desk: consentDesk, staffId } = desk(runtime);
    return consentDesk.print(staffId, input.consentId, input.withAftercare);
  },
  'consents.printAftercare': (input, { runtime }) => {
    const { desk: consentDesk, staffId } = desk(runtime);
    return consentDesk.printAftercare(staffId, input.clientId);
  },
  'consents.savePdf': (input, { runtime }) => {
    const { desk: consentDesk, staffId } = desk(runtime);
    return consentDesk.savePdf(staffId, input.consentId);
  },
  'consents.exportClient': async (input, { runtime }) => {
    const { services, staff } = runtime.current();
    services.clients.get(input.clientId);
    const chooseFolder = runtime.desktopPorts().chooseFolder;
    if (!chooseFolder) throw new StoreError('CONFLICT', 'Choosing a folder is not available here.');
    const folder = await chooseFolder({ title: 'Choose an empty folder for the client’s record' });
    if (!folder) return { saved: false, files: 0 };
    const result = await exportClientRecord({ services, by: staff.id, clientId: input.clientId, folder, photos: exportClientPhotos });
    return { saved: true, files: result.files };
  },
  'consents.settings.get': (_input, { runtime }) => runtime.current().services.consents.settings(),
  'consents.settings.update': (input, { runtime }) => {
    const { services, staff } = runtime.current();
    return services.consents.updateSettings(staff.id, input);
  },
};
