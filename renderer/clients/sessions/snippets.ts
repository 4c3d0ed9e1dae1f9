/**
 * Note snippets: a short code typed with a leading full stop (".ee") and a space expands to the
 * sentence. These are the standard set a clinic starts from (their texts are translated); the
 * clinic's own list, made in Settings → Note shortcuts, replaces it.
 */
export const builtInSnippetCodes = ['ee', 'pb', 'tol', 'ac', 'spf', 'rev'] as const;
export type SnippetCode = (typeof builtInSnippetCodes)[number];

/**
 * If the text just before the caret is a known ".code" followed by a space or new line, returns
 * the text with the code replaced and where the caret goes; otherwise null.
 */
export function expandSnippet(text: string, caret: number, snippets: ReadonlyMap<string, string>): { text: string; caret: number } | null {
  const before = text.slice(0, caret);
  const match = /(^|\s)\.([a-z0-9]{1,12})(\s)$/i.exec(before);
  if (!match) return null;
  const expansion = snippets.get(match[2]!.toLowerCase());
  if (!expansion) return null;
  const start = before.length - match[2]!.length - 2;
  const replaced = `${before.slice(0, start)}${expansion}${match[3]}`;
  return { text: replaced + text.slice(caret), caret: replaced.length };
}
