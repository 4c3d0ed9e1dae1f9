import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emailCopyRefusal, retryDelayMs } from '../../../shared/copies/email';
import { answeredHistory } from '../../support/medical-history';
import { closedPort, startSmtpCatcher } from '../../support/smtp-catcher';
import { createTestStore, TestClock } from '../../support/store';
import { tempFolder } from '../../support/temp-folder';

const minute = 60_000;

describe('e-mail copy rules', () => {
  it('needs the client asked and agreeing, and an address', () => {
    expect(emailCopyRefusal({ email: 'zoe@example.com' }, null)).toMatch(/Ask the client/);
    expect(emailCopyRefusal({ email: 'zoe@example.com' }, { agreed: false })).toMatch(/did not agree/);
    expect(emailCopyRefusal({ email: '' }, { agreed: true })).toMatch(/no e-mail address/);
    expect(emailCopyRefusal({ email: 'zoe@example.com' }, { agreed: true })).toBeNull();
  });

  it('retries a minute after the first failure, doubling, at most an hour apart', () => {
    expect([1, 2, 3, 4, 7, 8, 30].map(retryDelayMs)).toEqual([minute, 2 * minute, 4 * minute, 8 * minute, 60 * minute, 60 * minute, 60 * minute]);
  });
});

describe('the e-mail outbox', () => {
  let folder: ReturnType<typeof tempFolder>;
  let clock: TestClock;
  let store: Awaited<ReturnType<typeof createTestStore>>;
  beforeEach(async () => {
    folder = tempFolder();
    clock = new TestClock(new Date('2026-09-01T09:00:00Z'));
    store = await createTestStore(folder.path, clock);
  });
  afterEach(() => {
    store.services.close();
    folder.remove();
  });

  function clientWithSession(email: string) {
    const { services } = store;
    const by = store.admin.id;
    const client = services.clients.create(by, { firstName: 'Zoë', lastName: 'Nguyễn', email });
    services.medicalHistory.record(by, client.id, answeredHistory());
    const session = services.sessions.record(
      by,
      client.id,
      null,
      {
        performedAt: '2026-09-01T08:30:00.000Z',
        device: { kind: 'pen', make: 'Dr. Pen', model: 'M8', settings: '' },
        cartridge: null,
        anaesthetic: { product: '', appliedAt: null },
        skinPrep: '',
        areas: [{ area: 'forehead', depthMm: 0.5, passes: 3 }],
        products: [],
        endpoint: 'even-erythema',
        immediateReaction: '',
        aftercareGiven: true,
        notes: '',
      },
      { noConsentReason: 'Consent signed on paper, being scanned.' },
    );
    return { clientId: client.id, sessionId: session.id };
  }

  it('refuses without e-mail consent, waits while the server is offline, and goes on "Send now" once it is back', async () => {
    const { services } = store;
    const by = store.admin.id;
    const { clientId, sessionId } = clientWithSession('zoe@example.com');
    services.outbox.updateSettings(by, { host: '127.0.0.1', port: await closedPort(), security: 'none', user: 'clinic', password: 'mail secret 1', fromAddress: 'desk@harbour.example' });
    expect(services.outbox.settings()).toMatchObject({ user: 'clinic', passwordSaved: true });
    expect(JSON.stringify(services.outbox.settings())).not.toContain('mail secret 1');

    await expect(services.outbox.queueSessionCopy(by, sessionId)).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/Ask the client/) });
    services.copies.recordChoice(by, clientId, 'email-copies', true);
    const queued = await services.outbox.queueSessionCopy(by, sessionId);
    expect(queued).toMatchObject({ to: 'zoe@example.com', attempts: 0, what: 'session record, aftercare sheet of the session on 2026-09-01' });

    // Offline: the message stays, tried again a minute later.
    expect(await services.outbox.send()).toEqual({ sent: 0, waiting: 1 });
    expect(services.outbox.list()[0]).toMatchObject({ attempts: 1, nextAttemptAt: new Date(clock.now().getTime() + minute).toISOString(), lastError: expect.stringMatching(/could not be reached/) });
    expect(await services.outbox.send()).toEqual({ sent: 0, waiting: 1 });
    expect(services.outbox.list()[0]!.attempts).toBe(1);

    const smtp = await startSmtpCatcher();
    try {
      // The password is kept when the form leaves it empty.
      services.outbox.updateSettings(by, { host: '127.0.0.1', port: smtp.port, security: 'none', user: 'clinic', password: '', fromAddress: 'desk@harbour.example' });
      expect(await services.outbox.send({ now: true })).toEqual({ sent: 1, waiting: 0 });
      expect(smtp.mails).toHaveLength(1);
      const mail = smtp.mails[0]!;
      expect(mail.to).toEqual(['zoe@example.com']);
      // The session record (its name in the client's spelling, so encoded) and the aftercare sheet.
      expect(mail.raw.match(/Content-Disposition: attachment/g)).toHaveLength(2);
      expect(mail.raw).toContain('Zo%C3%AB%20-%20session');
      expect(mail.raw).toContain('Aftercare.pdf');
      const trail = services.audit.recent(20).map((row) => `${row.action} ${row.detail}`);
      expect(trail.find((line) => line.startsWith('email.sent'))).toContain('to=zoe@example.com');
      expect(trail.join('\n')).not.toContain('mail secret 1');
      expect(trail.join('\n')).not.toContain('Forehead');
    } finally {
      await smtp.close();
    }
  });

  it("a purged client's queued messages go with them", async () => {
    const { services } = store;
    const by = store.admin.id;
    const { clientId, sessionId } = clientWithSession('zoe@example.com');
    services.outbox.updateSettings(by, { host: '127.0.0.1', port: await closedPort(), security: 'none', user: '', password: '', fromAddress: 'desk@harbour.example' });
    services.copies.recordChoice(by, clientId, 'email-copies', true);
    await services.outbox.queueSessionCopy(by, sessionId);
    expect(services.outbox.list(clientId)).toHaveLength(1);
    await services.retention.purgeClient(by, { clientId, reason: 'erasure-request', note: 'Written request received.', confirmation: 'Zoë Nguyễn' });
    expect(services.outbox.list()).toEqual([]);
  });
});
