import { describe, expect, it } from 'vitest';
import { microneedlingTemplate } from '../../../shared/consents/built-in-templates';
import { ConsentTemplateDraft } from '../../../shared/consents/template';
import { blocksOf, markupOf } from '../../../renderer/settings/consent-templates/rich-text-markup';
import { moved, newPartId } from '../../../renderer/settings/consent-templates/template-edits';

describe('section text as the admin types it in the template editor', () => {
  it('turns paragraphs, "- " list items and **bold** into structured text, never markup', () => {
    expect(blocksOf('Read this **carefully**, please.\n\n- One\n- Two **bold**\n\n<script>x</script>')).toEqual([
      { kind: 'paragraph', spans: [{ text: 'Read this' }, { text: 'carefully', bold: true }, { text: ', please.' }] },
      { kind: 'bullets', items: [[{ text: 'One' }], [{ text: 'Two' }, { text: 'bold', bold: true }]] },
      { kind: 'paragraph', spans: [{ text: '<script>x</script>' }] },
    ]);
  });

  it('shows every built-in section for editing and, unchanged, gives back text the template schema accepts with the same words', () => {
    for (const section of microneedlingTemplate.sections) {
      const again = blocksOf(markupOf(section.body));
      const words = (blocks: typeof again) => JSON.stringify(blocks).replace(/\\s+/g, ' ');
      expect(markupOf(again)).toBe(markupOf(section.body));
      expect(words(again).length).toBeGreaterThan(0);
    }
    const edited = { ...microneedlingTemplate, sections: microneedlingTemplate.sections.map((section) => ({ ...section, body: blocksOf(markupOf(section.body)) })) };
    expect(ConsentTemplateDraft.safeParse(edited).success).toBe(true);
    expect(markupOf(microneedlingTemplate.sections[0]!.body)).toContain('also called **collagen induction therapy**, uses');
  });
});

describe('editing a template', () => {
  it('makes new question ids from their words, unique in the template', () => {
    expect(newPartId('Zoë’s skin: OK?', new Set())).toBe('zoe-s-skin-ok');
    expect(newPartId('New question', new Set(['new-question', 'new-question-2']))).toBe('new-question-3');
  });

  it('moves a section up or down, never off the list', () => {
    expect(moved(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moved(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moved(['a', 'b', 'c'], 2, 5)).toEqual(['a', 'b', 'c']);
  });
});
