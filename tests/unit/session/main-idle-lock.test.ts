import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDesktop } from '../../support/desktop';
import { createDispatcher } from '../../../main/bridge/dispatch';
import { fastScryptForTests } from '../../support/fast-scrypt';
import { MainIdleLock } from '../../../main/session/main-idle-lock';
import { SkinLedgerRuntime } from '../../../main/session/runtime';
import { adminName, adminPassword, createTestStore, TestClock } from '../../support/store';
import { tempFolder } from '../../support/temp-folder';

let folder: ReturnType<typeof tempFolder>;
let clock: TestClock;
let runtime: SkinLedgerRuntime;
let systemIdleSeconds: number | null;
let told: number;
let idle: MainIdleLock;

const minute = 60_000;
const frame = { frameUrl: 'app://skinledger/index.html' };

beforeEach(async () => {
  folder = tempFolder('skinledger-main-idle-');
  clock = new TestClock();
  const store = await createTestStore(folder.path, clock);
  store.services.close();
  runtime = new SkinLedgerRuntime({ dataDir: folder.path, appVersion: 'test', clock, scrypt: fastScryptForTests, networkShareOf: () => null });
  systemIdleSeconds = null;
  told = 0;
  idle = new MainIdleLock(runtime, clock, {}, () => told++);
});
afterEach(() => {
  runtime.close();
  folder.remove();
});

/** The shell's wiring: every request from the window is noted before it is dispatched. */
function windowBridge(lock: MainIdleLock) {
  const dispatch = createDispatcher(runtime, testDesktop(runtime), { isTrustedSender: () => true });
  return (channel: string, input: unknown = {}) => {
    lock.noteRequest();
    return dispatch(channel, input, frame);
  };
}

describe('the idle lock in the main process (a hung window still locks)', () => {
  it('locks once no request has come for the clinic\u2019s idle minutes; the window\u2019s next request is refused as locked', async () => {
    const request = windowBridge(idle);
    expect((await request('session.login', { name: adminName, password: adminPassword })).ok).toBe(true);
    clock.advance(4 * minute);
    expect(idle.check()).toBe(false);
    expect((await request('clients.find', { text: '', offset: 0, limit: 5 })).ok).toBe(true);
    // The window hangs: no request for five minutes from the last one.
    clock.advance(4 * minute + 59_000);
    expect(idle.check()).toBe(false);
    clock.advance(1_000);
    expect(idle.check()).toBe(true);
    expect(runtime.isLocked()).toBe(true);
    expect(told).toBe(1);
    expect(await request('clients.find', { text: '', offset: 0, limit: 5 })).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(runtime.status().state).toBe('locked');
    // Already locked: nothing more happens.
    clock.advance(10 * minute);
    expect(idle.check()).toBe(false);
    expect(told).toBe(1);
    // The same audit row as the window's idle lock.
    expect((await request('session.unlock', { password: adminPassword })).ok).toBe(true);
    const audit = runtime.current().services.db.prepare(`SELECT detail FROM audit_event WHERE action = 'session.lock'`).pluck().all();
    expect(audit).toEqual(['idle']);
  });

  it('follows the clinic\u2019s idle minutes, and does nothing while no one is signed in', async () => {
    clock.advance(60 * minute);
    expect(idle.check()).toBe(false);
    const request = windowBridge(idle);
    await request('session.login', { name: adminName, password: adminPassword });
    const settings = await request('settings.get');
    expect(settings.ok).toBe(true);
    await request('settings.update', { ...(settings as { value: object }).value, idleLockMinutes: 15 });
    clock.advance(14 * minute);
    expect(idle.check()).toBe(false);
    clock.advance(minute);
    expect(idle.check()).toBe(true);
  });

  it('with the desktop\u2019s idle time, someone typing (no requests, but input) is not locked out', async () => {
    const withSystem = new MainIdleLock(runtime, clock, { systemIdleSeconds: () => systemIdleSeconds ?? 0 }, () => told++);
    const request = windowBridge(withSystem);
    await request('session.login', { name: adminName, password: adminPassword });
    clock.advance(20 * minute);
    systemIdleSeconds = 3;
    expect(withSystem.check()).toBe(false);
    systemIdleSeconds = 5 * 60;
    expect(withSystem.check()).toBe(true);
    expect(runtime.isLocked()).toBe(true);
  });
});
