import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NoteSnippetList } from '../../../shared/clinical/note-snippets';
import { createTestStore } from '../../support/store';
import { tempFolder } from '../../support/temp-folder';

let folder: ReturnType<typeof tempFolder>;
let store: Awaited<ReturnType<typeof createTestStore>>;
beforeEach(async () => {
  folder = tempFolder();
  store = await createTestStore(folder.path);
});
afterEach(() => {
  store.services.close();
  folder.remove();
});

describe("the clinic's note shortcuts", () => {
  it('start empty, so the screens offer the standard set until the clinic saves its own', () => {
    expect(store.services.noteSnippets.list()).toEqual([]);
  });

  it('are replaced as one list, in code order, and the change is in the audit trail without the texts', () => {
    store.services.noteSnippets.replace(store.admin.id, [
      { code: 'tol', text: 'Well tolerated.' },
      { code: 'bb', text: 'Bespoke blend applied.' },
    ]);
    expect(store.services.noteSnippets.list()).toEqual([
      { code: 'bb', text: 'Bespoke blend applied.' },
      { code: 'tol', text: 'Well tolerated.' },
    ]);
    store.services.noteSnippets.replace(store.admin.id, [{ code: 'ee', text: 'Even erythema.' }]);
    expect(store.services.noteSnippets.list()).toEqual([{ code: 'ee', text: 'Even erythema.' }]);

    const rows = store.services.db.prepare("SELECT action, detail FROM audit_event WHERE action = 'settings.note-snippets' ORDER BY seq").all() as { action: string; detail: string }[];
    expect(rows.map((row) => row.detail)).toEqual(['count=2', 'count=1']);
  });

  it('refuse a list with a code used twice, a code with a dot or space, or an empty text, naming the row', () => {
    const twice = NoteSnippetList.safeParse([
      { code: 'ee', text: 'a' },
      { code: 'EE', text: 'b' },
    ]);
    expect(twice.success).toBe(false);
    expect(twice.error?.issues[0]?.path).toEqual([1, 'code']);
    expect(NoteSnippetList.safeParse([{ code: 'e.g', text: 'a' }]).success).toBe(false);
    expect(NoteSnippetList.safeParse([{ code: 'two words', text: 'a' }]).success).toBe(false);
    expect(NoteSnippetList.safeParse([{ code: 'ok', text: '   ' }]).success).toBe(false);
    expect(NoteSnippetList.parse([{ code: ' PB ', text: ' Pinpoint bleeding. ' }])).toEqual([{ code: 'pb', text: 'Pinpoint bleeding.' }]);
  });
});
