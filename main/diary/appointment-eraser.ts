import type { ClientRowEraser } from '../retention/client-erasers';

/** A purged client's appointments go with them (before their courses, which the rows point at). */
export const eraseClientAppointments: ClientRowEraser = (db, clientId) => db.prepare('DELETE FROM appointment WHERE client_id = ?').run(clientId);
