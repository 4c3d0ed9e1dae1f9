import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Migration } from './migration';

/**
 * A refused consent is not a consent. Templates now mark the statements a client must agree to,
 * and a form where any of them was not agreed is stored as a declined form (`consent.declined`):
 * evidence that the client was informed and refused, never a valid consent.
 *
 * For stores made before this step:
 * - each built-in template already stored gets the marks as a new minor version (the wording is
 *   unchanged, so consents signed on earlier versions stay valid), with a note saying so;
 * - a form already stored whose client answered "No" to one of those statements (or, on the
 *   photography form, left the clinical-record photos unticked) is marked declined, since
 *   that is what happened. The signed form, its hash and its PDF are not touched.
 *
 * The lists below are this step's own copy of the built-in marks, frozen with it.
 */
export const builtInMarks: Readonly<Record<string, { questions: readonly string[]; clinicalRecord: boolean }>> = {
  microneedling: { questions: ['history-complete', 'questions-answered', 'aftercare-understood', 'consent-given'], clinicalRecord: false },
  photography: { questions: [], clinicalRecord: true },
  'medical-history-update': { questions: ['answers-true'], clinicalRecord: false },
};

export const markedVersionNote =
  'SkinLedger marks the statements the client must agree to. A form where any of them is not agreed is kept as a declined form, never as a consent. The wording is unchanged: consents signed on earlier versions stay valid.';

interface StoredQuestion {
  id: string;
  kind: string;
  label: string;
  mustAgree?: boolean;
}
interface StoredSection {
  questions: StoredQuestion[];
  photography?: { clinicalRecord: string; clinicalRecordMustAgree?: boolean };
}
interface StoredContent {
  sections: StoredSection[];
}

function publishMarkedVersions(db: Database): void {
  const latest = db.prepare('SELECT template_id, major, minor, kind, title, content FROM consent_template_version WHERE template_id = ? ORDER BY major DESC, minor DESC LIMIT 1');
  const insert = db.prepare(
    `INSERT INTO consent_template_version (template_id, major, minor, kind, title, content, built_in, published_at, published_by, note)
     VALUES (?, ?, ?, ?, ?, ?, 1, ?, NULL, ?)`,
  );
  const at = new Date().toISOString();
  for (const [templateId, marks] of Object.entries(builtInMarks)) {
    const row = latest.get(templateId) as { template_id: string; major: number; minor: number; kind: string; title: string; content: string } | undefined;
    if (!row) continue;
    const content = JSON.parse(row.content) as StoredContent;
    let changed = false;
    for (const section of content.sections) {
      for (const question of section.questions) {
        if (question.kind === 'yes-no' && marks.questions.includes(question.id) && question.mustAgree !== true) {
          question.mustAgree = true;
          changed = true;
        }
      }
      if (marks.clinicalRecord && row.kind === 'photography' && section.photography && section.photography.clinicalRecordMustAgree !== true) {
        section.photography.clinicalRecordMustAgree = true;
        changed = true;
      }
    }
    if (changed) insert.run(row.template_id, row.major, row.minor + 1, row.kind, row.title, JSON.stringify(content), at, markedVersionNote);
  }
}

function markDeclinedForms(db: Database): void {
  const rows = db.prepare('SELECT id, template_id, template_major, template_minor, kind, summary, form_json FROM consent').all() as {
    id: string;
    template_id: string;
    template_major: number;
    template_minor: number;
    kind: string;
    summary: string;
    form_json: string;
  }[];
  const version = db.prepare('SELECT content FROM consent_template_version WHERE template_id = ? AND major = ? AND minor = ?');
  const declined: { id: string; summary: string }[] = [];
  for (const row of rows) {
    const marks = builtInMarks[row.template_id];
    if (!marks) continue;
    const form = JSON.parse(row.form_json) as { answers?: Record<string, { answer?: unknown } | null>; photography?: { clinicalRecord?: boolean } | null };
    const template = version.get(row.template_id, row.template_major, row.template_minor) as { content: string } | undefined;
    const content = template ? (JSON.parse(template.content) as StoredContent) : { sections: [] };
    const refused: string[] = [];
    for (const section of content.sections) {
      for (const question of section.questions) {
        if (question.kind === 'yes-no' && marks.questions.includes(question.id) && form.answers?.[question.id]?.answer !== 'yes') refused.push(question.label);
      }
      if (marks.clinicalRecord && row.kind === 'photography' && section.photography && form.photography?.clinicalRecord !== true) refused.push(section.photography.clinicalRecord);
    }
    if (refused.length > 0) declined.push({ id: row.id, summary: JSON.stringify({ ...(JSON.parse(row.summary) as object), refused }) });
  }
  if (declined.length === 0) return;
  // Signed forms refuse UPDATE; this one-off reclassification lifts the guard inside the
  // migration's transaction and puts it back exactly as it was. The form and PDF stay as signed.
  db.exec('DROP TRIGGER consent_refuses_update');
  const mark = db.prepare('UPDATE consent SET declined = 1, summary = ? WHERE id = ?');
  for (const form of declined) mark.run(form.summary, form.id);
  db.exec(`CREATE TRIGGER consent_refuses_update BEFORE UPDATE ON consent
      BEGIN SELECT RAISE(ABORT, 'A signed consent cannot be changed; sign a new one.'); END;`);
}

export const declinedConsents: Migration = {
  version: 8,
  name: 'declined consent forms; must-agree statements in the built-in templates',
  sql: `
    ALTER TABLE consent ADD COLUMN declined INTEGER NOT NULL DEFAULT 0 CHECK (declined IN (0, 1));
    -- Why a version was published, when SkinLedger published it (null for the clinic's own).
    ALTER TABLE consent_template_version ADD COLUMN note TEXT;
  `,
  run(db) {
    publishMarkedVersions(db);
    markDeclinedForms(db);
  },
};
