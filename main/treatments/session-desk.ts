import { clientFullName } from '../../shared/clients/client';
import type { Services } from '../app';
import { renderSessionPdf } from '../pdf/session-pdf';
import type { DesktopPorts } from '../desktop/ports';

/** A session on paper, through the print dialog; nothing is written to disk on the way. */
export class SessionDesk {
  constructor(private readonly ports: DesktopPorts) {}

  async print(services: Services, by: string, sessionId: string): Promise<{ printed: boolean }> {
    const session = services.sessions.get(sessionId);
    const client = services.clients.get(session.clientId);
    const settings = services.settings.get();
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
      printedAt: services.clock.now(),
    });
    const printed = await this.ports.printPdf(pdf, `Session ${session.record.performedAt.slice(0, 10)}`);
    if (printed) services.audit.append({ staffId: by, action: 'session.print', entity: 'client', entityId: session.clientId, detail: `session=${sessionId}` });
    return { printed };
  }
}
