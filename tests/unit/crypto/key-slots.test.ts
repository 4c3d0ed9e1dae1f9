import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { productionScrypt, productionScryptLimits, scryptLimitsFor, scryptWithin, testScryptLimits } from '../../../main/crypto/kdf';
import { fastScryptForTests } from '../../support/fast-scrypt';
import { newKeySlotFile, sealKeySlotFile, verifyKeySlotFile, type KeySlotFileBody, type StaffSlot } from '../../../main/crypto/key-slot-file';
import { generateDataKey, nameTagFor, openStaffSlot, resealStaffSlot, staffSlotContext, wrapForStaff } from '../../../main/crypto/key-slots';

const file = newKeySlotFile(new Date('2026-12-01T09:00:00Z'));
const dataKey = generateDataKey();
const password = 'a long enough password';
const open = (slot: StaffSlot, typed = password) => openStaffSlot(file, slot, typed, testScryptLimits);

describe("a staff slot's identity is the AES-GCM associated data", () => {
  it('opens with its password and gives the data key; a wrong password is only a wrong password', async () => {
    const slot = await wrapForStaff(file, 'staff-1', 'Ada Admin', password, dataKey, fastScryptForTests);
    expect(slot.version).toBe(2);
    const opened = await open(slot);
    expect(opened.outcome === 'opened' && opened.dataKey.equals(dataKey)).toBe(true);
    expect((await open(slot, 'not the password')).outcome).toBe('wrong-password');
  });

  it.each([
    ['staff id', (slot: StaffSlot) => ({ ...slot, staffId: 'staff-2' })],
    ['name tag', (slot: StaffSlot) => ({ ...slot, nameTag: nameTagFor(file.storeId, 'Someone Else') })],
    ['slot id', (slot: StaffSlot) => ({ ...slot, id: randomUUID() })],
  ])('a changed %s no longer opens, and reads as altered rather than as a wrong password', async (_what, edit) => {
    const slot = await wrapForStaff(file, 'staff-1', 'Ada Admin', password, dataKey, fastScryptForTests);
    const outcome = (await open(edit(slot))).outcome;
    // A new slot id also changes the check value, so it cannot be told from a wrong password.
    expect(outcome === 'altered' || (_what === 'slot id' && outcome === 'wrong-password')).toBe(true);
  });

  it('is bound to its store: the same slot in another store does not open', async () => {
    const slot = await wrapForStaff(file, 'staff-1', 'Ada Admin', password, dataKey, fastScryptForTests);
    expect((await openStaffSlot({ storeId: randomUUID() }, slot, password, testScryptLimits)).outcome).not.toBe('opened');
  });

  it('the context names store, slot, staff id and the tag it was sealed under', () => {
    const identity = { id: 'slot-1', staffId: 'staff-1', nameTag: 'a'.repeat(64) };
    expect(staffSlotContext('store-1', identity)).toBe(`skinledger-keyslot:v2:store-1:slot-1:staff:staff-1:${'a'.repeat(64)}`);
    expect(staffSlotContext('store-1', { ...identity, boundNameTag: 'b'.repeat(64) })).toContain('b'.repeat(64));
  });

  it('after a rename the slot opens under the tag it was sealed with, and re-sealing moves it to the new one', async () => {
    const slot = await wrapForStaff(file, 'staff-1', 'Ada Admin', password, dataKey, fastScryptForTests);
    const renamed: StaffSlot = { ...slot, nameTag: nameTagFor(file.storeId, 'Ada Smith'), boundNameTag: slot.nameTag };
    const opened = await open(renamed);
    if (opened.outcome !== 'opened') throw new Error(opened.outcome);
    const resealed = resealStaffSlot(file, renamed, opened.kek, opened.dataKey);
    expect(resealed.boundNameTag).toBeUndefined();
    expect(resealed.kdf).toEqual(slot.kdf);
    expect((await open(resealed)).outcome).toBe('opened');
    expect((await open({ ...resealed, nameTag: slot.nameTag })).outcome).toBe('altered');
  });

  it('a one-time password slot stays one-time when it is re-sealed after a rename: its owner still has to choose their own', async () => {
    const slot: StaffSlot = { ...(await wrapForStaff(file, 'staff-1', 'Rita Reception', password, dataKey, fastScryptForTests)), oneTime: true };
    const renamed: StaffSlot = { ...slot, nameTag: nameTagFor(file.storeId, 'Rita Smith'), boundNameTag: slot.nameTag };
    const opened = await open(renamed);
    if (opened.outcome !== 'opened') throw new Error(opened.outcome);
    expect(resealStaffSlot(file, renamed, opened.kek, opened.dataKey).oneTime).toBe(true);
  });

  it('a slot whose scrypt cost is outside the accepted range is refused without running it', async () => {
    const slot = await wrapForStaff(file, 'staff-1', 'Ada Admin', password, dataKey, fastScryptForTests);
    expect((await openStaffSlot(file, slot, password, productionScryptLimits)).outcome).toBe('altered');
    expect((await open({ ...slot, kdf: { ...slot.kdf, N: 2 } })).outcome).toBe('altered');
    expect((await open({ ...slot, kdf: { ...slot.kdf, N: 2 ** 22 } })).outcome).toBe('altered');
  });
});

