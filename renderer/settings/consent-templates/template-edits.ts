import type { ConsentTemplateDraft, Question, TemplateSection } from '../../../shared/consents/template';

/** A lower-case id from a label, unique among `taken` ("Are you pregnant?" → "are-you-pregnant"). */
export function newPartId(label: string, taken: ReadonlySet<string>): string {
  const base =
    label
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'part';
  let id = base;
  for (let n = 2; taken.has(id); n += 1) id = `${base}-${n}`;
  return id;
}

export function takenIds(template: ConsentTemplateDraft): Set<string> {
  const ids = new Set<string>();
  for (const section of template.sections) {
    ids.add(section.id);
    for (const question of section.questions) ids.add(question.id);
  }
  return ids;
}

export const questionKinds = ['yes-no', 'choice', 'date', 'text'] as const;
export type QuestionKind = (typeof questionKinds)[number];

export function blankQuestion(kind: QuestionKind, id: string, label: string): Question {
  switch (kind) {
    case 'yes-no':
      return { id, kind, label, required: true };
    case 'choice':
      return {
        id,
        kind,
        label,
        required: true,
        options: [
          { id: 'option-1', label: 'Option 1' },
          { id: 'option-2', label: 'Option 2' },
        ],
      };
    case 'date':
      return { id, kind, label, required: false };
    case 'text':
      return { id, kind, label, required: false, multiline: true };
  }
}

export function blankSection(id: string, title: string): TemplateSection {
  return { id, title, body: [{ kind: 'paragraph', spans: [{ text: title }] }], questions: [], initials: false };
}

/** A copy of the list with one entry moved by `by` places (kept inside the list). */
export function moved<T>(list: readonly T[], index: number, by: number): T[] {
  const target = Math.min(Math.max(index + by, 0), list.length - 1);
  const copy = [...list];
  const [entry] = copy.splice(index, 1);
  if (entry !== undefined) copy.splice(target, 0, entry);
  return copy;
}
