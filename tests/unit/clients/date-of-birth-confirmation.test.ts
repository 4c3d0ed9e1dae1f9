import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { unusualAgeUnconfirmed } from '../../../shared/clients/date-of-birth';
import { clientChannels } from '../../../shared/contract/client-channels';
import { createTestStore, TestClock } from '../../support/store';
import { tempFolder } from '../../support/temp-folder';

let folder: ReturnType<typeof tempFolder>;
let store: Awaited<ReturnType<typeof createTestStore>>;
beforeEach(async () => {
  folder = tempFolder();
  store = await createTestStore(folder.path, new TestClock(new Date('2026-12-07T12:00:00Z')));
});
afterEach(() => {
  store.services.close();
  folder.remove();
});

const refused = expect.objectContaining({ code: 'INVALID_INPUT', message: unusualAgeUnconfirmed, fields: { dateOfBirth: unusualAgeUnconfirmed } });

describe('an unusual date of birth, in the main process', () => {
  it('is refused on a new client without the form’s confirmation, and saved with it', () => {
    const { clients } = store.services;
    expect(() => clients.create(store.admin.id, { firstName: 'Baby', lastName: 'Slip', dateOfBirth: '2026-06-01' })).toThrow(refused);
    expect(() => clients.create(store.admin.id, { firstName: 'Old', lastName: 'Slip', dateOfBirth: '1914-01-01' })).toThrow(refused);
    expect(clients.create(store.admin.id, { firstName: 'Old', lastName: 'Real', dateOfBirth: '1914-01-01' }, { dateOfBirthConfirmed: true }).dateOfBirth).toBe('1914-01-01');
    expect(clients.create(store.admin.id, { firstName: 'Usual', lastName: 'Age', dateOfBirth: '1985-01-01' }).dateOfBirth).toBe('1985-01-01');
  });

  it('is asked about when changed to, not again when the date on file stays', () => {
    const { clients } = store.services;
    const usual = clients.create(store.admin.id, { firstName: 'Ana', lastName: 'Change', dateOfBirth: '1985-01-01' });
    expect(() => clients.update(store.admin.id, usual.id, { firstName: 'Ana', lastName: 'Change', dateOfBirth: '1915-01-01' })).toThrow(refused);
    expect(clients.get(usual.id).dateOfBirth).toBe('1985-01-01');
    const old = clients.update(store.admin.id, usual.id, { firstName: 'Ana', lastName: 'Change', dateOfBirth: '1915-01-01' }, { dateOfBirthConfirmed: true });
    expect(clients.update(store.admin.id, old.id, { firstName: 'Ana', lastName: 'Changed', dateOfBirth: '1915-01-01', phone: '0123' }).lastName).toBe('Changed');
  });

  it('takes the confirmation through the contract, unconfirmed unless the form says so', () => {
    const create = clientChannels['clients.create'].input.parse({ fields: { firstName: 'A', lastName: 'B' }, allowDuplicate: false });
    expect(create.dateOfBirthConfirmed).toBe(false);
    const update = clientChannels['clients.update'].input.parse({ id: 'x', fields: { firstName: 'A', lastName: 'B' }, dateOfBirthConfirmed: true });
    expect(update.dateOfBirthConfirmed).toBe(true);
  });
});
