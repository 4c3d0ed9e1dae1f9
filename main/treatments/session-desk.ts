import type { Services } from '../app';
import { sessionRecordCopy } from '../copies/record-copies';
import type { DesktopPorts } from '../desktop/ports';
import { writeChosenFile } from '../files/write-chosen-file';

/** A session on paper, through the print or save dialog; nothing is written to disk on the way. */
export class SessionDesk {
  constructor(private readonly ports: DesktopPorts) {}

  async print(services: Services, by: string, sessionId: string): Promise<{ printed: boolean }> {
    const copy = await sessionRecordCopy(services, sessionId);
    const printed = await this.ports.printPdf(copy.bytes, copy.jobName);
    if (printed) services.audit.append({ staffId: by, action: 'session.print', entity: 'client', entityId: copy.clientId, detail: `session=${sessionId}` });
    return { printed };
  }

  /** The same PDF saved where the user chooses (a copy for the client); audited once written. */
  async savePdf(services: Services, by: string, sessionId: string): Promise<{ saved: boolean }> {
    const copy = await sessionRecordCopy(services, sessionId);
    const path = await this.ports.chooseSavePath({ title: 'Save the session record as PDF', defaultName: copy.fileName, filters: [{ name: 'PDF', extensions: ['pdf'] }] });
    if (!path) return { saved: false };
    writeChosenFile(path, copy.bytes, 'The session record');
    services.audit.append({ staffId: by, action: 'session.save-pdf', entity: 'client', entityId: copy.clientId, detail: `session=${sessionId}` });
    return { saved: true };
  }
}
