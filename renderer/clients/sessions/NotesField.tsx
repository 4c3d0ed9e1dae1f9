import { Box, Code, Group, Text, Textarea } from '@mantine/core';
import { useLayoutEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { sessionNotesMax } from '../../../shared/clinical/session';
import { LengthHint } from '../../forms/LengthHint';
import { expandSnippet } from './snippets';
import { useNoteSnippets } from './useNoteSnippets';

/** How much of a shortcut's text the hint under the notes shows. */
const hintLength = 28;

/** Treatment notes, with the clinic's shortcuts: ".ee" then a space becomes the standard sentence. */
export function NotesField({ value, onChange, onBlur, error }: { value: string; onChange: (value: string) => void; onBlur: () => void; error: string | undefined }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLTextAreaElement>(null);
  const caret = useRef<number | null>(null);
  const list = useNoteSnippets();
  const snippets = useMemo(() => new Map<string, string>(list.map((snippet) => [snippet.code, snippet.text])), [list]);

  useLayoutEffect(() => {
    if (caret.current !== null && ref.current) {
      ref.current.setSelectionRange(caret.current, caret.current);
      caret.current = null;
    }
  }, [value]);

  return (
    <div>
      <Textarea
        ref={ref}
        label={t('sessionForm.notes')}
        autosize
        minRows={4}
        maxRows={14}
        value={value}
        onBlur={onBlur}
        error={error}
        // Above the text, not as Mantine's description: that would replace the snippets' description.
        inputContainer={(input) => (
          <>
            <Box mb={4}>
              <LengthHint id="notes-length" length={value.length} max={sessionNotesMax} />
            </Box>
            {input}
          </>
        )}
        aria-describedby="notes-snippets"
        onChange={(event) => {
          const input = event.currentTarget;
          const expanded = expandSnippet(input.value, input.selectionStart ?? input.value.length, snippets);
          if (expanded) caret.current = expanded.caret;
          onChange(expanded ? expanded.text : input.value);
        }}
      />
      <Group gap={6} mt={6} id="notes-snippets">
        <Text size="xs" c="dimmed">
          {t('sessionForm.snippetsHint')}
        </Text>
        {list.map(({ code, text }) => (
          <Text key={code} size="xs" c="dimmed" title={text}>
            <Code>.{code}</Code> {text.length > hintLength ? `${text.slice(0, hintLength - 1)}…` : text}
          </Text>
        ))}
      </Group>
    </div>
  );
}
