import { randomUUID } from 'node:crypto';
import { ageOn, clientFullName, type Client } from '../../shared/clients/client';
import { signedFormSchema, type DrawnSignature, type FilledForm, type GuardianDetails } from '../../shared/consents/filled-form';
import { canonicalFormText, shortHash, type CanonicalForm, type SignedSignature } from '../../shared/consents/form-hash';
import { refusedStatements } from '../../shared/consents/agreement';
import { noPhotographyConsent, PhotographyChoices, type PhotographyChoicesLookup } from '../../shared/consents/photography';
import { flaggedQuestions, versionLabel, type TemplateKind } from '../../shared/consents/template';
import { safeFileNamePart } from '../../shared/file-names';
import { ConsentSettings, type ConsentList, type ConsentStatus, type ConsentSummary, type KindStatus, type WithdrawablePart, type WithdrawalView } from '../../shared/contract/consent-channels';
import type { AuditLog } from '../audit/audit-log';
import type { Clock } from '../clock';
import { sha256Hex } from '../crypto/sha256';
import { renderConsentPdf } from '../pdf/consent-pdf';
import type { ClientService } from '../clients/client-service';
import type { SettingsService } from '../settings/settings-service';
import type { SqliteDatabase } from '../store/open-database';
import { StoreError } from '../store/store-error';
import { kindStanding, photographyJudged, validity } from './consent-validity';
import { reencodeInk } from './ink-image';
import type { TemplateService } from './template-service';

export interface ConsentServiceOptions {
  db: SqliteDatabase;
  audit: AuditLog;
  clock: Clock;
  templates: TemplateService;
  settings: SettingsService;
  clients: ClientService;
  /** The computer's name, printed on the PDF and kept with the signed form. */
  deviceName: () => string;
}

interface ConsentRow {
  id: string;
  client_id: string;
  template_id: string;
  template_major: number;
  template_minor: number;
  kind: TemplateKind;
  session_id: string | null;
  signed_at: string;
  summary: string;
  photography: string | null;
  form_sha256: string;
  pdf_sha256: string;
  declined: number;
}

interface StoredSummary {
  title: string;
  signers: { role: SignedSignature['role']; name: string; signedAt: string }[];
  guardian: GuardianDetails | null;
  flagged: string[];
  /** Labels of the must-agree statements the client did not agree to (a declined form). */
  refused?: string[];
}

const rowColumns = 'id, client_id, template_id, template_major, template_minor, kind, session_id, signed_at, summary, photography, form_sha256, pdf_sha256, declined';

/** How far back a signature drawn in client mode may be dated (the form is long; the practitioner reviews it). */
const plausibleDrawingHours = 6;

/**
 * Signed consents: validated against the exact template version, stored once with their PDF
 * (the rows refuse UPDATE and DELETE), withdrawn by a new dated record, and judged valid, stale
 * or needed. Every read of a consent's content and every write leaves an audit row, whose detail
 * names templates, versions and parts, never answers.
 */
export class ConsentService {
  constructor(private readonly options: ConsentServiceOptions) {}

  private get db() {
    return this.options.db;
  }

  settings(): ConsentSettings {
    const row = this.db.prepare('SELECT validity_months FROM consent_settings WHERE id = 1').get() as { validity_months: number };
    return { validityMonths: row.validity_months };
  }

  updateSettings(by: string, next: ConsentSettings): ConsentSettings {
    const settings = ConsentSettings.parse(next);
    this.db.transaction(() => {
      this.db.prepare('UPDATE consent_settings SET validity_months = ? WHERE id = 1').run(settings.validityMonths);
      this.options.audit.append({ staffId: by, action: 'consent.settings', entity: 'consent-settings', detail: `validityMonths=${settings.validityMonths}` });
    })();
    return settings;
  }

