import type { Services } from '../app';
import { medicalHistoryCopy } from '../copies/record-copies';
import type { DesktopPorts } from '../desktop/ports';
import { writeChosenFile } from '../files/write-chosen-file';

/** A medical-history answer set on paper or saved as PDF; the bytes stay in memory until a chosen path. */
export class MedicalHistoryDesk {
  constructor(private readonly ports: DesktopPorts) {}

  async print(services: Services, by: string, clientId: string, entryId: string): Promise<{ printed: boolean }> {
    const copy = await medicalHistoryCopy(services, clientId, entryId);
    const printed = await this.ports.printPdf(copy.bytes, copy.jobName);
    if (printed) services.audit.append({ staffId: by, action: 'medical-history.print', entity: 'client', entityId: clientId, detail: `entry=${entryId}` });
    return { printed };
  }

  async savePdf(services: Services, by: string, clientId: string, entryId: string): Promise<{ saved: boolean }> {
    const copy = await medicalHistoryCopy(services, clientId, entryId);
    const path = await this.ports.chooseSavePath({ title: 'Save the medical history as PDF', defaultName: copy.fileName, filters: [{ name: 'PDF', extensions: ['pdf'] }] });
    if (!path) return { saved: false };
    writeChosenFile(path, copy.bytes, 'The medical history');
    services.audit.append({ staffId: by, action: 'medical-history.save-pdf', entity: 'client', entityId: clientId, detail: `entry=${entryId}` });
    return { saved: true };
  }
}