describe('scrypt cost limits', () => {
  it('production accepts today’s cost and refuses the test cost; the test range is chosen only by a test cost in code', () => {
    expect(scryptWithin(productionScrypt, productionScryptLimits)).toBe(true);
    expect(scryptWithin(fastScryptForTests, productionScryptLimits)).toBe(false);
    expect(scryptWithin(fastScryptForTests, testScryptLimits)).toBe(true);
    expect(scryptWithin({ N: 3 * 2 ** 16, r: 8, p: 1 }, productionScryptLimits)).toBe(false);
    expect(scryptWithin({ N: 2 ** 17, r: 1, p: 1 }, productionScryptLimits)).toBe(false);
    expect(scryptLimitsFor(productionScrypt)).toBe(productionScryptLimits);
    expect(scryptLimitsFor(fastScryptForTests)).toBe(testScryptLimits);
    expect(() => scryptLimitsFor({ name: 'scrypt', N: 2, r: 8, p: 1 })).toThrow();
  });
});

describe('the key file MAC', () => {
  const body = (): KeySlotFileBody => ({ ...newKeySlotFile(new Date('2026-12-01T09:00:00Z')), auditHead: { seq: 7, hash: 'c'.repeat(64) } });

  it('seals the file as version 2 and verifies under the same data key', () => {
    const sealed = sealKeySlotFile(body(), dataKey);
    expect(sealed.version).toBe(2);
    expect(sealed.mac).toMatch(/^[0-9a-f]{64}$/);
    expect(verifyKeySlotFile(sealed, dataKey)).toBe('authentic');
  });

  it.each<[string, (file: KeySlotFileBody) => KeySlotFileBody]>([
    ['the audit head', (file) => ({ ...file, auditHead: { seq: 6, hash: 'c'.repeat(64) } })],
    ['the dates', (file) => ({ ...file, updatedAt: '2030-01-01T00:00:00.000Z' })],
    ['the slots', (file) => ({ ...file, slots: [] })],
    ['the MAC itself', (file) => ({ ...file, mac: '0'.repeat(64) })],
  ])('refuses a file whose %s changed', (_what, edit) => {
    const recovery = { id: 'r', kind: 'recovery' as const, kdf: { name: 'hkdf-sha256' as const, salt: '' }, nonce: '', ciphertext: '', tag: '' };
    const sealed = sealKeySlotFile({ ...body(), slots: [recovery] }, dataKey);
    expect(() => verifyKeySlotFile(edit(sealed), dataKey)).toThrow(expect.objectContaining({ code: 'KEY_FILE_ALTERED' }));
  });

  it('does not verify under another data key', () => {
    expect(() => verifyKeySlotFile(sealKeySlotFile(body(), dataKey), generateDataKey())).toThrow(expect.objectContaining({ code: 'KEY_FILE_ALTERED' }));
  });

  it('a version 1 file has no MAC to check: it is legacy, upgraded at the next write', () => {
    const { mac: _mac, ...legacy } = { ...body(), version: 1 as const };
    expect(verifyKeySlotFile(legacy, dataKey)).toBe('legacy');
  });
});
