import type { Services } from '../app';
import { clientFullName } from '../consents/consent-service';
import { renderSessionPdf } from '../pdf/session-pdf';
import type { DesktopPorts } from '../session/ports';
import { StoreError } from '../store/store-error';

/** A session on paper, through the print dialog; nothing is written to disk on the way. */
export class SessionDesk {
  constructor(
    private readonly services: Services,
    private readonly ports: DesktopPorts,
  ) {}

  async print(by: string, sessionId: string): Promise<{ printed: boolean }> {
    const printPdf = this.ports.printPdf;
    if (!printPdf) throw new StoreError('CONFLICT', 'Printing is not available here.');
    const session = this.services.sessions.get(sessionId);
    const client = this.services.clients.get(session.clientId);
    const settings = this.services.settings.get();
    const pdf = await renderSessionPdf({
      clinicName: settings.clinicName,
      clientName: clientFullName(client),
      dateOfBirth: client.dateOfBirth,
      practitionerName: session.practitionerName,
      record: session.record,
      basis: session.basis,
      createdAt: session.createdAt,
      updatedAt: session.updatedAt,
      updatedByName: session.updatedByName,
      amendments: session.amendments,
      paperSize: settings.paperSize,
      dateFormat: settings.dateFormat,
      printedAt: this.services.clock.now(),
    });
    const printed = await printPdf(pdf, `Session ${session.record.performedAt.slice(0, 10)}`);
    if (printed) this.services.audit.append({ staffId: by, action: 'session.print', entity: 'client', entityId: session.clientId, detail: `session=${sessionId}` });
    return { printed };
  }
}
