import { describe, expect, it } from 'vitest';
import { clientContactFields, clinicalClientFields, ClientContact, ClientContactInput, ClientContactPatch } from '../../../shared/contract/client-channels';
import { ClientInput } from '../../../shared/clients/client';

describe('the contact schemas reception reads and writes through', () => {
  it('a patch keeps only what was sent: no field is filled in with a default', () => {
    expect(ClientContactPatch.parse({})).toEqual({});
    expect(ClientContactPatch.parse({ phone: ' 07700 900123 ' })).toEqual({ phone: '07700 900123' });
  });

  it('a patch with any clinical field is refused, naming why', () => {
    for (const field of clinicalClientFields) {
      const result = ClientContactPatch.safeParse({ phone: '1', [field]: null });
      expect(result.success, field).toBe(false);
      expect(result.error?.issues[0]?.message).toMatch(/clinical details are not accepted/);
    }
  });

  it('a patch checks each field as the whole form does', () => {
    expect(ClientContactPatch.safeParse({ firstName: ' ' }).success).toBe(false);
    expect(ClientContactPatch.safeParse({ email: 'not an email' }).success).toBe(false);
  });

  it('contact fields and clinical fields together are every field of the form, with no overlap', () => {
    expect([...clientContactFields, ...clinicalClientFields].sort()).toEqual(Object.keys(ClientInput.shape).sort());
    expect(Object.keys(ClientContactInput.shape).sort()).toEqual([...clientContactFields].sort());
    for (const field of clinicalClientFields) expect(Object.keys(ClientContact.shape)).not.toContain(field);
    expect(ClientContactInput.safeParse({ firstName: 'A', lastName: 'B', notes: 'x' }).success).toBe(false);
  });
});
