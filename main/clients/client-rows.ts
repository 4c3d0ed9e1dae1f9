import type { Client, ClientFields, ClientSummary, SkinConcern } from '../../shared/clients/client';

export interface ClientRow {
  id: string;
  first_name: string;
  last_name: string;
  preferred_name: string;
  date_of_birth: string | null;
  pronouns: string;
  sex: string;
  phone: string;
  email: string;
  address: string;
  emergency_contact: string;
  gp: string;
  referral_source: string;
  fitzpatrick: number | null;
  concerns: string;
  marketing_consent: number;
  notes: string;
  archived: number;
  created_at: string;
  updated_at: string;
}

export const summaryColumns = 'c.id, c.first_name, c.last_name, c.preferred_name, c.date_of_birth, c.phone, c.email, c.archived';

export function toClient(row: ClientRow): Client {
  return {
    id: row.id,
    firstName: row.first_name,
    lastName: row.last_name,
    preferredName: row.preferred_name,
    dateOfBirth: row.date_of_birth,
    pronouns: row.pronouns,
    sex: row.sex,
    phone: row.phone,
    email: row.email,
    address: row.address,
    emergencyContact: row.emergency_contact,
    gp: row.gp,
    referralSource: row.referral_source,
    fitzpatrick: row.fitzpatrick,
    concerns: JSON.parse(row.concerns) as SkinConcern[],
    marketingConsent: row.marketing_consent === 1,
    notes: row.notes,
    archived: row.archived === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toSummary(row: Pick<ClientRow, 'id' | 'first_name' | 'last_name' | 'preferred_name' | 'date_of_birth' | 'phone' | 'email' | 'archived'>): ClientSummary {
  return {
    id: row.id,
    firstName: row.first_name,
    lastName: row.last_name,
    preferredName: row.preferred_name,
    dateOfBirth: row.date_of_birth,
    phone: row.phone,
    email: row.email,
    archived: row.archived === 1,
  };
}

export function toParams(fields: ClientFields) {
  return {
    first_name: fields.firstName,
    last_name: fields.lastName,
    preferred_name: fields.preferredName,
    date_of_birth: fields.dateOfBirth,
    pronouns: fields.pronouns,
    sex: fields.sex,
    phone: fields.phone,
    email: fields.email,
    address: fields.address,
    emergency_contact: fields.emergencyContact,
    gp: fields.gp,
    referral_source: fields.referralSource,
    fitzpatrick: fields.fitzpatrick,
    concerns: JSON.stringify(fields.concerns),
    marketing_consent: fields.marketingConsent ? 1 : 0,
    notes: fields.notes,
  };
}
