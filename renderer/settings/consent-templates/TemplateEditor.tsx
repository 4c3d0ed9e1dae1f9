import { Alert, Button, Group, List, Paper, Stack, Textarea, TextInput, Title, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConsentTemplateDraft, type SignerRole } from '../../../shared/consents/template';
import { issueText } from '../../forms/issue-text';
import { PublishDialog } from './PublishDialog';
import { SectionEditor } from './SectionEditor';
import { blankSection, moved, newPartId, takenIds } from './template-edits';

const statementOrder: SignerRole[] = ['client', 'guardian', 'witness', 'practitioner'];

/**
 * A template's draft: its title, sections, questions and the signers' statements. Nothing is
 * saved until "Publish", which stores it as a new immutable version; Cancel drops the draft.
 */
export function TemplateEditor({ initial, imported, onClose }: { initial: ConsentTemplateDraft; imported: boolean; onClose: (published: boolean) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<ConsentTemplateDraft>(initial);
  const [problems, setProblems] = useState<string[]>([]);
  const [publishing, setPublishing] = useState<ConsentTemplateDraft | null>(null);
  const ids = takenIds(draft);

  const check = () => {
    const result = ConsentTemplateDraft.safeParse(draft);
    if (result.success) {
      setProblems([]);
      setPublishing(result.data);
      return;
    }
    setProblems(result.error.issues.slice(0, 12).map((issue) => `${placeOf(issue.path)}: ${issue.code === 'custom' ? issue.message : issueText(t, issue)}`));
  };
  const placeOf = (path: readonly PropertyKey[]): string => {
    const parts: string[] = [];
    if (path[0] === 'sections' && typeof path[1] === 'number') {
      const section = draft.sections[path[1]];
      parts.push(t('consents.editor.placeSection', { n: path[1] + 1, title: section?.title ?? '' }));
      if (path[2] === 'questions' && typeof path[3] === 'number') parts.push(t('consents.editor.placeQuestion', { n: path[3] + 1 }));
    } else if (path[0] === 'signatures') parts.push(t('consents.editor.statementsTitle'));
    else parts.push(t('consents.editor.placeTemplate'));
    return parts.join(' › ');
  };

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2}>{t('consents.editor.title', { title: initial.title })}</Title>
          <Text c="dimmed" size="sm" mt={4}>
            {imported ? t('consents.editor.importedHint') : t('consents.editor.hint')}
          </Text>
        </div>
      </Group>
      <Paper withBorder p="lg" bg="white">
        <Stack gap="md">
          <TextInput label={t('consents.editor.templateTitle')} value={draft.title} maxLength={200} onChange={(event) => setDraft({ ...draft, title: event.currentTarget.value })} />
          <Textarea label={t('consents.editor.summary')} value={draft.summary} maxLength={500} autosize minRows={2} onChange={(event) => setDraft({ ...draft, summary: event.currentTarget.value })} />
        </Stack>
      </Paper>
      {draft.sections.map((section, index) => (
        <SectionEditor
          key={section.id}
          section={section}
          position={index}
          count={draft.sections.length}
          takenIds={ids}
          onChange={(next) => setDraft({ ...draft, sections: draft.sections.map((s, i) => (i === index ? next : s)) })}
          onMove={(by) => setDraft({ ...draft, sections: moved(draft.sections, index, by) })}
          onRemove={() => setDraft({ ...draft, sections: draft.sections.filter((_, i) => i !== index) })}
        />
      ))}
      <Button
        variant="default"
        w="fit-content"
        leftSection={<IconPlus size={16} aria-hidden />}
        disabled={draft.sections.length >= 40}
        onClick={() => {
          const title = t('consents.editor.newSection');
          setDraft({ ...draft, sections: [...draft.sections, blankSection(newPartId('section', ids), title)] });
        }}
      >
        {t('consents.editor.addSection')}
      </Button>
      <Paper withBorder p="lg" bg="white" component="section" aria-labelledby="statements-title">
        <Title order={3} size="h4" id="statements-title" mb="sm">
          {t('consents.editor.statementsTitle')}
        </Title>
        <Stack gap="sm">
          {statementOrder.map((role) => (
            <Textarea
              key={role}
              label={t(`consents.editor.statements.${role}`)}
              value={draft.signatures[role]}
              maxLength={500}
              autosize
              minRows={2}
              onChange={(event) => setDraft({ ...draft, signatures: { ...draft.signatures, [role]: event.currentTarget.value } })}
            />
          ))}
        </Stack>
      </Paper>
      {problems.length > 0 ? (
        <Alert color="red" variant="light" title={t('consents.editor.problemsTitle')} role="alert">
          <List size="sm">
            {problems.map((problem, index) => (
              <List.Item key={index}>{problem}</List.Item>
            ))}
          </List>
        </Alert>
      ) : null}
      <Group justify="flex-end" gap="sm" style={{ position: 'sticky', bottom: 0, background: 'var(--mantine-color-stone-0)', padding: '12px 0' }}>
        <Button variant="default" onClick={() => onClose(false)}>
          {t('common.cancel')}
        </Button>
        <Button onClick={check}>{t('consents.editor.publish')}</Button>
      </Group>
      <PublishDialog draft={publishing} onClose={() => setPublishing(null)} onPublished={() => onClose(true)} />
    </Stack>
  );
}
