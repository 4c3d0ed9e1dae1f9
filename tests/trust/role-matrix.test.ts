import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channels, contract, type Access, type BridgeResult, type Channel, type ErrorCode } from '../../shared/contract';
import { clinicalClientFields } from '../../shared/contract/client-channels';
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
    it.each(roles)(
      '%s',
      async (role) => {
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
      },
      60_000,
    );
  });
});

/** Names of clinical data: client fields, and the health parts of a profile. */
const clinicalKeys: ReadonlySet<string> = new Set([...clinicalClientFields, 'screening', 'sessions', 'medicalHistory', 'answers', 'alerts']);

/** Paths of every key named like clinical data, at any depth of a result's value. */
function clinicalKeysIn(result: BridgeResult<unknown>): string[] {
  const found: string[] = [];
  const walk = (value: unknown, path: string) => {
    if (Array.isArray(value)) value.forEach((item, index) => walk(item, `${path}[${index}]`));
    else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        const here = path ? `${path}.${key}` : key;
        if (clinicalKeys.has(key)) found.push(here.replace(/\[\d+\]/g, ''));
        walk(inner, here);
      }
    }
  };
  if (result.ok) walk(result.value, '');
  return [...new Set(found)];
}

describe('what reception receives, field by field', () => {
  it('no answer to reception holds a clinical field, at any depth, on any channel it may call', async () => {
    const reached: Channel[] = [];
    for (const channel of channels) {
      const access = contract[channel].access;
      if (!Array.isArray(access) || !access.includes('reception')) continue;
      await enter('reception', 'unlocked');
      const result = await clinic.call(channel, inputFor(channel, 'reception'));
      if (result.ok) reached.push(channel);
      expect(clinicalKeysIn(result), channel).toEqual([]);
    }
    // The channels that carry a client's data did answer (the check above saw real values).
    expect(reached).toEqual(expect.arrayContaining(['clients.contact', 'clients.find', 'clients.recent', 'clients.updateContact', 'clients.register', 'courses.overdue']));
    expect(clinic.faults).toEqual([]);
  });

  it("reception's contact view is identity, contact details and courses: the clinical fields are absent, not blanked", async () => {
    await enter('reception', 'unlocked');
    const result = await clinic.call('clients.contact', { id: clinic.ids.clientId });
    expect(result.ok).toBe(true);
    const value = (result.ok ? result.value : {}) as { client: Record<string, unknown>; courses: Record<string, unknown>[] };
    expect(Object.keys(value).sort()).toEqual(['age', 'client', 'courses']);
    for (const field of clinicalClientFields) expect(value.client, field).not.toHaveProperty(field);
    expect(value.client).toMatchObject({ id: clinic.ids.clientId, phone: expect.any(String), email: expect.any(String) });
    expect(value.courses[0]).not.toHaveProperty('notes');
  });
});

