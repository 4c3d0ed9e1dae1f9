import { randomUUID } from 'node:crypto';
import { createTransport } from 'nodemailer';
import { clientFullName } from '../../shared/clients/client';
import { SmtpSettingsInput, emailCopyRefusal, retryDelayMs, type OutboxMessage, type SmtpSettingsView } from '../../shared/copies/email';
import type { Services } from '../app';
import type { ClientRowEraser } from '../retention/client-erasers';
import { renderAftercarePdf } from '../pdf/aftercare-pdf';
import { StoreError } from '../store/store-error';
import { sessionRecordCopy } from './record-copies';

type StoredSmtp = SmtpSettingsInput;

interface StoredMessage {
  subject: string;
  text: string;
  attachments: { filename: string; base64: string }[];
}

interface OutboxRow {
  id: string;
  client_id: string;
  to_address: string;
  what: string;
  message: string;
  queued_at: string;
  queued_by: string;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
}

/** A purged client's queued messages go with the rest of their record. */
export const eraseQueuedEmails: ClientRowEraser = (db, clientId) => db.prepare('DELETE FROM email_outbox WHERE client_id = ?').run(clientId);

/** A failure in words for the outbox list: the kind of problem, never the message or the password. */
function failureText(error: unknown): string {
  const code = (error as { code?: string; responseCode?: number }).code ?? '';
  if (code === 'EAUTH') return 'The mail server refused the user name or password.';
  if (['ECONNECTION', 'ECONNREFUSED', 'ETIMEDOUT', 'EDNS', 'ESOCKET', 'ENOTFOUND', 'EAI_AGAIN'].includes(code)) return 'The mail server could not be reached (offline?).';
  if (code === 'ETLS') return 'A secure connection to the mail server could not be made.';
  if (code === 'EENVELOPE') return 'The mail server refused the address.';
  return 'The mail server did not take the message.';
}

/**
 * E-mail copies for clients through the clinic's own mail account. A copy is checked against
 * the client's e-mail consent, rendered, and queued inside the encrypted store; it leaves when
 * the mail server takes it (straight away, on "Send now", or on the retry timer with back-off
 * while the PC is offline). Each send is audited: what, to whom, when; never the content.
 * Nothing here is ever logged.
 */
export class EmailOutbox {
  private timer: NodeJS.Timeout | null = null;
  private sending: Promise<{ sent: number; waiting: number }> | null = null;

  constructor(private readonly services: Pick<Services, 'db' | 'audit' | 'clock' | 'settings' | 'sessions' | 'clients' | 'consents' | 'copies'>) {}

  settings(): SmtpSettingsView | null {
    const stored = this.storedSettings();
    if (!stored) return null;
    const { password, ...view } = stored;
    return { ...view, passwordSaved: password !== '' };
  }

  updateSettings(by: string, input: SmtpSettingsInput): SmtpSettingsView {
    const next = SmtpSettingsInput.parse(input);
    const before = this.storedSettings();
    const stored: StoredSmtp = { ...next, password: next.password === '' ? (before?.password ?? '') : next.password };
    const changed = (['host', 'port', 'security', 'user', 'fromAddress', 'password'] as const).filter((key) => before?.[key] !== stored[key]);
    const { db, audit } = this.services;
    db.transaction(() => {
      db.prepare(`INSERT INTO setting (key, value) VALUES ('smtp', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`).run(JSON.stringify(stored));
      // Names of what changed only: the password's value never reaches the trail.
      audit.append({ staffId: by, action: 'settings.email', entity: 'settings', entityId: 'smtp', detail: changed.join(', ') });
    })();
    return this.settings()!;
  }

  /** The session record, its signed consent and the aftercare sheet (when given), queued for the client. */
  async queueSessionCopy(by: string, sessionId: string): Promise<OutboxMessage> {
    const { services } = this;
    const session = services.sessions.get(sessionId);
    const client = services.clients.get(session.clientId);
    const refusal = emailCopyRefusal(client, services.copies.choice(client.id, 'email-copies'));
    if (refusal) throw new StoreError('INVALID_INPUT', refusal);
    const smtp = this.storedSettings();
    if (!smtp) throw new StoreError('INVALID_INPUT', 'Set up the clinic’s e-mail account first (Settings → E-mail).');
    const settings = services.settings.get();
    const record = await sessionRecordCopy(services as Services, sessionId);
    const attachments = [{ filename: record.fileName, base64: record.bytes.toString('base64') }];
    const parts = ['session record'];
    if (session.basis?.consent) {
      const consent = services.consents.pdf(by, session.basis.consent.id, 'export');
      attachments.push({ filename: consent.fileName, base64: Buffer.from(consent.bytes).toString('base64') });
      parts.push('signed consent');
    }
    if (session.record.aftercareGiven) {
      const sheet = await renderAftercarePdf({
        clinicName: settings.clinicName,
        clinicPhone: settings.clinicPhone,
        clientName: clientFullName(client),
        paperSize: settings.paperSize,
        createdAt: services.clock.now(),
      });
      attachments.push({ filename: 'Aftercare.pdf', base64: sheet.toString('base64') });
      parts.push('aftercare sheet');
    }
    const day = session.record.performedAt.slice(0, 10);
    const message: StoredMessage = {
      subject: `Your treatment record from ${settings.clinicName}`,
      text: `Dear ${client.preferredName || client.firstName},\n\nAs you asked, attached are copies of your records from your treatment on ${day}: ${parts.join(', ')}.\n\n${settings.clinicName}${settings.clinicPhone ? `\n${settings.clinicPhone}` : ''}\n`,
      attachments,
    };
    const what = `${parts.join(', ')} of the session on ${day}`;
    const id = randomUUID();
    const now = services.clock.now().toISOString();
    services.db.transaction(() => {
      services.db
        .prepare('INSERT INTO email_outbox (id, client_id, to_address, what, message, queued_at, queued_by, attempts, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?)')
        .run(id, client.id, client.email, what, JSON.stringify(message), now, by, now);
      services.audit.append({
        staffId: by,
        action: 'email.queue',
        entity: 'client',
        entityId: client.id,
        detail: `session=${sessionId} to=${client.email} what=${parts.join('+').replace(/ /g, '-')}`,
      });
    })();
    return this.list().find((entry) => entry.id === id)!;
  }

