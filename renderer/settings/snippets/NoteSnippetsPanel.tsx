import { ActionIcon, Alert, Button, Group, Paper, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { IconInfoCircle, IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { maxNoteSnippets, type NoteSnippet } from '../../../shared/clinical/note-snippets';
import type { BridgeError } from '../../../shared/errors';
import { notifySuccess } from '../../app/notify';
import { asBridgeError } from '../../bridge/bridge-failure';
import { call } from '../../bridge/client';
import { useStandardSnippets } from '../../clients/sessions/useNoteSnippets';
import { ErrorAlert } from '../../errors/ErrorAlert';
import { SaveBar } from '../../forms/SaveBar';
import { useBridgeQuery } from '../../hooks/useBridgeQuery';
import { PageLoading } from '../../shell/PageLoading';
import { snippetProblems, toSnippets, tooMany, type SnippetRow } from './snippet-draft';

/** Editable rows, each with a key of its own so React keeps a row's inputs with it. */
function snippetRows(snippets: readonly NoteSnippet[], nextKey: RefObject<number>): SnippetRow[] {
  return snippets.map((snippet) => ({ key: nextKey.current++, code: snippet.code, text: snippet.text }));
}

/**
 * The clinic's note shortcuts, edited as one list and saved at once. Until the clinic saves its
 * own, the standard set is shown (and used in notes), so the first visit starts from something.
 */
export function NoteSnippetsPanel() {
  const { t } = useTranslation();
  const stored = useBridgeQuery('noteSnippets.list', {});
  const standard = useStandardSnippets();
  const nextKey = useRef(0);
  const [rows, setRows] = useState<SnippetRow[] | null>(null);
  const [failure, setFailure] = useState<BridgeError | null>(null);
  const [saving, setSaving] = useState(false);

  const rowsOf = (snippets: readonly NoteSnippet[]) => snippetRows(snippets, nextKey);
  const usingStandard = stored.data !== null && stored.data.length === 0;
  const baseline = stored.data && stored.data.length > 0 ? stored.data : standard;

  // Rows are rebuilt when the stored list arrives or is saved; the standard set is memoised on the
  // language, so it does not rebuild them on every render.
  useEffect(() => {
    if (!stored.data) return;
    setRows(snippetRows(stored.data.length > 0 ? stored.data : standard, nextKey));
  }, [stored.data, standard]);

  if (stored.loading && !rows) return <PageLoading />;
  if (!stored.data || !rows) return <ErrorAlert error={stored.error} />;

  const problems = snippetProblems(rows);
  const draft = toSnippets(rows);
  const changed = usingStandard || JSON.stringify(draft) !== JSON.stringify(baseline.map((s) => ({ code: s.code, text: s.text })));
  const blocked = problems.size > 0 || tooMany(rows);
  const update = (key: number, field: 'code' | 'text', value: string) => setRows((current) => current && current.map((row) => (row.key === key ? { ...row, [field]: value } : row)));

  const save = async () => {
    setFailure(null);
    setSaving(true);
    try {
      const saved = await call('noteSnippets.replace', { snippets: draft });
      notifySuccess(t('noteSnippets.savedTitle'), t('noteSnippets.savedMessage', { count: saved.length }));
      await stored.reload();
    } catch (error) {
      setFailure(asBridgeError(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Stack gap="lg">
      <Paper withBorder p="xl" bg="white" component="section" aria-labelledby="snippets-title">
        <Stack gap="lg">
          <div>
            <Title order={2} size="h4" id="snippets-title">
              {t('noteSnippets.title')}
            </Title>
            <Text size="sm" c="dimmed" mt={6} maw={720}>
              {t('noteSnippets.intro')}
            </Text>
          </div>
          {usingStandard ? (
            <Alert variant="light" color="blue" icon={<IconInfoCircle aria-hidden />}>
              {t('noteSnippets.usingStandard')}
            </Alert>
          ) : null}
          {rows.length === 0 ? <Text c="dimmed">{t('noteSnippets.none')}</Text> : null}
          <Stack gap="sm" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {rows.map((row, index) => {
              const problem = problems.get(row.key);
              const number = index + 1;
              const codeProblem = problem === 'code' || problem === 'duplicate' ? t(`noteSnippets.problems.${problem}`) : undefined;
              const textProblem = problem === 'text' || problem === 'tooLong' ? t(`noteSnippets.problems.${problem}`) : undefined;
              return (
                <Group component="li" key={row.key} align="flex-start" gap="sm" wrap="nowrap">
                  <TextInput
                    w={150}
                    leftSection={<Text c="dimmed">.</Text>}
                    label={index === 0 ? t('noteSnippets.code') : undefined}
                    aria-label={t('noteSnippets.codeFor', { number })}
                    value={row.code}
                    maxLength={13}
                    autoComplete="off"
                    spellCheck={false}
                    error={codeProblem}
                    // The field shows the full stop itself; one typed out of habit is not part of the code.
                    onChange={(event) => update(row.key, 'code', event.currentTarget.value.replace(/^\s*\./, ''))}
                  />
                  <Textarea
                    style={{ flex: 1 }}
                    autosize
                    minRows={1}
                    maxRows={5}
                    label={index === 0 ? t('noteSnippets.text') : undefined}
                    aria-label={t('noteSnippets.textFor', { number })}
                    value={row.text}
                    error={textProblem}
                    onChange={(event) => update(row.key, 'text', event.currentTarget.value)}
                  />
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    size="lg"
                    mt={index === 0 ? 26 : 2}
                    aria-label={row.code.trim() ? t('noteSnippets.remove', { code: row.code.trim().replace(/^\./, '') }) : t('noteSnippets.removeUnnamed', { number })}
                    onClick={() => setRows((current) => current && current.filter((candidate) => candidate.key !== row.key))}
                  >
                    <IconTrash size={18} aria-hidden />
                  </ActionIcon>
                </Group>
              );
            })}
          </Stack>
          {tooMany(rows) ? <Text c="var(--mantine-color-error)">{t('noteSnippets.tooMany', { max: maxNoteSnippets })}</Text> : null}
          <Group>
            <Button variant="default" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setRows((current) => [...(current ?? []), { key: nextKey.current++, code: '', text: '' }])}>
              {t('noteSnippets.add')}
            </Button>
            {!usingStandard ? (
              <Button variant="subtle" onClick={() => setRows(rowsOf(standard))}>
                {t('noteSnippets.useStandard')}
              </Button>
            ) : null}
          </Group>
        </Stack>
      </Paper>
      <ErrorAlert error={failure} />
      <SaveBar>
        <Button variant="default" disabled={!changed || saving || usingStandard} onClick={() => setRows(rowsOf(baseline))}>
          {t('common.discardChanges')}
        </Button>
        <Button onClick={() => void save()} loading={saving} disabled={!changed || blocked}>
          {t('noteSnippets.save')}
        </Button>
      </SaveBar>
    </Stack>
  );
}