describe('the wipe attack: reception edits a client whose record holds clinical details', () => {
  const clinical = { gp: 'Dr Rivers, Harbour Surgery', fitzpatrick: 4, concerns: ['acne-scarring', 'pigmentation'], notes: 'Keloid tendency on the jaw line.' };
  let clientId: string;

  beforeAll(async () => {
    await enter('practitioner', 'unlocked');
    const created = await clinic.call('clients.create', { fields: { firstName: 'Wipe', lastName: 'Target', phone: '07700 900001', ...clinical }, allowDuplicate: true });
    if (!created.ok) throw new Error(created.error.message);
    clientId = (created.value as { id: string }).id;
  });

  async function storedRecord(): Promise<Record<string, unknown>> {
    await enter('practitioner', 'unlocked');
    const profile = await clinic.call('clients.profile', { id: clientId });
    if (!profile.ok) throw new Error(profile.error.message);
    return (profile.value as { client: Record<string, unknown> }).client;
  }

  it('a name and phone change from reception changes those and leaves notes, skin type, concerns and GP as they were', async () => {
    await enter('reception', 'unlocked');
    const result = await clinic.call('clients.updateContact', { id: clientId, fields: { firstName: 'Wendy', lastName: 'Target', phone: '07700 900002' } });
    expect(result).toMatchObject({ ok: true, value: { firstName: 'Wendy', phone: '07700 900002' } });
    expect(clinicalKeysIn(result)).toEqual([]);
    expect(await storedRecord()).toMatchObject({ firstName: 'Wendy', lastName: 'Target', phone: '07700 900002', ...clinical });
    // Audited with the names of the fields changed, never their values.
    const row = clinic.runtime
      .current()
      .services.audit.recent(20)
      .find((r) => r.action === 'client.update' && r.entity_id === clientId);
    expect(row?.detail).toBe('firstName,phone');
  });

  it('clinical fields smuggled into a reception update are refused at the boundary, and nothing is saved', async () => {
    const smuggled = [{ notes: '' }, { fitzpatrick: null }, { concerns: [] }, { gp: '' }, { notes: 'Changed by reception', fitzpatrick: 1 }];
    for (const extra of smuggled) {
      await enter('reception', 'unlocked');
      const result = await clinic.call('clients.updateContact', { id: clientId, fields: { phone: '07700 900003', ...extra } });
      expect(result, JSON.stringify(extra)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/clinical details are not accepted/) } });
    }
    // The whole-record update and create are not reception's to call at all.
    await enter('reception', 'unlocked');
    expect(await clinic.call('clients.update', { id: clientId, fields: { firstName: 'Wendy', lastName: 'Target' } })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await clinic.call('clients.register', { fields: { firstName: 'Sly', lastName: 'Notes', notes: 'smuggled' }, allowDuplicate: true })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await storedRecord()).toMatchObject({ firstName: 'Wendy', phone: '07700 900002', ...clinical });
  });

  it("a practitioner's whole-record update still sets the clinical fields", async () => {
    await enter('practitioner', 'unlocked');
    const before = await storedRecord();
    const result = await clinic.call('clients.update', { id: clientId, fields: { ...pickFields(before), notes: 'Reviewed.', fitzpatrick: 3 } });
    expect(result).toMatchObject({ ok: true, value: { notes: 'Reviewed.', fitzpatrick: 3, gp: clinical.gp, phone: '07700 900002' } });
  });
});

/** A stored client as the edit form sends it (the whole record, less id and bookkeeping). */
function pickFields(client: Record<string, unknown>): Record<string, unknown> {
  const { id: _id, archived: _archived, createdAt: _created, updatedAt: _updated, ...fields } = client;
  return fields;
}

describe('what the access table means for health data and administration', () => {
  const deniedToReception = (channel: Channel) =>
    channel.startsWith('medicalHistory.') ||
    channel.startsWith('sessions.') ||
    channel.startsWith('staff.') ||
    channel.startsWith('areaDepths.') ||
    channel === 'screening.override' ||
    channel === 'settings.update' ||
    // The whole client record: reception has the contact channels instead.
    channel === 'clients.profile' ||
    channel === 'clients.create' ||
    channel === 'clients.update';

  it('reception reaches no medical history, session, override, staff, settings change, depth table or whole-record channel', () => {
    const denied = channels.filter(deniedToReception);
    expect(denied.length).toBeGreaterThanOrEqual(17);
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

  it('a client profile opened by a practitioner carries the screening and the clinical fields', async () => {
    await enter('practitioner', 'unlocked');
    const forPractitioner = await clinic.call('clients.profile', { id: clinic.ids.clientId });
    expect(forPractitioner.ok && (forPractitioner.value as { screening: unknown }).screening).not.toBeNull();
    expect(clinicalKeysIn(forPractitioner)).toEqual(expect.arrayContaining(['client.gp', 'client.fitzpatrick', 'client.concerns', 'client.notes', 'screening', 'sessions', 'medicalHistory']));
  });

  it('staff, settings changes, the depth table, set-up steps and changing the data key are for admins only', () => {
    const adminOnly = channels.filter(
      (c) => c.startsWith('staff.') || c.startsWith('rekey.') || c === 'settings.update' || c === 'areaDepths.set' || c === 'setup.saveRecoveryKit' || c === 'setup.acknowledgeRecoveryKey',
    );
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