  /** Messages waiting (all, or one client's), oldest first: what and to whom, never the content. */
  list(clientId?: string): OutboxMessage[] {
    const columns = 'SELECT id, to_address, what, queued_at, attempts, next_attempt_at, last_error FROM email_outbox';
    const rows = (
      clientId === undefined ? this.services.db.prepare(`${columns} ORDER BY queued_at, id`).all() : this.services.db.prepare(`${columns} WHERE client_id = ? ORDER BY queued_at, id`).all(clientId)
    ) as OutboxRow[];
    return rows.map((row) => ({ id: row.id, what: row.what, to: row.to_address, queuedAt: row.queued_at, attempts: row.attempts, nextAttemptAt: row.next_attempt_at, lastError: row.last_error }));
  }

  /**
   * Sends what is due (everything with `now`, as "Send now" asks). One send at a time: a second
   * call while one runs waits for it rather than sending a message twice.
   */
  send(options: { now?: boolean } = {}): Promise<{ sent: number; waiting: number }> {
    this.sending ??= this.sendDue(options.now ?? false).finally(() => {
      this.sending = null;
    });
    return this.sending;
  }

  /** Tries the due messages every `intervalMs` while the store is open; the timer never keeps a process alive. */
  startRetrying(intervalMs = 30_000): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      this.send().catch(() => undefined);
    }, intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private async sendDue(everything: boolean): Promise<{ sent: number; waiting: number }> {
    const { db, audit, clock } = this.services;
    const smtp = this.storedSettings();
    const due = smtp
      ? (db.prepare(`SELECT * FROM email_outbox ${everything ? '' : 'WHERE next_attempt_at <= ?'} ORDER BY queued_at, id`).all(...(everything ? [] : [clock.now().toISOString()])) as OutboxRow[])
      : [];
    let sent = 0;
    if (smtp && due.length > 0) {
      const transport = createTransport({
        host: smtp.host,
        port: smtp.port,
        secure: smtp.security === 'tls',
        requireTLS: smtp.security === 'starttls',
        ignoreTLS: smtp.security === 'none',
        ...(smtp.user ? { auth: { user: smtp.user, pass: smtp.password } } : {}),
        connectionTimeout: 15_000,
        greetingTimeout: 15_000,
        socketTimeout: 30_000,
        logger: false,
        debug: false,
      });
      try {
        for (const row of due) {
          const message = JSON.parse(row.message) as StoredMessage;
          try {
            await transport.sendMail({
              from: smtp.fromAddress,
              to: row.to_address,
              subject: message.subject,
              text: message.text,
              attachments: message.attachments.map((file) => ({ filename: file.filename, content: Buffer.from(file.base64, 'base64'), contentType: 'application/pdf' })),
            });
          } catch (error) {
            const attempts = row.attempts + 1;
            db.prepare('UPDATE email_outbox SET attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ?').run(
              attempts,
              new Date(clock.now().getTime() + retryDelayMs(attempts)).toISOString(),
              failureText(error),
              row.id,
            );
            continue;
          }
          db.transaction(() => {
            db.prepare('DELETE FROM email_outbox WHERE id = ?').run(row.id);
            audit.append({
              staffId: row.queued_by,
              action: 'email.sent',
              entity: 'client',
              entityId: row.client_id,
              detail: `to=${row.to_address} what=${row.what.replace(/ /g, '-')} queued=${row.queued_at}`,
            });
          })();
          sent += 1;
        }
      } finally {
        transport.close();
      }
    }
    const waiting = db.prepare('SELECT count(*) FROM email_outbox').pluck().get() as number;
    return { sent, waiting };
  }

  private storedSettings(): StoredSmtp | null {
    const row = this.services.db.prepare(`SELECT value FROM setting WHERE key = 'smtp'`).get() as { value: string } | undefined;
    return row ? (JSON.parse(row.value) as StoredSmtp) : null;
  }
}
