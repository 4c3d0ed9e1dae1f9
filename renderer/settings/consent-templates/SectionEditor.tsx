import { ActionIcon, Checkbox, Group, Menu, Button, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PhotographyBlock, TemplateSection } from '../../../shared/consents/template';
import { QuestionEditor } from './QuestionEditor';
import { blocksOf, markupOf } from './rich-text-markup';
import { blankQuestion, newPartId, questionKinds } from './template-edits';

const photographyOrder: Exclude<keyof PhotographyBlock, 'clinicalRecordMustAgree'>[] = ['clinicalRecord', 'teaching', 'marketingFaceVisible', 'marketingFaceHidden'];

export interface SectionEditorProps {
  section: TemplateSection;
  position: number;
  count: number;
  takenIds: ReadonlySet<string>;
  onChange: (next: TemplateSection) => void;
  onMove: (by: number) => void;
  onRemove: () => void;
}

/** One section: its title, its text (typed with the simple markup), initials, questions and photography wording. */
export function SectionEditor({ section, position, count, takenIds, onChange, onMove, onRemove }: SectionEditorProps) {
  const { t } = useTranslation();
  const [markup, setMarkup] = useState(() => markupOf(section.body));
  const headingId = `section-editor-${section.id}`;
  return (
    <Paper withBorder p="lg" bg="white" component="section" aria-labelledby={headingId}>
      <Stack gap="md">
        <Group justify="space-between" wrap="nowrap">
          <Title order={3} size="h4" id={headingId}>
            {t('consents.editor.sectionHeading', { n: position + 1, title: section.title })}
          </Title>
          <Group gap={4} wrap="nowrap">
            <ActionIcon variant="subtle" disabled={position === 0} onClick={() => onMove(-1)} aria-label={t('consents.editor.moveUp', { title: section.title })}>
              <IconArrowUp size={18} aria-hidden />
            </ActionIcon>
            <ActionIcon variant="subtle" disabled={position === count - 1} onClick={() => onMove(1)} aria-label={t('consents.editor.moveDown', { title: section.title })}>
              <IconArrowDown size={18} aria-hidden />
            </ActionIcon>
            <ActionIcon variant="subtle" color="red" disabled={count <= 1} onClick={onRemove} aria-label={t('consents.editor.removeSection', { title: section.title })}>
              <IconTrash size={18} aria-hidden />
            </ActionIcon>
          </Group>
        </Group>
        <TextInput label={t('consents.editor.sectionTitle')} value={section.title} maxLength={200} onChange={(event) => onChange({ ...section, title: event.currentTarget.value })} />
        <Textarea
          label={t('consents.editor.sectionText')}
          description={t('consents.editor.sectionTextHint')}
          value={markup}
          autosize
          minRows={4}
          maxRows={14}
          onChange={(event) => {
            setMarkup(event.currentTarget.value);
            onChange({ ...section, body: blocksOf(event.currentTarget.value) });
          }}
        />
        <Checkbox
          label={t('consents.editor.initials')}
          description={t('consents.editor.initialsHint')}
          checked={section.initials}
          onChange={(event) => onChange({ ...section, initials: event.currentTarget.checked })}
        />
        {section.photography ? (
          <Stack gap="xs">
            <Text fw={600} size="sm">
              {t('consents.editor.photographyWording')}
            </Text>
            {photographyOrder.map((choice) => (
              <TextInput
                key={choice}
                label={t(`consents.editor.photography.${choice}`)}
                value={section.photography?.[choice] ?? ''}
                maxLength={500}
                onChange={(event) => section.photography && onChange({ ...section, photography: { ...section.photography, [choice]: event.currentTarget.value } })}
              />
            ))}
            <Checkbox
              label={t('consents.editor.clinicalRecordMustAgree')}
              description={t('consents.editor.clinicalRecordMustAgreeHint')}
              checked={section.photography.clinicalRecordMustAgree === true}
              onChange={(event) => {
                if (!section.photography) return;
                const { clinicalRecordMustAgree: _dropped, ...rest } = section.photography;
                onChange({ ...section, photography: event.currentTarget.checked ? { ...rest, clinicalRecordMustAgree: true } : rest });
              }}
            />
          </Stack>
        ) : null}
        {section.questions.map((question, index) => (
          <QuestionEditor
            key={question.id}
            question={question}
            onChange={(next) => onChange({ ...section, questions: section.questions.map((q, i) => (i === index ? next : q)) })}
            onRemove={() => onChange({ ...section, questions: section.questions.filter((_, i) => i !== index) })}
          />
        ))}
        <Menu position="bottom-start">
          <Menu.Target>
            <Button variant="subtle" w="fit-content" leftSection={<IconPlus size={16} aria-hidden />}>
              {t('consents.editor.addQuestion')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {questionKinds.map((kind) => (
              <Menu.Item
                key={kind}
                onClick={() => {
                  const label = t('consents.editor.newQuestion');
                  onChange({ ...section, questions: [...section.questions, blankQuestion(kind, newPartId(`${section.id}-question`, takenIds), label)] });
                }}
              >
                {t(`consents.editor.kinds.${kind}`)}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
      </Stack>
    </Paper>
  );
}
