import { clientFullName } from '../../shared/clients/client';
import type { ConsentTemplateDraft, TemplateVersion } from '../../shared/consents/template';
import type { Services } from '../app';
import { readChosenFile } from '../files/read-chosen-file';
import { writeChosenFile } from '../files/write-chosen-file';
import { renderAftercarePdf } from '../pdf/aftercare-pdf';
import type { DesktopPorts } from '../desktop/ports';
import { consentFileName } from './consent-service';

/** Template files are a few kilobytes; anything far larger is not one. */
const maxTemplateFileBytes = 2 * 1024 * 1024;

const pdfFilter = [{ name: 'PDF', extensions: ['pdf'] }];
const jsonFilter = [{ name: 'SkinLedger consent template', extensions: ['json'] }];

/**
 * The consent actions that go through the desktop: print dialog, save and open dialogs. The only
 * place a consent's PDF leaves the encrypted store is a path the user chose here.
 */
export class ConsentDesk {
  constructor(private readonly ports: DesktopPorts) {}

  async savePdf(services: Services, by: string, consentId: string): Promise<{ saved: boolean }> {
    const consent = services.consents.get(consentId);
    const fileName = consentFileName(services.clients.get(consent.clientId), consent.templateId, consent.signedAt);
    const path = await this.ports.chooseSavePath({ title: 'Save the signed consent as PDF', defaultName: fileName, filters: pdfFilter });
    if (!path) return { saved: false };
    const { bytes } = services.consents.pdf(by, consentId, 'save');
    writeChosenFile(path, bytes, 'The consent');
    return { saved: true };
  }

  /**
   * Sends the exact stored PDF to the print dialog, then (for a session consent) the aftercare
   * sheet as a second job. Nothing is written to disk on the way.
   */
  async print(services: Services, by: string, consentId: string, withAftercare: boolean): Promise<{ printed: boolean }> {
    const consent = services.consents.get(consentId);
    const { bytes } = services.consents.pdf(by, consentId, 'print');
    const printed = await this.ports.printPdf(bytes, `${consent.title} ${consent.signedAt.slice(0, 10)}`);
    if (!printed) return { printed: false };
    services.consents.recordPrinted(by, consentId, withAftercare);
    if (withAftercare) await this.ports.printPdf(await this.aftercareSheet(services, consent.clientId), 'Aftercare');
    return { printed: true };
  }

  /** The aftercare sheet on its own (from the session form), printed and audited as a read of the client's name. */
  async printAftercare(services: Services, by: string, clientId: string): Promise<{ printed: boolean }> {
    const sheet = await this.aftercareSheet(services, clientId);
    const printed = await this.ports.printPdf(sheet, 'Aftercare');
    if (printed) services.audit.append({ staffId: by, action: 'aftercare.print', entity: 'client', entityId: clientId, detail: '' });
    return { printed };
  }

  private aftercareSheet(services: Services, clientId: string): Promise<Buffer> {
    const settings = services.settings.get();
    const client = services.clients.get(clientId);
    return renderAftercarePdf({
      clinicName: settings.clinicName,
      clinicPhone: settings.clinicPhone,
      clientName: clientFullName(client),
      paperSize: settings.paperSize,
      createdAt: services.clock.now(),
    });
  }

  async exportTemplate(services: Services, by: string, templateId: string, version: TemplateVersion | null): Promise<{ saved: boolean }> {
    const template = services.consentTemplates.get(templateId, version);
    const path = await this.ports.chooseSavePath({
      title: 'Export the consent template',
      defaultName: `${template.content.id}-v${template.version.major}.${template.version.minor}.json`,
      filters: jsonFilter,
    });
    if (!path) return { saved: false };
    const file = services.consentTemplates.exportFile(by, templateId, version);
    writeChosenFile(path, file.text, 'The template');
    return { saved: true };
  }

  async importTemplate(services: Services, by: string): Promise<{ draft: ConsentTemplateDraft | null }> {
    const path = await this.ports.chooseOpenPath({ title: 'Import a consent template', filters: jsonFilter });
    if (!path) return { draft: null };
    const text = readChosenFile(path, maxTemplateFileBytes, 'That template file').toString('utf8');
    return { draft: services.consentTemplates.importFile(by, text) };
  }
}
