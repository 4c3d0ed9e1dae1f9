import { PhotographyChoices } from '../../shared/consents/photography';
import type { Photo } from '../../shared/photos/photo';

export interface PhotoRow {
  id: string;
  client_id: string;
  session_id: string | null;
  session_number: number | null;
  session_performed_at: string | null;
  view: Photo['view'];
  area: Photo['area'];
  stage: Photo['stage'];
  taken_at: string;
  taken_at_source: Photo['takenAtSource'];
  note: string;
  width: number;
  height: number;
  format: Photo['format'];
  sha256: string;
  source_sha256: string;
  preview_sha256: string;
  thumbnail_sha256: string;
  choices_when_taken: string | null;
  consent_override_reason: string | null;
  consent_override_by: string | null;
  consent_override_by_name: string | null;
  imported_at: string;
  imported_by: string;
  imported_by_name: string;
  updated_at: string;
}

/**
 * Every photo column plus its session's number among the client's sessions (oldest first) and
 * the name of who imported it: what the gallery labels need, in one query.
 */
export const photoSelect = `
  SELECT p.*, s.performed_at AS session_performed_at, st.name AS imported_by_name, ov.name AS consent_override_by_name,
    CASE WHEN s.id IS NULL THEN NULL ELSE (
      SELECT count(*) FROM treatment_session s2
      WHERE s2.client_id = s.client_id AND (s2.performed_at < s.performed_at OR (s2.performed_at = s.performed_at AND s2.id <= s.id))
    ) END AS session_number
  FROM photo p
  LEFT JOIN treatment_session s ON s.id = p.session_id
  JOIN staff st ON st.id = p.imported_by
  LEFT JOIN staff ov ON ov.id = p.consent_override_by`;

export function toPhoto(row: PhotoRow): Photo {
  return {
    id: row.id,
    clientId: row.client_id,
    sessionId: row.session_id,
    sessionNumber: row.session_number,
    sessionPerformedAt: row.session_performed_at,
    view: row.view,
    area: row.area,
    stage: row.stage,
    takenAt: row.taken_at,
    takenAtSource: row.taken_at_source,
    note: row.note,
    width: row.width,
    height: row.height,
    sha256: row.sha256,
    sourceSha256: row.source_sha256,
    format: row.format,
    choicesWhenTaken: row.choices_when_taken === null ? null : PhotographyChoices.parse(JSON.parse(row.choices_when_taken)),
    consentOverride: row.consent_override_reason === null ? null : { reason: row.consent_override_reason, by: row.consent_override_by ?? '', byName: row.consent_override_by_name ?? '' },
    importedAt: row.imported_at,
    importedBy: row.imported_by,
    importedByName: row.imported_by_name,
    updatedAt: row.updated_at,
  };
}
