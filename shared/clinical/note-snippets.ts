import { z } from 'zod';

/**
 * A clinic's own note shortcut: typing ".code" and a space in treatment notes writes the text.
 * Codes are short, lower-case letters and digits, so they cannot collide with ordinary words
 * typed after a full stop ("e.g." stays as typed).
 */
export const NoteSnippet = z
  .object({
    code: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9]{1,12}$/, 'Use 1 to 12 letters or digits for the code, no spaces or dots.'),
    text: z.string().trim().min(1, 'Write the text the code stands for.').max(1000),
  })
  .strict();
export type NoteSnippet = z.infer<typeof NoteSnippet>;

export const maxNoteSnippets = 100;

/** The clinic's whole list, replaced at once from Settings: codes must be unique. */
export const NoteSnippetList = z
  .array(NoteSnippet)
  .max(maxNoteSnippets, `A clinic can keep up to ${maxNoteSnippets} shortcuts.`)
  .superRefine((snippets, context) => {
    const seen = new Set<string>();
    snippets.forEach((snippet, index) => {
      if (seen.has(snippet.code)) context.addIssue({ code: 'custom', path: [index, 'code'], message: `The code ".${snippet.code}" is used twice.` });
      seen.add(snippet.code);
    });
  });
