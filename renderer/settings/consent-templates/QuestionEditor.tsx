import { ActionIcon, Button, Checkbox, Group, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Question } from '../../../shared/consents/template';
import { newPartId } from './template-edits';

/** One question's wording and rules. Its id stays as it was, so answers compare across versions. */
export function QuestionEditor({ question, onChange, onRemove }: { question: Question; onChange: (next: Question) => void; onRemove: () => void }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" bg="var(--mantine-color-stone-0)" component="fieldset" aria-label={t('consents.editor.questionNamed', { label: question.label })} style={{ margin: 0 }}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Text size="sm" c="dimmed">
            {t(`consents.editor.kinds.${question.kind}`)} · {question.id}
          </Text>
          <ActionIcon variant="subtle" color="red" onClick={onRemove} aria-label={t('consents.editor.removeQuestion', { label: question.label })}>
            <IconTrash size={18} aria-hidden />
          </ActionIcon>
        </Group>
        <TextInput label={t('consents.editor.questionLabel')} value={question.label} maxLength={500} onChange={(event) => onChange({ ...question, label: event.currentTarget.value })} />
        <TextInput label={t('consents.editor.questionHelp')} value={question.help ?? ''} maxLength={1000} onChange={(event) => onChange(withHelp(question, event.currentTarget.value))} />
        <Checkbox label={t('consents.editor.required')} checked={question.required} onChange={(event) => onChange({ ...question, required: event.currentTarget.checked })} />
        {question.kind === 'yes-no' ? (
          <Checkbox
            label={t('consents.editor.mustAgree')}
            description={t('consents.editor.mustAgreeHint')}
            checked={question.mustAgree === true}
            onChange={(event) => {
              const { mustAgree: _dropped, ...rest } = question;
              // A statement the client must agree to is always asked.
              onChange(event.currentTarget.checked ? { ...rest, mustAgree: true, required: true } : rest);
            }}
          />
        ) : null}
        {question.kind === 'yes-no' ? (
          <Group grow align="flex-start">
            <Select
              label={t('consents.editor.flagWhen')}
              description={t('consents.editor.flagWhenHint')}
              data={[
                { value: 'none', label: t('consents.editor.flagNever') },
                { value: 'yes', label: t('consents.editor.flagYes') },
                { value: 'no', label: t('consents.editor.flagNo') },
              ]}
              value={question.flagWhen ?? 'none'}
              allowDeselect={false}
              onChange={(value) => {
                const { flagWhen: _dropped, ...rest } = question;
                onChange(value === 'yes' || value === 'no' ? { ...rest, flagWhen: value } : rest);
              }}
            />
            <TextInput
              label={t('consents.editor.detailLabel')}
              description={t('consents.editor.detailHint')}
              value={question.detailWhenYes?.label ?? ''}
              maxLength={500}
              onChange={(event) => {
                const label = event.currentTarget.value;
                const { detailWhenYes: _dropped, ...rest } = question;
                onChange(label.trim() ? { ...rest, detailWhenYes: { label, required: question.detailWhenYes?.required ?? true } } : rest);
              }}
            />
          </Group>
        ) : null}
        {question.kind === 'choice' ? (
          <Stack gap="xs">
            {question.options.map((option, index) => (
              <Group key={option.id} gap="xs" wrap="nowrap" align="flex-end">
                <TextInput
                  style={{ flex: 1 }}
                  label={t('consents.editor.option', { n: index + 1 })}
                  value={option.label}
                  maxLength={500}
                  onChange={(event) => onChange({ ...question, options: question.options.map((o, i) => (i === index ? { ...o, label: event.currentTarget.value } : o)) })}
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size={36}
                  disabled={question.options.length <= 2}
                  onClick={() => onChange({ ...question, options: question.options.filter((_, i) => i !== index) })}
                  aria-label={t('consents.editor.removeOption', { n: index + 1 })}
                >
                  <IconTrash size={18} aria-hidden />
                </ActionIcon>
              </Group>
            ))}
            <Button
              variant="subtle"
              size="sm"
              w="fit-content"
              leftSection={<IconPlus size={16} aria-hidden />}
              disabled={question.options.length >= 20}
              onClick={() => {
                const label = t('consents.editor.newOption', { n: question.options.length + 1 });
                onChange({ ...question, options: [...question.options, { id: newPartId(label, new Set(question.options.map((o) => o.id))), label }] });
              }}
            >
              {t('consents.editor.addOption')}
            </Button>
          </Stack>
        ) : null}
        {question.kind === 'text' ? (
          <Checkbox label={t('consents.editor.multiline')} checked={question.multiline ?? false} onChange={(event) => onChange({ ...question, multiline: event.currentTarget.checked })} />
        ) : null}
      </Stack>
    </Paper>
  );
}

function withHelp(question: Question, help: string): Question {
  const { help: _dropped, ...rest } = question;
  return (help.trim() ? { ...rest, help } : rest) as Question;
}
