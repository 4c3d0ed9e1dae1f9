import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateDataKey } from '../../../main/crypto/key-slots';
import { migrate, migrations } from '../../../main/store/migrations';
import { markedVersionNote } from '../../../main/store/migrations/008-declined-consents';
import { openDatabase } from '../../../main/store/open-database';
import { microneedlingTemplate, photographyTemplate } from '../../../shared/consents/built-in-templates';
import { ConsentTemplateDraft } from '../../../shared/consents/template';
import { tempFolder } from '../../support/temp-folder';

let folder: ReturnType<typeof tempFolder>;
beforeEach(() => {
  folder = tempFolder();
});
afterEach(() => folder.remove());

/** A built-in as stores before the marks held it: no must-agree anywhere. */
function unmarked(template: ConsentTemplateDraft): ConsentTemplateDraft {
  return JSON.parse(JSON.stringify(template, (key, value: unknown) => (key === 'mustAgree' || key === 'clinicalRecordMustAgree' ? undefined : value))) as ConsentTemplateDraft;
}

describe('migration 008: declined consent forms', () => {
  it('publishes the built-ins with the marks as a new minor version and marks refusals already stored as declined, leaving the signed form as it was', () => {
    const db = openDatabase(join(folder.path, 'skinledger.db'), generateDataKey(), { create: true });
    const beforeStep = migrations.findIndex((migration) => migration.name.startsWith('declined consent forms'));
    migrate(db, migrations.slice(0, beforeStep));
    db.pragma('foreign_keys = OFF');
    const version = db.prepare(
      "INSERT INTO consent_template_version (template_id, major, minor, kind, title, content, built_in, published_at, published_by) VALUES (?, 1, 0, ?, ?, ?, 1, '2026-01-01T00:00:00.000Z', NULL)",
    );
    for (const template of [unmarked(microneedlingTemplate), unmarked(photographyTemplate)]) version.run(template.id, template.kind, template.title, JSON.stringify(template));
    const consent = db.prepare(
      "INSERT INTO consent (id, client_id, template_id, template_major, template_minor, kind, session_id, signed_at, countersigned_by, summary, photography, form_json, form_sha256, pdf, pdf_sha256) VALUES (?, 'c1', ?, 1, 0, ?, NULL, '2026-02-01T10:00:00.000Z', 's1', ?, ?, ?, 'x', x'00', 'y')",
    );
    const summary = JSON.stringify({ title: 'T', signers: [], guardian: null, flagged: [] });
    const answers = (consentGiven: 'yes' | 'no') => ({
      'history-complete': { answer: 'yes', detail: '' },
      'questions-answered': { answer: 'yes', detail: '' },
      'aftercare-understood': { answer: 'yes', detail: '' },
      'consent-given': { answer: consentGiven, detail: '' },
    });
    consent.run('agreed', 'microneedling', 'microneedling', summary, null, JSON.stringify({ answers: answers('yes'), photography: null }));
    consent.run('refused', 'microneedling', 'microneedling', summary, null, JSON.stringify({ answers: answers('no'), photography: null }));
    const noRecord = { clinicalRecord: false, teaching: true, marketingFaceVisible: false, marketingFaceHidden: false };
    consent.run('no-photos', 'photography', 'photography', summary, JSON.stringify(noRecord), JSON.stringify({ answers: {}, photography: noRecord }));
    const formBefore = (db.prepare("SELECT form_json FROM consent WHERE id = 'refused'").get() as { form_json: string }).form_json;
    db.pragma('foreign_keys = ON');

    migrate(db);

    const latest = db.prepare('SELECT major, minor, content, note, built_in FROM consent_template_version WHERE template_id = ? ORDER BY major DESC, minor DESC LIMIT 1');
    const micro = latest.get('microneedling') as { major: number; minor: number; content: string; note: string; built_in: number };
    expect(micro).toMatchObject({ major: 1, minor: 1, note: markedVersionNote, built_in: 1 });
    // The new version is the built-in as shipped now, wording unchanged.
    expect(ConsentTemplateDraft.parse(JSON.parse(micro.content))).toEqual(microneedlingTemplate);
    const photo = latest.get('photography') as { minor: number; content: string };
    expect(ConsentTemplateDraft.parse(JSON.parse(photo.content))).toEqual(photographyTemplate);
    expect(photo.minor).toBe(1);

    const declined = db.prepare('SELECT id, declined, summary, form_json FROM consent ORDER BY id').all() as { id: string; declined: number; summary: string; form_json: string }[];
    expect(declined.map((row) => [row.id, row.declined])).toEqual([
      ['agreed', 0],
      ['no-photos', 1],
      ['refused', 1],
    ]);
    expect(JSON.parse(declined[2]!.summary)).toMatchObject({ refused: ['I consent to microneedling treatment as described, for the course agreed with my practitioner.'] });
    expect(declined[2]!.form_json).toBe(formBefore);
    // The guard is back: a signed form refuses UPDATE again.
    expect(() => db.prepare("UPDATE consent SET declined = 0 WHERE id = 'refused'").run()).toThrow(/cannot be changed/);
    db.close();
  });
});
