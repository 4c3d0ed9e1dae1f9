import { builtInTemplates } from '../../shared/consents/built-in-templates';
import { ConsentTemplateDraft, TemplateFile, versionLabel, type ConsentTemplate, type TemplateVersion } from '../../shared/consents/template';
import type { TemplateSummary } from '../../shared/contract/consent-channels';
import type { AuditLog } from '../audit/audit-log';
import type { Clock } from '../clock';
import type { SqliteDatabase } from '../store/open-database';
import { StoreError } from '../store/store-error';

interface VersionRow {
  template_id: string;
  major: number;
  minor: number;
  content: string;
  built_in: number;
  published_at: string;
  published_by_name: string | null;
  note: string | null;
}

const versionColumns = `v.template_id, v.major, v.minor, v.content, v.built_in, v.published_at, v.note, s.name AS published_by_name
  FROM consent_template_version v LEFT JOIN staff s ON s.id = v.published_by`;

function toTemplate(row: VersionRow): ConsentTemplate {
  return {
    version: { major: row.major, minor: row.minor },
    publishedAt: row.published_at,
    content: ConsentTemplateDraft.parse(JSON.parse(row.content)),
  };
}

/**
 * Consent templates: the built-ins are stored as version 1.0 the first time anyone asks, and
 * every publication after that is a new immutable row (the table's triggers refuse changes).
 */
export class TemplateService {
  constructor(
    private readonly db: SqliteDatabase,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  /** Stores each built-in template that has no version yet. Idempotent. */
  seedBuiltIns(): void {
    const exists = this.db.prepare('SELECT 1 FROM consent_template_version WHERE template_id = ? LIMIT 1');
    const insert = this.db.prepare(
      `INSERT INTO consent_template_version (template_id, major, minor, kind, title, content, built_in, published_at, published_by)
       VALUES (?, 1, 0, ?, ?, ?, 1, ?, NULL)`,
    );
    const missing = builtInTemplates.filter((template) => !exists.get(template.id));
    if (missing.length === 0) return;
    const at = this.clock.now().toISOString();
    this.db.transaction(() => {
      for (const template of missing) insert.run(template.id, template.kind, template.title, JSON.stringify(template), at);
    })();
  }

  list(): TemplateSummary[] {
    this.seedBuiltIns();
    const rows = this.db.prepare(`SELECT ${versionColumns} ORDER BY v.template_id, v.major DESC, v.minor DESC`).all() as VersionRow[];
    const byId = new Map<string, VersionRow[]>();
    for (const row of rows) byId.set(row.template_id, [...(byId.get(row.template_id) ?? []), row]);
    return [...byId.values()]
      .map((versions) => {
        const latest = toTemplate(versions[0]!);
        return {
          id: latest.content.id,
          title: latest.content.title,
          kind: latest.content.kind,
          latest: latest.version,
          versions: versions.map((row) => ({ version: { major: row.major, minor: row.minor }, publishedAt: row.published_at, publishedByName: row.published_by_name ?? 'SkinLedger', note: row.note })),
          builtIn: versions.some((row) => row.built_in === 1),
        };
      })
      .sort((a, b) => a.title.localeCompare(b.title));
  }

  /** One version, or the latest when `version` is null. */
  get(templateId: string, version: TemplateVersion | null): ConsentTemplate {
    this.seedBuiltIns();
    const row = (
      version
        ? this.db.prepare(`SELECT ${versionColumns} WHERE v.template_id = ? AND v.major = ? AND v.minor = ?`).get(templateId, version.major, version.minor)
        : this.db.prepare(`SELECT ${versionColumns} WHERE v.template_id = ? ORDER BY v.major DESC, v.minor DESC LIMIT 1`).get(templateId)
    ) as VersionRow | undefined;
    if (!row) throw new StoreError('NOT_FOUND', 'That consent template (or version) does not exist.');
    return toTemplate(row);
  }

  /** The latest version of the first template of a kind (the built-in id when it exists). */
  latestOfKind(kind: ConsentTemplate['content']['kind']): ConsentTemplate | null {
    this.seedBuiltIns();
    const row = this.db.prepare(`SELECT ${versionColumns} WHERE v.kind = ? ORDER BY v.template_id = ? DESC, v.major DESC, v.minor DESC LIMIT 1`).get(kind, kind) as VersionRow | undefined;
    return row ? toTemplate(row) : null;
  }

  latestMajor(templateId: string): number | null {
    const row = this.db.prepare('SELECT MAX(major) AS major FROM consent_template_version WHERE template_id = ?').get(templateId) as { major: number | null };
    return row.major;
  }

  /**
   * Publishes an edited template as a new version. A major change (new risks, different
   * wording of consent) makes every consent signed on an earlier major version stale; a minor
   * one (typo, layout) does not. A template's kind cannot change between versions.
   */
  publish(by: string, draft: ConsentTemplateDraft, change: 'major' | 'minor'): ConsentTemplate {
    this.seedBuiltIns();
    const template = ConsentTemplateDraft.parse(draft);
    const current = this.db.prepare('SELECT major, minor, kind FROM consent_template_version WHERE template_id = ? ORDER BY major DESC, minor DESC LIMIT 1').get(template.id) as
      { major: number; minor: number; kind: string } | undefined;
    if (current && current.kind !== template.kind) {
      throw new StoreError('CONFLICT', 'A template keeps its kind from version to version; make a new template for a different kind of consent.');
    }
    const version: TemplateVersion = !current ? { major: 1, minor: 0 } : change === 'major' ? { major: current.major + 1, minor: 0 } : { major: current.major, minor: current.minor + 1 };
    const at = this.clock.now().toISOString();
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO consent_template_version (template_id, major, minor, kind, title, content, built_in, published_at, published_by)
           VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)`,
        )
        .run(template.id, version.major, version.minor, template.kind, template.title, JSON.stringify(template), at, by);
      this.audit.append({ staffId: by, action: 'consent-template.publish', entity: 'consent-template', entityId: template.id, detail: `version=${versionLabel(version)} change=${change}` });
    })();
    return this.get(template.id, version);
  }

  /** The text of a template file for "Export…". */
  exportFile(by: string, templateId: string, version: TemplateVersion | null): { text: string; fileName: string } {
    const template = this.get(templateId, version);
    const file: TemplateFile = { format: 'skinledger-consent-template', formatVersion: 1, template: template.content };
    this.audit.append({ staffId: by, action: 'consent-template.export', entity: 'consent-template', entityId: templateId, detail: `version=${versionLabel(template.version)}` });
    return { text: `${JSON.stringify(file, null, 2)}\n`, fileName: `${templateId}-v${versionLabel(template.version)}.json` };
  }

  /** Reads a template file; the result is a draft the admin reviews and publishes. */
  importFile(by: string, text: string): ConsentTemplateDraft {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new StoreError('INVALID_INPUT', 'That file is not a SkinLedger consent template.');
    }
    const file = TemplateFile.safeParse(parsed);
    if (!file.success) throw new StoreError('INVALID_INPUT', 'That file is not a SkinLedger consent template, or it is damaged.');
    this.audit.append({ staffId: by, action: 'consent-template.import', entity: 'consent-template', entityId: file.data.template.id });
    return file.data.template;
  }
}
