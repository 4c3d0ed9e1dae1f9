import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDesktop } from '../support/desktop';
import { createDispatcher, type Dispatch } from '../../main/bridge/dispatch';
import { fastScryptForTests } from '../support/fast-scrypt';
import { SkinLedgerRuntime } from '../../main/session/runtime';
import { channels, contract } from '../../shared/contract';
import { TestClock } from '../support/store';
import { tempFolder } from '../support/temp-folder';

const trusted = { frameUrl: 'app://skinledger/index.html' };
const adminPassword = 'correct horse battery staple';

let folder: ReturnType<typeof tempFolder>;
let runtime: SkinLedgerRuntime;
let dispatch: Dispatch;
let clock: TestClock;
const faults: unknown[] = [];

beforeEach(async () => {
  folder = tempFolder();
  clock = new TestClock();
  runtime = new SkinLedgerRuntime({ dataDir: folder.path, appVersion: 'test', clock, scrypt: fastScryptForTests });
  dispatch = createDispatcher(runtime, testDesktop(runtime), {
    isTrustedSender: (url) => url.startsWith('app://skinledger/'),
    reportFault: (_channel, error) => faults.push(error),
  });
  const setup = await dispatch('setup.create', { clinicName: 'Glow', clinicAddress: '', adminName: 'Ada Admin', password: adminPassword }, trusted);
  expect(setup.ok).toBe(true);
});
afterEach(() => {
  runtime.close();
  folder.remove();
  expect(faults).toEqual([]);
});

async function call(channel: string, input: unknown = {}) {
  return dispatch(channel, input, trusted);
}

async function signInAs(role: 'practitioner' | 'reception') {
  const name = `${role} person`;
  expect((await call('staff.add', { name, role, password: `${role} password 1` })).ok).toBe(true);
  await call('session.lock');
  const login = await call('session.login', { name, password: `${role} password 1` });
  expect(login.ok).toBe(true);
}

describe('the bridge checks who is calling before anything runs', () => {
  it('refuses a frame that is not the app', async () => {
    const result = await dispatch('staff.list', {}, { frameUrl: 'https://evil.example/' });
    expect(result).toMatchObject({ ok: false, error: { code: 'UNTRUSTED_SENDER' } });
  });

  it('refuses a channel that is not in the contract', async () => {
    expect(await call('staff.dropAll')).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    expect(await call('__proto__')).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    expect(await call('constructor')).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });

  it('answers bad input with field messages, never a stack or a path', async () => {
    const result = await call('staff.add', { name: '', role: 'owner', password: 'short', extra: 1 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INVALID_INPUT');
    expect(result.error.fields).toMatchObject({ name: 'Enter a name.', password: 'Use at least 10 characters.' });
    expect(JSON.stringify(result.error)).not.toMatch(/\/tmp|at .*\.ts|node_modules/);
  });

  it('an admin reaches every staff and settings channel', async () => {
    expect((await call('staff.list')).ok).toBe(true);
    expect((await call('settings.get')).ok).toBe(true);
  });

  it.each(['reception', 'practitioner'] as const)('%s cannot manage staff or settings, on the main side', async (role) => {
    await signInAs(role);
    for (const channel of channels.filter((c) => Array.isArray(contract[c].access) && !(contract[c].access as readonly string[]).includes(role))) {
      const result = await call(channel, {});
      expect(result, channel).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect((await call('settings.get')).ok).toBe(true);
  });

  it('a locked session reaches nothing but unlock, sign-in and status', async () => {
    await call('session.lock', { reason: 'idle' });
    expect(await call('staff.list')).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(await call('settings.get')).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect((await call('app.status')).ok).toBe(true);
    expect(await call('session.unlock', { password: adminPassword })).toMatchObject({ ok: true, value: { name: 'Ada Admin' } });
    expect((await call('staff.list')).ok).toBe(true);
  });

  it('nobody signed in reaches nothing private', async () => {
    await call('session.lock');
    await call('session.signOut');
    expect(await call('settings.get')).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } });
    expect(await call('session.unlock', { password: adminPassword })).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } });
  });

  it('wrong passwords slow the next attempt down, more each time', async () => {
    await call('session.lock');
    const first = await call('session.unlock', { password: 'wrong one' });
    expect(first).toMatchObject({ ok: false, error: { code: 'WRONG_PASSWORD', retryAfterSeconds: 1 } });
    expect(await call('session.unlock', { password: adminPassword })).toMatchObject({ ok: false, error: { code: 'TOO_MANY_ATTEMPTS' } });
    clock.advance(1000);
    expect(await call('session.unlock', { password: 'wrong again' })).toMatchObject({ ok: false, error: { retryAfterSeconds: 2 } });
    clock.advance(2000);
    expect(await call('session.unlock', { password: 'wrong thrice' })).toMatchObject({ ok: false, error: { retryAfterSeconds: 4 } });
    clock.advance(4000);
    expect((await call('session.unlock', { password: adminPassword })).ok).toBe(true);
    const actions = runtime
      .current()
      .services.audit.recent(10)
      .map((r) => r.action);
    expect(actions.filter((a) => a === 'session.sign-in-failed')).toHaveLength(3);
  });

  it('switching user from the lock screen is one step', async () => {
    await call('staff.add', { name: 'Rita', role: 'reception', password: 'reception pass 1' });
    await call('session.lock');
    expect(await call('session.login', { name: 'rita', password: 'reception pass 1' })).toMatchObject({ ok: true, value: { name: 'Rita', role: 'reception' } });
    expect(await call('app.status')).toMatchObject({ ok: true, value: { state: 'signed-in', staff: { name: 'Rita' } } });
  });
});
