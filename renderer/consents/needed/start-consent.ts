import type { TemplateKind } from '../../../shared/consents/template';
import { call } from '../../bridge/client';

/** The template a "Start consent" button opens: the clinic's first of that kind, else the built-in one of the same id. */
export async function templateIdFor(kind: TemplateKind): Promise<string> {
  const templates = await call('consentTemplates.list', {}).catch(() => []);
  return templates.find((template) => template.kind === kind)?.id ?? kind;
}
