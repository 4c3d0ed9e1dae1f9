import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clientInputOf, type ClientInput } from '../../../shared/clients/client';
import { createTestStore } from '../../support/store';
import { tempFolder } from '../../support/temp-folder';

let folder: ReturnType<typeof tempFolder>;
let store: Awaited<ReturnType<typeof createTestStore>>;
beforeEach(async () => {
  folder = tempFolder();
  store = await createTestStore(folder.path);
});
afterEach(() => {
  store.services.close();
  folder.remove();
});

const add = (input: ClientInput, allowDuplicate = false) => store.services.clients.create(store.admin.id, input, { allowDuplicate });
const names = (text: string) => store.services.clients.find(text, { offset: 0, limit: 50 }).clients.map((c) => `${c.firstName} ${c.lastName}`);

describe('client search', () => {
  beforeEach(() => {
    add({ firstName: 'Zoë', lastName: 'Nguyễn', dateOfBirth: '1990-05-17', phone: '07700 900123', email: 'zoe@example.com' });
    add({ firstName: 'Иван', lastName: 'Петров', preferredName: 'Vanya' });
    add({ firstName: 'Ψάπφω', lastName: 'Λέσβου' });
    add({ firstName: 'محمد', lastName: 'العلي' });
    add({ firstName: 'Søren', lastName: 'Kierkegaard' });
    add({ firstName: 'Zoe', lastName: 'Adams', dateOfBirth: '1985-01-02' });
  });

  it('finds names by accent-free, case-free prefixes, in any script', () => {
    expect(names('zoe')).toEqual(['Zoe Adams', 'Zoë Nguyễn']);
    expect(names('ngu')).toEqual(['Zoë Nguyễn']);
    expect(names('NGUYEN z')).toEqual(['Zoë Nguyễn']);
    expect(names('ива')).toEqual(['Иван Петров']);
    expect(names('vany')).toEqual(['Иван Петров']);
    expect(names('ψαπ')).toEqual(['Ψάπφω Λέσβου']);
    expect(names('λεσβ')).toEqual(['Ψάπφω Λέσβου']);
    expect(names('محم')).toEqual(['محمد العلي']);
    expect(names('soren')).toEqual(['Søren Kierkegaard']);
  });

  it('finds by phone digits, email and date of birth as people type them', () => {
    expect(names('07700')).toEqual(['Zoë Nguyễn']);
    expect(names('0770090')).toEqual(['Zoë Nguyễn']);
    expect(names('zoe@exa')).toEqual(['Zoë Nguyễn']);
    expect(names('17/05/1990')).toEqual(['Zoë Nguyễn']);
    expect(names('1990-05')).toEqual(['Zoë Nguyễn']);
  });

  it('lists everyone alphabetically by last name with no text, and leaves archived clients out', () => {
    const all = store.services.clients.find('', { offset: 0, limit: 50 });
    expect(all.total).toBe(6);
    expect(all.clients[0]?.lastName).toBe('Adams');
    store.services.clients.setArchived(store.admin.id, all.clients[0]!.id, true);
    expect(names('zoe')).toEqual(['Zoë Nguyễn']);
    expect(store.services.clients.find('zoe', { offset: 0, limit: 50, includeArchived: true }).total).toBe(2);
  });

  it('ignores FTS syntax typed into the box instead of failing', () => {
    expect(() => names('"zoe OR * NEAR(')).not.toThrow();
    expect(names('  ')).toHaveLength(6);
  });

  it('follows a change of name', () => {
    const zoe = store.services.clients.find('nguyen', { offset: 0, limit: 1 }).clients[0]!;
    const full = store.services.clients.get(zoe.id);
    store.services.clients.update(store.admin.id, zoe.id, { ...clientInputOf(full), lastName: 'Tran' });
    expect(names('nguyen')).toEqual([]);
    expect(names('tran')).toEqual(['Zoë Tran']);
  });
});

describe('changing contact details only', () => {
  const clinical = { gp: 'Dr Rivers', fitzpatrick: 4, concerns: ['pigmentation' as const], notes: 'Keloid tendency on the jaw line.' };

  it('changes the fields sent and keeps every other field, the clinical ones included', () => {
    const zoe = add({ firstName: 'Zoë', lastName: 'Nguyễn', phone: '07700 900123', email: 'zoe@example.com', address: '1 High St', ...clinical });
    const saved = store.services.clients.updateContact(store.admin.id, zoe.id, { lastName: 'Tran', phone: ' 07700 900999 ' });
    expect(saved).toMatchObject({ firstName: 'Zoë', lastName: 'Tran', phone: '07700 900999', email: 'zoe@example.com', address: '1 High St', ...clinical });
    expect(names('tran')).toEqual(['Zoë Tran']);
    const row = store.services.audit.recent(1)[0]!;
    expect([row.action, row.detail]).toEqual(['client.update', 'lastName,phone']);
  });

  it('ignores a clinical field that reaches it anyway (the contract refuses it before)', () => {
    const zoe = add({ firstName: 'Zoë', lastName: 'Nguyễn', ...clinical });
    const sneaky = { phone: '07700 900111', notes: '', fitzpatrick: null } as unknown as { phone: string };
    expect(store.services.clients.updateContact(store.admin.id, zoe.id, sneaky)).toMatchObject({ phone: '07700 900111', ...clinical });
  });

  it('still checks the result as a whole record (a first name cannot be emptied)', () => {
    const zoe = add({ firstName: 'Zoë', lastName: 'Nguyễn' });
    expect(() => store.services.clients.updateContact(store.admin.id, zoe.id, { firstName: ' ' })).toThrow();
    expect(store.services.clients.get(zoe.id).firstName).toBe('Zoë');
  });
});

describe('creating clients', () => {
  it('warns of a possible duplicate: same name and date of birth, same phone, or same email', () => {
    add({ firstName: 'Zoë', lastName: 'Nguyễn', dateOfBirth: '1990-05-17', phone: '07700 900123', email: 'zoe@example.com' });
    expect(() => add({ firstName: 'zoe', lastName: 'NGUYEN', dateOfBirth: '1990-05-17' })).toThrow(expect.objectContaining({ code: 'POSSIBLE_DUPLICATE' }));
    expect(() => add({ firstName: 'Other', lastName: 'Person', phone: '+0 7700-900-123'.replace('+0 ', '0') })).toThrow(expect.objectContaining({ code: 'POSSIBLE_DUPLICATE' }));
    expect(() => add({ firstName: 'Other', lastName: 'Person', email: 'ZOE@example.com' })).toThrow(expect.objectContaining({ code: 'POSSIBLE_DUPLICATE' }));
    expect(add({ firstName: 'zoe', lastName: 'NGUYEN', dateOfBirth: '1990-05-17' }, true).firstName).toBe('zoe');
    expect(add({ firstName: 'Zoë', lastName: 'Nguyễn', dateOfBirth: '1991-05-17' }).dateOfBirth).toBe('1991-05-17');
  });

  it('audits creating and opening a record, and lists recent clients', () => {
    const a = add({ firstName: 'Ann', lastName: 'Aa' });
    const b = add({ firstName: 'Bea', lastName: 'Bb' });
    store.services.clients.open(store.admin.id, a.id);
    expect(store.services.clients.recent(5).map((c) => c.firstName)).toEqual(['Ann', 'Bea']);
    const actions = store.services.audit.recent(5).map((r) => `${r.action}:${r.entity_id}`);
    expect(actions).toContain(`client.view:${a.id}`);
    expect(actions).toContain(`client.create:${b.id}`);
  });
});
