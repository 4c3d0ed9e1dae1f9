import { formDeclined } from '../../../shared/consents/agreement';
import { canonicalFormText, parseCanonicalForm } from '../../../shared/consents/form-hash';
import { ConsentTemplateDraft } from '../../../shared/consents/template';
import { sha256Hex } from '../../crypto/sha256';
import type { SqliteDatabase } from '../../store/open-database';
import type { CheckResult } from './check-result';

/**
 * Re-hashes every signed consent: the stored PDF against its SHA-256, and the form data against
 * its form hash (and that it is still in canonical form). Any difference means the row was
 * changed behind the triggers' back. It also checks that no declined form passes as a consent:
 * a row stored as consent whose form says declined, or whose answers refuse a statement its
 * template version marks must-agree, is reported. Names the first few bad consents by id.
 */
export function checkConsentHashes(db: SqliteDatabase): CheckResult {
  let total = 0;
  let declined = 0;
  const bad: string[] = [];
  const rows = db
    .prepare(
      `SELECT c.id, c.form_json, c.form_sha256, c.pdf, c.pdf_sha256, c.declined, v.content
       FROM consent c LEFT JOIN consent_template_version v ON v.template_id = c.template_id AND v.major = c.template_major AND v.minor = c.template_minor
       ORDER BY c.rowid`,
    )
    .iterate() as IterableIterator<{
    id: string;
    form_json: string;
    form_sha256: string;
    pdf: Buffer;
    pdf_sha256: string;
    declined: number;
    content: string | null;
  }>;
  for (const row of rows) {
    total++;
    if (row.declined === 1) declined++;
    let ok = sha256Hex(row.pdf) === row.pdf_sha256 && sha256Hex(row.form_json) === row.form_sha256;
    if (ok) {
      try {
        const form = parseCanonicalForm(row.form_json);
        ok = canonicalFormText(form) === row.form_json;
        if (ok && row.declined === 0) {
          const template = row.content ? ConsentTemplateDraft.parse(JSON.parse(row.content)) : null;
          ok = form.outcome !== 'declined' && template !== null && !formDeclined(template, form.answers, form.photography);
        }
      } catch {
        ok = false;
      }
    }
    if (!ok) bad.push(row.id);
  }
  const verified = total - bad.length;
  const detail = `consents=${total} verified=${verified} declined=${declined}${bad.length ? `; changed: ${bad.slice(0, 5).join(', ')}${bad.length > 5 ? ', …' : ''}` : ''}`;
  return { name: 'consent PDFs and form hashes', ok: bad.length === 0, detail };
}
