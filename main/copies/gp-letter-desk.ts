import type { Services } from '../app';
import type { DesktopPorts } from '../desktop/ports';
import { writeChosenFile } from '../files/write-chosen-file';
import { gpLetterCopy } from './record-copies';

/** The GP letter of a session, printed or saved where the user chooses; refused before any dialog when the client did not agree. */
export class GpLetterDesk {
  constructor(private readonly ports: DesktopPorts) {}

  async print(services: Services, by: string, sessionId: string): Promise<{ printed: boolean }> {
    const copy = await gpLetterCopy(services, sessionId);
    const printed = await this.ports.printPdf(copy.bytes, copy.jobName);
    if (printed) services.audit.append({ staffId: by, action: 'session.gp-letter-print', entity: 'client', entityId: copy.clientId, detail: `session=${sessionId}` });
    return { printed };
  }

  async savePdf(services: Services, by: string, sessionId: string): Promise<{ saved: boolean }> {
    const copy = await gpLetterCopy(services, sessionId);
    const path = await this.ports.chooseSavePath({ title: 'Save the GP letter as PDF', defaultName: copy.fileName, filters: [{ name: 'PDF', extensions: ['pdf'] }] });
    if (!path) return { saved: false };
    writeChosenFile(path, copy.bytes, 'The GP letter');
    services.audit.append({ staffId: by, action: 'session.gp-letter-save', entity: 'client', entityId: copy.clientId, detail: `session=${sessionId}` });
    return { saved: true };
  }
}
