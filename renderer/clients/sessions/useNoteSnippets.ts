import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { NoteSnippet } from '../../../shared/clinical/note-snippets';
import { useBridgeQuery } from '../../hooks/useBridgeQuery';
import { builtInSnippetCodes } from './snippets';

/** The standard shortcuts in the window's language: what a clinic starts from. */
export function useStandardSnippets(): NoteSnippet[] {
  const { t } = useTranslation();
  return useMemo(() => builtInSnippetCodes.map((code) => ({ code, text: t(`snippets.${code}`) })), [t]);
}

/**
 * The shortcuts the notes field expands: the clinic's own list once it has made one in
 * Settings, the standard set until then (an empty list means "not made yet", and a clinic that
 * wants no shortcuts simply never types a code).
 */
export function useNoteSnippets(): NoteSnippet[] {
  const standard = useStandardSnippets();
  const clinic = useBridgeQuery('noteSnippets.list', {});
  return clinic.data && clinic.data.length > 0 ? clinic.data : standard;
}
