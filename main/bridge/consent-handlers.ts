import type { consentChannels } from '../../shared/contract/consent-channels';
import { signedIn, type HandlersFor } from './handler';

/** Consent templates, signing, signed PDFs; the dispatcher already checked role and input. */
export const consentHandlers: HandlersFor<keyof typeof consentChannels> = {
  'consentTemplates.list': signedIn((_input, { services }) => services.consentTemplates.list()),
  'consentTemplates.get': signedIn((input, { services }) => services.consentTemplates.get(input.templateId, input.version)),
  'consentTemplates.publish': signedIn((input, { services, staff }) => services.consentTemplates.publish(staff.id, input.template, input.change)),
  'consentTemplates.exportJson': signedIn((input, { services, staff, desktop }) => desktop.consents.exportTemplate(services, staff.id, input.templateId, input.version)),
  'consentTemplates.importJson': signedIn((_input, { services, staff, desktop }) => desktop.consents.importTemplate(services, staff.id)),

  'consents.status': signedIn((input, { services }) => services.consents.status(input.clientId)),
  'consents.listForClient': signedIn((input, { services, staff }) => services.consents.listForClient(staff.id, input.clientId)),
  'consents.sign': signedIn((input, { services, staff }) => services.consents.sign(staff.id, input.clientId, input.sessionId, input.form)),
  'consents.withdraw': signedIn((input, { services, staff }) => services.consents.withdraw(staff.id, input.consentId, input.parts, input.note)),
  'consents.pdf': signedIn((input, { services, staff }) => services.consents.pdf(staff.id, input.consentId, 'open')),
  'consents.print': signedIn((input, { services, staff, desktop }) => desktop.consents.print(services, staff.id, input.consentId, input.withAftercare)),
  'consents.printAftercare': signedIn((input, { services, staff, desktop }) => desktop.consents.printAftercare(services, staff.id, input.clientId)),
  'consents.savePdf': signedIn((input, { services, staff, desktop }) => desktop.consents.savePdf(services, staff.id, input.consentId)),
  'consents.settings.get': signedIn((_input, { services }) => services.consents.settings()),
  'consents.settings.update': signedIn((input, { services, staff }) => services.consents.updateSettings(staff.id, input)),
};
