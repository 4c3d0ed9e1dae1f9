import { writeFileSync } from 'node:fs';
import type { ConsentTemplateDraft, TemplateVersion } from '../../shared/consents/template';
import type { Services } from '../app';
import { readChosenFile } from '../files/read-chosen-file';
import { renderAftercarePdf } from '../pdf/aftercare-pdf';
import type { DesktopPorts } from '../session/ports';
import { StoreError } from '../store/store-error';
import { clientFullName, consentFileName } from './consent-service';

/** Template files are a few kilobytes; anything far larger is not one. */
const maxTemplateFileBytes = 2 * 1024 * 1024;

const pdfFilter = [{ name: 'PDF', extensions: ['pdf'] }];
const jsonFilter = [{ name: 'SkinLedger consent template', extensions: ['json'] }];

function writeChosenFile(path: string, bytes: Uint8Array | string, what: string): void {
  try {
    writeFileSync(path, bytes, { mode: 0o600 });
  } catch (error) {
    throw new StoreError('SAVE_FAILED', `${what} could not be saved there (the drive may be full, read-only or removed). Choose another place.`, { cause: error });
  }
}

/**
 * The consent actions that go through the desktop: print dialog, save and open dialogs. The only
 * place a consent's PDF leaves the encrypted store is a path the user chose here.
 */
export class ConsentDesk {
  constructor(
    private readonly services: Services,
    private readonly ports: DesktopPorts,
  ) {}

  async savePdf(by: string, consentId: string): Promise<{ saved: boolean }> {
    const consent = this.services.consents.get(consentId);
    const fileName = consentFileName(this.services.clients.get(consent.clientId), consent.templateId, consent.signedAt);
    const path = await this.ports.chooseSavePath({ title: 'Save the signed consent as PDF', defaultName: fileName, filters: pdfFilter });
    if (!path) return { saved: false };
    const { bytes } = this.services.consents.pdf(by, consentId, 'save');
    writeChosenFile(path, bytes, 'The consent');
    return { saved: true };
  }

  /**
   * Sends the exact stored PDF to the print dialog, then (for a session consent) the aftercare
   * sheet as a second job. Nothing is written to disk on the way.
   */
  async print(by: string, consentId: string, withAftercare: boolean): Promise<{ printed: boolean }> {
    const printPdf = this.ports.printPdf;
    if (!printPdf) throw new StoreError('CONFLICT', 'Printing is not available here. Use "Save as PDF…" and print the file.');
    const consent = this.services.consents.get(consentId);
    const { bytes } = this.services.consents.pdf(by, consentId, 'print');
    const printed = await printPdf(bytes, `${consent.title} ${consent.signedAt.slice(0, 10)}`);
    if (!printed) return { printed: false };
    this.services.consents.recordPrinted(by, consentId, withAftercare);
    if (withAftercare) await printPdf(await this.aftercareSheet(consent.clientId), 'Aftercare');
    return { printed: true };
  }

  /** The aftercare sheet on its own (from the session form), printed and audited as a read of the client's name. */
  async printAftercare(by: string, clientId: string): Promise<{ printed: boolean }> {
    const printPdf = this.ports.printPdf;
    if (!printPdf) throw new StoreError('CONFLICT', 'Printing is not available here.');
    const sheet = await this.aftercareSheet(clientId);
    const printed = await printPdf(sheet, 'Aftercare');
    if (printed) this.services.audit.append({ staffId: by, action: 'aftercare.print', entity: 'client', entityId: clientId, detail: '' });
    return { printed };
  }

  private aftercareSheet(clientId: string): Promise<Buffer> {
    const settings = this.services.settings.get();
    const client = this.services.clients.get(clientId);
    return renderAftercarePdf({
      clinicName: settings.clinicName,
      clinicPhone: settings.clinicPhone,
      clientName: clientFullName(client),
      paperSize: settings.paperSize,
      createdAt: this.services.clock.now(),
    });
  }

  async exportTemplate(by: string, templateId: string, version: TemplateVersion | null): Promise<{ saved: boolean }> {
    const template = this.services.consentTemplates.get(templateId, version);
    const path = await this.ports.chooseSavePath({
      title: 'Export the consent template',
      defaultName: `${template.content.id}-v${template.version.major}.${template.version.minor}.json`,
      filters: jsonFilter,
    });
    if (!path) return { saved: false };
    const file = this.services.consentTemplates.exportFile(by, templateId, version);
    writeChosenFile(path, file.text, 'The template');
    return { saved: true };
  }

  async importTemplate(by: string): Promise<{ draft: ConsentTemplateDraft | null }> {
    const choose = this.ports.chooseOpenPath;
    if (!choose) throw new StoreError('CONFLICT', 'Opening files is not available here.');
    const path = await choose({ title: 'Import a consent template', filters: jsonFilter });
    if (!path) return { draft: null };
    const text = readChosenFile(path, maxTemplateFileBytes, 'That template file').toString('utf8');
    return { draft: this.services.consentTemplates.importFile(by, text) };
  }
}
