import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channels, contract, type Access, type Channel, type ErrorCode } from '../../shared/contract';
import { roles, type Role } from '../../shared/staff';
import { channelSamples } from './support/channel-samples';
import { openTrustClinic, staffPasswords, type TrustClinic } from './support/trust-clinic';

const callerStates = ['unlocked', 'locked', 'signed-out'] as const;
type CallerState = (typeof callerStates)[number];

/** The codes with which the dispatcher refuses a caller before the input is even read. */
const refusals: readonly ErrorCode[] = ['FORBIDDEN', 'LOCKED', 'NOT_SIGNED_IN'];

/**
 * What the contract's access field means, written out once: the code a caller must get, or
 * null when the call must reach its handler.
 */
function expectedRefusal(access: Access, state: CallerState, role: Role): ErrorCode | null {
  if (access === 'public') return null;
  if (state === 'signed-out') return 'NOT_SIGNED_IN';
  if (access === 'locked') return state === 'locked' ? null : 'CONFLICT';
  if (state === 'locked') return 'LOCKED';
  return access.includes(role) ? null : 'FORBIDDEN';
}

let clinic: TrustClinic;
let samples: ReturnType<typeof channelSamples>;

beforeAll(async () => {
  clinic = await openTrustClinic();
  samples = channelSamples(clinic.ids);
  // The acknowledged key keeps setup.saveRecoveryKit from opening a save dialog in any cell.
  await clinic.call('setup.acknowledgeRecoveryKey');
}, 60_000);
afterAll(() => clinic.close());

/** The sample input, made harmless where a successful call would change who can sign in. */
function inputFor(channel: Channel, role: Role): unknown {
  if (channel === 'session.unlock') return { password: staffPasswords[role] };
  if (channel === 'session.changePassword') return { currentPassword: 'not the current password', newPassword: 'never applied 1' };
  return samples[channel];
}

async function enter(role: Role, state: CallerState): Promise<void> {
  await clinic.signInAs(role);
  if (state === 'locked') await clinic.call('session.lock');
  if (state === 'signed-out') await clinic.signOut();
}

describe('role matrix: every channel × every role × locked, unlocked and signed out', () => {
  let cells = 0;
  afterAll(() => console.log(`[trust] role matrix: ${cells} cells (${channels.length} channels × ${roles.length} roles × ${callerStates.length} states), each as the contract's access field says`));

  describe.each(callerStates)('%s', (state) => {
    it.each(roles)('%s', async (role) => {
      for (const channel of channels) {
        await enter(role, state);
        const result = await clinic.call(channel, inputFor(channel, role));
        const refusal = expectedRefusal(contract[channel].access, state, role);
        const where = `${channel} as ${role}, ${state}`;
        if (refusal) {
          expect(result, where).toMatchObject({ ok: false, error: { code: refusal } });
        } else if (!result.ok) {
          expect(refusals, `${where}: ${result.error.message}`).not.toContain(result.error.code);
        }
        cells++;
      }
      expect(clinic.faults).toEqual([]);
    }, 60_000);
  });
});

describe('what the access table means for health data and administration', () => {
  const deniedToReception = (channel: Channel) =>
    channel.startsWith('medicalHistory.') ||
    channel.startsWith('sessions.') ||
    channel.startsWith('staff.') ||
    channel.startsWith('areaDepths.') ||
    channel === 'screening.override' ||
    channel === 'settings.update';

  it('reception reaches no medical history, session, override, staff, settings change or depth table channel', () => {
    const denied = channels.filter(deniedToReception);
    expect(denied.length).toBeGreaterThanOrEqual(14);
    for (const channel of denied) {
      const access = contract[channel].access;
      expect(Array.isArray(access) && !access.includes('reception'), channel).toBe(true);
    }
  });

  it('and the dispatcher answers those calls from reception with FORBIDDEN', async () => {
    await enter('reception', 'unlocked');
    for (const channel of channels.filter(deniedToReception)) {
      expect(await clinic.call(channel, samples[channel]), channel).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
  });

  it('a client profile opened by reception carries no screening (health) data', async () => {
    await enter('reception', 'unlocked');
    expect(await clinic.call('clients.profile', { id: clinic.ids.clientId })).toMatchObject({ ok: true, value: { screening: null, sessions: null, medicalHistory: null } });
    await enter('practitioner', 'unlocked');
    const forPractitioner = await clinic.call('clients.profile', { id: clinic.ids.clientId });
    expect(forPractitioner.ok && (forPractitioner.value as { screening: unknown }).screening).not.toBeNull();
  });

  it('staff, settings changes, the depth table and set-up steps are for admins only', () => {
    const adminOnly = channels.filter((c) => c.startsWith('staff.') || c === 'settings.update' || c === 'areaDepths.set' || c === 'setup.saveRecoveryKit' || c === 'setup.acknowledgeRecoveryKey');
    for (const channel of adminOnly) expect(contract[channel].access, channel).toEqual(['admin']);
  });

  it('an admin may call every role-gated channel', () => {
    for (const channel of channels) {
      const access = contract[channel].access;
      if (Array.isArray(access)) expect(access, channel).toContain('admin');
    }
  });

  it('the channels open without signing in are exactly status, set-up, sign-in, sign-out and restoring where no store can be signed in to', () => {
    expect(channels.filter((c) => contract[c].access === 'public').sort()).toEqual([
      'app.status',
      'backup.restore.chooseFile',
      'backup.restore.progress',
      'backup.restore.withoutSignIn',
      'session.login',
      'session.signOut',
      'setup.create',
    ]);
    expect(channels.filter((c) => contract[c].access === 'locked')).toEqual(['session.unlock']);
  });
});
