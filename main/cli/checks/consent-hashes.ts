import { canonicalFormText, parseCanonicalForm } from '../../../shared/consents/form-hash';
import { sha256Hex } from '../../consents/consent-service';
import type { SqliteDatabase } from '../../store/open-database';
import type { CheckResult } from './check-result';

/**
 * Re-hashes every signed consent: the stored PDF against its SHA-256, and the form data against
 * its form hash (and that it is still in canonical form). Any difference means the row was
 * changed behind the triggers' back. Names the first few bad consents by id.
 */
export function checkConsentHashes(db: SqliteDatabase): CheckResult {
  let total = 0;
  const bad: string[] = [];
  const rows = db.prepare('SELECT id, form_json, form_sha256, pdf, pdf_sha256 FROM consent ORDER BY rowid').iterate() as IterableIterator<{
    id: string;
    form_json: string;
    form_sha256: string;
    pdf: Buffer;
    pdf_sha256: string;
  }>;
  for (const row of rows) {
    total++;
    let ok = sha256Hex(row.pdf) === row.pdf_sha256 && sha256Hex(row.form_json) === row.form_sha256;
    if (ok) {
      try {
        ok = canonicalFormText(parseCanonicalForm(row.form_json)) === row.form_json;
      } catch {
        ok = false;
      }
    }
    if (!ok) bad.push(row.id);
  }
  const verified = total - bad.length;
  const detail = `consents=${total} verified=${verified}${bad.length ? `; changed: ${bad.slice(0, 5).join(', ')}${bad.length > 5 ? ', …' : ''}` : ''}`;
  return { name: 'consent PDFs and form hashes', ok: bad.length === 0, detail };
}
