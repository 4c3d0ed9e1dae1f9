import { Stack } from '@mantine/core';
import { useState } from 'react';
import type { ConsentTemplateDraft } from '../../../shared/consents/template';
import { ConsentValidityForm } from './ConsentValidityForm';
import { TemplateEditor } from './TemplateEditor';
import { TemplateList } from './TemplateList';

/**
 * Settings → Consent templates (admins): how long a consent stays valid, the templates with
 * their versions, and an editor whose only way to save is publishing a new version, so a signed
 * form always keeps the exact wording it was signed on.
 */
export function ConsentTemplatesPanel() {
  const [editing, setEditing] = useState<{ draft: ConsentTemplateDraft; imported: boolean } | null>(null);
  const [listVersion, setListVersion] = useState(0);
  if (editing) {
    return (
      <TemplateEditor
        key={editing.draft.id}
        initial={editing.draft}
        imported={editing.imported}
        onClose={(published) => {
          setEditing(null);
          if (published) setListVersion((value) => value + 1);
        }}
      />
    );
  }
  return (
    <Stack gap="xl">
      <ConsentValidityForm />
      <TemplateList key={listVersion} onEdit={(draft, imported) => setEditing({ draft, imported })} />
    </Stack>
  );
}