  /**
   * Stores a complete signed form with its PDF; returns the new consent. A form where the client
   * did not agree to a must-agree statement is stored as a declined form (its PDF says so): the
   * record that they were informed and refused, never a consent.
   */
  async sign(by: string, clientId: string, sessionId: string | null, filled: FilledForm): Promise<ConsentSummary> {
    const { templates, clients, clock } = this.options;
    const client = clients.get(clientId);
    const template = templates.get(filled.templateId, filled.templateVersion);
    const latest = templates.get(filled.templateId, null);
    if (latest.version.major !== template.version.major || latest.version.minor !== template.version.minor) {
      throw new StoreError('CONFLICT', `A newer version (${versionLabel(latest.version)}) of "${latest.content.title}" was published while this form was open. Start the form again.`);
    }
    if (sessionId !== null && !this.db.prepare('SELECT 1 FROM treatment_session WHERE id = ? AND client_id = ?').get(sessionId, clientId)) {
      throw new StoreError('NOT_FOUND', 'That session does not belong to this client.');
    }
    const now = clock.now();
    const today = now.toISOString().slice(0, 10);
    const guardianRequired = client.dateOfBirth !== null && ageOn(client.dateOfBirth, today) < 18;
    const checked = signedFormSchema(template.content, template.version, { guardianRequired }).safeParse(filled);
    if (!checked.success) {
      const issue = checked.error.issues[0]!;
      throw new StoreError('INVALID_INPUT', `Please check the form: ${issue.path.join(' › ')}: ${issue.message}`);
    }
    const staff = this.db.prepare('SELECT name FROM staff WHERE id = ?').get(by) as { name: string } | undefined;
    if (!staff) throw new StoreError('NOT_FOUND', 'The member of staff signing is not on record.');

    const consentId = randomUUID();
    const signedAt = now.toISOString();
    const initials: Record<string, FilledForm['initials'][string]> = {};
    for (const section of template.content.sections) {
      const ink = filled.initials[section.id];
      if (section.initials && ink) initials[section.id] = await reencodeInk(ink);
    }
    const signatures: SignedSignature[] = [];
    const add = async (role: SignedSignature['role'], name: string, drawn: DrawnSignature | null) => {
      if (drawn) signatures.push({ role, name, signedAt: role === 'practitioner' ? signedAt : plausibleTime(drawn.drawnAt, now), ink: await reencodeInk(drawn.ink) });
    };
    await add('client', clientFullName(client), filled.signatures.client);
    if (filled.guardian) await add('guardian', filled.guardian.name, filled.signatures.guardian);
    if (filled.signatures.witness) await add('witness', filled.signatures.witness.name, filled.signatures.witness);
    await add('practitioner', staff.name, filled.signatures.practitioner);

    const hasPhotography = template.content.sections.some((section) => section.photography);
    const refused = refusedStatements(template.content, filled.answers, hasPhotography ? filled.photography : null);
    const declined = refused.length > 0;
    const form: CanonicalForm = {
      consentId,
      clientId,
      templateId: template.content.id,
      templateVersion: template.version,
      answers: filled.answers,
      initials,
      photography: hasPhotography ? filled.photography : null,
      guardian: filled.guardian,
      signatures,
      deviceName: this.options.deviceName().slice(0, 120) || 'unknown device',
      signedAt,
      // Inside the hashed form, so the outcome cannot be changed without `verify` seeing it.
      ...(declined ? { outcome: 'declined' as const } : {}),
    };
    const formText = canonicalFormText(form);
    const formSha256 = sha256Hex(formText);
    const settings = this.options.settings.get();
    const pdf = await renderConsentPdf({
      clinic: { name: settings.clinicName, address: settings.clinicAddress, phone: settings.clinicPhone, logo: settings.logo },
      paperSize: settings.paperSize,
      dateFormat: settings.dateFormat,
      client: { name: clientFullName(client), dateOfBirth: client.dateOfBirth },
      template,
      form,
      formSha256,
    });
    const summary: StoredSummary = {
      title: template.content.title,
      signers: signatures.map(({ role, name, signedAt: at }) => ({ role, name, signedAt: at })),
      guardian: filled.guardian,
      flagged: flaggedQuestions(template.content, filled.answers).map((question) => question.label),
      ...(declined ? { refused: refused.map((statement) => statement.label) } : {}),
    };
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO consent (id, client_id, template_id, template_major, template_minor, kind, session_id, signed_at, countersigned_by,
             summary, photography, form_json, form_sha256, pdf, pdf_sha256, declined)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          consentId,
          clientId,
          template.content.id,
          template.version.major,
          template.version.minor,
          template.content.kind,
          sessionId,
          signedAt,
          by,
          JSON.stringify(summary),
          form.photography ? JSON.stringify(form.photography) : null,
          formText,
          formSha256,
          pdf,
          sha256Hex(pdf),
          declined ? 1 : 0,
        );
      this.options.audit.append({
        staffId: by,
        action: declined ? 'consent.decline' : 'consent.sign',
        entity: 'consent',
        entityId: consentId,
        detail: `client=${clientId} template=${template.content.id} version=${versionLabel(template.version)} signers=${signatures.map((s) => s.role).join(',')}${declined ? ` refused=${refused.map((statement) => statement.id).join(',')}` : ''}`,
      });
    })();
    return this.summaryOf(this.row(consentId));
  }

  /** Standing of the treatment and photography consents, for the profile header and session start (no content). */
  status(clientId: string): ConsentStatus {
    this.options.clients.get(clientId);
    return { clientId, microneedling: this.kindStatus(clientId, 'microneedling'), photography: this.kindStatus(clientId, 'photography') };
  }

  /**
   * The treatment consent a session would rely on: the status the header shows, plus the id and
   * template version of the signed form it judged (read helper for the session gate).
   */
  treatmentStanding(clientId: string): {
    state: string;
    signedAt: string | null;
    validUntil: string | null;
    consent: { id: string; templateId: string; version: { major: number; minor: number } } | null;
  } {
    const status = this.status(clientId).microneedling;
    const row = status.signedAt
      ? (this.db.prepare(`SELECT ${rowColumns} FROM consent WHERE client_id = ? AND kind = 'microneedling' AND signed_at = ? ORDER BY rowid DESC LIMIT 1`).get(clientId, status.signedAt) as
          ConsentRow | undefined)
      : undefined;
    return {
      state: status.state,
      signedAt: status.signedAt,
      validUntil: status.validUntil,
      consent: row ? { id: row.id, templateId: row.template_id, version: { major: row.template_major, minor: row.template_minor } } : null,
    };
  }

  listForClient(by: string, clientId: string): ConsentList {
    this.options.clients.get(clientId);
    const rows = this.db.prepare(`SELECT ${rowColumns} FROM consent WHERE client_id = ? ORDER BY signed_at DESC, id`).all(clientId) as ConsentRow[];
    this.options.audit.append({ staffId: by, action: 'consent.list', entity: 'client', entityId: clientId, detail: `count=${rows.length}` });
    return { consents: rows.map((row) => this.summaryOf(row)), status: this.status(clientId), photographyInForce: this.currentPhotographyChoices(clientId) };
  }

  get(consentId: string): ConsentSummary {
    return this.summaryOf(this.row(consentId));
  }

  /** Records a withdrawal as a new dated row; the signed consent itself never changes. */
  withdraw(by: string, consentId: string, parts: WithdrawablePart[], note: string): ConsentSummary {
    const row = this.row(consentId);
    if (row.declined === 1) throw new StoreError('INVALID_INPUT', 'This form was declined: it gave no consent to withdraw.');
    const unique = [...new Set(parts)];
    if (!row.photography && unique.some((part) => part !== 'consent')) {
      throw new StoreError('INVALID_INPUT', 'This consent has no photography choices to withdraw.');
    }
    this.db.transaction(() => {
      this.db
        .prepare('INSERT INTO consent_withdrawal (id, consent_id, withdrawn_at, recorded_by, parts, note) VALUES (?, ?, ?, ?, ?, ?)')
        .run(randomUUID(), consentId, this.options.clock.now().toISOString(), by, JSON.stringify(unique), note.trim());
      this.options.audit.append({ staffId: by, action: 'consent.withdraw', entity: 'consent', entityId: consentId, detail: `parts=${unique.join(',')}` });
    })();
    return this.summaryOf(this.row(consentId));
  }

  /** The stored PDF, exactly as signed. `purpose` names the read in the audit trail. */
  pdf(by: string, consentId: string, purpose: 'open' | 'print' | 'save' | 'export' = 'open'): { bytes: Uint8Array<ArrayBuffer>; fileName: string } {
    const row = this.db.prepare('SELECT c.pdf, c.signed_at, c.template_id, c.client_id, c.declined FROM consent c WHERE c.id = ?').get(consentId) as
      { pdf: Buffer; signed_at: string; template_id: string; client_id: string; declined: number } | undefined;
    if (!row) throw new StoreError('NOT_FOUND', 'That consent does not exist.');
    const client = this.options.clients.get(row.client_id);
    this.options.audit.append({ staffId: by, action: `consent.pdf-${purpose}`, entity: 'consent', entityId: consentId });
    return { bytes: new Uint8Array(row.pdf), fileName: consentFileName(client, row.declined === 1 ? `${row.template_id} declined` : row.template_id, row.signed_at) };
  }

  /** Audit note for a print the desktop confirmed (the PDF read was audited by `pdf`). */
  recordPrinted(by: string, consentId: string, withAftercare: boolean): void {
    this.options.audit.append({ staffId: by, action: 'consent.print', entity: 'consent', entityId: consentId, detail: `aftercare=${withAftercare}` });
  }

  /**
   * What photos may be used for now: the latest signed photography choices, minus later
   * withdrawals. A declined form allows nothing, and as the client's latest word it replaces
   * what they signed before.
   */
  readonly currentPhotographyChoices: PhotographyChoicesLookup = (clientId) => {
    const row = this.db.prepare('SELECT id, photography, declined FROM consent WHERE client_id = ? AND photography IS NOT NULL ORDER BY signed_at DESC, rowid DESC LIMIT 1').get(clientId) as
      { id: string; photography: string; declined: number } | undefined;
    if (!row) return null;
    if (row.declined === 1) return { ...noPhotographyConsent };
    return this.inForce(row.id, row.photography);
  };

  private inForce(consentId: string, photography: string): PhotographyChoices {
    const choices = PhotographyChoices.parse(JSON.parse(photography));
    for (const withdrawal of this.withdrawals(consentId)) {
      for (const part of withdrawal.parts) {
        if (part === 'consent') {
          choices.clinicalRecord = choices.teaching = choices.marketingFaceVisible = choices.marketingFaceHidden = false;
        } else choices[part] = false;
      }
    }
    return choices;
  }

  /** Ids of every consent of a client, oldest first (export, purge). */
  idsForClient(clientId: string): string[] {
    return (this.db.prepare('SELECT id FROM consent WHERE client_id = ? ORDER BY signed_at, id').all(clientId) as { id: string }[]).map((row) => row.id);
  }

  count(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM consent').get() as { n: number }).n;
  }

  private kindStatus(clientId: string, kind: TemplateKind): KindStatus {
    const query =
      kind === 'photography'
        ? `SELECT ${rowColumns} FROM consent WHERE client_id = ? AND photography IS NOT NULL ORDER BY signed_at DESC, rowid DESC LIMIT 1`
        : `SELECT ${rowColumns} FROM consent WHERE client_id = ? AND kind = ? ORDER BY signed_at DESC, rowid DESC LIMIT 1`;
    const row = (kind === 'photography' ? this.db.prepare(query).get(clientId) : this.db.prepare(query).get(clientId, kind)) as ConsentRow | undefined;
    if (!row) return kindStanding(kind, null);
    let judged = this.judge(row);
    if (kind === 'photography' && row.photography) {
      judged = photographyJudged(judged, PhotographyChoices.parse(JSON.parse(row.photography)), this.inForce(row.id, row.photography));
    }
    return kindStanding(kind, { signedAt: row.signed_at, judged });
  }

  private judge(row: ConsentRow) {
    const withdrawn = this.withdrawals(row.id).some((withdrawal) => withdrawal.parts.includes('consent'));
    return validity({
      signedAt: row.signed_at,
      major: row.template_major,
      latestMajor: this.options.templates.latestMajor(row.template_id) ?? row.template_major,
      withdrawn,
      declined: row.declined === 1,
      validityMonths: this.settings().validityMonths,
      today: this.options.clock.now().toISOString().slice(0, 10),
    });
  }

  private row(consentId: string): ConsentRow {
    const row = this.db.prepare(`SELECT ${rowColumns} FROM consent WHERE id = ?`).get(consentId) as ConsentRow | undefined;
    if (!row) throw new StoreError('NOT_FOUND', 'That consent does not exist.');
    return row;
  }

  private withdrawals(consentId: string): WithdrawalView[] {
    const rows = this.db
      .prepare(
        `SELECT w.id, w.consent_id, w.withdrawn_at, w.parts, w.note, s.name AS recorded_by_name
         FROM consent_withdrawal w JOIN staff s ON s.id = w.recorded_by WHERE w.consent_id = ? ORDER BY w.withdrawn_at, w.rowid`,
      )
      .all(consentId) as { id: string; consent_id: string; withdrawn_at: string; parts: string; note: string; recorded_by_name: string }[];
    return rows.map((row) => ({
      id: row.id,
      consentId: row.consent_id,
      withdrawnAt: row.withdrawn_at,
      recordedByName: row.recorded_by_name,
      parts: JSON.parse(row.parts) as WithdrawablePart[],
      note: row.note,
    }));
  }

  private summaryOf(row: ConsentRow): ConsentSummary {
    const summary = JSON.parse(row.summary) as StoredSummary;
    const judged = this.judge(row);
    return {
      id: row.id,
      clientId: row.client_id,
      templateId: row.template_id,
      title: summary.title,
      kind: row.kind,
      version: { major: row.template_major, minor: row.template_minor },
      signedAt: row.signed_at,
      signers: summary.signers,
      guardian: summary.guardian,
      state: judged.state,
      staleReason: judged.staleReason,
      validUntil: judged.validUntil,
      refusedStatements: summary.refused ?? [],
      photography: row.photography ? PhotographyChoices.parse(JSON.parse(row.photography)) : null,
      withdrawals: this.withdrawals(row.id),
      flaggedQuestions: summary.flagged,
      pdfSha256: row.pdf_sha256,
      formHashShort: shortHash(row.form_sha256),
      sessionId: row.session_id,
    };
  }
}

/** A drawing time from the window, kept only if it is in the last few hours and not in the future. */
function plausibleTime(drawnAt: string | null, now: Date): string {
  if (drawnAt === null) return now.toISOString();
  const at = new Date(drawnAt);
  const age = now.getTime() - at.getTime();
  return Number.isFinite(age) && age >= 0 && age <= plausibleDrawingHours * 3_600_000 ? at.toISOString() : now.toISOString();
}

/**
 * "Nguyễn Zoë - microneedling - 2026-11-25.pdf": readable, and safe on every file system; a name
 * cannot hide or reverse its extension or reach another folder (see safeFileNamePart).
 */
export function consentFileName(client: Pick<Client, 'firstName' | 'lastName'>, templateId: string, signedAt: string): string {
  const name = safeFileNamePart(`${client.lastName} ${client.firstName}`, 'client');
  return `${name} - ${safeFileNamePart(templateId, 'consent')} - ${signedAt.slice(0, 10)}.pdf`;
}
